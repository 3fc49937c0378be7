import Dispatch

/// One serial I/O queue and the connections pinned to it (NIO's event-loop idea on top of Dispatch).
///
/// Pinning a connection to one serial queue means its state needs no lock, and sharing the queue between many
/// connections keeps thread hops and wake-ups down. The loop also owns per-queue scratch space (read buffer,
/// response buffer, `Date` cache) and a periodic sweep that enforces every connection's deadline: one timer per
/// loop is cheaper than re-arming a timer per connection on every request.
final class EventLoop: @unchecked Sendable {
    // @unchecked Sendable: every mutable property below is only touched on `queue`, a serial DispatchQueue that
    // serialises access the way a lock would. The immutable ones are Sendable.
    let queue: DispatchQueue
    let core: ServerCore
    /// Scratch space for `recv`; data is copied into the connection's parser right away.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Reused for encoding responses, so a response costs no buffer allocation when sent in full.
    var writeBuffer: [UInt8] = []
    var dateCache = HTTPDateCache()
    private var connections: [ObjectIdentifier: Connection] = [:]
    private var sweepTimer: (any DispatchSourceTimer)?

    init(index: Int, core: ServerCore) {
        self.queue = DispatchQueue(label: "lede.http.io-\(index)")
        self.core = core
        self.readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Monotonic nanoseconds, the time base of every deadline.
    static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }

    /// Starts the deadline sweep. Its period is a tenth of the shortest timeout (10 ms…250 ms), so a timeout
    /// fires at most ~10 % late.
    func start() {
        queue.async { [self] in
            let config = core.configuration
            var shortest = [config.headerReadTimeout, config.bodyReadTimeout, config.idleTimeout,
                            config.writeTimeout, config.lingerTimeout].min()!
            if let deadline = config.handlerDeadline { shortest = min(shortest, deadline) }
            let period = min(max(shortest / 10, .milliseconds(10)), .milliseconds(250))
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + period.dispatchInterval, repeating: period.dispatchInterval,
                           leeway: (period / 4).dispatchInterval)
            timer.setEventHandler { [weak self] in self?.sweep() }
            timer.resume()
            sweepTimer = timer
        }
    }

    /// Stops the sweep (after every connection is closed).
    func stop() {
        queue.async { [self] in
            sweepTimer?.cancel()
            sweepTimer = nil
        }
    }

    /// Takes ownership of an accepted socket (on `queue`).
    func register(_ socket: Socket, remoteAddress: String, counted: Bool) {
        let connection = Connection(socket: socket, remoteAddress: remoteAddress, loop: self, counted: counted)
        connections[ObjectIdentifier(connection)] = connection
        if !counted {
            connection.startRejected()
        } else if core.isDraining {
            // Accepted just before the listener closed: nothing was asked yet, so closing loses nothing.
            connection.close()
        } else {
            connection.start()
        }
    }

    /// Forgets a closed connection (called by the connection itself, on `queue`).
    func remove(_ connection: Connection) {
        connections[ObjectIdentifier(connection)] = nil
    }

    /// Shutdown step 1: close idle connections, let busy ones finish their current request (on `queue`).
    func beginDrain() {
        for connection in Array(connections.values) { connection.drain() }
    }

    /// Shutdown step 2, after the drain timeout: close whatever is left (on `queue`).
    func closeAll() {
        for connection in Array(connections.values) { connection.close() }
    }

    private func sweep() {
        let now = Self.now()
        for connection in Array(connections.values) { connection.checkDeadline(now: now) }
    }
}

extension Duration {
    /// Whole nanoseconds (negative durations count as zero).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    var dispatchInterval: DispatchTimeInterval {
        .nanoseconds(Int(min(nanoseconds, UInt64(Int.max))))
    }
}
