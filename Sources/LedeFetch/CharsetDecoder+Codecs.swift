#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CharsetDecoder {
    /// Decodes `bytes` as `charset`, replacing undecodable sequences with U+FFFD.
    /// - Returns: the text and how many replacements were made, or `nil` if the charset is unavailable.
    static func decode(_ bytes: [UInt8], as charset: Charset) -> (text: String, errors: Int)? {
        if charset == .utf8 {
            let text = String(decoding: bytes, as: UTF8.self)
            return (text, UTF8Scan(bytes).isValid ? 0 : 1)
        }
        if charset == .windows1252 { return (decodeWindows1252(bytes), 0) }
        guard let iconvName = charset.iconvName else { return nil }
        return decodeWithIconv(bytes, from: iconvName)
    }

    /// windows-1252 per the WHATWG table: 0x80–0x9F map to punctuation (and five to C1 controls), the rest to U+00xx.
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt16] = [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
            0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Decodes with glibc iconv into UTF-8; an invalid or truncated sequence becomes U+FFFD and one byte is skipped.
    static func decodeWithIconv(_ bytes: [UInt8], from name: String) -> (text: String, errors: Int)? {
        let descriptor = iconv_open("UTF-8", name)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var written = 0
        var errors = 0
        var input = bytes
        var consumed = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                let inBase = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                let outBase = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                while true {
                    var inPointer: UnsafeMutablePointer<CChar>? = inBase + consumed
                    var inLeft = inBuffer.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = outBase + written
                    var outLeft = outBuffer.count - written
                    let result = inLeft == 0
                        ? iconv(descriptor, nil, nil, &outPointer, &outLeft)  // flush a stateful encoding
                        : iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    consumed = inBuffer.count - inLeft
                    written = outBuffer.count - outLeft
                    if result != -1 || inLeft == 0 || errno == E2BIG || outLeft < 3 { break }
                    // EILSEQ or EINVAL: replace one byte and carry on from a reset state.
                    errors += 1
                    outBase[written] = CChar(bitPattern: 0xEF)
                    outBase[written + 1] = CChar(bitPattern: 0xBF)
                    outBase[written + 2] = CChar(bitPattern: 0xBD)
                    written += 3
                    consumed += 1
                    iconv(descriptor, nil, nil, nil, nil)
                }
            }
        }
        if consumed < bytes.count { errors += 1 }
        return (String(decoding: output[..<written], as: UTF8.self), errors)
    }
}

/// One pass over bytes: are they valid UTF-8, and do they contain any multi-byte sequence?
struct UTF8Scan {
    let isValid: Bool
    let hasMultibyte: Bool
    let highBytes: Int

    init(_ bytes: [UInt8]) {
        highBytes = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        hasMultibyte = highBytes > 0
        guard highBytes > 0 else {
            isValid = true
            return
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var valid = true
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error:
                valid = false
                break loop
            }
        }
        isValid = valid
    }
}
