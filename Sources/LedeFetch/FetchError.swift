/// Why a fetch failed, with what the service needs to answer (the contract's codes and statuses are
/// assigned in LedeService's error mapping, not here).
public enum FetchError: Error, Equatable, Sendable {
    /// Not an absolute http(s) URL, or a host that does not parse.
    case invalidURL(String)
    /// The SSRF guard refused the address (loopback, private, link-local, …) of the host or a redirect.
    case blocked(host: String, address: String)
    /// The body grew past the configured maximum (decompressed bytes).
    case tooLarge(limit: Int)
    /// Connect or total timeout.
    case timeout
    /// The server answered with a non-2xx status.
    case upstreamStatus(Int)
    /// The response is not HTML or text.
    case unsupportedContentType(String)
    /// DNS, connection or TLS failure.
    case failed(String)
    /// More redirects than allowed.
    case tooManyRedirects(limit: Int)
}
