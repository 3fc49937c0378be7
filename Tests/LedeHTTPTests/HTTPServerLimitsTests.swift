import LedeTestSupport
import Foundation
import Glibc
import LedeHTTP
import Testing

extension LiveServerTests {
    @Suite struct HTTPServerLimitsTests {
        /// Reads one error response and checks status, JSON code, and that the connection is then closed.
        private func expectError(_ client: TestClient, status: Int, code: String) throws {
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(response.text.contains(#""code":"\#(code)""#))
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose())
        }

        @Test func headerSection_OverByteLimit_Is431() async throws {
            try await withServer(testConfiguration { $0.maxHeaderBytes = 1_024 }) { server in
                let client = try TestClient(port: server.port)
                try client.send(get("/", "X-Big: \(String(repeating: "a", count: 2_000))\r\n"))
                try expectError(client, status: 431, code: "headers_too_large")
            }
        }

        @Test func headerCount_OverLimit_Is431() async throws {
            try await withServer(testConfiguration { $0.maxHeaderCount = 5 }) { server in
                let client = try TestClient(port: server.port)
                try client.send(get("/", (0..<5).map { "X-\($0): v\r\n" }.joined()))
                try expectError(client, status: 431, code: "headers_too_large")
            }
        }

        @Test func declaredBody_OverLimit_Is413_BeforeTheBodyIsSent() async throws {
            try await withServer(testConfiguration { $0.maxBodyBytes = 1_000 }) { server in
                let client = try TestClient(port: server.port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000000\r\nX-Request-ID: r1\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 413)
                #expect(response.header("X-Request-ID") == "r1")
                #expect(response.text.contains(#""code":"body_too_large""#))
            }
        }

        @Test func chunkedBody_OverLimit_Is413() async throws {
            try await withServer(testConfiguration { $0.maxBodyBytes = 1_000 }) { server in
                let client = try TestClient(port: server.port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                for _ in 0..<3 { try client.send("190\r\n\(String(repeating: "z", count: 400))\r\n") }
                try expectError(client, status: 413, code: "body_too_large")
            }
        }

        @Test func postWithoutLength_Is411() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\n\r\n")
                try expectError(client, status: 411, code: "length_required")
            }
        }

