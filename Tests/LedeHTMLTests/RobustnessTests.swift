import Testing
@testable import LedeHTML

/// Inputs that must neither crash nor take long: empty, bodiless, deeply nested, broken, script-only.
@Suite struct RobustnessTests {
    @Test func emptyString_GivesEmptyText() {
        let article = ArticleExtractor.extract(html: "", url: nil)
        #expect(article.text.isEmpty)
        #expect(article.title == nil)
        #expect(article.authors.isEmpty)
    }

    @Test func headOnlyPage_GivesMetadataAndEmptyText() {
        let article = ArticleExtractor.extract(
            html: "<html lang=\"de\"><head><title>Nur ein Titel</title><meta charset=\"utf-8\"></head></html>", url: nil)
        #expect(article.text.isEmpty)
        #expect(article.title == "Nur ein Titel")
        #expect(article.language == "de")
        #expect(article.charset == "utf-8")
    }

    @Test func plainTextWithoutMarkup_IsItsOwnBody() {
        let article = ArticleExtractor.extract(html: "Just a line of text without any markup at all.", url: nil)
        #expect(article.text == "Just a line of text without any markup at all.")
    }

    @Test func tenThousandNestedDivs_DoNotCrash() {
        let depth = 10_000
        let text = "Deep text that sits at the bottom of ten thousand nested divs, and it is long enough to count."
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(text)</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        // libxml2 caps the depth it builds; whatever survives must not crash. Its time is measured by
        // `make bench-pathological` (docs/reliability.md), not asserted here.
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text.count <= text.count)
    }

    @Test func manyUnclosedTags_Recover() {
        let html = "<html><body><article><p>One paragraph that is not closed <b>bold <i>italic <p>Another paragraph"
            + " that follows it and is long enough to be article text of its own.<div><span></article></table>"
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text.contains("One paragraph that is not closed bold italic"))
        #expect(article.text.contains("Another paragraph that follows it"))
    }

    @Test func nonUTF8CharsetDeclaration_DoesNotReDecodeTheString() {
        // The caller already decoded the page; a latin-1 declaration must not turn "é" into "Ã©".
        let html = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>
        <body><article><p>Café crème, naïve résumé: the accents survive because the input is already a String.</p>
        <p>Ещё одна строка по-русски, чтобы проверить кириллицу в тексте статьи. 中文也应该保留。</p></article></body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text.contains("Café crème, naïve résumé"))
        #expect(article.text.contains("Ещё одна строка"))
        #expect(article.text.contains("中文也应该保留"))
        #expect(article.charset == "iso-8859-1")
    }

    @Test func scriptOnlyPage_GivesEmptyText() {
        let html = "<html><head><script>document.write('<p>' + 'x'.repeat(500) + '</p>')</script></head>"
            + "<body><script>var app = {render: function () { return 'Lots of text in a script'; }};</script>"
            + "<noscript>Please enable JavaScript to view this page.</noscript></body></html>"
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text.isEmpty)
    }

    @Test func nulBytesAndControlCharacters_AreSurvived() {
        let html = "<html><body><article><p>Text with a \u{0} NUL and \u{7} bell inside a paragraph that is long enough"
            + " to be kept as article text.</p></article></body></html>"
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text.contains("Text with a"))
    }
}

/// Extraction runs on many threads at once (the service handles requests concurrently).
@Suite struct ConcurrencyTests {
    @Test func concurrentExtractions_GiveTheSameResult() async throws {
        let page = try #require(DevPage.load("702d1da63b8e"))
        let expected = ArticleExtractor.extract(html: page.html, url: page.url)
        let results = await withTaskGroup(of: ArticleMetadata.self) { group in
            for _ in 0..<16 { group.addTask { ArticleExtractor.extract(html: page.html, url: page.url) } }
            var all: [ArticleMetadata] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }
}
