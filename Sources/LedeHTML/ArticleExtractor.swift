/// Extracts an article's text and metadata from an HTML page.
///
/// The algorithm follows trafilatura: remove furniture up front (``BoilerplateRules``), find the article container
/// by an ordered list of rules (``ContentLocator``), keep only its text blocks (``BlockExtractor``) and drop
/// link lists and stray short blocks at its edges. Pages with no recognisable container fall back to a
/// readability-style score. See `docs/html-extraction.md` for the measured quality and speed.
public enum ArticleExtractor {
    /// Extracts the article from `html`.
    /// - Parameters:
    ///   - html: The page, already decoded (a `<meta charset>` in it is reported, never re-applied).
    ///   - url: The page's address, if known: reported as ``ArticleMetadata/url``, used to resolve relative links
    ///     and as the last source of a publication date. It is never fetched.
    /// - Returns: The metadata found and the article text (paragraphs separated by "\n"; empty when the page has
    ///   no text).
    public static func extract(html: String, url: String?) -> ArticleMetadata {
        extract(document: HTMLDocument(html: html, url: url), url: url)
    }

    /// Extracts the article from a page given as bytes, decoding it as a browser would: byte-order mark, then
    /// `charset` (the HTTP `Content-Type` parameter), then the page's `<meta charset>`, then UTF-8 if the bytes
    /// are valid UTF-8, else windows-1252. ``ArticleMetadata/charset`` is the encoding used.
    /// - Parameters:
    ///   - bytes: The page as received.
    ///   - charset: The transport's charset label, if any (`"utf-8"`, `"ISO-8859-1"`, …).
    ///   - url: As in ``extract(html:url:)``.
    public static func extract(bytes: [UInt8], charset: String?, url: String?) -> ArticleMetadata {
        bytes.withUnsafeBufferPointer { buffer in
            let encoding = CharsetDetector.detect(buffer, transportCharset: charset)
            var article = extract(document: HTMLDocument(bytes: buffer, encoding: encoding, url: url), url: url)
            article.charset = encoding
            return article
        }
    }

    private static func extract(document: HTMLDocument?, url: String?) -> ArticleMetadata {
        var article = ArticleMetadata(text: "")
        article.url = url
        guard let document else { return article }
        var tree = document.makeTree()
        let linkedDataBody = MetadataExtractor.extract(from: tree, url: url, into: &article)
        article.text = bodyText(of: &tree, title: article.title)
        // Script-rendered pages often carry their only copy of the text in JSON-LD `articleBody`.
        if let linkedDataBody, article.text.utf8.count < minimumBodyLength {
            let paragraphs = linkedDataBody.split(whereSeparator: \.isNewline).map { MetadataExtractor.clean(String($0)) }
                .filter { !$0.isEmpty }
            let text = paragraphs.joined(separator: "\n")
            if text.utf8.count > article.text.utf8.count { article.text = text }
        }
        return article
    }

    /// A container's text is accepted when its kept blocks have at least this many non-space bytes; otherwise the
    /// next rule is tried (a matched teaser or an empty template must not win).
    static let minimumBodyLength = 250

    /// The article text: the first container rule whose kept blocks reach ``minimumBodyLength`` (unless the
    /// best-scoring block holds over three times more text), else the better of the longest rule result and the
    /// best-scoring block.
    static func bodyText(of tree: inout DOMTree, title: String?) -> String {
        guard tree.body >= 0 else { return "" }
        var matcher = ContentLocator.Matcher()
        removeBoilerplate(from: &tree, matcher: &matcher)
        func kept(_ containers: [Int]) -> (blocks: [TextBlock], length: Int) {
            let blocks = BlockFilter.keep(containers.flatMap { BlockExtractor.blocks(of: tree, container: $0) }, title: title)
            return (blocks, blocks.reduce(0) { $0 + $1.length })
        }
        let scored = kept([ContentLocator.bestScoring(in: tree, within: tree.body)])
        var best = scored
        for group in ContentLocator.candidates(in: tree, matcher: &matcher) {
            let result = kept(group)
            if result.length >= minimumBodyLength {
                return join(scored.length > 3 * result.length ? scored.blocks : result.blocks)
            }
            if result.length > best.length { best = result }
        }
        return join(best.blocks)
    }

    /// Removes furniture, protecting the ancestors of strong article-body markers and of the best-scoring text
    /// block (a wrapper named "page-content and-w-sidebar" holds the article; the sidebar rule must not take it).
    static func removeBoilerplate(from tree: inout DOMTree, matcher: inout ContentLocator.Matcher) {
        tree.computeLengths()
        var protected = ContentLocator.strongMarkers(in: tree, matcher: &matcher)
        var ancestor = Int(tree.nodes[ContentLocator.bestScoring(in: tree, within: tree.body)].parent)
        while ancestor >= 0, !protected[ancestor] {
            protected[ancestor] = true
            ancestor = Int(tree.nodes[ancestor].parent)
        }
        BoilerplateRules.apply(to: &tree, protecting: protected)
    }

    private static func join(_ blocks: [TextBlock]) -> String {
        blocks.map(\.text).joined(separator: "\n")
    }
}
