import Dispatch
import Logging

/// One client connection: reads and parses requests, runs each on the worker pool, writes the responses in order.
///
/// One request is handled at a time; pipelined requests wait parsed-later in the buffer, which keeps responses in
/// request order by construction (RFC 9112 §9.3.2).
final class Connection: @unchecked Sendable {
    // @unchecked Sendable: every mutable property is only touched on `loop.queue` (serial), which serialises
    // access like a lock would; the handler task only captures the connection to hop back onto that queue.

    enum Phase {
        /// Keep-alive connection between requests (idle timeout).
        case idle
        /// Header section being received (header timeout).
        case readingHead
        /// Body being received (body timeout).
        case readingBody
        /// Handler running on the pool (handler deadline).
        case handling
        /// Response being written (write timeout).
        case writing
        /// Our side is shut; reading and discarding until the peer closes (linger timeout).
        case lingering
        case closed
    }

    let socket: Socket
    let remoteAddress: String
    let loop: EventLoop
    var core: ServerCore { loop.core }
    /// Whether this connection holds one of the `maxConnections` slots (a 503-rejected one does not).
    let counted: Bool

    var phase = Phase.readingHead
    /// When the current phase times out, in `EventLoop.now()` nanoseconds; 0 = never.
    var deadline: UInt64 = 0
    var parser: HTTPParser
    /// The head of the request being read or handled.
    var head: HTTPRequestHead?
    /// Sequence number of the request on the pool, so a result arriving after a 504 is ignored.
    var requestSequence = 0
    var handlerTask: Task<Void, Never>?
    var inFlight: (request: HTTPRequest, started: UInt64)?

    var readSource: (any DispatchSourceRead)?
    var readPaused = false
    var writeSource: (any DispatchSourceWrite)?
    var writeActive = false
    /// Sources whose cancel handler has not run yet; the descriptor is closed when this reaches zero, so it can
    /// never be reused by a new connection while Dispatch still watches it.
    var liveSources = 0
    var pendingOutput: [UInt8] = []
    var pendingOffset = 0

    var closeAfterWrite = false
    var lingerAfterWrite = false
    /// After a protocol error the rest of the input is meaningless; it is read and dropped.
    var discardInput = false
    /// The peer shut its sending side; finish the current response, then close.
    var inputClosed = false

    init(socket: Socket, remoteAddress: String, loop: EventLoop, counted: Bool) {
        self.socket = socket
        self.remoteAddress = remoteAddress
        self.loop = loop
        self.counted = counted
        self.parser = HTTPParser(limits: loop.core.configuration.parserLimits)
    }

    /// Starts reading; the first request's header must arrive within the header timeout (slowloris guard).
    func start() {
        phase = .readingHead
        deadline = EventLoop.now() + core.configuration.headerReadTimeout.nanoseconds
        startReading()
    }

    func startReading() {
        let source = DispatchSource.makeReadSource(fileDescriptor: socket.fd, queue: loop.queue)
        source.setEventHandler { [weak self] in self?.readable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        liveSources += 1
        readSource = source
        source.resume()
    }

    func sourceCancelled() {
        liveSources -= 1
        if liveSources == 0 { socket.close() }
    }

    private func readable() {
        guard phase != .closed else { return }
        var sawEOF = false
        // A few reads per wake-up at most, so one fast sender cannot starve the other connections on this queue.
        for _ in 0..<4 {
            let count: Int?
            do {
                count = try socket.receive(into: loop.readBuffer)
            } catch {
                core.logger.trace("connection read failed", metadata: ["remote": "\(remoteAddress)", "error": "\(error)"])
                close()
                return
            }
            guard let count else { break }
            if count == 0 {
                sawEOF = true
                break
            }
            if !discardInput { parser.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count])) }
            if count < loop.readBuffer.count { break }
        }
        processInput()
        if sawEOF { peerClosedInput() }
        // Back-pressure: while a request is being handled, buffer at most about one more header section of
        // pipelined input, then stop reading until the response is out.
        if !discardInput, phase == .handling || phase == .writing,
           parser.bufferedByteCount > core.configuration.maxHeaderBytes {
            pauseReading()
        }
    }

    private func peerClosedInput() {
        inputClosed = true
        switch phase {
        case .handling, .writing:
            // A half-closed client still reads: answer this request and any complete ones already buffered
            // (see `responseWritten`), then close. Reading stops, or the EOF would be reported again and again.
            pauseReading()
        case .idle, .readingHead, .readingBody, .lingering:
            // Nothing more can arrive to complete a request: a client that gave up mid-request is just dropped.
            close()
        case .closed:
            break
        }
    }

    /// Parses and acts on buffered input while the connection is waiting for a request.
    func processInput() {
        while phase == .idle || phase == .readingHead || phase == .readingBody {
            let event: HTTPParser.Event?
            do {
                event = try parser.next()
            } catch {
                fail(with: error.serverError)
                return
            }
            guard let event else {
                if phase == .idle, !parser.isIdle {
                    // First byte of the next request: from now on the header timeout applies.
                    phase = .readingHead
                    deadline = EventLoop.now() + core.configuration.headerReadTimeout.nanoseconds
                }
                return
            }
            switch event {
            case let .head(requestHead):
                head = requestHead
                guard requestHead.framing != .none else { continue }
                phase = .readingBody
                deadline = EventLoop.now() + core.configuration.bodyReadTimeout.nanoseconds
                // RFC 9110 §10.1.1 — tell a client waiting on Expect: 100-continue to send the body (unless
                // it already started sending it, or the server refused it above with 413/411).
                if requestHead.expectsContinue, parser.bufferedByteCount == 0 {
                    send(Self.continueResponse)
                }
            case let .end(body, trailers):
                guard let requestHead = head else { return }
                dispatch(requestHead, body: body, trailers: trailers)
            }
        }
    }

    private static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Hands a complete request to the worker pool; the result comes back on `loop.queue`.
    private func dispatch(_ requestHead: HTTPRequestHead, body: [UInt8], trailers: HTTPHeaders) {
        let request = HTTPRequest(
            method: requestHead.method, target: requestHead.target, version: requestHead.version,
            headers: requestHead.headers, body: body, trailers: trailers, remoteAddress: remoteAddress)
        let now = EventLoop.now()
        phase = .handling
        deadline = core.configuration.handlerDeadline.map { now + $0.nanoseconds } ?? 0
        inFlight = (request, now)
        requestSequence &+= 1
        let sequence = requestSequence
        let handler = core.handler
        let work: @Sendable () async -> Void = { [self] in
            let result: Result<HTTPResponse, any Error>
            do {
                result = .success(try await handler.handle(request))
            } catch {
                result = .failure(error)
            }
            loop.queue.async { self.handlerFinished(sequence, result) }
        }
        handlerTask = Task(executorPreference: handler.needsWorkerPool(request) ? core.pool : core.fastPool, operation: work)
    }

    private func handlerFinished(_ sequence: Int, _ result: Result<HTTPResponse, any Error>) {
        guard phase == .handling, sequence == requestSequence else { return }  // closed, or already answered 504
        handlerTask = nil
        switch result {
        case let .success(response):
            respond(response)
        case let .failure(error):
            core.logger.info("handler failed", metadata: ["error": "\(error)", "path": "\(head?.target ?? "")"])
            respond(core.errorResponse(.handlerFailed, requestID: requestID))
        }
    }

    /// The request id the client sent, if its header section could be parsed.
    var requestID: String? {
        (head?.headers ?? parser.rejectedHeaders)?[core.configuration.requestIDHeader]
    }
}
