import Testing
@testable import LedeFetch

/// The guard with an injected resolver (a table, no DNS) and, for `localhost`, the system one.
struct AddressGuardTests {
    static let table: [String: [String]] = [
        "public.test": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
        "rebind.test": ["93.184.216.34", "10.0.0.1"],
        "metadata.test": ["169.254.169.254"],
        "v6private.test": ["2606:4700::1", "fd00::1"],
        "mapped.test": ["::ffff:192.168.0.10"],
        "nat64.test": ["64:ff9b::7f00:1"],
        "sixtofour.test": ["2002:c0a8:1::1"],
    ]

    static func guardWith(allowing allowHosts: Set<String> = []) -> AddressGuard {
        AddressGuard(allowHosts: allowHosts) { (host: String) throws(FetchError) -> [IPAddress] in
            guard let addresses = table[host] else { throw .failed("DNS: no such host \(host)") }
            return addresses.map { IPAddress($0)! }
        }
    }

    @Test func check_publicName_returnsEveryAddressForPinning() throws {
        let addresses = try Self.guardWith().check(FetchURL("https://public.test/"))
        #expect(addresses == Self.table["public.test"]!.map { IPAddress($0)! })
    }

    @Test(arguments: [
        ("rebind.test", "10.0.0.1"), ("metadata.test", "169.254.169.254"), ("v6private.test", "fd00::1"),
        ("mapped.test", "::ffff:192.168.0.10"), ("nat64.test", "64:ff9b::7f00:1"), ("sixtofour.test", "2002:c0a8:1::1"),
    ])
    func check_nameWithAnyForbiddenAddress_isBlocked(_ host: String, _ address: String) throws {
        #expect(throws: FetchError.blocked(host: host, address: address)) {
            try Self.guardWith().check(FetchURL("http://\(host)/"))
        }
    }

    @Test(arguments: [
        "http://127.0.0.1/", "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://127.1/",
        "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://0/", "http://10.1/",
        "http://0xA9FEA9FE/", "http://[fe80::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://[64:ff9b::a00:1]/",
    ])
    func check_literalForbiddenAddresses_areBlockedWithoutResolving(_ text: String) throws {
        let failingResolver = AddressGuard { (host: String) throws(FetchError) -> [IPAddress] in
            Issue.record("literal \(host) must not be resolved")
            return []
        }
        let url = try FetchURL(text)
        #expect(throws: FetchError.blocked(host: url.host, address: url.literalAddress!.description)) {
            try failingResolver.check(url)
        }
    }

    @Test func check_localhostWithSystemResolver_isBlocked() throws {
        let addressGuard = AddressGuard()
        do {
            _ = try addressGuard.check(FetchURL("http://localhost:8080/"))
            Issue.record("localhost must be blocked")
        } catch {
            guard case .blocked(host: "localhost", let address) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(AddressClass.classify(IPAddress(address)!) == .loopback)
        }
    }

    @Test func check_allowListedHostPort_isExemptButOnlyExactly() throws {
        let addressGuard = Self.guardWith(allowing: ["127.0.0.1:8080", "[::1]:8080", "metadata.test:80"])
        #expect(try addressGuard.check(FetchURL("http://127.0.0.1:8080/x")) == [IPAddress("127.0.0.1")!])
        #expect(try addressGuard.check(FetchURL("http://[::1]:8080/")) == [IPAddress("::1")!])
        #expect(try addressGuard.check(FetchURL("http://metadata.test/")) == [IPAddress("169.254.169.254")!])
        #expect(throws: FetchError.blocked(host: "127.0.0.1", address: "127.0.0.1")) {
            try addressGuard.check(FetchURL("http://127.0.0.1:8081/"))
        }
        // Another spelling of the same address is the same host:port; another loopback address is not.
        #expect(try addressGuard.check(FetchURL("http://127.1:8080/")) == [IPAddress("127.0.0.1")!])
        #expect(throws: FetchError.blocked(host: "127.0.0.2", address: "127.0.0.2")) {
            try addressGuard.check(FetchURL("http://127.0.0.2:8080/"))
        }
        #expect(throws: FetchError.blocked(host: "metadata.test", address: "169.254.169.254")) {
            try addressGuard.check(FetchURL("https://metadata.test/"))
        }
    }

    @Test func check_unresolvableName_isFailed() throws {
        #expect(throws: FetchError.failed("DNS: no such host nowhere.test")) {
            try Self.guardWith().check(FetchURL("http://nowhere.test/"))
        }
    }
}
