// libFuzzer target: HTML → article text and metadata (LedeHTML.ArticleExtractor, the libxml2 path) on arbitrary
// fuzz-link: LedeHTML
// bytes. The first byte picks the charset the transport claims (none, utf-8, latin-1, a CJK one, garbage), so the
// charset detection in front of libxml2 is exercised too.
// Oracle: no crash, no ASan report (libxml2 runs inside the same process, so its memory errors count).
import LedeHTML

private let charsets: [String?] = [nil, "utf-8", "iso-8859-1", "windows-1252", "shift_jis", "gb18030", "utf-16", "x-bogus"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLArticle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let charset = charsets[Int(data[0]) % charsets.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let article = ArticleExtractor.extract(bytes: bytes, charset: charset, url: "https://example.com/news/a.html")
    _ = article.text.unicodeScalars.count
    return 0
}
