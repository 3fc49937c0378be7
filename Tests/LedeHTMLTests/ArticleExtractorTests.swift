import Testing
@testable import LedeHTML

/// The extracted body of real pages (AEB dev split) starts and ends where the annotators' body does, without
/// page furniture.
@Suite struct ArticleExtractorTests {
    /// Pages from different publishers and page templates.
    static let pages = [
        "702d1da63b8e",  // nytimes.com: body split into several companion columns
        "098bb3e96c0a",  // latimes.com
        "1ace8c85aaee",  // techcrunch.com: WordPress article-content
        "16c30add7e96",  // vox.com: c-entry-content
        "a078b3656adc",  // forbes.com
        "c467d507",      // cbslocal.com: the content wrapper's class also says "sidebar"
        "2f42ef1d",      // wired.com: body in several article__body blocks, not siblings
        "b0cf2bbf0192",  // pv-magazine.com
    ]

    static let furniture: Set<String> = [
        "advertisement", "share this article", "related articles", "sign up", "subscribe", "comments",
        "read more", "most popular", "you may also like",
    ]

    @Test(arguments: pages)
    func body_ContainsFirstAndLastSentences_OfGold(prefix: String) throws {
        let page = try #require(DevPage.load(prefix), "shared dev page \(prefix) missing")
        let article = ArticleExtractor.extract(html: page.html, url: page.url)
        let body = DevPage.words(article.text)
        let (first, last) = page.goldEdges
        #expect(body.contains(first), "first sentence missing: \(first)")
        #expect(body.contains(last), "last sentence missing: \(last)")
    }

    @Test(arguments: pages)
    func body_HasNoFurnitureLines(prefix: String) throws {
        let page = try #require(DevPage.load(prefix))
        let article = ArticleExtractor.extract(html: page.html, url: page.url)
        for line in article.text.split(separator: "\n") {
            #expect(!Self.furniture.contains(line.lowercased()), "furniture line: \(line)")
        }
        if let title = article.title {
            #expect(article.text.split(separator: "\n").first.map(String.init) != title, "title kept as body")
        }
        #expect(!article.text.contains("\n\n"), "paragraphs are separated by one newline")
    }

    @Test func body_DropsScriptsStylesNavigationAndHiddenText() {
        let html = """
        <html><head><title>T</title><style>p { color: red }</style></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Headline</h1>
        <p>First paragraph of the story, long enough to be a paragraph of real article text.</p>
        <script>var tracking = "do not keep";</script>
        <div class="share-buttons"><a href="#">Share on Facebook</a></div>
        <p style="display: none">Hidden text never shown.</p>
        <p>Second paragraph of the story, also long enough to count as the article's own text.</p>
        <figure><img src="a.jpg"><figcaption>A caption under a photo</figcaption></figure>
        <p>Third paragraph closes the story with a sentence that is long enough to count.</p>
        </article><footer>Copyright 2025 Example Media. All rights reserved.</footer></body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text == """
        First paragraph of the story, long enough to be a paragraph of real article text.
        Second paragraph of the story, also long enough to count as the article's own text.
        Third paragraph closes the story with a sentence that is long enough to count.
        """)
    }

    @Test func body_FallsBackToBestScoringBlock_WhenNoContainerMatches() {
        let paragraph = "This sentence is part of the real text of the page, with commas, clauses and words. "
        let html = """
        <html><body><div id="x1"><a href="/a">Link one</a><a href="/b">Link two</a></div>
        <div id="x2"><p>\(paragraph)\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)\(paragraph)</p></div>
        <div id="x3"><ul><li><a href="/c">Another link list</a></li><li><a href="/d">More links</a></li></ul></div>
        </body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text.split(separator: "\n").count == 3)
        #expect(!article.text.contains("Link one"))
        #expect(!article.text.contains("More links"))
    }
}

/// Pages that separate paragraphs with `<br>` instead of `<p>` keep their lines.
@Suite struct LineBreakTests {
    @Test func brSeparatedText_KeepsOneParagraphPerLine() {
        let html = """
        <html><body><div class="entry-content">First line of a post that uses breaks instead of paragraphs.<br><br>
        Second line of the same post, which is long enough to be text.<br>Third line.</div></body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text == """
        First line of a post that uses breaks instead of paragraphs.
        Second line of the same post, which is long enough to be text.
        Third line.
        """)
    }
}

/// Widgets inside and after the article body are removed by their class names.
@Suite struct FurnitureTests {
    @Test func body_DropsNewsletterRelatedAndComments() {
        let sentence = "A sentence of the article that is long enough to be real text on the page."
        let html = """
        <html><body><header class="site-header"><a href="/">Site</a></header>
        <main><div class="article-body">
        <p>\(sentence) One.</p>
        <div class="newsletter-signup"><h3>Get our newsletter</h3><p>Sign up for the best stories every morning.</p></div>
        <p>\(sentence) Two.</p>
        <p>Advertisement</p>
        <p>\(sentence) Three.</p>
        <div class="related-stories"><h2>Related</h2><ul><li><a href="/x">Another story entirely</a></li></ul></div>
        </div>
        <section id="comments"><p>First! This comment is long enough to look like text, but it is a comment.</p></section>
        </main><footer><p>About us. Contact. Privacy policy and terms of service.</p></footer></body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text == "\(sentence) One.\n\(sentence) Two.\n\(sentence) Three.")
    }
}

/// A page rendered by scripts may carry its only copy of the text in JSON-LD.
@Suite struct LinkedDataBodyTests {
    @Test func scriptRenderedPage_UsesJSONLDArticleBody() {
        let html = """
        <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",
        "articleBody": "First paragraph of the story.\\nSecond paragraph, from the JSON-LD copy."}</script></head>
        <body><div id="root"></div><script>render()</script></body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.text == "First paragraph of the story.\nSecond paragraph, from the JSON-LD copy.")
    }
}
