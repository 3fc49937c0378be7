import Foundation
import LedeHTTP
import LedeTestSupport
import Testing

extension LiveServerTests {
    /// Requests a handler marks as cheap (`needsWorkerPool` false) are not queued behind busy workers.
    @Suite struct HTTPServerFastLaneTests {
        /// Records the order in which requests finished.
        final class Finished: @unchecked Sendable {
            private let lock = NSLock()
            private var paths: [String] = []
            func add(_ path: String) { lock.withLock { paths.append(path) } }
            var order: [String] { lock.withLock { paths } }
        }

        struct ProbeHandler: HTTPHandler {
            let finished: Finished
            func needsWorkerPool(_ request: HTTPRequest) -> Bool { request.path != "/probe" }
            func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
                if request.path == "/sleep" { usleep(800_000) }  // blocks its worker thread, as extraction does
                finished.add(request.path)
                return HTTPResponse(text: request.path)
            }
        }

        @Test func probe_IsAnswered_WhileEveryWorkerIsBusy() async throws {
            let finished = Finished()
            let configuration = testConfiguration { $0.workerCount = 1; $0.handlerDeadline = .seconds(5) }
            try await withServer(configuration, handler: ProbeHandler(finished: finished)) { server in
                let busy = try TestClient(port: server.port)
                let queued = try TestClient(port: server.port)
                try busy.send(get("/sleep"))
                try queued.send(get("/sleep"))
                #expect(await eventually { server.activeConnections == 2 })
                let probe = try TestClient(port: server.port)
                try probe.send(get("/probe"))
                #expect(try probe.readResponse().text == "/probe")
                #expect(try busy.readResponse().status == 200)
                #expect(try queued.readResponse().status == 200)
                #expect(finished.order == ["/probe", "/sleep", "/sleep"], "the probe waited for the workers: \(finished.order)")
            }
        }
    }
}
