import Logging
/// What every connection, loop and the acceptor share: configuration, handler, pool, and the few counters that
/// cross queues (protected by one lock).
final class ServerCore: Sendable {
    private struct Shared {
        var lifecycle = HTTPServer.State.starting
        var connections = 0
        var rejecting = 0
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let configuration: HTTPServer.Configuration
    let handler: any HTTPHandler
    let pool: WorkerPool
    /// One thread for requests the handler marks cheap (probes, metrics), so they never queue behind `pool`.
    let fastPool: WorkerPool
    let logger: Logger
    private let shared = Locked(Shared())

    init(configuration: HTTPServer.Configuration, handler: any HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
        self.logger = configuration.logger
        self.pool = WorkerPool(size: configuration.workerCount, name: "lede-http-worker")
        self.fastPool = WorkerPool(size: 1, name: "lede-http-fast")
    }

    var lifecycle: HTTPServer.State {
        shared.withLock { $0.lifecycle }
    }

    var isDraining: Bool {
        shared.withLock { $0.lifecycle != .ready && $0.lifecycle != .starting }
    }

    var activeConnections: Int {
        shared.withLock { $0.connections }
    }

    func setLifecycle(_ state: HTTPServer.State) {
        shared.withLock { $0.lifecycle = state }
    }

    /// Moves `starting`/`ready` to `draining`; `false` if shutdown had already begun.
    func beginDraining() -> Bool {
        shared.withLock { state in
            guard state.lifecycle == .ready || state.lifecycle == .starting else { return false }
            state.lifecycle = .draining
            return true
        }
    }

    /// Counts a new connection unless the limit is reached. - Returns: the new count, or `nil` if refused.
    func reserveConnection() -> Int? {
        shared.withLock { state in
            guard state.connections < configuration.maxConnections else { return nil }
            state.connections += 1
            return state.connections
        }
    }

    /// Counts a connection being refused with 503; `false` past a small cap, so a flood of refused connections
    /// cannot hold descriptors while they linger (those are just closed).
    func reserveRejection() -> Bool {
        shared.withLock { state in
            guard state.rejecting < 256 else { return false }
            state.rejecting += 1
            return true
        }
    }

    /// Uncounts a refused connection once closed.
    func releaseRejection() {
        shared.withLock { $0.rejecting -= 1 }
    }

    /// Uncounts a closed connection; wakes `waitUntilNoConnections()` when draining reaches zero.
    func releaseConnection() {
        let (active, waiters) = shared.withLock { state -> (Int, [CheckedContinuation<Void, Never>]) in
            state.connections -= 1
            guard state.connections == 0, state.lifecycle == .draining else { return (state.connections, []) }
            defer { state.drainWaiters = [] }
            return (state.connections, state.drainWaiters)
        }
        configuration.observer?.connectionClosed(active: active)
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until no connection is open (call after ``beginDraining()``).
    func waitUntilNoConnections() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = shared.withLock { state -> Bool in
                if state.connections == 0 { return true }
                state.drainWaiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// The configured error response for `error`.
    func errorResponse(_ error: HTTPServerError, requestID: String?) -> HTTPResponse {
        configuration.errorResponder(error, requestID)
    }
}
