import Foundation
import LedeCore
import LedeHTTP
import LedeService
import LedeTestSupport
import Testing

/// HTML and URL inputs end to end: the page's article text is analysed, offsets point into
/// `article.text`, the page's date fills `published`, and the SSRF guard answers 422.
@Suite("HTML and URL inputs")
struct ArticleInputTests {
    static let page = """
    <html lang="en"><head><title>Putin hosts Araqchi | Example News</title>
    <meta property="article:published_time" content="2025-06-23T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Putin hosts Araqchi</h1>
    <p>Russian President Vladimir Putin told Iran’s foreign minister on Monday that the Kremlin is ready to help.</p>
    <p>“For our part, we are making efforts to assist the Iranian people,” Putin told Araqchi in televised comments.</p>
    </article><footer>© 2025 Example News. All rights reserved.</footer></body></html>
    """

    /// A loopback page server, allow-listed in a second service's fetch configuration.
    static let fixture: (server: HTTPServer, service: LiveService) = {
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: ClosureHandler { request in
            switch request.path {
            case "/article": return HTTPResponse(status: 200, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(page.utf8))
            case "/moved": return HTTPResponse(status: 301, headers: ["Location": "/article"], body: [])
            default: return HTTPResponse(status: 404, headers: ["Content-Type": "text/plain"], body: Array("gone".utf8))
            }
        })
        try! server.start()
        let service = try! LiveService { $0.fetch.allowHosts = ["127.0.0.1:\(server.port)"] }
        return (server, service)
    }()

    func article(_ response: TestClient.Response) throws -> (result: [String: Any], article: [String: Any]) {
        let result = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        return (result, try #require(result["article"] as? [String: Any]))
    }

    @Test func htmlInJSON_isExtracted_andOffsetsPointIntoArticleText() throws {
        let response = try LiveService.shared.postJSON("/v1/extract", #"{"html":\#(jsonString(Self.page)),"include":["tokens"]}"#)
        #expect(response.status == 200)
        #expect(try schemaErrors(response.body, nil).isEmpty)
        let (result, article) = try article(response)
        let text = try #require(article["text"] as? String)
        #expect(text.hasPrefix("Russian President Vladimir Putin"))
        #expect(!text.contains("Home") && !text.contains("rights reserved"))
        #expect(article["title"] as? String == "Putin hosts Araqchi")
        let document = try #require(result["document"] as? [String: Any])
        #expect(document["published"] as? String == "2025-06-23")
        #expect(document["published_source"] as? String == "html")
        let scalars = Array(text.unicodeScalars)
        for token in try #require(document["tokens"] as? [[String: Any]]) {
            let start = try #require(token["start"] as? Int), end = try #require(token["end"] as? Int)
            #expect(end <= scalars.count && start < end)
        }
    }

    @Test func textHTMLBody_withQueryParameters() throws {
        let response = try LiveService.shared.send("POST", "/v1/extract?published=2025-06-24", headers: [("Content-Type", "text/html; charset=utf-8")],
                                                   body: Array(Self.page.utf8))
        #expect(response.status == 200)
        #expect(try schemaErrors(response.body, nil).isEmpty)
        let (result, _) = try article(response)
        #expect((result["document"] as? [String: Any])?["published_source"] as? String == "request")
    }

    @Test func url_isFetched_followingRedirects() throws {
        let port = Self.fixture.server.port
        let response = try Self.fixture.service.postJSON("/v1/extract", #"{"url":"http://127.0.0.1:\#(port)/moved"}"#)
        #expect(response.status == 200, "\(response.text)")
        #expect(try schemaErrors(response.body, nil).isEmpty)
        let (_, article) = try article(response)
        #expect(article["url"] as? String == "http://127.0.0.1:\(port)/moved")
        #expect(article["final_url"] as? String == "http://127.0.0.1:\(port)/article")
    }

    @Test(arguments: [
        ("http://127.0.0.1:1/", 422, "fetch_blocked"), ("http://169.254.169.254/latest/meta-data/", 422, "fetch_blocked"),
        ("http://[::1]/", 422, "fetch_blocked"), ("http://0x7f000001/", 422, "fetch_blocked"),
        ("ftp://example.com/", 422, "invalid_url"), ("not a url", 422, "invalid_url"),
    ])
    func guardedURLs_areRefused(_ url: String, _ status: Int, _ code: String) throws {
        let response = try LiveService.shared.postJSON("/v1/extract", #"{"url":\#(jsonString(url))}"#)
        #expect(response.status == status)
        #expect(try errorCode(response) == code)
        #expect(try schemaErrors(response.body, "Error").isEmpty)
    }

    @Test func upstream404_is502WithItsStatus() throws {
        let response = try Self.fixture.service.postJSON("/v1/extract", #"{"url":"http://127.0.0.1:\#(Self.fixture.server.port)/missing"}"#)
        #expect(response.status == 502)
        #expect(try errorCode(response) == "upstream_status")
        let error = (try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])?["error"] as? [String: Any]
        #expect(error?["upstream_status"] as? Int == 404)
    }
}
