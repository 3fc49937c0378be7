/// Chooses the encoding of a page given as bytes, in the order browsers use (WHATWG "encoding sniffing"):
/// byte-order mark, the transport's `charset` (HTTP `Content-Type`), a `<meta charset>` or `http-equiv`
/// declaration in the first 1024 bytes, then UTF-8 when the bytes are valid UTF-8, else windows-1252.
enum CharsetDetector {
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, transportCharset: String?) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
        for candidate in [transportCharset, metaCharset(in: bytes)] {
            guard let name = candidate.map(normalize), !name.isEmpty else { continue }
            // A page labelled latin-1 is decoded as windows-1252, as browsers do; UTF-16 labels in an
            // ASCII-compatible document are wrong by construction.
            if name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" { return "windows-1252" }
            if name.hasPrefix("utf-16") { continue }
            if HTMLDocument.supports(encoding: name) { return name }
        }
        return isValidUTF8(bytes) ? "utf-8" : "windows-1252"
    }

    static func normalize(_ label: String) -> String {
        var name = label.lowercased()
        while let first = name.first, first == " " || first == "\"" || first == "'" { name.removeFirst() }
        while let last = name.last, last == " " || last == "\"" || last == "'" || last == ";" { name.removeLast() }
        if name == "utf8" { return "utf-8" }
        return name
    }

    /// The charset named by a `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">` in
    /// the first 1024 bytes (a byte scan, as a browser's pre-scan does, not a parse).
    static func metaCharset(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let prefix = Array(bytes.prefix(1024)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let marker = Array("charset=".utf8)
        var index = 0
        while index + marker.count <= prefix.count {
            if prefix[index] == marker[0], Array(prefix[index..<index + marker.count]) == marker {
                var start = index + marker.count
                while start < prefix.count, prefix[start] == 0x22 || prefix[start] == 0x27 || prefix[start] == 0x20 { start += 1 }
                var end = start
                while end < prefix.count, isLabelByte(prefix[end]) { end += 1 }
                if end > start { return String(decoding: prefix[start..<end], as: UTF8.self) }
            }
            index += 1
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            || byte == 0x3A || byte == 0x2E
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
