import Testing
@testable import LedeHTML

/// Pages given as bytes are decoded as a browser would: BOM, transport charset, `<meta>`, UTF-8, windows-1252.
@Suite struct CharsetDetectorTests {
    static func page(_ head: String, body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body><article><p>".utf8) + body
            + Array(" and enough further text to make a paragraph of an article.</p></article></body></html>".utf8)
    }

    /// "Café crème" in latin-1 / windows-1252.
    static let latin1Cafe: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65]

    @Test func latin1Declaration_DecodesAsWindows1252() {
        let article = ArticleExtractor.extract(
            bytes: Self.page("<meta charset=\"iso-8859-1\">", body: Self.latin1Cafe), charset: nil, url: nil)
        #expect(article.text.hasPrefix("Café crème and enough"))
        #expect(article.charset == "windows-1252")
    }

    @Test func transportCharset_WinsOverMeta() {
        let article = ArticleExtractor.extract(
            bytes: Self.page("<meta charset=\"utf-8\">", body: Self.latin1Cafe), charset: "ISO-8859-1", url: nil)
        #expect(article.text.hasPrefix("Café crème"))
    }

    @Test func undeclaredValidUTF8_IsUTF8() {
        let article = ArticleExtractor.extract(bytes: Self.page("", body: Array("Ещё 中文 Café".utf8)), charset: nil, url: nil)
        #expect(article.text.hasPrefix("Ещё 中文 Café"))
        #expect(article.charset == "utf-8")
    }

    @Test func undeclaredInvalidUTF8_FallsBackToWindows1252() {
        let article = ArticleExtractor.extract(bytes: Self.page("", body: Self.latin1Cafe), charset: nil, url: nil)
        #expect(article.text.hasPrefix("Café crème"))
        #expect(article.charset == "windows-1252")
    }

    @Test func shiftJISDeclaration_IsDecoded() {
        // "日本" in Shift_JIS.
        let article = ArticleExtractor.extract(
            bytes: Self.page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
                             body: [0x93, 0xFA, 0x96, 0x7B]), charset: nil, url: nil)
        #expect(article.text.hasPrefix("日本"))
        #expect(article.charset == "shift_jis")
    }

    @Test func utf8ByteOrderMark_WinsOverMeta() {
        let article = ArticleExtractor.extract(
            bytes: [0xEF, 0xBB, 0xBF] + Self.page("<meta charset=\"windows-1251\">", body: Array("Ещё".utf8)),
            charset: nil, url: nil)
        #expect(article.text.hasPrefix("Ещё"))
    }

    @Test func unknownLabel_IsIgnored() {
        let article = ArticleExtractor.extract(
            bytes: Self.page("<meta charset=\"x-no-such-charset\">", body: Array("Café".utf8)), charset: nil, url: nil)
        #expect(article.text.hasPrefix("Café"))
        #expect(article.charset == "utf-8")
    }

    @Test func emptyBytes_GiveEmptyArticle() {
        #expect(ArticleExtractor.extract(bytes: [], charset: nil, url: nil).text.isEmpty)
    }
}
