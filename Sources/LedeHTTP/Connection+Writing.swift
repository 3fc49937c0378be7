import Dispatch

/// Writing responses (one buffer, one `send` when the kernel takes it all), and closing.
extension Connection {
    /// Encodes and sends the handler's response for the current request.
    func respond(_ response: HTTPResponse, forceClose: Bool = false) {
        guard let requestHead = head else { return }
        let close = forceClose || !requestHead.keepAlive || core.isDraining
            || response.headers.values(for: "Connection").contains { $0.lowercased().contains("close") }
        if let (request, started) = inFlight {
            let elapsed = EventLoop.now() - started
            core.configuration.observer?.requestCompleted(
                request, response: response, duration: .nanoseconds(Int64(clamping: elapsed)))
        }
        inFlight = nil
        write(response, framing: .init(
            isHead: requestHead.isHead, close: close, announceKeepAlive: !close && requestHead.version == .http1_0))
    }

    /// Answers a protocol error or timeout the server detected itself, then closes (lingering if the client may
    /// still be sending, so it reads the error instead of a connection reset).
    func fail(with error: HTTPServerError, linger: Bool = true) {
        core.configuration.observer?.protocolError(error)
        core.logger.debug("protocol error", metadata: ["remote": "\(remoteAddress)", "code": "\(error.code)"])
        discardInput = true
        lingerAfterWrite = linger && !inputClosed
        let response = core.errorResponse(error, requestID: requestID)
        write(response, framing: .init(isHead: head?.isHead ?? false, close: true, announceKeepAlive: false))
    }

    func write(_ response: HTTPResponse, framing: HTTPResponse.Framing) {
        handlerTask = nil
        closeAfterWrite = closeAfterWrite || framing.close
        phase = .writing
        deadline = EventLoop.now() + core.configuration.writeTimeout.nanoseconds
        loop.writeBuffer.removeAll(keepingCapacity: true)
        response.encode(into: &loop.writeBuffer, framing: framing, dateLine: loop.dateCache.currentLine())
        send(loop.writeBuffer)
        if loop.writeBuffer.capacity > 1 << 20 { loop.writeBuffer = [] }  // do not pin a big body's buffer
        if phase == .writing, pendingOutput.isEmpty { responseWritten() }
    }

    /// Sends `bytes` now if the kernel takes them; whatever it does not take waits for the socket to be writable.
    func send(_ bytes: [UInt8]) {
        guard pendingOutput.isEmpty else {
            pendingOutput.append(contentsOf: bytes)
            return
        }
        var offset = 0
        do {
            while offset < bytes.count {
                let written = try bytes.withUnsafeBytes { raw throws(SocketError) in
                    try socket.send(UnsafeRawBufferPointer(rebasing: raw[offset...]))
                }
                guard let written else { break }
                offset += written
            }
        } catch {
            close()  // EPIPE/ECONNRESET: the peer is gone
            return
        }
        if offset < bytes.count {
            pendingOutput.append(contentsOf: bytes[offset...])
            pendingOffset = 0
            resumeWriting()
        }
    }

    private func writable() {
        guard phase != .closed else { return }
        do {
            while pendingOffset < pendingOutput.count {
                let written = try pendingOutput.withUnsafeBytes { raw throws(SocketError) in
                    try socket.send(UnsafeRawBufferPointer(rebasing: raw[pendingOffset...]))
                }
                guard let written else { return }  // still full: wait for the next writable event
                pendingOffset += written
            }
        } catch {
            close()
            return
        }
        pendingOutput = []
        pendingOffset = 0
        suspendWriting()
        if phase == .writing { responseWritten() }
    }

    /// The whole response is in the kernel: close, or go back to waiting for the next request.
    private func responseWritten() {
        guard phase == .writing else { return }
        head = nil
        if closeAfterWrite {
            if lingerAfterWrite, !inputClosed { startLingering() } else { close() }
            return
        }
        phase = .idle
        deadline = EventLoop.now() + core.configuration.idleTimeout.nanoseconds
        resumeReading()
        processInput()  // a pipelined request may already be buffered
        if inputClosed, phase == .idle || phase == .readingHead || phase == .readingBody {
            close()  // the peer has finished sending and no complete request is left
        }
    }

    /// Half-closes and keeps reading (discarding) until the peer closes or the linger timeout passes.
    private func startLingering() {
        socket.shutdownWrite()
        discardInput = true
        phase = .lingering
        deadline = EventLoop.now() + core.configuration.lingerTimeout.nanoseconds
        resumeReading()
    }

    private func resumeWriting() {
        if writeSource == nil {
            let source = DispatchSource.makeWriteSource(fileDescriptor: socket.fd, queue: loop.queue)
            source.setEventHandler { [weak self] in self?.writable() }
            source.setCancelHandler { [self] in sourceCancelled() }
            liveSources += 1
            writeSource = source
        }
        guard !writeActive else { return }
        writeActive = true
        writeSource?.resume()
    }

    private func suspendWriting() {
        guard writeActive else { return }
        writeActive = false
        writeSource?.suspend()
    }

    func pauseReading() {
        guard !readPaused, let source = readSource else { return }
        readPaused = true
        source.suspend()
    }

    func resumeReading() {
        guard readPaused, !inputClosed, let source = readSource else { return }
        readPaused = false
        source.resume()
    }

    /// Closes the connection: cancels the handler, stops both sources (the descriptor is closed once their
    /// cancel handlers have run) and gives back the connection slot. Idempotent.
    func close() {
        guard phase != .closed else { return }
        phase = .closed
        deadline = 0
        handlerTask?.cancel()
        handlerTask = nil
        inFlight = nil
        pendingOutput = []
        parser = HTTPParser(limits: parser.limits)  // free buffered input now rather than at deinit
        // A suspended source must be resumed before it is cancelled, or Dispatch traps.
        if let source = readSource {
            if readPaused { source.resume() }
            source.cancel()
        }
        if let source = writeSource {
            if !writeActive { source.resume() }
            source.cancel()
        }
        readSource = nil
        writeSource = nil
        if liveSources == 0 { socket.close() }
        loop.remove(self)
        if counted { core.releaseConnection() } else { core.releaseRejection() }
    }
}
