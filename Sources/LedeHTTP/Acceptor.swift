import Dispatch
import Glibc

/// Accepts connections on the listening socket and deals them out to the event loops round-robin.
final class Acceptor: @unchecked Sendable {
    // @unchecked Sendable: the mutable state (source, round-robin index) is only touched on `queue` (serial).
    let queue = DispatchQueue(label: "lede.http.accept")
    let listener: Socket
    private let loops: [EventLoop]
    private let core: ServerCore
    private var source: (any DispatchSourceRead)?
    private var nextLoop = 0
    private var backingOff = false

    init(listener: Socket, loops: [EventLoop], core: ServerCore) {
        self.listener = listener
        self.loops = loops
        self.core = core
    }

    /// Starts watching the listening socket.
    func start() {
        queue.sync {
            let source = DispatchSource.makeReadSource(fileDescriptor: listener.fd, queue: queue)
            source.setEventHandler { [weak self] in self?.acceptPending() }
            let listener = self.listener
            source.setCancelHandler { listener.close() }  // closing it makes the kernel refuse new connections
            self.source = source
            source.resume()
        }
    }

    /// Stops accepting and closes the listening socket (the close happens in the source's cancel handler).
    func stop() {
        queue.sync {
            if backingOff { source?.resume() }
            source?.cancel()
            source = nil
        }
    }

    private func acceptPending() {
        // Bounded batch: let other work on the queue run between bursts.
        for _ in 0..<64 {
            let accepted: (socket: Socket, remoteAddress: String)?
            do {
                accepted = try listener.accept()
            } catch let SocketError.failed(_, code) where code == ECONNABORTED || code == EPROTO {
                continue  // the client left before we accepted: not our problem
            } catch {
                // EMFILE/ENFILE/ENOBUFS: the pending connection stays queued, so the level-triggered source would
                // fire again at once; pause accepting briefly instead of spinning.
                core.logger.info("accept failed; pausing", metadata: ["error": "\(error)"])
                backOff()
                return
            }
            guard let (socket, remoteAddress) = accepted else { return }
            let loop = loops[nextLoop]
            nextLoop = (nextLoop + 1) % loops.count
            if let active = core.reserveConnection() {
                core.configuration.observer?.connectionOpened(active: active)
                loop.queue.async { loop.register(socket, remoteAddress: remoteAddress, counted: true) }
            } else if core.reserveRejection() {
                loop.queue.async { loop.register(socket, remoteAddress: remoteAddress, counted: false) }
            } else {
                core.configuration.observer?.connectionRejected()
                socket.close()
            }
        }
    }

    private func backOff() {
        guard !backingOff, let source else { return }
        backingOff = true
        source.suspend()
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in
            guard backingOff else { return }
            backingOff = false
            self.source?.resume()
        }
    }
}
