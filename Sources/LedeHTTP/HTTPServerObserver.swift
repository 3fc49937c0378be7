/// Hooks for metrics and access logs, so the server does not depend on a metrics library.
///
/// Called from the server's I/O queues: keep implementations fast and non-blocking (increment a counter,
/// record a histogram value). Every method has an empty default implementation.
public protocol HTTPServerObserver: Sendable {
    /// A connection was accepted; `active` is the number open now (including this one).
    func connectionOpened(active: Int)
    /// A connection was closed; `active` is the number still open.
    func connectionClosed(active: Int)
    /// A connection was refused with 503 because ``HTTPServer/Configuration/maxConnections`` was reached.
    func connectionRejected()
    /// A handler's response was written (or the handler deadline answered 504 for it).
    /// - Parameters:
    ///   - duration: from the end of the request body to the response being handed to the kernel.
    func requestCompleted(_ request: HTTPRequest, response: HTTPResponse, duration: Duration)
    /// The server answered a protocol error by itself (400/408/411/413/431); the connection is then closed.
    func protocolError(_ error: HTTPServerError)
}

extension HTTPServerObserver {
    public func connectionOpened(active: Int) {}
    public func connectionClosed(active: Int) {}
    public func connectionRejected() {}
    public func requestCompleted(_ request: HTTPRequest, response: HTTPResponse, duration: Duration) {}
    public func protocolError(_ error: HTTPServerError) {}
}
