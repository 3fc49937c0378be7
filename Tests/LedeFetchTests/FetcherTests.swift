import Foundation
import LedeHTTP
import Synchronization
import Testing
@testable import LedeFetch

/// End-to-end over loopback only: LedeHTTP fixture servers (allow-listed by exact host:port) and, for bodies
/// LedeHTTP cannot produce, ``RawServer``. Every test is bounded by short fetch timeouts and a time limit.
@Suite(.timeLimit(.minutes(1)))
struct FetcherTests {
    @Test func fetch_htmlPage_returnsBodyAndMetadata() async throws {
        try await withFixtureServer({ _ in html(Array("<p>héllo</p>".utf8), extra: ["X-Test": "1"]) }) { port in
            let page = try await loopbackFetcher(allowing: [port]).fetch("http://127.0.0.1:\(port)/article?id=1")
            #expect(page.status == 200)
            #expect(page.finalURL == "http://127.0.0.1:\(port)/article?id=1")
            #expect(page.contentType == "text/html")
            #expect(page.charset == "utf-8")
            #expect(page.body == Array("<p>héllo</p>".utf8))
            #expect(page.header("x-test") == "1")
            #expect(page.decodedText().text == "<p>héllo</p>")
        }
    }

    @Test func fetch_notAllowListedLoopback_isBlockedBeforeConnecting() async throws {
        let requests = Atomic<Int>(0)
        try await withFixtureServer({ _ in
            requests.add(1, ordering: .relaxed)
            return html(Array("x".utf8))
        }) { port in
            let fetcher = Fetcher(configuration: FetchConfiguration(totalTimeout: .seconds(2)))
            for url in ["http://127.0.0.1:\(port)/", "http://2130706433:\(port)/", "http://0x7f.1:\(port)/", "http://[::ffff:127.0.0.1]:\(port)/"] {
                let error = await fetchError(fetcher, url)
                guard case .blocked = error else {
                    Issue.record("\(url): expected blocked, got \(String(describing: error))")
                    continue
                }
            }
            let localhost = await fetchError(fetcher, "http://localhost:\(port)/")
            #expect(localhost == .blocked(host: "localhost", address: "127.0.0.1") || localhost == .blocked(host: "localhost", address: "::1"))
            #expect(requests.load(ordering: .relaxed) == 0)
        }
    }

    @Test func fetch_relativeRedirectChain_isFollowedAndFinalURLReported() async throws {
        try await withFixtureServer({ request in
            switch request.path {
            case "/a/r1": return HTTPResponse(status: 301, headers: ["Location": "/a/r2?x=1"])
            case "/a/r2": return HTTPResponse(status: 302, headers: ["Location": "r3"])
            case "/a/r3": return HTTPResponse(status: 307, headers: ["Location": "../b/final#frag"])
            case "/b/final": return html(Array("done".utf8))
            default: return HTTPResponse(status: 404)
            }
        }) { port in
            let page = try await loopbackFetcher(allowing: [port]).fetch("http://127.0.0.1:\(port)/a/r1")
            #expect(page.finalURL == "http://127.0.0.1:\(port)/b/final")
            #expect(page.body == Array("done".utf8))
        }
    }

    @Test func fetch_redirectLoop_isTooManyRedirects() async throws {
        try await withFixtureServer({ _ in HTTPResponse(status: 302, headers: ["Location": "/loop"]) }) { port in
            let error = await fetchError(loopbackFetcher(allowing: [port], maxRedirects: 3), "http://127.0.0.1:\(port)/loop")
            #expect(error == .tooManyRedirects(limit: 3))
        }
    }

