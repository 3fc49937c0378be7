/// A parsed request head plus what the framing rules decided about its body and connection.
struct HTTPRequestHead: Sendable {
    /// How the body is delimited (RFC 9112 §6.3).
    enum BodyFraming: Sendable, Equatable {
        /// No body: neither Content-Length nor Transfer-Encoding (or Content-Length: 0).
        case none
        /// Exactly this many bytes follow.
        case length(Int)
        /// A chunked body follows.
        case chunked
    }

    var method: String
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var framing: BodyFraming
    /// Whether the connection may stay open after the response (RFC 9112 §9.3).
    var keepAlive: Bool
    /// `Expect: 100-continue` was sent on HTTP/1.1 (RFC 9110 §10.1.1).
    var expectsContinue: Bool

    /// HEAD responses carry GET's headers but no body.
    var isHead: Bool { method == "HEAD" }
}
