import Testing
@testable import LedeFetch

struct FetchURLTests {
    @Test func init_ordinaryURL_isParsedAndNormalised() throws {
        let url = try FetchURL("  HTTP://News.Example.COM:8080/a b/ü?q=1#section \n")
        #expect(url.scheme == "http")
        #expect(url.host == "news.example.com")
        #expect(url.port == 8080)
        #expect(url.pathAndQuery == "/a%20b/%C3%BC?q=1")
        #expect(url.description == "http://news.example.com:8080/a%20b/%C3%BC?q=1")
        #expect(url.literalAddress == nil)
    }

    @Test func init_defaultPortsAndEmptyPath_areFilledIn() throws {
        #expect(try FetchURL("https://example.com").description == "https://example.com/")
        #expect(try FetchURL("https://example.com?x").pathAndQuery == "/?x")
        #expect(try FetchURL("https://example.com:443/").hostPort == "example.com:443")
        #expect(try FetchURL("http://example.com:/").port == 80)
    }

    @Test(arguments: [
        ("http://2130706433/", "127.0.0.1"), ("http://0177.0.0.1/", "127.0.0.1"), ("http://0x7f.1/", "127.0.0.1"),
        ("http://127.1:8080/x", "127.0.0.1"), ("http://0xA9FEA9FE/latest/meta-data", "169.254.169.254"),
    ])
    func init_numericHosts_areCanonicalisedToDottedQuad(_ text: String, _ host: String) throws {
        let url = try FetchURL(text)
        #expect(url.host == host)
        #expect(url.literalAddress == IPAddress(host))
        #expect(url.description.contains("//\(host)"))
    }

    @Test func init_ipv6Literal_keepsBracketsInHostPort() throws {
        let url = try FetchURL("http://[::FFFF:127.0.0.1]:81/")
        #expect(url.host == "::ffff:127.0.0.1")
        #expect(url.hostPort == "[::ffff:127.0.0.1]:81")
        #expect(url.description == "http://[::ffff:127.0.0.1]:81/")
    }

    @Test(arguments: [
        "ftp://example.com/", "file:///etc/passwd", "gopher://127.0.0.1:70/", "javascript:alert(1)", "dict://x/",
        "//example.com/", "/relative", "http:/example.com", "http:\\\\example.com", "example.com",
        "http://user@example.com/", "http://user:pass@example.com/", "http://example.com@127.0.0.1/",
        "http://example.com:80@127.0.0.1/", "http://example.com\\@127.0.0.1/", "http://[::1]@evil/",
        "http://1.2.3.256/", "http://1.2.3.4.5/", "http://foo.0x10/", "http://08.1/",
        "http://exa%6dple.com/", "http://exämple.com/", "http://ex ample.com/", "http://exa\tmple.com/",
        "http://example.com:0/", "http://example.com:65536/", "http://example.com:80a/", "http://:80/",
        "http://[::1/", "http://[fe80::1%25eth0]/", "http://[::1]x/", "http://",
    ])
    func init_unsafeOrMalformed_isInvalidURL(_ text: String) {
        #expect(throws: FetchError.self) { try FetchURL(text) }
        do {
            _ = try FetchURL(text)
        } catch {
            guard case .invalidURL = error else {
                Issue.record("expected invalidURL, got \(error)")
                return
            }
        }
    }

    @Test func init_domainEndingInLettersAfterDigits_isAName() throws {
        #expect(try FetchURL("http://1.2.3.example/").literalAddress == nil)
        #expect(try FetchURL("http://123abc.com/").host == "123abc.com")
    }
}