    @Test func fetch_redirectToAnotherLoopbackPort_isBlockedAlthoughFirstPortIsAllowed() async throws {
        let hits = Atomic<Int>(0)
        try await withFixtureServer({ _ in
            hits.add(1, ordering: .relaxed)
            return html(Array("internal secret".utf8))
        }) { internalPort in
            try await withFixtureServer({ request in
                switch request.path {
                case "/other-port": return HTTPResponse(status: 302, headers: ["Location": "http://127.0.0.1:\(internalPort)/admin"])
                case "/localhost": return HTTPResponse(status: 301, headers: ["Location": "http://localhost:\(internalPort)/"])
                case "/decimal": return HTTPResponse(status: 308, headers: ["Location": "http://2130706433:\(internalPort)/"])
                case "/metadata": return HTTPResponse(status: 302, headers: ["Location": "http://169.254.169.254/latest/meta-data/"])
                case "/ftp": return HTTPResponse(status: 302, headers: ["Location": "ftp://127.0.0.1/"])
                default: return HTTPResponse(status: 404)
                }
            }) { port in
                let fetcher = loopbackFetcher(allowing: [port])
                let base = "http://127.0.0.1:\(port)"
                #expect(await fetchError(fetcher, "\(base)/other-port") == .blocked(host: "127.0.0.1", address: "127.0.0.1"))
                #expect(await fetchError(fetcher, "\(base)/decimal") == .blocked(host: "127.0.0.1", address: "127.0.0.1"))
                #expect(await fetchError(fetcher, "\(base)/metadata") == .blocked(host: "169.254.169.254", address: "169.254.169.254"))
                guard case .blocked(host: "localhost", _) = await fetchError(fetcher, "\(base)/localhost") else {
                    Issue.record("redirect to localhost must be blocked")
                    return
                }
                guard case .invalidURL = await fetchError(fetcher, "\(base)/ftp") else {
                    Issue.record("redirect to ftp must be refused")
                    return
                }
            }
        }
        #expect(hits.load(ordering: .relaxed) == 0)
    }

    @Test func fetch_404_isUpstreamStatus() async throws {
        try await withFixtureServer({ _ in html(Array("not here".utf8), status: 404) }) { port in
            #expect(await fetchError(loopbackFetcher(allowing: [port]), "http://127.0.0.1:\(port)/") == .upstreamStatus(404))
        }
    }

    @Test func fetch_imagePNG_isUnsupportedContentType() async throws {
        try await withFixtureServer({ _ in html([0x89, 0x50, 0x4E, 0x47], contentType: "image/png") }) { port in
            let error = await fetchError(loopbackFetcher(allowing: [port]), "http://127.0.0.1:\(port)/logo.png")
            #expect(error == .unsupportedContentType("image/png"))
        }
    }

    @Test func fetch_gzipBody_isDecoded() async throws {
        let original = Array(String(repeating: "<p>Gzip über alles</p>\n", count: 200).utf8)
        let compressed = Gzip.compress(original)
        try await withFixtureServer({ request in
            #expect(request.headers["Accept-Encoding"]?.contains("gzip") == true)
            return html(compressed, extra: ["Content-Encoding": "gzip"])
        }) { port in
            let page = try await loopbackFetcher(allowing: [port]).fetch("http://127.0.0.1:\(port)/")
            #expect(page.body == original)
        }
    }

    @Test func fetch_gzipBombOverCap_isTooLarge() async throws {
        let bomb = Gzip.zeros(50 * 1024 * 1024)  // ~315 KB on the wire, 50 MB decoded
        let small = Gzip.zeros(1_000_000)
        try await withFixtureServer({ request in
            html(request.path == "/bomb" ? bomb : small, contentType: "text/plain", extra: ["Content-Encoding": "gzip"])
        }) { port in
            let fetcher = loopbackFetcher(allowing: [port], maxBodyBytes: 5 * 1024 * 1024)
            let started = ContinuousClock.now
            #expect(await fetchError(fetcher, "http://127.0.0.1:\(port)/bomb") == .tooLarge(limit: 5 * 1024 * 1024))
            #expect(started.duration(to: .now) < .seconds(10))
            let page = try await fetcher.fetch("http://127.0.0.1:\(port)/small")
            #expect(page.body.count == 1_000_000)
            #expect(page.body.allSatisfy { $0 == 0 })
        }
    }

    @Test func fetch_contentLengthOverCap_isTooLarge() async throws {
        let big = [UInt8](repeating: 0x61, count: 300_000)
        try await withFixtureServer({ _ in html(big, contentType: "text/plain") }) { port in
            let error = await fetchError(loopbackFetcher(allowing: [port], maxBodyBytes: 100_000), "http://127.0.0.1:\(port)/")
            #expect(error == .tooLarge(limit: 100_000))
        }
    }

