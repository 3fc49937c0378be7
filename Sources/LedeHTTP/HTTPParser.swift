import Glibc

/// An incremental HTTP/1.1 request parser working on raw bytes.
///
/// Feed bytes with ``append(_:)`` as they arrive and call ``next()`` until it returns `nil` (needs more bytes).
/// Each request yields `.head` once its header section is complete (so the connection can answer
/// `100 Continue` or reject early), then `.end` with the whole body. Pipelined requests stay buffered
/// until the caller asks for the next event. Any error is final for the connection.
struct HTTPParser {
    /// What the parser produced.
    enum Event {
        /// A request head; its body (if any) follows.
        case head(HTTPRequestHead)
        /// The body of the current request is complete (de-chunked), with any trailer fields.
        case end(body: [UInt8], trailers: HTTPHeaders)
    }

    /// Limits enforced while parsing (from ``HTTPServer/Configuration``).
    struct Limits: Sendable {
        var maxHeaderBytes: Int
        var maxHeaderCount: Int
        var maxBodyBytes: Int
    }

    private enum State {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
    }

    /// Longest chunk-size line (size + extensions) accepted; extensions are ignored, so they need little room.
    static let maxChunkLineBytes = 4_096

    let limits: Limits
    // Internal (not private) only so the +Head/+Chunked extensions can reach them; nothing else touches them.
    var buffer: [UInt8] = []
    var readIndex = 0
    /// Where the search for the end of the header section resumes, so trickled heads are not rescanned.
    var scanIndex = 0
    private var state = State.head
    private var body: [UInt8] = []
    private var trailers = HTTPHeaders()

    /// The header fields of a head that was well-formed but refused by the framing rules (411, 413, smuggling).
    private(set) var rejectedHeaders: HTTPHeaders?

    /// Body bytes of the current request received so far.
    var bodyByteCount: Int { body.count }

    init(limits: Limits) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed (pipelined requests, partial heads).
    var bufferedByteCount: Int { buffer.count - readIndex }

    /// True between messages with nothing buffered: closing now loses no request.
    var isIdle: Bool {
        if case .head = state { return buffer.count == readIndex }
        return false
    }

    /// True while a body is being read (after `.head`, before `.end`).
    var isReadingBody: Bool {
        if case .head = state { return false }
        return true
    }

    /// Appends received bytes.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes (convenience for tests).
    mutating func append(_ bytes: some Collection<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next event, or `nil` when more bytes are needed.
    mutating func next() throws(HTTPParseError) -> Event? {
        while true {
            switch state {
            case .head:
                guard let head = try parseHead() else { return nil }
                switch head.framing {
                case .none: state = .fixedBody(remaining: 0)
                case let .length(count): state = .fixedBody(remaining: count)
                case .chunked: state = .chunkSize
                }
                return .head(head)
            case let .fixedBody(remaining):
                let left = try consumeBody(remaining)
                guard left == 0 else {
                    state = .fixedBody(remaining: left)
                    return nil
                }
                return finishMessage()
            case .chunkSize:
                guard let size = try parseChunkSize() else { return nil }
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case let .chunkData(remaining):
                let left = try consumeBody(remaining)
                state = left == 0 ? .chunkDataEnd : .chunkData(remaining: left)
                if left > 0 { return nil }
            case .chunkDataEnd:
                // RFC 9112 §7.1 — chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
                guard bufferedByteCount >= 2 else { return nil }
                guard buffer[readIndex] == Self.cr, buffer[readIndex + 1] == Self.lf else { throw .invalidChunk }
                readIndex += 2
                state = .chunkSize
            case .trailers:
                guard let fields = try parseTrailers() else { return nil }
                trailers = fields
                return finishMessage()
            }
        }
    }

    // MARK: - Head

    private mutating func parseHead() throws(HTTPParseError) -> HTTPRequestHead? {
        // RFC 9112 §2.2 — a server SHOULD ignore at least one empty line (CRLF) received before the request-line.
        while bufferedByteCount >= 2, buffer[readIndex] == Self.cr, buffer[readIndex + 1] == Self.lf {
            readIndex += 2
            scanIndex = max(scanIndex, readIndex)
        }
        guard let end = try findSectionEnd() else {
            // RFC 9110 §15.5.20 / RFC 6585 §5 — an oversized header section is answered 431.
            if bufferedByteCount > limits.maxHeaderBytes { throw .headersTooLarge }
            return nil
        }
        guard end - readIndex <= limits.maxHeaderBytes else { throw .headersTooLarge }
        let start = readIndex
        let raw = try buffer.withUnsafeBufferPointer { all throws(HTTPParseError) in
            try Self.parseHeadSyntax(UnsafeBufferPointer(rebasing: all[start..<end]), limits: limits)
        }
        readIndex = end
        do {
            return try Self.decideFraming(raw, limits: limits)
        } catch {
            rejectedHeaders = raw.headers  // so the error response can still echo the client's request id
            throw error
        }
    }

    /// Finds the CRLF CRLF ending a header or trailer section that starts at `readIndex`; returns the index
    /// just past it. Rejects a bare LF as soon as it is seen (RFC 9112 §2.2: we do not accept bare LF
    /// as a line terminator, because other parsers on the path might, which is a smuggling vector).
    mutating func findSectionEnd() throws(HTTPParseError) -> Int? {
        let from = max(scanIndex, readIndex)
        let count = buffer.count
        guard from < count else { return nil }
        let found: Int? = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) -> Int? in
            let base = bytes.baseAddress!
            var position = from
            while position < count {
                guard let hit = memchr(base + position, Int32(Self.lf), count - position) else { return nil }
                let lfIndex = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard lfIndex > readIndex, base[lfIndex - 1] == Self.cr else { throw .invalidLineEnding }
                if lfIndex - 3 >= readIndex, base[lfIndex - 2] == Self.lf { return lfIndex + 1 }
                position = lfIndex + 1
            }
            return nil
        }
        scanIndex = found ?? count
        return found
    }

    // MARK: - Body

    /// Moves up to `remaining` buffered body bytes into `body`; returns how many are still expected.
    private mutating func consumeBody(_ remaining: Int) throws(HTTPParseError) -> Int {
        let take = min(remaining, bufferedByteCount)
        if take > 0 {
            if body.isEmpty { body.reserveCapacity(min(remaining, 1 << 20)) }
            body.append(contentsOf: buffer[readIndex..<(readIndex + take)])
            readIndex += take
        }
        return remaining - take
    }

    private mutating func finishMessage() -> Event {
        let completed = Event.end(body: body, trailers: trailers)
        body = []
        trailers = HTTPHeaders()
        state = .head
        scanIndex = readIndex
        return completed
    }

    /// Drops consumed bytes so the buffer does not grow across a long keep-alive connection.
    private mutating func compact() {
        if readIndex == buffer.count {
            // A big body or pipelined burst may have grown the buffer: give that memory back when idle.
            if buffer.capacity > 256 * 1024 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
            readIndex = 0
            scanIndex = 0
        } else if readIndex >= 64 * 1024 {
            buffer.removeSubrange(0..<readIndex)
            scanIndex = max(0, scanIndex - readIndex)
            readIndex = 0
        }
    }
}
