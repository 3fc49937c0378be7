import LedeTestSupport
import Dispatch
import Foundation
import LedeHTTP
import Testing

extension LiveServerTests {
    @Suite struct HTTPServerShutdownTests {
        @Test func state_GoesFromStartingToStopped() async throws {
            let server = HTTPServer(configuration: testConfiguration(), handler: testHandler)
            #expect(server.state == .starting)
            try server.start()
            #expect(server.state == .ready)
            #expect(server.port > 0)
            await server.shutdown(drainTimeout: .milliseconds(100))
            #expect(server.state == .stopped)
        }

        @Test func shutdown_FinishesInFlightRequest_AndRefusesNewConnections() async throws {
            let server = HTTPServer(configuration: testConfiguration(), handler: testHandler)
            try server.start()
            let port = server.port
            // The slow request runs on a plain thread: its blocking reads must not hold a cooperative thread
            // (a detached task would), or the shutdown task below could wait for one.
            let slow = Task {
                try await onThread { () throws -> TestClient.Response in
                    let client = try TestClient(port: port)
                    try client.send(get("/sleep?ms=700"))
                    return try client.readResponse()
                }
            }
            #expect(await eventually { server.activeConnections == 1 })
            try await Task.sleep(for: .milliseconds(150))

            let start = ContinuousClock.now
            let shutdown = Task { await server.shutdown(drainTimeout: .seconds(3)) }
            #expect(await eventually { server.state == .draining })
            #expect(throws: TestClient.ClientError.self) { try TestClient(port: port) }

            let response = try await slow.value
            #expect(response.status == 200)
            #expect(response.text == "slept 700")
            #expect(response.header("Connection") == "close")
            await shutdown.value
            #expect(server.state == .stopped)
            #expect(ContinuousClock.now - start < .seconds(2))
        }

        @Test func shutdown_ClosesIdleKeepAliveConnectionsAtOnce() async throws {
            let server = HTTPServer(configuration: testConfiguration { $0.idleTimeout = .seconds(30) }, handler: testHandler)
            try server.start()
            let client = try TestClient(port: server.port)
            try client.send(get("/"))
            #expect(try client.readResponse().status == 200)
            let start = ContinuousClock.now
            await server.shutdown(drainTimeout: .seconds(5))
            #expect(ContinuousClock.now - start < .milliseconds(500))
            #expect(client.waitForClose())
        }

        @Test func shutdown_ForceClosesAfterDrainTimeout() async throws {
            let server = HTTPServer(configuration: testConfiguration { $0.handlerDeadline = nil }, handler: testHandler)
            try server.start()
            let client = try TestClient(port: server.port)
            try client.send(get("/async-sleep?ms=5000"))
            #expect(await eventually { server.activeConnections == 1 })
            let start = ContinuousClock.now
            await server.shutdown(drainTimeout: .milliseconds(300))
            #expect(ContinuousClock.now - start < .milliseconds(1_500))
            #expect(server.state == .stopped)
            #expect(client.waitForClose())
        }
    }
}

/// Runs blocking work on its own thread and awaits its result without occupying a cooperative thread.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
