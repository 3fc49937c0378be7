import Foundation
import LedeTestSupport
import Testing
@testable import LedeHTML

/// Inputs the fuzzer (fuzz/HTMLArticleFuzz.swift) crashed on, kept as fixtures in fuzz/regressions/html-article/.
/// The fuzzer's first byte picks the claimed charset; the rest is the page.
@Suite struct FuzzRegressionTests {
    static func page(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: RepoPaths.file("fuzz/regressions/html-article/\(name)")).dropFirst())
    }

    /// A byline-like block with a run of 30 nines overflowed Int in the year scan (BlockFilter.firstYear).
    @Test func longDigitRunInABlock_DoesNotOverflow() throws {
        let bytes = try Self.page("year-overflow.bin")
        let article = ArticleExtractor.extract(bytes: bytes, charset: "utf-8", url: "https://example.com/news/a.html")
        #expect(article.text.utf8.count <= bytes.count * 3)  // U+FFFD for each bad byte at most
    }

    @Test func bylineWithALongNumber_IsStillReadAsText() {
        let html = "<html><body><article><p>By Ann Writer, 999999999999999999999999 2025</p>"
            + "<p>The first paragraph is long enough to be article text of its own, with several words.</p>"
            + "</article></body></html>"
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(!article.text.isEmpty)
    }
}
