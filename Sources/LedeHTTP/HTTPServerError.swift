/// A protocol-level failure the server answers by itself, before or instead of the handler.
///
/// Rendered by ``HTTPServer/Configuration/errorResponder`` so the application controls the body shape.
public enum HTTPServerError: Error, Sendable, Equatable {
    /// 400: malformed or ambiguous request (bad request line or header syntax, smuggling attempts…).
    case badRequest(String)
    /// 411: POST/PUT without Content-Length or chunked body.
    case lengthRequired
    /// 413: the body is larger than ``HTTPServer/Configuration/maxBodyBytes``.
    case bodyTooLarge
    /// 431: the header section is larger than the byte or field-count limit.
    case headersTooLarge
    /// 408: the header or body did not arrive in time.
    case requestTimeout
    /// 503: ``HTTPServer/Configuration/maxConnections`` reached; sent on the new connection before closing it.
    case overloaded
    /// 504: the handler did not finish within ``HTTPServer/Configuration/handlerDeadline``.
    case deadlineExceeded
    /// 500: the handler threw; the description of the error is logged, not sent.
    case handlerFailed

    /// The HTTP status code.
    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .lengthRequired: return 411
        case .bodyTooLarge: return 413
        case .headersTooLarge: return 431
        case .requestTimeout: return 408
        case .overloaded: return 503
        case .deadlineExceeded: return 504
        case .handlerFailed: return 500
        }
    }

    /// The snake_case error code of the Lede API (`invalid_request`, `body_too_large`, …).
    public var code: String {
        switch self {
        case .badRequest: return "invalid_request"
        case .lengthRequired: return "length_required"
        case .bodyTooLarge: return "body_too_large"
        case .headersTooLarge: return "headers_too_large"
        case .requestTimeout: return "request_timeout"
        case .overloaded: return "overloaded"
        case .deadlineExceeded: return "deadline_exceeded"
        case .handlerFailed: return "internal"
        }
    }

    /// A short, client-safe explanation.
    public var message: String {
        switch self {
        case let .badRequest(reason): return "Bad request: \(reason)."
        case .lengthRequired: return "A Content-Length or chunked request body is required."
        case .bodyTooLarge: return "The request body is too large."
        case .headersTooLarge: return "The request header section is too large."
        case .requestTimeout: return "The request did not arrive in time."
        case .overloaded: return "The server has too many connections; retry later."
        case .deadlineExceeded: return "The request took too long to process."
        case .handlerFailed: return "Internal server error."
        }
    }
}
