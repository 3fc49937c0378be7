import Glibc

/// Chunked transfer coding (RFC 9112 §7.1): size lines, extensions and the trailer section.
extension HTTPParser {
    /// Parses `chunk-size [ chunk-ext ] CRLF`; returns the size, or `nil` if the line is incomplete.
    mutating func parseChunkSize() throws(HTTPParseError) -> Int? {
        let available = bufferedByteCount
        let start = readIndex
        let lineEnd: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard let hit = memchr(bytes.baseAddress! + start, Int32(Self.lf), available) else { return nil }
            return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let lf = lineEnd else {
            if available > Self.maxChunkLineBytes { throw .invalidChunk }
            return nil
        }
        guard lf - start <= Self.maxChunkLineBytes else { throw .invalidChunk }
        // RFC 9112 §2.2 — lines end in CRLF; a bare LF is rejected.
        guard lf > start, buffer[lf - 1] == Self.cr else { throw .invalidLineEnding }
        let size = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            try Self.chunkSize(UnsafeBufferPointer(rebasing: bytes[start..<(lf - 1)]))
        }
        // Checked per chunk header, so an oversized chunked body is refused as soon as the running total would
        // exceed the limit — before its bytes are read.
        guard size <= limits.maxBodyBytes - bodyByteCount else { throw .bodyTooLarge }
        readIndex = lf + 1
        return size
    }

    /// `chunk-size = 1*HEXDIG`, then `*( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )`.
    /// Extensions are validated for stray control bytes and otherwise ignored (RFC 9112 §7.1.1 allows that).
    private static func chunkSize(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        var index = 0
        var size = 0
        while index < line.count, let digit = hexValue(line[index]) {
            // 15 hex digits already exceed any body limit; refuse before Int could overflow.
            guard index < 15 else { throw .invalidChunk }
            size = size << 4 | digit
            index += 1
        }
        guard index > 0 else { throw .invalidChunk }
        while index < line.count, line[index] == space || line[index] == tab { index += 1 }
        guard index == line.count || line[index] == UInt8(ascii: ";") else { throw .invalidChunk }
        for position in index..<line.count where isForbiddenInValue(line[position]) {
            throw .invalidChunk
        }
        return size
    }

    /// Parses `trailer-section = *( field-line CRLF )` and the final CRLF (RFC 9112 §7.1.2), with the same
    /// syntax rules and size limits as the header section. Returns `nil` until the section is complete.
    mutating func parseTrailers() throws(HTTPParseError) -> HTTPHeaders? {
        guard bufferedByteCount >= 2 else { return nil }
        if buffer[readIndex] == Self.cr, buffer[readIndex + 1] == Self.lf {
            readIndex += 2
            return HTTPHeaders()
        }
        guard let end = try findSectionEnd() else {
            if bufferedByteCount > limits.maxHeaderBytes { throw .headersTooLarge }
            return nil
        }
        guard end - readIndex <= limits.maxHeaderBytes else { throw .headersTooLarge }
        let start = readIndex
        // RFC 9110 §6.5.1 — trailer fields are kept apart from the header fields and never used for framing.
        let fields = try buffer.withUnsafeBufferPointer { all throws(HTTPParseError) in
            try Self.parseFields(UnsafeBufferPointer(rebasing: all[start..<end]), from: 0, limits: limits) { _, _ in }
        }
        readIndex = end
        return fields
    }
}
