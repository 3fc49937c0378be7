/// A complete HTTP response as returned by an ``HTTPHandler``.
///
/// The server adds `Content-Length`, `Date` (unless set) and `Connection` itself and sends head and body in one
/// write. A `Content-Length`/`Transfer-Encoding` set here is ignored; `Connection: close` here closes the connection.
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The header fields to send, in order.
    public var headers: HTTPHeaders
    /// The body bytes (not sent for HEAD, 1xx, 204 and 304).
    public var body: [UInt8]

    /// Creates a response from raw bytes.
    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a `text/plain; charset=utf-8` response (the content type is only set if `headers` has none).
    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), text: String) {
        self.init(status: status, headers: headers, body: Array(text.utf8), contentType: "text/plain; charset=utf-8")
    }

    /// Creates an `application/json` response from already-encoded JSON text.
    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), json: String) {
        self.init(status: status, headers: headers, body: Array(json.utf8), contentType: "application/json")
    }

    /// Creates an `application/json` response from already-encoded JSON bytes.
    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), json: [UInt8]) {
        self.init(status: status, headers: headers, body: json, contentType: "application/json")
    }

    private init(status: Int, headers: HTTPHeaders, body: [UInt8], contentType: String) {
        var headers = headers
        if !headers.contains("Content-Type") { headers.add(name: "Content-Type", value: contentType) }
        self.init(status: status, headers: headers, body: body)
    }
}
