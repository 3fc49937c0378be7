import Glibc

/// A non-blocking TCP socket descriptor. A plain value: ownership (who closes it) is the caller's.
struct Socket: Sendable, Hashable {
    let fd: Int32

    /// Creates, configures, binds and listens on a non-blocking IPv4 or IPv6 socket.
    /// - Parameters:
    ///   - host: an IPv4/IPv6 literal (`127.0.0.1`, `::1`, `[::]`) or a name resolved once here (`localhost`).
    ///   - port: the TCP port; 0 asks the kernel for an ephemeral one (read it back with ``localPort()``).
    ///   - backlog: the listen queue length.
    /// - Throws: ``SocketError`` naming the failing call.
    static func listen(host: String, port: Int, backlog: Int32) throws(SocketError) -> Socket {
        let address = try SocketAddress(host: host, port: port)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = try Syscall.require("socket") { Glibc.socket(address.family, type, 0) }
        let socket = Socket(fd: fd)
        do {
            // Restarting the service must not fail with EADDRINUSE while old connections sit in TIME_WAIT.
            try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1, "setsockopt(SO_REUSEADDR)")
            if address.family == AF_INET6 {
                // "::" should accept IPv4-mapped clients too, whatever net.ipv6.bindv6only says.
                try socket.setOption(Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0, "setsockopt(IPV6_V6ONLY)")
            }
            _ = try address.withSockaddr { pointer, length throws(SocketError) in
                try Syscall.require("bind") { Glibc.bind(fd, pointer, length) }
            }
            try Syscall.require("listen") { Glibc.listen(fd, backlog) }
        } catch {
            Syscall.close(fd)
            throw error
        }
        return socket
    }

    /// Accepts one pending connection, made non-blocking and close-on-exec, with `TCP_NODELAY` set.
    /// (`accept4` is not exported by the Glibc module, so the flags are set with `fcntl`.)
    /// - Returns: the socket and the peer's address (`1.2.3.4:5678`, `[::1]:5678`), or `nil` when none is pending.
    func accept() throws(SocketError) -> (socket: Socket, remoteAddress: String)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let accepted = try withUnsafeMutablePointer(to: &storage) { storagePointer throws(SocketError) in
            try storagePointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer throws(SocketError) in
                try Syscall.call("accept4") { Glibc.accept(fd, pointer, &length) }
            }
        }
        guard let accepted else { return nil }
        let socket = Socket(fd: accepted)
        do {
            let flags = try Syscall.require("fcntl(F_GETFL)") { fcntl(accepted, F_GETFL) }
            try Syscall.require("fcntl(F_SETFL)") { fcntl(accepted, F_SETFL, flags | O_NONBLOCK) }
            try Syscall.require("fcntl(F_SETFD)") { fcntl(accepted, F_SETFD, FD_CLOEXEC) }
        } catch {
            socket.close()
            throw error
        }
        // Nagle + delayed ACK would hold small responses ~40 ms (see docs/http-server.md); a failure here
        // only costs latency, so it is not fatal for the connection.
        try? socket.setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1, "setsockopt(TCP_NODELAY)")
        return (socket, SocketAddress.describe(storage))
    }

    /// Reads into `buffer`.
    /// - Returns: the byte count (0 = the peer closed its side), or `nil` when nothing is available.
    @inline(__always)
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int? {
        try Syscall.call("recv") { Glibc.recv(fd, buffer.baseAddress, buffer.count, 0) }
    }

    /// Writes as much of `bytes` as the kernel takes now. `MSG_NOSIGNAL`: a vanished peer gives `EPIPE`, not SIGPIPE.
    /// - Returns: the byte count written, or `nil` when the send buffer is full.
    @inline(__always)
    func send(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int? {
        try Syscall.call("send") { Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Sends FIN: the peer sees the end of the response while we can still read (and discard) what it sends.
    func shutdownWrite() {
        _ = try? Syscall.call("shutdown") { Glibc.shutdown(fd, Int32(SHUT_WR)) }
    }

    /// Releases the descriptor.
    func close() {
        Syscall.close(fd)
    }

    /// The local port the socket is bound to (the ephemeral one after binding port 0).
    func localPort() throws(SocketError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { storagePointer throws(SocketError) in
            try storagePointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer throws(SocketError) in
                try Syscall.require("getsockname") { Glibc.getsockname(fd, pointer, &length) }
            }
        }
        return SocketAddress.port(of: storage)
    }

    private func setOption(_ level: Int32, _ name: Int32, _ value: Int32, _ call: StaticString) throws(SocketError) {
        var value = value
        try Syscall.require(call) {
            Glibc.setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }
}
