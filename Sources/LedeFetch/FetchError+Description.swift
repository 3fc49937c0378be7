extension FetchError: CustomStringConvertible {
    /// One line for logs and the CLI's stderr (the API's messages are written by LedeService).
    public var description: String {
        switch self {
        case .invalidURL(let detail): return "invalid URL (\(detail))"
        case .blocked(let host, let address): return "blocked: \(host) resolves to non-public address \(address)"
        case .tooLarge(let limit): return "page larger than \(limit) bytes"
        case .timeout: return "fetch timed out"
        case .upstreamStatus(let status): return "upstream answered HTTP \(status)"
        case .unsupportedContentType(let type): return "unsupported content type \(type.isEmpty ? "(none)" : type)"
        case .failed(let detail): return "fetch failed: \(detail)"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        }
    }
}
