import Foundation
import Logging

extension HTTPServer {
    /// Everything the server can be tuned with. Every limit has a safe default; see `docs/http-server.md`.
    public struct Configuration: Sendable {
        /// The address to bind: an IPv4/IPv6 literal (`127.0.0.1`, `0.0.0.0`, `::1`, `::`) or a host name.
        public var host: String = "127.0.0.1"
        /// The TCP port; 0 binds an ephemeral port (read ``HTTPServer/port`` after ``HTTPServer/start()``).
        public var port: Int = 8080
        /// The listen backlog (pending, not yet accepted connections).
        public var backlog: Int32 = 1_024

        /// Threads that run handlers. CPU-bound work cannot use more than the cores there are.
        public var workerCount: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Serial I/O queues that connections are spread over (each connection lives on one).
        public var ioQueueCount: Int = ProcessInfo.processInfo.activeProcessorCount

        /// Limit on request line + header section bytes (→ 431).
        public var maxHeaderBytes: Int = 64 * 1024
        /// Limit on the number of header fields (→ 431).
        public var maxHeaderCount: Int = 100
        /// Limit on body bytes, checked against Content-Length before reading, or as chunks arrive (→ 413).
        public var maxBodyBytes: Int = 10 * 1024 * 1024
        /// Limit on open connections; a connection past it gets 503 and is closed.
        public var maxConnections: Int = 4_096

        /// The whole header section must arrive within this time of the connection or the request's first byte
        /// (slowloris guard); else 408 and close.
        public var headerReadTimeout: Duration = .seconds(10)
        /// The whole body must arrive within this time of the end of the header section; else 408 and close.
        public var bodyReadTimeout: Duration = .seconds(30)
        /// A keep-alive connection with no request in progress is closed after this time.
        public var idleTimeout: Duration = .seconds(60)
        /// A response the peer does not read within this time is abandoned and the connection closed.
        public var writeTimeout: Duration = .seconds(30)
        /// A handler still running after this time is cancelled and 504 is sent; `nil` means no deadline.
        public var handlerDeadline: Duration? = .seconds(30)
        /// After an error response with request bytes possibly unread, how long to keep reading (and discarding)
        /// before closing, so the client sees the response instead of a reset.
        public var lingerTimeout: Duration = .seconds(2)

        /// The request header whose value is passed to ``errorResponder`` as the request id.
        public var requestIDHeader: String = "X-Request-ID"
        /// Renders the errors the server produces by itself (400/408/411/413/431/500/503/504).
        public var errorResponder: @Sendable (HTTPServerError, String?) -> HTTPResponse = HTTPServer.defaultErrorResponder
        /// Metrics/logging hooks; `nil` for none.
        public var observer: (any HTTPServerObserver)?
        /// Where the server logs (at most `.info`; per-connection events at `.debug`/`.trace`).
        public var logger: Logger = Logger(label: "lede.http")

        /// Creates a configuration with the defaults, optionally overriding the bind address.
        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
        }

        var parserLimits: HTTPParser.Limits {
            HTTPParser.Limits(maxHeaderBytes: maxHeaderBytes, maxHeaderCount: maxHeaderCount, maxBodyBytes: maxBodyBytes)
        }
    }
}
