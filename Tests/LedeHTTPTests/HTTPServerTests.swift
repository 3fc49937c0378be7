import LedeTestSupport
import Foundation
import Glibc
import LedeHTTP
import Testing

extension LiveServerTests {
    @Suite struct HTTPServerTests {
        @Test func keepAlive_Serves100Requests_OnOneConnection() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                for index in 0..<100 {
                    try client.send(get("/echo?i=\(index)"))
                    let response = try client.readResponse()
                    #expect(response.status == 200)
                    #expect(response.text == "GET /echo?i=\(index) 0\n")
                    #expect(response.header("Connection") == nil)
                }
                #expect(server.activeConnections == 1)
            }
        }

        @Test func pipelining_TenRequestsInOneWrite_AreAnsweredInOrder() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send((0..<10).map { get("/echo?n=\($0)") }.joined())
                for index in 0..<10 {
                    #expect(try client.readResponse().text == "GET /echo?n=\(index) 0\n")
                }
            }
        }

        @Test func pipelinedRequests_ThenHalfClose_AreAllAnswered() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send(get("/sleep?ms=50") + get("/echo?second") + get("/echo?third"))
                client.shutdownWrite()
                #expect(try client.readResponse().text == "slept 50")
                #expect(try client.readResponse().text == "GET /echo?second 0\n")
                #expect(try client.readResponse().text == "GET /echo?third 0\n")
                #expect(client.waitForClose())
            }
        }

        @Test func body_SplitAcrossManySmallWrites_IsReassembled() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                let body = (0..<600).map { String($0 % 10) }.joined()
                let raw = Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
                var offset = 0
                var piece = 1
                while offset < raw.count {
                    let end = min(raw.count, offset + piece)
                    try client.send(Array(raw[offset..<end]))
                    offset = end
                    piece = piece % 7 + 1
                    if offset % 50 < 7 { usleep(1_000) }  // let some pieces arrive as separate reads
                }
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "POST /echo 600\n" + body)
            }
        }

        @Test func chunkedBody_WithExtensionsAndTrailers_IsDecoded() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                for part in ["4;ext=1\r\nWiki\r\n", "5\r\npedia\r\n", "E ; a=\"b\"\r\n in\r\n\r\nchunks.\r\n", "0\r\nX-Trailer: yes\r\n\r\n"] {
                    try client.send(part)
                    usleep(5_000)
                }
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "POST /echo 23\nWikipedia in\r\n\r\nchunks.")
            }
        }

        @Test func head_HasGETHeaders_WithoutBody() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send("HEAD /big?bytes=10 HTTP/1.1\r\nHost: t\r\n\r\n")
                let head = try client.readResponse(head: true)
                #expect(head.status == 200)
                #expect(head.header("Content-Length") == "10")
                // If a body had been sent, it would be read as the start of the next response.
                try client.send(get("/big?bytes=3"))
                let next = try client.readResponse()
                #expect(next.status == 200)
                #expect(next.text == "xxx")
            }
        }

        @Test func http10_WithoutKeepAlive_IsClosedAfterResponse() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send("GET /echo HTTP/1.0\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func http10_WithKeepAlive_StaysOpen() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                for _ in 0..<2 {
                    try client.send("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.status == 200)
                    #expect(response.header("Connection") == "keep-alive")
                }
            }
        }

        @Test func connectionClose_FromClient_ClosesAfterResponse() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send(get("/", "Connection: close\r\n"))
                #expect(try client.readResponse().header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func expectContinue_Gets100_ThenTheResponse() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                let interim = try client.readResponse()
                #expect(interim.status == 100)
                try client.send("hello")
                let final = try client.readResponse()
                #expect(final.status == 200)
                #expect(final.text == "POST /echo 5\nhello")
            }
        }

        @Test func expectContinue_OverBodyLimit_Gets413Instead() async throws {
            try await withServer(testConfiguration { $0.maxBodyBytes = 10 }) { server in
                let client = try TestClient(port: server.port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 50\r\n\r\n")
                #expect(try client.readResponse().status == 413)
            }
        }

        @Test func handlerError_Is500JSON() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send(get("/fail", "X-Request-ID: abc\r\n"))
                let response = try client.readResponse()
                #expect(response.status == 500)
                #expect(response.text == #"{"error":{"code":"internal","message":"Internal server error.","request_id":"abc"}}"#)
                try client.send(get("/"))  // the connection stays usable
                #expect(try client.readResponse().status == 200)
            }
        }

        @Test func slowHandler_DoesNotStallOtherConnections() async throws {
            try await withServer(testConfiguration { $0.workerCount = 2 }) { server in
                let slow = try TestClient(port: server.port)
                try slow.send(get("/sleep?ms=1500"))  // blocks one worker thread
                usleep(100_000)
                let fast = try TestClient(port: server.port)
                let start = ContinuousClock.now
                try fast.send(get("/"))
                #expect(try fast.readResponse().status == 200)
                #expect(ContinuousClock.now - start < .milliseconds(700))
                #expect(try slow.readResponse().text == "slept 1500")
            }
        }

        @Test func ipv6Loopback_IsServed() async throws {
            try await withServer(testConfiguration { $0.host = "::1" }) { server in
                let client = try TestClient(port: server.port, host: "::1")
                try client.send(get("/echo"))
                #expect(try client.readResponse().status == 200)
            }
        }

        @Test func observer_SeesConnectionsAndRequests() async throws {
            let observer = RecordingObserver()
            try await withServer(testConfiguration { $0.observer = observer }) { server in
                do {
                    let client = try TestClient(port: server.port)
                    try client.send(get("/echo"))
                    _ = try client.readResponse()
                    try client.send("GET / HTTP/1.1\r\n\r\n")  // no Host → 400
                    #expect(try client.readResponse().status == 400)
                }
                #expect(await eventually { observer.snapshot.closed == 1 })
                let seen = observer.snapshot
                #expect(seen.opened == 1)
                #expect(seen.completed == ["/echo 200"])
                #expect(seen.errors == ["invalid_request"])
            }
        }
    }
}

/// Records observer calls for assertions.
final class RecordingObserver: HTTPServerObserver, @unchecked Sendable {
    // @unchecked Sendable: `seen` is only touched while holding `lock`.
    struct Seen: Sendable {
        var opened = 0
        var closed = 0
        var rejected = 0
        var completed: [String] = []
        var errors: [String] = []
    }

    private let lock = NSLock()
    private var seen = Seen()
    var snapshot: Seen { lock.withLock { seen } }

    func connectionOpened(active: Int) { lock.withLock { seen.opened += 1 } }
    func connectionClosed(active: Int) { lock.withLock { seen.closed += 1 } }
    func connectionRejected() { lock.withLock { seen.rejected += 1 } }
    func requestCompleted(_ request: HTTPRequest, response: HTTPResponse, duration: Duration) {
        lock.withLock { seen.completed.append("\(request.path) \(response.status)") }
    }
    func protocolError(_ error: HTTPServerError) { lock.withLock { seen.errors.append(error.code) } }
}
