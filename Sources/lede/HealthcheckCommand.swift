import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `lede healthcheck`: probes `GET /healthz` of a running service, for container HEALTHCHECKs that
/// have no curl. Exit 0 when it answers 200 within the timeout, 1 otherwise.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 if the service on HOST:PORT answers GET /healthz with 200."
    )

    @Option(help: "Host (an IPv4 or IPv6 literal) of the service.")
    var host = "127.0.0.1"

    @Option(help: "Port of the service (default: $LEDE_PORT, else 8080).")
    var port: Int?

    @Option(help: "Seconds to wait for the answer.")
    var timeout = 3

    func run() throws {
        let port = port ?? Int(ProcessInfo.processInfo.environment["LEDE_PORT"] ?? "") ?? 8080
        guard let status = HealthProbe.status(host: host, port: port, timeoutSeconds: timeout), status == 200 else {
            FileHandle.standardError.write(Data("lede: healthcheck: http://\(host):\(port)/healthz is not healthy\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// A minimal blocking HTTP/1.1 GET over a POSIX socket: loopback probes need no HTTP client library.
enum HealthProbe {
    static func status(host: String, port: Int, timeoutSeconds: Int) -> Int? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return nil }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else { return nil }
        let request = Array("GET /healthz HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 12 else { return nil }
        // "HTTP/1.1 200 …"
        let line = String(decoding: buffer[0..<count], as: UTF8.self)
        let parts = line.split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}