        @Test func missingHost_Is400() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send("GET / HTTP/1.1\r\n\r\n")
                try expectError(client, status: 400, code: "invalid_request")
            }
        }

        @Test func slowloris_IsCutOff_WhileAnotherClientIsServed() async throws {
            try await withServer { server in  // header timeout 0.5 s
                let start = ContinuousClock.now
                let slow = try TestClient(port: server.port, timeout: 0.1)
                try slow.send("GET / HTTP/1.1\r\nHost: t\r\n")
                var served = false
                var cutOff = false
                for index in 0..<40 {  // trickle a header line every 50 ms for up to 2 s
                    if (try? slow.send("X-\(index): a\r\n")) == nil || slow.waitForClose() {
                        cutOff = true
                        break
                    }
                    if index == 3 {
                        let other = try TestClient(port: server.port)
                        try other.send(get("/"))
                        served = try other.readResponse().status == 200
                    }
                }
                #expect(served)
                #expect(cutOff)
                #expect(ContinuousClock.now - start < .milliseconds(1_500))
            }
        }

        @Test func silentConnection_IsClosedAfterHeaderTimeout_WithoutResponse() async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port, timeout: 3)
                #expect(try client.readToEnd().isEmpty)
                #expect(await eventually { server.activeConnections == 0 })
            }
        }

        @Test func stalledBody_Gets408() async throws {
            try await withServer { server in  // body timeout 0.5 s
                let client = try TestClient(port: server.port, timeout: 3)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
                let start = ContinuousClock.now
                try expectError(client, status: 408, code: "request_timeout")
                #expect(ContinuousClock.now - start < .milliseconds(1_500))
            }
        }

        @Test func idleKeepAliveConnection_IsClosed() async throws {
            try await withServer(testConfiguration { $0.idleTimeout = .milliseconds(300) }) { server in
                let client = try TestClient(port: server.port, timeout: 3)
                try client.send(get("/"))
                #expect(try client.readResponse().status == 200)
                let start = ContinuousClock.now
                #expect(client.waitForClose())
                #expect(ContinuousClock.now - start < .milliseconds(1_500))
            }
        }

        @Test func unreadResponse_IsAbandonedAfterWriteTimeout() async throws {
            try await withServer(testConfiguration { $0.writeTimeout = .milliseconds(300) }) { server in
                let client = try TestClient(port: server.port, receiveBuffer: 4_096)
                try client.send(get("/big?bytes=16000000"))  // never read: the server's send buffer fills up
                #expect(await eventually { server.activeConnections == 0 })
            }
        }

        @Test func connectionsPastTheLimit_Get503_AndClose() async throws {
            try await withServer(testConfiguration { $0.maxConnections = 3 }) { server in
                var held: [TestClient] = []
                for _ in 0..<3 {
                    let client = try TestClient(port: server.port)
                    try client.send(get("/"))
                    #expect(try client.readResponse().status == 200)
                    held.append(client)
                }
                let refused = try TestClient(port: server.port)
                let response = try refused.readResponse()
                #expect(response.status == 503)
                #expect(response.header("Retry-After") == "1")
                #expect(response.text.contains(#""code":"overloaded""#))
                #expect(refused.waitForClose())
                held.removeLast()  // frees a slot
                #expect(await eventually { server.activeConnections == 2 })
                let admitted = try TestClient(port: server.port)
                try admitted.send(get("/"))
                #expect(try admitted.readResponse().status == 200)
            }
        }

        @Test func handlerOverDeadline_Gets504() async throws {
            try await withServer(testConfiguration { $0.handlerDeadline = .milliseconds(300) }) { server in
                for path in ["/async-sleep?ms=3000", "/sleep?ms=1000"] {
                    let client = try TestClient(port: server.port)
                    let start = ContinuousClock.now
                    try client.send(get(path))
                    let response = try client.readResponse()
                    #expect(response.status == 504)
                    #expect(response.text.contains(#""code":"deadline_exceeded""#))
                    #expect(ContinuousClock.now - start < .milliseconds(1_000))
                    #expect(client.waitForClose())
                }
            }
        }

        @Test func fiveHundredIdleConnections_StillLetANewRequestThrough() async throws {
            raiseOpenFileLimit(to: 4_096)
            try await withServer(testConfiguration { $0.headerReadTimeout = .seconds(10) }) { server in
                let idle = try (0..<500).map { _ in try TestClient(port: server.port) }
                #expect(await eventually { server.activeConnections == 500 })
                let client = try TestClient(port: server.port)
                let start = ContinuousClock.now
                try client.send(get("/"))
                #expect(try client.readResponse().status == 200)
                #expect(ContinuousClock.now - start < .milliseconds(500))
                #expect(idle.count == 500)
            }
        }

        @Test func abandonedConnections_LeakNoDescriptors() async throws {
            try await withServer { server in
                let baseline = openSocketCount(localPort: server.port)
                #expect(baseline >= 1, "the listening socket itself is counted")
                for index in 0..<60 {
                    let client = try TestClient(port: server.port)
                    switch index % 6 {
                    case 0: try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 50\r\n\r\nabc")
                    case 1: try client.send("GET / HTTP/1.1\r\nHo")
                    case 2: try client.send(get("/sleep?ms=20"))
                    case 3: try client.send("BROKEN\r\n\r\n")
                    case 4: try client.send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")
                    default: break
                    }
                    if index % 2 == 0 { client.abort() }
                }
                #expect(await eventually { server.activeConnections == 0 })
                _ = await eventually { openSocketCount(localPort: server.port) <= baseline }
                #expect(openSocketCount(localPort: server.port) <= baseline)
                let client = try TestClient(port: server.port)
                try client.send(get("/"))
                #expect(try client.readResponse().status == 200)
            }
        }

        @Test func clientAbortingMidBody_DoesNotDisturbTheServer() async throws {
            try await withServer { server in
                for abrupt in [true, false] {
                    let client = try TestClient(port: server.port)
                    try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n")
                    try client.send([UInt8](repeating: 65, count: 20_000))
                    if abrupt { client.abort() } else { client.shutdownWrite() }
                }
                let other = try TestClient(port: server.port)
                try other.send(get("/echo"))
                #expect(try other.readResponse().status == 200)
                #expect(await eventually { server.activeConnections == 1 })
            }
        }
    }
}

/// The number of TCP sockets this process holds open on `localPort`: the server's listening socket
/// and the connections it accepted. Counting all of the process's descriptors was flaky, since
/// suites outside `LiveServerTests` run in parallel in the same process and open their own.
func openSocketCount(localPort: Int) -> Int {
    let fdDirectory = "/proc/self/fd"
    let inodes = Set(((try? FileManager.default.contentsOfDirectory(atPath: fdDirectory)) ?? []).compactMap { fd -> Substring? in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDirectory)/\(fd)"),
              target.hasPrefix("socket:[") else { return nil }
        return target.dropFirst(8).dropLast()
    })
    var count = 0
    for table in ["/proc/self/net/tcp", "/proc/self/net/tcp6"] {
        guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n").dropFirst() {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            let fields = line.split(separator: " ")
            guard fields.count > 9, let localPortHex = fields[1].split(separator: ":").last else { continue }
            if Int(localPortHex, radix: 16) == localPort, inodes.contains(fields[9]) { count += 1 }
        }
    }
    return count
}

/// Raises the soft RLIMIT_NOFILE (500 client + 500 server descriptors live in this one process).
func raiseOpenFileLimit(to wanted: rlim_t) {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_cur < wanted {
        limit.rlim_cur = min(wanted, limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
