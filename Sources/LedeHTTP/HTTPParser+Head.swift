/// Request-line and field-line parsing (RFC 9112 §3 and §5) plus the framing decisions of RFC 9112 §6.
extension HTTPParser {
    /// What the field lines said about framing and connection handling.
    fileprivate struct FramingFields {
        var contentLength: Int?
        var transferEncodings: [UInt8] = []  // the raw comma-joined Transfer-Encoding values
        var hasTransferEncoding = false
        var hostCount = 0
        var connectionClose = false
        var connectionKeepAlive = false
        var expectsContinue = false
    }

    /// A syntactically valid head before the framing rules have been applied.
    struct RawHead {
        var method: String
        var target: String
        var version: HTTPVersion
        var headers: HTTPHeaders
        fileprivate var framing: FramingFields
    }

    /// Parses a complete header section's syntax: request line and field lines (RFC 9112 §3, §5).
    static func parseHeadSyntax(_ bytes: UnsafeBufferPointer<UInt8>, limits: Limits) throws(HTTPParseError) -> RawHead {
        guard let lineEnd = lineEnd(in: bytes, from: 0) else { throw .invalidRequestLine }
        let (method, target, version) = try parseRequestLine(UnsafeBufferPointer(rebasing: bytes[0..<lineEnd]))
        var framing = FramingFields()
        let headers = try parseFields(bytes, from: lineEnd + 2, limits: limits) { name, value throws(HTTPParseError) in
            try inspect(name: name, value: value, into: &framing)
        }
        return RawHead(method: method, target: target, version: version, headers: headers, framing: framing)
    }

    /// Parses field lines from `start` up to the blank line. `inspect` sees each name/value as raw bytes.
    static func parseFields(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limits: Limits,
        inspect: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Void
    ) throws(HTTPParseError) -> HTTPHeaders {
        var headers = HTTPHeaders()
        var position = start
        while let end = lineEnd(in: bytes, from: position), end > position {
            let line = UnsafeBufferPointer(rebasing: bytes[position..<end])
            // RFC 9112 §5.2 — obs-fold: a server MUST reject it with 400 (or replace it; we reject).
            if line[0] == space || line[0] == tab { throw .obsoleteLineFolding }
            guard headers.count < limits.maxHeaderCount else { throw .tooManyHeaders }
            var nameEnd = 0
            while nameEnd < line.count, isTokenByte(line[nameEnd]) { nameEnd += 1 }
            guard nameEnd < line.count else { throw .invalidHeaderName }
            if line[nameEnd] != colon {
                // RFC 9112 §5.1 — no whitespace is allowed between field name and colon: MUST reject with 400.
                throw line[nameEnd] == space || line[nameEnd] == tab ? .whitespaceBeforeColon : .invalidHeaderName
            }
            guard nameEnd > 0 else { throw .invalidHeaderName }
            // RFC 9112 §5.1 — field-line = field-name ":" OWS field-value OWS
            var valueStart = nameEnd + 1
            var valueEnd = line.count
            while valueStart < valueEnd, line[valueStart] == space || line[valueStart] == tab { valueStart += 1 }
            while valueEnd > valueStart, line[valueEnd - 1] == space || line[valueEnd - 1] == tab { valueEnd -= 1 }
            for index in valueStart..<valueEnd where isForbiddenInValue(line[index]) {
                // RFC 9110 §5.5 — CR, LF and NUL are never valid in a value: reject rather than repair.
                throw .invalidHeaderValue
            }
            let name = UnsafeBufferPointer(rebasing: line[0..<nameEnd])
            let value = UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
            try inspect(name, value)
            headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
            position = end + 2
        }
        return headers
    }

