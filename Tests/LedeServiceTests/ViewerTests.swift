import Foundation
import LedeCore
import LedeService
import LedeTestSupport
import Testing

/// `GET /` (the viewer page) over real sockets, and the static copy `lede extract --format html` writes.
/// The page's behaviour in a browser is tested in tests/viewer (Selenium, headless Chromium).
@Suite("Viewer page")
struct ViewerTests {
    let live = LiveService.shared

    @Test func rootServesTheViewerWithAStrictPolicy() throws {
        let response = try live.send("GET", "/")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.body.count < 100_000)
        #expect(response.text.hasPrefix("<!doctype html>"))
        #expect(response.header("Cache-Control") == "no-cache")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        let policy = try #require(response.header("Content-Security-Policy"))
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("connect-src 'self'"))
        #expect(policy.contains("frame-ancestors 'none'"))
        #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
        // The hashes allow exactly the page's own inline script and style.
        let page = response.text
        for tag in ["script", "style"] {
            let body = try #require(Self.inline(tag, in: page))
            let hash = Data(SHA256.digest(Array(body.utf8))).base64EncodedString()
            #expect(policy.contains("\(tag)-src 'sha256-\(hash)'"), "the policy does not allow the page's \(tag)")
        }
    }

    @Test func headAndRevalidation() throws {
        let get = try live.send("GET", "/")
        let etag = try #require(get.header("ETag"))
        let head = try live.send("HEAD", "/")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.header("Content-Security-Policy") == get.header("Content-Security-Policy"))
        let again = try live.send("GET", "/", headers: [("If-None-Match", etag)])
        #expect(again.status == 304 && again.body.isEmpty)
        let changed = try live.send("GET", "/", headers: [("If-None-Match", "\"stale\"")])
        #expect(changed.status == 200 && changed.body == get.body)
        let post = try live.send("POST", "/", body: Array("x".utf8))
        #expect(post.status == 405)
        #expect(try errorCode(post) == "method_not_allowed")
    }

    @Test func staticPageEmbedsTheResultSafely() throws {
        let viewer = try ViewerPage.bundled()
        let text = "Putin said </script><script>alert(1)</script> <!-- & \u{2028} in Moscow."
        var options = ExtractionOptions()
        options.offsets = .utf16
        let result = ResultRenderer(try live.extractor.extract(text: text, options: options), options: options).bytes()
        let page = String(decoding: viewer.staticPage(text: text, result: result), as: UTF8.self)
        let open = #"<script type="application/json" id="lede-data">"#
        let data = try #require(page.components(separatedBy: open).dropFirst().first?.components(separatedBy: "</script>").first)
        #expect(!data.contains("<") && !data.contains(">") && !data.contains("&"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(object["text"] as? String == text)
        let embedded = try JSONSerialization.data(withJSONObject: try #require(object["result"]), options: [.sortedKeys])
        let original = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(result)), options: [.sortedKeys])
        #expect(embedded == original)
        // The static file carries the same script and style, allowed by a <meta> policy that permits no connections.
        #expect(page.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-"#))
        #expect(page.contains("connect-src 'none'"))
        #expect(Self.inline("script", in: page) == Self.inline("script", in: String(decoding: viewer.bytes, as: UTF8.self)))
    }

    @Test func aPageWithoutItsScriptIsRejected() {
        #expect(throws: ViewerPage.LoadError.malformed("no inline <script>")) {
            try ViewerPage(html: Array("<!doctype html><style>p{}</style>".utf8))
        }
    }

    /// The body of the bare `<tag>` element (the JSON data block has attributes and is not it).
    static func inline(_ tag: String, in page: String) -> String? {
        guard let open = page.range(of: "<\(tag)>"), let close = page.range(of: "</\(tag)>", range: open.upperBound..<page.endIndex) else {
            return nil
        }
        return String(page[open.upperBound..<close.lowerBound])
    }
}
