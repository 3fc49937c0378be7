import Foundation
import LedeHTTP
import Testing
@testable import LedeFetch

/// The pinning layer under the guard: libcurl connects only to the addresses the guard checked.
@Suite(.timeLimit(.minutes(1)))
struct TransferPinningTests {
    /// `fixture.test` does not exist in DNS: the fetch only works because the guard's answer is pinned
    /// with CURLOPT_RESOLVE (IPv6 first, in brackets, then IPv4 — the fixture listens on IPv4 only).
    @Test func fetch_nameResolvedByGuard_isPinnedForLibcurl() async throws {
        try await withFixtureServer({ request in html(Array((request.headers["Host"] ?? "").utf8)) }) { port in
            let fetcher = Fetcher(
                configuration: FetchConfiguration(totalTimeout: .seconds(5), allowHosts: ["fixture.test:\(port)"]),
                resolver: { (host: String) throws(FetchError) -> [IPAddress] in
                    host == "fixture.test" ? [IPAddress("::1")!, IPAddress("127.0.0.1")!] : []
                }
            )
            let page = try await fetcher.fetch("http://fixture.test:\(port)/")
            #expect(page.body == Array("fixture.test:\(port)".utf8))
            #expect(page.finalURL == "http://fixture.test:\(port)/")
        }
    }

    /// Even if the URL libcurl gets somehow pointed elsewhere, the open-socket callback refuses any address
    /// the guard did not return.
    @Test func transfer_connectionToUncheckedAddress_isRefusedAtSocketOpen() async throws {
        let hits = Locked(0)
        try await withFixtureServer({ _ in
            hits.increment()
            return html(Array("should not be reached".utf8))
        }) { port in
            let url = try FetchURL("http://127.0.0.1:\(port)/")
            let transfer = Transfer(
                url: url, addresses: [IPAddress("127.0.0.2")!], configuration: FetchConfiguration(), cancellation: CancellationFlag()
            )
            #expect(throws: FetchError.blocked(host: "127.0.0.1", address: "127.0.0.1")) {
                _ = try transfer.run(until: ContinuousClock.now.advanced(by: .seconds(5)))
            }
        }
        #expect(hits.value == 0)
    }

    @Test func resolve_relativeLocations_followRFC3986() {
        let base = "http://example.com/a/b/c?q=1"
        #expect(Transfer.resolve("/x", against: base) == "http://example.com/x")
        #expect(Transfer.resolve("d", against: base) == "http://example.com/a/b/d")
        #expect(Transfer.resolve("../d?z", against: base) == "http://example.com/a/d?z")
        #expect(Transfer.resolve("//other.example/p", against: base) == "http://other.example/p")
        #expect(Transfer.resolve("https://x.example:8443/", against: base) == "https://x.example:8443/")
    }
}

/// A tiny lock-protected counter for handlers.
final class Locked: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ value: Int) { count = value }
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
