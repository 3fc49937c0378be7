/// Serialising a response into the single buffer that is written to the socket (head and body together:
/// two writes would let Nagle + delayed ACK stall each response ~40 ms).
extension HTTPResponse {
    /// How the connection wants the response framed.
    struct Framing {
        /// The request was HEAD: same headers as GET, no body (RFC 9110 §9.3.2).
        var isHead: Bool
        /// Send `Connection: close` (we close after this response).
        var close: Bool
        /// Send `Connection: keep-alive` (an HTTP/1.0 client asked for it, RFC 9112 §9.3).
        var announceKeepAlive: Bool
    }

    /// Appends status line, headers, and body (unless suppressed) to `buffer`.
    /// - Parameter dateLine: a cached `Date: …\r\n` line, used when the handler set no `Date`.
    func encode(into buffer: inout [UInt8], framing: Framing, dateLine: [UInt8]) {
        buffer.reserveCapacity(buffer.count + 128 + headers.count * 32 + body.count)
        append("HTTP/1.1 ", to: &buffer)
        let status = (100...999).contains(status) ? status : 500
        appendDecimal(status, to: &buffer)
        buffer.append(UInt8(ascii: " "))
        append(HTTPResponse.reasonPhrase(status), to: &buffer)
        append("\r\n", to: &buffer)

        var hasDate = false
        var declaredLength: String?
        for field in headers.fields {
            guard HTTPParser.isToken(field.name) else { continue }  // never emit a header that would break framing
            if HTTPHeaders.namesEqual(field.name, "Content-Length") { declaredLength = field.value; continue }
            if HTTPHeaders.namesEqual(field.name, "Transfer-Encoding") { continue }  // we never stream
            if HTTPHeaders.namesEqual(field.name, "Connection") { continue }  // the connection decides
            if HTTPHeaders.namesEqual(field.name, "Date") { hasDate = true }
            buffer.append(contentsOf: field.name.utf8)
            append(": ", to: &buffer)
            appendSanitized(field.value, to: &buffer)
            append("\r\n", to: &buffer)
        }

        // RFC 9110 §8.6 — no Content-Length in 1xx/204; a 304 (§15.4.5) has no body either.
        let bodyAllowed = status >= 200 && status != 204 && status != 304
        if bodyAllowed {
            append("Content-Length: ", to: &buffer)
            if framing.isHead, body.isEmpty, let declared = declaredLength,
               !declared.isEmpty, declared.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                // A HEAD handler may state the GET length without producing the body.
                buffer.append(contentsOf: declared.utf8)
            } else {
                appendDecimal(body.count, to: &buffer)
            }
            append("\r\n", to: &buffer)
        }
        if !hasDate { buffer.append(contentsOf: dateLine) }
        if framing.close {
            append("Connection: close\r\n", to: &buffer)
        } else if framing.announceKeepAlive {
            append("Connection: keep-alive\r\n", to: &buffer)
        }
        append("\r\n", to: &buffer)
        if bodyAllowed, !framing.isHead { buffer.append(contentsOf: body) }
    }

    @inline(__always)
    private func append(_ text: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        if value < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        let start = buffer.count
        var remaining = value
        while remaining > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
        }
        buffer[start...].reverse()
    }

    /// Header injection guard: CR, LF and other controls (except HTAB) in a value become spaces.
    private func appendSanitized(_ value: String, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: value.utf8)
        for index in start..<buffer.count where HTTPParser.isForbiddenInValue(buffer[index]) {
            buffer[index] = UInt8(ascii: " ")
        }
    }
}
