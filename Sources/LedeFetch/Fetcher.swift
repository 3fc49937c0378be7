/// Fetches web pages with libcurl behind the SSRF guard.
///
/// ```swift
/// let fetcher = Fetcher(configuration: FetchConfiguration(totalTimeout: .seconds(10)))
/// let page = try await fetcher.fetch("https://example.com/news/1")
/// let text = page.decodedText().text
/// ```
///
/// Every hop — the first URL and each redirect — is parsed by ``FetchURL``, checked by ``AddressGuard`` and
/// pinned to the checked addresses. Transfers block a thread, so they run on a bounded pool of
/// ``FetchConfiguration/maxConcurrentFetches`` dedicated threads, never on the caller's.
public final class Fetcher: Sendable {
    /// The limits this fetcher applies.
    public let configuration: FetchConfiguration
    private let addressGuard: AddressGuard
    private let pool: FetchThreadPool

    /// - Parameters:
    ///   - configuration: limits, user agent and allow-list.
    ///   - resolver: host-name resolution for the guard (`getaddrinfo` by default; tests inject a table).
    public init(configuration: FetchConfiguration = FetchConfiguration(), resolver: @escaping AddressGuard.Resolver = AddressGuard.systemResolver) {
        self.configuration = configuration
        self.addressGuard = AddressGuard(allowHosts: configuration.allowHosts, resolver: resolver)
        self.pool = FetchThreadPool(maxThreads: configuration.maxConcurrentFetches)
    }

    deinit {
        pool.shutdown()
    }

    /// Fetches `url`, following up to ``FetchConfiguration/maxRedirects`` redirects.
    ///
    /// Cancelling the calling task aborts the transfer (``FetchError/failed(_:)`` "cancelled").
    /// - Returns: the final 2xx HTML/text response, body decoded from gzip/deflate/br/zstd.
    /// - Throws: ``FetchError``: `invalidURL`, `blocked`, `tooLarge`, `timeout`, `upstreamStatus`,
    ///   `unsupportedContentType`, `tooManyRedirects` or `failed`.
    public func fetch(_ url: String) async throws(FetchError) -> FetchResult {
        let cancellation = CancellationFlag()
        let result: Result<FetchResult, FetchError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                pool.submit { [configuration, addressGuard] in
                    let result = Result { () throws(FetchError) -> FetchResult in
                        try Fetcher.run(url, configuration: configuration, addressGuard: addressGuard, cancellation: cancellation)
                    }
                    continuation.resume(returning: result)
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }

    /// The redirect loop, on a pool thread. The deadline starts when a thread picks the fetch up.
    static func run(
        _ url: String,
        configuration: FetchConfiguration,
        addressGuard: AddressGuard,
        cancellation: CancellationFlag
    ) throws(FetchError) -> FetchResult {
        let deadline = ContinuousClock.now.advanced(by: configuration.totalTimeout)
        var current = try FetchURL(url)
        var redirects = 0
        while true {
            if cancellation.isCancelled { throw .failed("cancelled") }
            let addresses = try addressGuard.check(current)
            let transfer = Transfer(url: current, addresses: addresses, configuration: configuration, cancellation: cancellation)
            switch try transfer.run(until: deadline) {
            case .page(let page):
                return page
            case .redirect(let location):
                guard redirects < configuration.maxRedirects else {
                    throw .tooManyRedirects(limit: configuration.maxRedirects)
                }
                redirects += 1
                current = try FetchURL(location)
            }
        }
    }
}
