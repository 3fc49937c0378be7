import Foundation
import LedeHTTP

/// Short timeouts so every test is bounded in time, and an ephemeral port on 127.0.0.1.
func testConfiguration(_ adjust: (inout HTTPServer.Configuration) -> Void = { _ in }) -> HTTPServer.Configuration {
    var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
    configuration.headerReadTimeout = .milliseconds(500)
    configuration.bodyReadTimeout = .milliseconds(500)
    configuration.idleTimeout = .seconds(2)
    configuration.writeTimeout = .seconds(1)
    configuration.handlerDeadline = .seconds(2)
    configuration.lingerTimeout = .milliseconds(300)
    configuration.workerCount = 2
    configuration.ioQueueCount = 2
    adjust(&configuration)
    return configuration
}

/// A handler for the live tests: `/echo` returns method, path and body; `/sleep?ms=N` blocks its worker thread;
/// `/fail` throws; everything else answers `ok`.
let testHandler = ClosureHandler { request in
    switch request.path {
    case "/echo":
        let head = "\(request.method) \(request.target) \(request.body.count)\n"
        return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array(head.utf8) + request.body)
    case "/sleep":
        let milliseconds = Int(request.queryValue("ms") ?? "100") ?? 100
        usleep(useconds_t(milliseconds * 1_000))  // deliberately blocking: a CPU-heavy handler stand-in
        return HTTPResponse(text: "slept \(milliseconds)")
    case "/async-sleep":
        let milliseconds = Int(request.queryValue("ms") ?? "100") ?? 100
        try await Task.sleep(for: .milliseconds(milliseconds))
        return HTTPResponse(text: "slept \(milliseconds)")
    case "/fail":
        struct Boom: Error {}
        throw Boom()
    case "/big":
        let size = Int(request.queryValue("bytes") ?? "1000") ?? 1000
        return HTTPResponse(body: [UInt8](repeating: UInt8(ascii: "x"), count: size))
    default:
        return HTTPResponse(text: "ok")
    }
}

/// Starts a server, runs `body`, then shuts the server down (even if `body` throws).
func withServer(
    _ configuration: HTTPServer.Configuration = testConfiguration(),
    handler: any HTTPHandler = testHandler,
    _ body: (HTTPServer) async throws -> Void
) async throws {
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    do {
        try await body(server)
    } catch {
        await server.shutdown(drainTimeout: .milliseconds(200))
        throw error
    }
    await server.shutdown(drainTimeout: .milliseconds(200))
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(3), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + timeout
    while clock.now < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// `GET path HTTP/1.1` with a Host header.
func get(_ path: String, _ extra: String = "") -> String {
    "GET \(path) HTTP/1.1\r\nHost: test\r\n\(extra)\r\n"
}