    /// The index of the CR of the next CRLF at or after `start` (the section end guarantees there is one).
    @inline(__always)
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == cr, bytes[index + 1] == lf { return index }
            index += 1
        }
        return nil
    }

    /// RFC 9112 §3 — request-line = method SP request-target SP HTTP-version, single spaces, no other whitespace.
    private static func parseRequestLine(
        _ line: UnsafeBufferPointer<UInt8>
    ) throws(HTTPParseError) -> (String, String, HTTPVersion) {
        var index = 0
        while index < line.count, isTokenByte(line[index]) { index += 1 }
        let methodEnd = index
        guard methodEnd > 0, index < line.count, line[index] == space else { throw .invalidRequestLine }
        index += 1
        let targetStart = index
        while index < line.count, isTargetByte(line[index]) { index += 1 }
        let targetEnd = index
        guard targetEnd > targetStart, index < line.count, line[index] == space else { throw .invalidRequestLine }
        index += 1
        // RFC 9112 §2.3 — HTTP-version = "HTTP/" DIGIT "." DIGIT (case-sensitive).
        let version = UnsafeBufferPointer(rebasing: line[index...])
        guard version.count == 8, version.starts(with: "HTTP/".utf8), isDigit(version[5]),
              version[6] == UInt8(ascii: "."), isDigit(version[7]) else { throw .invalidRequestLine }
        let major = Int(version[5] - 0x30), minor = Int(version[7] - 0x30)
        guard major == 1 else { throw .unsupportedVersion }
        let method = String(decoding: UnsafeBufferPointer(rebasing: line[0..<methodEnd]), as: UTF8.self)
        let target = String(decoding: UnsafeBufferPointer(rebasing: line[targetStart..<targetEnd]), as: UTF8.self)
        // RFC 9110 §6.2 — an HTTP/1.x request with a higher minor version is handled as the highest we support.
        return (method, target, minor == 0 ? .http1_0 : .http1_1)
    }

    /// Records the fields that decide framing and connection handling.
    private static func inspect(
        name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, into framing: inout FramingFields
    ) throws(HTTPParseError) {
        switch name.count {
        case 4 where equalsLowercase(name, "host"):
            framing.hostCount += 1
        case 6 where equalsLowercase(name, "expect"):
            framing.expectsContinue = equalsLowercase(value, "100-continue")
        case 10 where equalsLowercase(name, "connection"):
            forEachListElement(value) { token in
                if equalsLowercase(token, "close") { framing.connectionClose = true }
                if equalsLowercase(token, "keep-alive") { framing.connectionKeepAlive = true }
            }
        case 14 where equalsLowercase(name, "content-length"):
            // RFC 9110 §8.6 — Content-Length = 1*DIGIT. RFC 9112 §6.3 rule 5 — a list or repeated field is only
            // acceptable if every value is the same valid number; anything else is unrecoverable framing.
            var failed = false
            forEachListElement(value) { element in
                guard let length = parseDecimal(element), framing.contentLength == nil || framing.contentLength == length
                else { failed = true; return }
                framing.contentLength = length
            }
            if failed || value.isEmpty { throw .invalidContentLength }
        case 17 where equalsLowercase(name, "transfer-encoding"):
            framing.hasTransferEncoding = true
            if !framing.transferEncodings.isEmpty { framing.transferEncodings.append(UInt8(ascii: ",")) }
            framing.transferEncodings.append(contentsOf: value)
        default:
            break
        }
    }

    /// RFC 9112 §6 — decides the body framing, or rejects an ambiguous one.
    static func decideFraming(_ raw: RawHead, limits: Limits) throws(HTTPParseError) -> HTTPRequestHead {
        let (method, version, fields) = (raw.method, raw.version, raw.framing)
        // RFC 9112 §3.2 — a server MUST respond 400 to an HTTP/1.1 request without Host, or with several.
        if version == .http1_1, fields.hostCount == 0 { throw .missingHost }
        if fields.hostCount > 1 { throw .multipleHosts }

        var bodyFraming = HTTPRequestHead.BodyFraming.none
        if fields.hasTransferEncoding {
            // RFC 9112 §6.1 — TE + CL "ought to be handled as an error": the classic smuggling vector; reject.
            if fields.contentLength != nil { throw .contentLengthWithTransferEncoding }
            // RFC 9112 §6.1 — HTTP/1.0 has no Transfer-Encoding; treat as faulty framing.
            if version == .http1_0 { throw .unsupportedTransferEncoding }
            // RFC 9112 §6.1/§7 — chunked MUST be the final coding and applied once; we decode no other
            // coding, so the only acceptable list is exactly "chunked".
            var codings = 0
            var onlyChunked = true
            fields.transferEncodings.withUnsafeBufferPointer { all in
                forEachListElement(all) { coding in
                    codings += 1
                    if !equalsLowercase(coding, "chunked") { onlyChunked = false }
                }
            }
            guard codings == 1, onlyChunked else { throw .unsupportedTransferEncoding }
            bodyFraming = .chunked
        } else if let length = fields.contentLength {
            // RFC 9110 §15.5.14 — refuse a declared oversize body before reading any of it.
            if length > limits.maxBodyBytes { throw .bodyTooLarge }
            if length > 0 { bodyFraming = .length(length) }
        } else if method == "POST" || method == "PUT" {
            // RFC 9110 §15.5.12 — a server may require a length for bodies; POST/PUT without one get 411.
            throw .lengthRequired
        }

        // RFC 9112 §9.3 — HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive".
        let keepAlive = !fields.connectionClose && (version == .http1_1 || fields.connectionKeepAlive)
        return HTTPRequestHead(
            method: method, target: raw.target, version: version, headers: raw.headers, framing: bodyFraming,
            keepAlive: keepAlive, expectsContinue: fields.expectsContinue && version == .http1_1
        )
    }

    /// Calls `body` with each element of a comma-separated list, OWS trimmed, empty elements skipped
    /// (RFC 9110 §5.6.1).
    static func forEachListElement(
        _ value: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != UInt8(ascii: ",") { end += 1 }
            var low = start, high = end
            while low < high, value[low] == space || value[low] == tab { low += 1 }
            while high > low, value[high - 1] == space || value[high - 1] == tab { high -= 1 }
            if high > low { body(UnsafeBufferPointer(rebasing: value[low..<high])) }
            start = end + 1
        }
    }

    /// 1*DIGIT without sign or whitespace; `nil` on anything else or on overflow.
    static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }  // 18 digits always fit in Int64
        var result = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }
}
