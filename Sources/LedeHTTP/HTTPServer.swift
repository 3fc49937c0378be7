import Dispatch
import Logging

/// A small HTTP/1.1 server on non-blocking POSIX sockets and Dispatch.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(host: "0.0.0.0", port: 8080), handler: router)
/// try server.start()
/// _ = await ShutdownSignal.wait()            // SIGTERM / SIGINT
/// await server.shutdown(drainTimeout: .seconds(10))
/// ```
///
/// Threading: one accept queue, `ioQueueCount` serial I/O queues that own the connections, and a pool of
/// `workerCount` threads running handlers. See `docs/http-server.md`. Does not do TLS or HTTP/2.
public final class HTTPServer: Sendable {
    /// The server's lifecycle, for readiness probes.
    public enum State: Sendable, Equatable {
        /// Created, not yet listening.
        case starting
        /// Listening and serving.
        case ready
        /// ``HTTPServer/shutdown(drainTimeout:)`` began: not accepting, finishing in-flight requests.
        case draining
        /// Shut down.
        case stopped
    }

    /// The configuration the server was created with.
    public let configuration: Configuration
    private let core: ServerCore
    private let loops: [EventLoop]
    private let running = Locked<(acceptor: Acceptor?, port: Int)>((nil, 0))

    /// Creates a server; nothing is bound until ``start()``.
    /// - Parameters:
    ///   - configuration: limits, timeouts, bind address and hooks.
    ///   - handler: turns each request into a response; runs on the worker pool.
    public init(configuration: Configuration = Configuration(), handler: any HTTPHandler) {
        self.configuration = configuration
        let core = ServerCore(configuration: configuration, handler: handler)
        self.core = core
        self.loops = (0..<max(1, configuration.ioQueueCount)).map { EventLoop(index: $0, core: core) }
    }

    /// Releasing a server that was never shut down still stops accepting and the worker threads; open
    /// connections then end by their own timeouts. Prefer ``shutdown(drainTimeout:)``.
    deinit {
        running.withLock { $0.acceptor }?.stop()
        core.pool.stop()
        core.fastPool.stop()
    }

    /// The lifecycle state: `starting` → `ready` → `draining` → `stopped`.
    public var state: State { core.lifecycle }

    /// The bound port (the ephemeral one when configured with port 0); 0 before ``start()``.
    public var port: Int { running.withLock { $0.port } }

    /// The number of open connections.
    public var activeConnections: Int { core.activeConnections }

    /// Binds, listens and starts accepting. Returns once the socket is listening.
    /// - Throws: ``SocketError`` if the address cannot be bound (in use, not permitted, not resolvable).
    public func start() throws(SocketError) {
        precondition(core.lifecycle == .starting, "HTTPServer.start() called twice")
        let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let port: Int
        do {
            port = try listener.localPort()
        } catch {
            listener.close()
            throw error
        }
        for loop in loops { loop.start() }
        let acceptor = Acceptor(listener: listener, loops: loops, core: core)
        running.withLock { $0 = (acceptor, port) }
        acceptor.start()
        core.setLifecycle(.ready)
        configuration.logger.info("HTTP server listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
    }

    /// Graceful shutdown: stop accepting (new connections are refused), report ``State/draining``, close idle
    /// connections, let in-flight requests finish (their responses say `Connection: close`), and force-close
    /// whatever is left after `drainTimeout`. Returns when every connection is closed. Safe to call twice.
    /// - Parameter drainTimeout: how long in-flight requests may take to finish.
    public func shutdown(drainTimeout: Duration = .seconds(10)) async {
        guard core.beginDraining() else {
            await core.waitUntilNoConnections()
            return
        }
        configuration.logger.info("HTTP server draining", metadata: ["connections": "\(core.activeConnections)"])
        let acceptor = running.withLock { $0.acceptor }
        acceptor?.stop()
        for loop in loops { loop.queue.async { loop.beginDrain() } }

        let loops = self.loops
        let forceClose = DispatchWorkItem {
            for loop in loops { loop.queue.async { loop.closeAll() } }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + drainTimeout.dispatchInterval, execute: forceClose)
        await core.waitUntilNoConnections()
        forceClose.cancel()

        for loop in loops { loop.stop() }
        core.pool.stop()
        core.fastPool.stop()
        core.setLifecycle(.stopped)
        configuration.logger.info("HTTP server stopped")
    }
}
