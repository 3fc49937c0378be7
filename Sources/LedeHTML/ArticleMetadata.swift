/// What Lede found about a page besides its article text: the contract's `article` object.
/// Every field is optional except the text, because pages omit metadata freely and a wrong value is
/// worse than none; `dateSource` says where `published` came from.
public struct ArticleMetadata: Sendable, Equatable {
    /// The page's address as given by the caller.
    public var url: String?
    /// The address after redirects; set by whoever fetched the page (never by the extractor).
    public var finalURL: String?
    public var title: String?
    public var authors: [String] = []
    /// `YYYY-MM-DD` or an RFC 3339 date-time, as found in the page (never guessed).
    public var published: String?
    /// Same format as ``published``.
    public var modified: String?
    /// Where `published` came from: `json_ld`, `meta`, `time` or `url` (nil when the page gives no date).
    public var dateSource: String?
    public var siteName: String?
    /// As declared by the page (`<html lang>`), e.g. `en-US`.
    public var language: String?
    public var image: String?
    public var canonicalURL: String?
    /// The encoding the page was decoded from (bytes input) or the one it declares (`String` input).
    public var charset: String?
    /// The extracted article body, paragraphs separated by "\n"; offsets in the Result point into it.
    public var text: String

    public init(text: String) { self.text = text }
}