    @Test func fetch_endlessBody_isTooLarge() async throws {
        let server = try RawServer { write in
            guard write(Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n".utf8)) else { return }
            let chunk = [UInt8](repeating: 0x61, count: 64 * 1024)
            let deadline = ContinuousClock.now.advanced(by: .seconds(20))
            while ContinuousClock.now < deadline, write(chunk) {}
        }
        defer { server.stop() }
        let error = await fetchError(loopbackFetcher(allowing: [server.port], maxBodyBytes: 1_000_000), "http://127.0.0.1:\(server.port)/")
        #expect(error == .tooLarge(limit: 1_000_000))
    }

    @Test func fetch_slowDrip_timesOut() async throws {
        let server = try RawServer { write in
            guard write(Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n".utf8)) else { return }
            for _ in 0..<100 {
                guard write([0x61]) else { return }
                usleep(200_000)
            }
        }
        defer { server.stop() }
        let started = ContinuousClock.now
        let error = await fetchError(loopbackFetcher(allowing: [server.port], totalTimeout: .seconds(1)), "http://127.0.0.1:\(server.port)/")
        #expect(error == .timeout)
        #expect(started.duration(to: .now) < .seconds(4))
    }

    @Test func fetch_cancelledTask_abortsTransfer() async throws {
        let server = try RawServer { write in
            guard write(Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n".utf8)) else { return }
            for _ in 0..<100 {
                guard write([0x61]) else { return }
                usleep(100_000)
            }
        }
        defer { server.stop() }
        let fetcher = loopbackFetcher(allowing: [server.port], totalTimeout: .seconds(20))
        let started = ContinuousClock.now
        let task = Task { await fetchError(fetcher, "http://127.0.0.1:\(server.port)/") }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        #expect(await task.value == .failed("cancelled"))
        #expect(started.duration(to: .now) < .seconds(5))
    }

    @Test func fetch_mislabelledCharsets_decodeSensibly() async throws {
        let cp1252 = Array("<p>".utf8) + CharsetDecoderTests.cp1252
        let sjis = Array("<meta charset=\"shift_jis\"><p>".utf8) + CharsetDecoderTests.shiftJIS
        let utf8 = Array("<p>café — 日本語ニュース".utf8)
        try await withFixtureServer({ request in
            switch request.path {
            case "/cp1252-as-utf8": return html(cp1252, contentType: "text/html; charset=utf-8")
            case "/sjis-as-utf8": return html(sjis, contentType: "text/html; charset=UTF-8")
            case "/utf8-as-sjis": return html(utf8, contentType: "text/html; charset=Shift_JIS")
            default: return html(utf8, contentType: "text/html; charset=iso-8859-1")
            }
        }) { port in
            let fetcher = loopbackFetcher(allowing: [port])
            let base = "http://127.0.0.1:\(port)"
            #expect(try await fetcher.fetch("\(base)/cp1252-as-utf8").decodedText().text.contains("café — “quoted”"))
            #expect(try await fetcher.fetch("\(base)/sjis-as-utf8").decodedText().text.contains("日本語ニュース"))
            #expect(try await fetcher.fetch("\(base)/utf8-as-sjis").decodedText().text.contains("café — 日本語ニュース"))
            let latin = try await fetcher.fetch("\(base)/utf8-as-latin1")
            #expect(latin.charset == "iso-8859-1")
            #expect(latin.decodedText().text.contains("café — 日本語ニュース"))
        }
    }

    @Test func fetch_manyConcurrentFetches_completeOnABoundedPool() async throws {
        let inFlight = Mutex((now: 0, peak: 0))
        try await withFixtureServer({ request in
            inFlight.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            try await Task.sleep(for: .milliseconds(50))
            inFlight.withLock { $0.now -= 1 }
            return html(Array(request.path.utf8))
        }) { port in
            let fetcher = Fetcher(configuration: FetchConfiguration(
                totalTimeout: .seconds(5), allowHosts: ["127.0.0.1:\(port)"], maxConcurrentFetches: 2
            ))
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<12 {
                    group.addTask { String(decoding: try await fetcher.fetch("http://127.0.0.1:\(port)/p\(index)").body, as: UTF8.self) }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(bodies == Set((0..<12).map { "/p\($0)" }))
            #expect(inFlight.withLock { $0.peak } <= 2)
        }
    }

    @Test func fetch_invalidURLs_areRefusedWithoutTraffic() async {
        let fetcher = Fetcher()
        for url in ["ftp://example.com/", "http://user@example.com/", "not a url", "file:///etc/passwd"] {
            guard case .invalidURL = await fetchError(fetcher, url) else {
                Issue.record("\(url) must be invalidURL")
                continue
            }
        }
    }

    @Test func fetch_closedPort_isFailed() async throws {
        let server = try RawServer { _ in }
        let port = server.port
        server.stop()
        guard case .failed = await fetchError(loopbackFetcher(allowing: [port]), "http://127.0.0.1:\(port)/") else {
            Issue.record("connection refused must be failed")
            return
        }
    }
}
