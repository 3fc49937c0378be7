/// Why the parser rejected a request. Every case ends the connection after the error response: once framing is
/// in doubt, the next byte cannot be trusted to start a new request (that is how request smuggling works).
enum HTTPParseError: Error, Sendable, Equatable {
    /// A bare LF, or CR not followed by LF (RFC 9112 §2.2; we do not accept bare LF).
    case invalidLineEnding
    /// The request line is not `method SP target SP HTTP/x.y` (RFC 9112 §3).
    case invalidRequestLine
    /// A version other than HTTP/1.x (RFC 9112 §2.3).
    case unsupportedVersion
    /// A field name with a non-token byte, or empty (RFC 9110 §5.1).
    case invalidHeaderName
    /// Whitespace between field name and colon (RFC 9112 §5.1: MUST reject with 400).
    case whitespaceBeforeColon
    /// A field line starting with SP/HTAB (obs-fold, RFC 9112 §5.2).
    case obsoleteLineFolding
    /// A control byte (NUL, CR, LF, …) in a field value (RFC 9110 §5.5).
    case invalidHeaderValue
    /// Request line + header section exceed the configured byte limit.
    case headersTooLarge
    /// More header fields than the configured count limit.
    case tooManyHeaders
    /// HTTP/1.1 without Host (RFC 9112 §3.2: MUST respond 400).
    case missingHost
    /// More than one Host field (RFC 9112 §3.2).
    case multipleHosts
    /// Content-Length not 1*DIGIT, too big for Int, or differing values (RFC 9110 §8.6, RFC 9112 §6.3).
    case invalidContentLength
    /// Both Transfer-Encoding and Content-Length (RFC 9112 §6.1, §6.3 rule 3).
    case contentLengthWithTransferEncoding
    /// A transfer coding other than a single final `chunked`, or any Transfer-Encoding on HTTP/1.0 (RFC 9112 §6.1).
    case unsupportedTransferEncoding
    /// POST/PUT with neither Content-Length nor chunked (RFC 9110 §15.5.12).
    case lengthRequired
    /// The declared or accumulated body exceeds the configured limit (RFC 9110 §15.5.14).
    case bodyTooLarge
    /// A malformed chunk-size line, chunk extension, or missing CRLF after chunk data (RFC 9112 §7.1).
    case invalidChunk

    /// The server-level error this maps to, which picks the status and the JSON code.
    var serverError: HTTPServerError {
        switch self {
        case .headersTooLarge, .tooManyHeaders: return .headersTooLarge
        case .lengthRequired: return .lengthRequired
        case .bodyTooLarge: return .bodyTooLarge
        default: return .badRequest(reason)
        }
    }

    /// A short explanation suitable for the error body (no request data echoed back).
    var reason: String {
        switch self {
        case .invalidLineEnding: return "malformed line ending"
        case .invalidRequestLine: return "malformed request line"
        case .unsupportedVersion: return "unsupported HTTP version"
        case .invalidHeaderName: return "malformed header field name"
        case .whitespaceBeforeColon: return "whitespace before colon in header field"
        case .obsoleteLineFolding: return "obsolete line folding in header field"
        case .invalidHeaderValue: return "invalid character in header field value"
        case .headersTooLarge: return "request header section too large"
        case .tooManyHeaders: return "too many header fields"
        case .missingHost: return "missing Host header"
        case .multipleHosts: return "more than one Host header"
        case .invalidContentLength: return "invalid Content-Length"
        case .contentLengthWithTransferEncoding: return "both Content-Length and Transfer-Encoding"
        case .unsupportedTransferEncoding: return "unsupported Transfer-Encoding"
        case .lengthRequired: return "Content-Length or chunked body required"
        case .bodyTooLarge: return "request body too large"
        case .invalidChunk: return "malformed chunked body"
        }
    }
}
