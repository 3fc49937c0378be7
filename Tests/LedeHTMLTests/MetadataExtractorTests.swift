import Testing
@testable import LedeHTML

/// Title, authors, dates (with their source) and the other `article` fields.
@Suite struct MetadataExtractorTests {
    @Test func realPage_LATimes_JSONLD() throws {
        let page = try #require(DevPage.load("098bb3e96c0a"))
        let article = ArticleExtractor.extract(html: page.html, url: page.url)
        #expect(article.title == "'We had some issues,' exec says on Disney+ glitches")
        #expect(article.authors == ["Meg James"])
        #expect(article.published == "2019-11-20T01:50:59Z")
        #expect(article.dateSource == "json_ld")
        #expect(article.siteName == "Los Angeles Times")
        #expect(article.language == "en-US")
        #expect(article.canonicalURL == page.url)
    }

    @Test func realPage_NYTimes_MetaDate() throws {
        let page = try #require(DevPage.load("702d1da63b8e"))
        let article = ArticleExtractor.extract(html: page.html, url: page.url)
        #expect(article.title == "Trump’s Made-for-TV Trade War Keeps World Guessing")
        #expect(article.authors == ["Ana Swanson"])
        #expect(article.published == "2019-11-18T17:56:27Z")
        #expect(article.dateSource == "meta")
    }

    @Test func realPage_TechCrunch_SiteNameDroppedFromTitle() throws {
        let page = try #require(DevPage.load("1ace8c85aaee"))
        let article = ArticleExtractor.extract(html: page.html, url: page.url)
        #expect(article.title == "New York State Attorney General reportedly investigating WeWork")
        #expect(article.siteName == "TechCrunch")
        #expect(article.dateSource == "json_ld")
    }

    @Test func titleTag_LosesSiteSuffix_WhenNoOpenGraph() {
        let html = "<html><head><title>Storm hits the coast | Example News</title></head><body></body></html>"
        #expect(ArticleExtractor.extract(html: html, url: nil).title == "Storm hits the coast")
    }

    @Test func date_FromTimeElement_WhenNoMetadata() {
        let html = "<html><body><article><time datetime=\"2021-03-04T05:06:07+01:00\">March 4</time>"
            + "<p>Body.</p></article></body></html>"
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.published == "2021-03-04T05:06:07+01:00")
        #expect(article.dateSource == "time")
    }

    @Test func date_FromURL_IsLastResort() {
        let article = ArticleExtractor.extract(html: "<html><body><p>Body.</p></body></html>",
                                               url: "https://example.com/world/2019/05/03/story.html")
        #expect(article.published == "2019-05-03")
        #expect(article.dateSource == "url")
    }

    @Test func date_IsNeverGuessed() {
        let html = "<html><head><meta name=\"date\" content=\"last Tuesday\"></head><body><p>Published 3 May 2019.</p></body></html>"
        let article = ArticleExtractor.extract(html: html, url: "https://example.com/story")
        #expect(article.published == nil)
        #expect(article.dateSource == nil)
    }

    @Test func dateTimeWithoutOffset_IsReportedAsItsDate() {
        #expect(MetadataExtractor.normalizeDate("2019-11-19T10:00:00") == "2019-11-19")
        #expect(MetadataExtractor.normalizeDate("2019-11-19 10:00:00+0100") == "2019-11-19T10:00:00+01:00")
        #expect(MetadataExtractor.normalizeDate("2019-11-19T10:00:00.123Z") == "2019-11-19T10:00:00Z")
        #expect(MetadataExtractor.normalizeDate("2019-13-40") == nil)
        #expect(MetadataExtractor.normalizeDate("Tue Nov 19 2019") == nil)
    }

    @Test func authors_FromJSONLDGraph_AndRelativeImageResolved() {
        let html = """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "datePublished": "2000-01-01"},
         {"@type": "NewsArticle", "headline": "H", "datePublished": "2022-02-03T04:05:06Z",
          "author": [{"@type": "Person", "name": "Ana Swanson"}, {"@type": "Person", "name": "Alan Rappeport"}],
          "image": {"@type": "ImageObject", "url": "/img/lead.jpg"}}]}
        </script><link rel="canonical" href="/world/story"></head><body></body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: "https://example.com/a/b")
        #expect(article.authors == ["Ana Swanson", "Alan Rappeport"])
        #expect(article.published == "2022-02-03T04:05:06Z")
        #expect(article.dateSource == "json_ld")
        #expect(article.image == "https://example.com/img/lead.jpg")
        #expect(article.canonicalURL == "https://example.com/world/story")
    }

    @Test func authors_FromMetaAndByline() {
        let meta = "<html><head><meta name=\"author\" content=\"Jane Roe and John Doe\"></head><body></body></html>"
        #expect(ArticleExtractor.extract(html: meta, url: nil).authors == ["Jane Roe", "John Doe"])
        let byline = "<html><body><div class=\"article-byline\">By Maria Garcia</div></body></html>"
        #expect(ArticleExtractor.extract(html: byline, url: nil).authors == ["Maria Garcia"])
    }

    @Test func malformedJSONLD_IsIgnored() {
        let html = "<html><head><script type=\"application/ld+json\">{\"datePublished\": \"2020-01-01\", </script>"
            + "</head><body></body></html>"
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.published == nil)
    }

    @Test func datesWithMonthNames_AreReadFromMetadataAsDates() {
        #expect(MetadataExtractor.dateWithMonthName("November 19, 2019, 07:47 PM EST") == "2019-11-19")
        #expect(MetadataExtractor.dateWithMonthName("19 Nov 2019 07:09 GMT") == "2019-11-19")
        #expect(MetadataExtractor.dateWithMonthName("Tue Nov 19 2019 05:44:06 GMT+0000") == "2019-11-19")
        #expect(MetadataExtractor.dateWithMonthName("Sept. 3, 2020") == "2020-09-03")
        #expect(MetadataExtractor.dateWithMonthName("11/19/2019") == nil)  // numeric order is ambiguous
        #expect(MetadataExtractor.dateWithMonthName("Monday") == nil)
        #expect(MetadataExtractor.dateWithMonthName("May 2019") == nil)  // no day
    }

    @Test func realPage_CRN_HumanDateInMeta() throws {
        let page = try #require(DevPage.load("291a8bf3"))
        let article = ArticleExtractor.extract(html: page.html, url: page.url)
        #expect(article.published == "2019-11-19")
        #expect(article.dateSource == "meta")
    }

    @Test func date_FromURLWithMonthName() {
        #expect(MetadataExtractor.dateInURL("https://www.politifact.com/article/2019/nov/18/guide/") == "2019-11-18")
        #expect(MetadataExtractor.dateInURL("https://example.com/2019/13/01/x") == nil)
        #expect(MetadataExtractor.dateInURL("https://example.com/about/") == nil)
    }

    @Test func jsonLD_NonArticleTypeWithDate_IsUsed_ButNotTheSiteNode() {
        let html = """
        <html><head><script type="application/ld+json">[{"@type": "WebSite", "datePublished": "2001-01-01"},
        {"@type": "ClaimReview", "datePublished": "2019-11-18T10:15:00+00:00", "author": {"name": "Snopes Staff"}}]
        </script></head><body></body></html>
        """
        let article = ArticleExtractor.extract(html: html, url: nil)
        #expect(article.published == "2019-11-18T10:15:00+00:00")
        #expect(article.dateSource == "json_ld")
    }
}
