/// Timeouts and shutdown draining. Called from the loop's sweep and from ``EventLoop/beginDrain()``.
extension Connection {
    /// Acts on the current phase's deadline if it has passed.
    func checkDeadline(now: UInt64) {
        guard deadline != 0, now >= deadline else { return }
        switch phase {
        case .idle:
            close()
        case .readingHead where parser.isIdle && head == nil:
            // Connected but never sent a byte: nothing to answer.
            close()
        case .readingHead, .readingBody:
            // RFC 9110 §15.5.9 — 408 for a request that did not arrive in time (slowloris, stalled body).
            // No lingering: the client is slow by definition, and we do not wait for it any longer.
            fail(with: .requestTimeout, linger: false)
        case .handling:
            // The handler is told to stop (cooperative cancellation); its late result is ignored, and the
            // connection is closed after the 504 because a worker may still be busy with the old request.
            handlerTask?.cancel()
            requestSequence &+= 1
            respond(core.errorResponse(.deadlineExceeded, requestID: requestID), forceClose: true)
        case .writing, .lingering:
            close()
        case .closed:
            break
        }
    }

    /// Graceful shutdown: an idle connection closes now; one mid-request finishes it and then closes
    /// (the response says `Connection: close`, since the core is draining).
    func drain() {
        switch phase {
        case .idle:
            close()
        case .readingHead where parser.isIdle && head == nil:
            close()
        default:
            break
        }
    }

    /// A connection past `maxConnections`: 503 right away, then close (lingering, so the client reads it).
    func startRejected() {
        core.configuration.observer?.connectionRejected()
        startReading()
        discardInput = true
        lingerAfterWrite = true
        let response = core.errorResponse(.overloaded, requestID: nil)
        write(response, framing: .init(isHead: false, close: true, announceKeepAlive: false))
    }
}
