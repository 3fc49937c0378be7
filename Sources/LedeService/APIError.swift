import LedeCore
import LedeFetch
import LedeHTTP

/// Every error the API reports, with its status and contract code (docs/api.md#errors).
/// Rendered in one place, ``body(requestID:)``, as `{"error":{"code","message","request_id"}}`.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidJSON = "invalid_json", invalidRequest = "invalid_request", invalidUTF8 = "invalid_utf8"
        case unauthorized, notFound = "not_found", methodNotAllowed = "method_not_allowed"
        case requestTimeout = "request_timeout", lengthRequired = "length_required", bodyTooLarge = "body_too_large"
        case unsupportedMediaType = "unsupported_media_type"
        case invalidURL = "invalid_url", fetchBlocked = "fetch_blocked", fetchTooLarge = "fetch_too_large"
        case unsupportedContentType = "unsupported_content_type"
        case rateLimited = "rate_limited", headersTooLarge = "headers_too_large", `internal`
        case upstreamStatus = "upstream_status", fetchFailed = "fetch_failed"
        case overloaded, draining, fetchTimeout = "fetch_timeout", deadlineExceeded = "deadline_exceeded"

        /// The HTTP status the contract gives the code.
        public var status: Int {
            switch self {
            case .invalidJSON, .invalidRequest, .invalidUTF8: return 400
            case .unauthorized: return 401
            case .notFound: return 404
            case .methodNotAllowed: return 405
            case .requestTimeout: return 408
            case .lengthRequired: return 411
            case .bodyTooLarge: return 413
            case .unsupportedMediaType: return 415
            case .invalidURL, .fetchBlocked, .fetchTooLarge, .unsupportedContentType: return 422
            case .rateLimited: return 429
            case .headersTooLarge: return 431
            case .internal: return 500
            case .upstreamStatus, .fetchFailed: return 502
            case .overloaded, .draining: return 503
            case .fetchTimeout, .deadlineExceeded: return 504
            }
        }
    }

    public let code: Code
    public let message: String
    /// Only with `.upstreamStatus`: the fetched server's status.
    public var upstreamStatus: Int?
    /// Seconds, sent as `Retry-After` (429, 503).
    public var retryAfter: Int?
    /// Methods the path has, sent as `Allow` (405).
    public var allow: [String]?

    public init(_ code: Code, _ message: String, upstreamStatus: Int? = nil, retryAfter: Int? = nil, allow: [String]? = nil) {
        self.code = code
        self.message = message
        self.upstreamStatus = upstreamStatus
        self.retryAfter = retryAfter
        self.allow = allow
    }

    public var status: Int { code.status }
    public var description: String { "\(code.rawValue): \(message)" }

    /// The core's refusals: blank text is a bad request, text past the limit is too large.
    public init(_ error: ExtractionError) {
        switch error {
        case .emptyText: self.init(.invalidRequest, error.description)
        case .textTooLong: self.init(.bodyTooLarge, error.description)
        }
    }

    /// The `error` object (inside an error body or a failed batch item).
    public func errorObject(requestID: String) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("code", .string(code.rawValue)), ("message", .string(message)), ("request_id", .string(requestID)),
        ]
        if let upstreamStatus { fields.append(("upstream_status", .int(upstreamStatus))) }
        return .object(fields)
    }

    /// The fetch layer's failures, as the contract names them.
    public init(_ error: FetchError) {
        switch error {
        case .invalidURL(let reason): self.init(.invalidURL, "invalid URL: \(reason)")
        case .blocked(let host, let address):
            self.init(.fetchBlocked, "\(host) resolves to \(address), which Lede does not fetch (private, loopback or reserved address)")
        case .tooLarge(let limit): self.init(.fetchTooLarge, "the page is larger than \(limit) bytes")
        case .timeout: self.init(.fetchTimeout, "the page did not arrive in time")
        case .upstreamStatus(let status): self.init(.upstreamStatus, "the page's server answered \(status)", upstreamStatus: status)
        case .unsupportedContentType(let type): self.init(.unsupportedContentType, "the page is \(type), not HTML or text")
        case .failed(let reason): self.init(.fetchFailed, "the page could not be fetched: \(reason)")
        case .tooManyRedirects(let limit): self.init(.fetchFailed, "more than \(limit) redirects")
        }
    }

    /// The whole error body `{"error": {…}}`.
    public func body(requestID: String) -> [UInt8] {
        JSONWriter.bytes(.object([("error", errorObject(requestID: requestID))]))
    }

    /// The complete response: JSON body, `X-Request-ID`, and `Retry-After` / `Allow` when they apply.
    public func response(requestID: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "X-Request-ID", value: requestID)
        if let retryAfter { headers.add(name: "Retry-After", value: String(retryAfter)) }
        if let allow { headers.add(name: "Allow", value: allow.joined(separator: ", ")) }
        return HTTPResponse(status: status, headers: headers, json: body(requestID: requestID))
    }

    /// The server's own errors (protocol errors, overload, deadline), in the same shape.
    public init(_ error: HTTPServerError) {
        let code = Code(rawValue: error.code) ?? .internal
        self.init(code, error.message, retryAfter: code == .overloaded || code == .draining ? 1 : nil)
    }

    /// An ``HTTPServer/Configuration/errorResponder`` that renders through ``APIError``.
    public static let serverErrorResponder: @Sendable (HTTPServerError, String?) -> HTTPResponse = { error, id in
        APIError(error).response(requestID: RequestID.accept(id) ?? HTTPServer.generateRequestID())
    }
}

/// Request ids: the caller's `X-Request-ID` when it is sane, else a generated one.
public enum RequestID {
    /// The caller's id if it is 1–128 visible ASCII characters, else nil.
    public static func accept(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 128,
              value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return value
    }
}
