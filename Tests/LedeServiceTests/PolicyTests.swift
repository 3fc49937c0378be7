import Foundation
import LedeCore
import LedeHTTP
import LedeService
import LedeTestSupport
import Testing

/// API keys with per-key token buckets, CORS and gzip, on a second live service configured for them.
@Suite("Policies: API keys, rate limits, CORS, gzip")
struct PolicyTests {
    static let live: LiveService = try! LiveService { configuration in
        configuration.auth.apiKeys = [Configuration.APIKey(key: "secret-one", name: "newsroom")]
        configuration.auth.ratePerSecond = 0.01
        configuration.auth.burst = 3
        configuration.cors.allowedOrigins = ["https://newsroom.example"]
    }

    @Test func v1Routes_needABearerKey_healthDoesNot() throws {
        let missing = try Self.live.postJSON("/v1/extract", #"{"text":"Putin met Trump."}"#)
        #expect(missing.status == 401)
        #expect(try errorCode(missing) == "unauthorized")
        #expect(try schemaErrors(missing.body, "Error").isEmpty)
        let wrong = try Self.live.postJSON("/v1/extract", #"{"text":"Putin met Trump."}"#, extraHeaders: [("Authorization", "Bearer nope")])
        #expect(wrong.status == 401)
        #expect(try Self.live.send("GET", "/healthz").status == 200)
    }

    @Test func tokenBucket_answers429WithRetryAfter_onceTheBurstIsSpent() throws {
        var statuses: [Int] = []
        var last: TestClient.Response?
        for _ in 0..<5 {
            let response = try Self.live.postJSON("/v1/extract", #"{"text":"Putin met Trump."}"#,
                                                  extraHeaders: [("Authorization", "Bearer secret-one")])
            statuses.append(response.status)
            last = response
        }
        #expect(statuses.filter { $0 == 200 }.count <= 3)
        #expect(statuses.last == 429)
        let limited = try #require(last)
        #expect(try errorCode(limited) == "rate_limited")
        #expect(Int(limited.header("Retry-After") ?? "") ?? 0 >= 1)
        #expect(try schemaErrors(limited.body, "Error").isEmpty)
    }

    @Test func cors_echoesAnAllowedOrigin_only() throws {
        let allowed = try Self.live.send("GET", "/healthz", headers: [("Origin", "https://newsroom.example")])
        #expect(allowed.header("Access-Control-Allow-Origin") == "https://newsroom.example")
        let other = try Self.live.send("GET", "/healthz", headers: [("Origin", "https://evil.example")])
        #expect(other.header("Access-Control-Allow-Origin") == nil)
    }

    @Test func gzip_isUsedWhenAccepted_andDecodesToTheSameJSON() throws {
        let plain = try LiveService.shared.send("GET", "/v1/openapi.json")
        let zipped = try LiveService.shared.send("GET", "/v1/openapi.json", headers: [("Accept-Encoding", "br, gzip;q=0.8")])
        #expect(plain.header("Content-Encoding") == nil)
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.body.count < plain.body.count)
        #expect(zipped.body.prefix(2) == [0x1F, 0x8B])
        let refused = try LiveService.shared.send("GET", "/v1/openapi.json", headers: [("Accept-Encoding", "gzip;q=0")])
        #expect(refused.header("Content-Encoding") == nil)
    }
}
