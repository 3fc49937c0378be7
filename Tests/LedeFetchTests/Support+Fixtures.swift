import LedeFetch
import LedeHTTP

/// Starts a LedeHTTP server on 127.0.0.1:0 with `handler`, runs `body`, and shuts the server down.
func withFixtureServer<T>(
    _ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse,
    _ body: (_ port: Int) async throws -> T
) async throws -> T {
    var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
    configuration.workerCount = 2
    configuration.ioQueueCount = 1
    configuration.lingerTimeout = .milliseconds(100)
    let server = HTTPServer(configuration: configuration, handler: ClosureHandler(handler))
    try server.start()
    do {
        let result = try await body(server.port)
        await server.shutdown(drainTimeout: .seconds(1))
        return result
    } catch {
        await server.shutdown(drainTimeout: .seconds(1))
        throw error
    }
}

/// A fetcher for loopback tests: `ports` on 127.0.0.1 are allow-listed, timeouts short.
func loopbackFetcher(
    allowing ports: [Int],
    maxBodyBytes: Int = 5 * 1024 * 1024,
    totalTimeout: Duration = .seconds(5),
    maxRedirects: Int = 5
) -> Fetcher {
    Fetcher(configuration: FetchConfiguration(
        connectTimeout: .seconds(2),
        totalTimeout: totalTimeout,
        maxBodyBytes: maxBodyBytes,
        maxRedirects: maxRedirects,
        allowHosts: Set(ports.map { "127.0.0.1:\($0)" }),
        maxConcurrentFetches: 4
    ))
}

/// Runs `fetch` and returns its typed error, or `nil` if it succeeded.
func fetchError(_ fetcher: Fetcher, _ url: String) async -> FetchError? {
    do {
        _ = try await fetcher.fetch(url)
        return nil
    } catch {
        return error
    }
}

func html(_ body: [UInt8], status: Int = 200, contentType: String = "text/html; charset=utf-8", extra: HTTPHeaders = [:]) -> HTTPResponse {
    var headers = extra
    headers.add(name: "Content-Type", value: contentType)
    return HTTPResponse(status: status, headers: headers, body: body)
}
