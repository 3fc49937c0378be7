/// Text decoded from a page body, and how its encoding was chosen.
public struct DecodedText: Sendable, Equatable {
    /// Where the encoding decision came from.
    public enum Source: String, Sendable, Equatable {
        /// A byte-order mark (UTF-8, UTF-16LE/BE).
        case bom
        /// The `charset` parameter of `Content-Type`.
        case header
        /// `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 2 KB.
        case meta
        /// The bytes themselves (valid multi-byte UTF-8 overriding a legacy label, or a CJK sniff).
        case sniffed
        /// Nothing usable was declared: UTF-8 if valid, else windows-1252.
        case fallback
    }

    /// The decoded text (never fails; undecodable bytes become U+FFFD).
    public var text: String
    /// The encoding used.
    public var charset: Charset
    /// Why that encoding.
    public var source: Source
}

/// Turns page bytes into a `String`, tolerating the usual lies: pages labelled UTF-8 that are windows-1252 or
/// Shift_JIS, and pages labelled latin-1 (or another legacy charset) that are really UTF-8.
///
/// Order: BOM → bytes that are valid UTF-8 *with* multi-byte sequences are UTF-8 whatever the label says →
/// the header charset, then the `<meta>` charset, each only if it decodes cleanly (a UTF-8 label on invalid
/// UTF-8 is skipped) → a Japanese/Chinese sniff for unlabelled multi-byte text → windows-1252.
/// Legacy encodings are decoded with glibc iconv; UTF-8 and windows-1252 in Swift.
/// LedeHTML and the service use this too, so it lives here.
public enum CharsetDecoder {
    /// How much of the body the `<meta>` prescan looks at (WHATWG: 1024; many real pages need more).
    public static let metaScanLimit = 2048

    /// Decodes `bytes`. See the type's documentation for the order of decisions.
    /// - Parameters:
    ///   - bytes: the (content-decoded) body.
    ///   - headerCharset: the `charset` parameter of `Content-Type`, if any (unknown labels are ignored).
    public static func decode(_ bytes: [UInt8], headerCharset: String?) -> DecodedText {
        if let bom = decodeBOM(bytes) { return bom }
        let scan = UTF8Scan(bytes)
        let header = headerCharset.flatMap { Charset(label: $0) }
        var meta = metaCharset(in: bytes).flatMap { Charset(label: $0) }
        // WHATWG: a <meta> claiming UTF-16 in an ASCII-compatible document means UTF-8.
        if meta == .utf16LE || meta == .utf16BE { meta = .utf8 }

        if scan.hasMultibyte, scan.isValid {
            let source: DecodedText.Source = header == .utf8 ? .header : (header == nil && meta == .utf8 ? .meta : .sniffed)
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), charset: .utf8, source: source)
        }
        for (declared, source) in [(header, DecodedText.Source.header), (meta, .meta)] {
            guard let declared else { continue }
            if declared.isUTF8 {
                if scan.isValid { return DecodedText(text: String(decoding: bytes, as: UTF8.self), charset: .utf8, source: source) }
                continue
            }
            // A declared legacy charset is kept if at most ~2% of its non-ASCII bytes fail to decode.
            if let decoded = decode(bytes, as: declared), decoded.errors == 0 || decoded.errors * 50 <= scan.highBytes {
                return DecodedText(text: decoded.text, charset: declared, source: source)
            }
        }
        if scan.isValid {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), charset: .utf8, source: .fallback)
        }
        if let sniffed = sniffCJK(bytes, highBytes: scan.highBytes) { return sniffed }
        return DecodedText(text: decodeWindows1252(bytes), charset: .windows1252, source: .fallback)
    }

    private static func decodeBOM(_ bytes: [UInt8]) -> DecodedText? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), charset: .utf8, source: .bom)
        }
        for (bom, charset) in [([UInt8]([0xFF, 0xFE]), Charset.utf16LE), ([0xFE, 0xFF], .utf16BE)] where bytes.starts(with: bom) {
            if let decoded = decode(Array(bytes.dropFirst(2)), as: charset) {
                return DecodedText(text: decoded.text, charset: charset, source: .bom)
            }
        }
        return nil
    }

    /// Unlabelled (or wrongly labelled) non-UTF-8 text with many high bytes: Japanese if a strict Shift_JIS
    /// or EUC-JP decode yields kana (Japanese prose always has them), else Chinese if GB18030 decodes strictly.
    private static func sniffCJK(_ bytes: [UInt8], highBytes: Int) -> DecodedText? {
        guard highBytes >= 8 else { return nil }
        for charset in [Charset.shiftJIS, .eucJP] {
            guard let decoded = decode(bytes, as: charset), decoded.errors == 0 else { continue }
            var kana = 0
            var nonASCII = 0
            for scalar in decoded.text.unicodeScalars where !scalar.isASCII {
                nonASCII += 1
                if (0x3041...0x30FF).contains(scalar.value) { kana += 1 }
            }
            if nonASCII > 0, kana * 10 >= nonASCII {
                return DecodedText(text: decoded.text, charset: charset, source: .sniffed)
            }
        }
        if let decoded = decode(bytes, as: .gbk), decoded.errors == 0 {
            return DecodedText(text: decoded.text, charset: .gbk, source: .sniffed)
        }
        return nil
    }

    /// The charset label declared by a `<meta charset=…>` or `<meta http-equiv … content="…charset=…">` in the
    /// first ``metaScanLimit`` bytes (comments skipped), as written; `nil` if none.
    public static func metaCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(metaScanLimit).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var index = 0
        while index < head.count {
            if head[index...].starts(with: Array("<!--".utf8)) {
                index = find(Array("-->".utf8), in: head, from: index + 4).map { $0 + 3 } ?? head.count
                continue
            }
            if head[index...].starts(with: Array("<meta".utf8)), index + 5 < head.count,
               [0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x2F].contains(head[index + 5]) {
                let end = head[index...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
                if let label = charsetValue(in: Array(head[index..<end])) { return label }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }

    /// `charset` `=` value, with optional spaces and quotes, inside one tag's bytes.
    private static func charsetValue(in tag: [UInt8]) -> String? {
        var searchFrom = 0
        while let start = find(Array("charset".utf8), in: tag, from: searchFrom) {
            var index = start + 7
            searchFrom = index
            while index < tag.count, tag[index] == 0x20 || tag[index] == 0x09 { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < tag.count, tag[index] == 0x20 || tag[index] == 0x09 || tag[index] == 0x22 || tag[index] == 0x27 {
                index += 1
            }
            let value = tag[index...].prefix { ![0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x3B, 0x3E, 0x2F].contains($0) }
            if !value.isEmpty { return String(decoding: value, as: UTF8.self) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
