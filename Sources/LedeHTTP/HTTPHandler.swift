/// The one thing the server calls: turn a complete request into a complete response.
///
/// Handlers run on the server's bounded worker pool, never on the I/O queues, so CPU-heavy work here does not
/// stall other connections. A thrown error becomes a 500 from ``HTTPServer/Configuration/errorResponder``; map
/// your own errors to responses before returning. On the handler deadline the handler's task is cancelled.
public protocol HTTPHandler: Sendable {
    /// Produces the response for `request`.
    /// - Throws: anything; the server answers 500 and logs it.
    func handle(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Whether `request` needs the worker pool. Return false only for cheap, non-blocking answers (health and
    /// readiness probes, metrics): they then run on one thread of their own and are not queued behind CPU-heavy
    /// requests, so a liveness probe answers while every worker is busy.
    func needsWorkerPool(_ request: HTTPRequest) -> Bool
}

extension HTTPHandler {
    /// Every request runs on the worker pool unless the handler says otherwise.
    public func needsWorkerPool(_ request: HTTPRequest) -> Bool { true }
}

/// An ``HTTPHandler`` made from a closure (handy for tests and tiny servers).
public struct ClosureHandler: HTTPHandler {
    private let body: @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// Wraps `body` as a handler.
    public init(_ body: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.body = body
    }

    /// Calls the closure.
    public func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await body(request)
    }
}
