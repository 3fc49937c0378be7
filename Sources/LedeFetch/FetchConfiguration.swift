/// Limits and identity for ``Fetcher``. Every limit has a default; the service overrides them from its config.
public struct FetchConfiguration: Sendable {
    /// Time allowed to establish the TCP (and TLS) connection of one hop.
    public var connectTimeout: Duration = .seconds(5)
    /// Time allowed for the whole fetch, redirects and DNS included, counted from when a worker picks it up.
    public var totalTimeout: Duration = .seconds(15)
    /// Maximum body size in bytes, counted after content decoding (gzip, deflate, br, zstd). The transfer is
    /// aborted as soon as it is exceeded; nothing larger is ever buffered.
    public var maxBodyBytes: Int = 5 * 1024 * 1024
    /// Maximum number of redirects followed (each re-checked by the guard); one more is ``FetchError/tooManyRedirects(limit:)``.
    public var maxRedirects: Int = 5
    /// `User-Agent` sent with every request.
    public var userAgent: String = "Lede/1.0 (+https://github.com/lede)"
    /// Exact `host:port` entries (`127.0.0.1:8080`, `[::1]:8080`, `example.test:80`) exempt from the address
    /// guard — for tests and trusted internal sources. A redirect to any other host or port is guarded as usual.
    public var allowHosts: Set<String> = []
    /// How many fetches run at once; further calls wait for a free worker thread.
    public var maxConcurrentFetches: Int = 8
    /// Maximum total size of the response headers of one hop.
    public var maxHeaderBytes: Int = 64 * 1024

    /// A configuration with the defaults above.
    public init() {}

    /// A configuration with the given limits; anything not passed keeps its default.
    public init(
        connectTimeout: Duration = .seconds(5),
        totalTimeout: Duration = .seconds(15),
        maxBodyBytes: Int = 5 * 1024 * 1024,
        maxRedirects: Int = 5,
        userAgent: String = "Lede/1.0 (+https://github.com/lede)",
        allowHosts: Set<String> = [],
        maxConcurrentFetches: Int = 8
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
        self.allowHosts = allowHosts
        self.maxConcurrentFetches = maxConcurrentFetches
    }
}
