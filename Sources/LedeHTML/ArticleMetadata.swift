/// What Lede found about a page besides its article text: the contract's `article` object.
/// Every field is optional except the text, because pages omit metadata freely and a wrong value is
/// worse than none; `dateSource` says where `published` came from.
public struct ArticleMetadata: Sendable, Equatable {
    public var url: String?
    public var finalURL: String?
    public var title: String?
    public var authors: [String] = []
    public var published: String?
    public var modified: String?
    /// `json-ld`, `meta`, `time`, `url` or `text`.
    public var dateSource: String?
    public var siteName: String?
    public var language: String?
    public var image: String?
    public var canonicalURL: String?
    public var charset: String?
    /// The extracted article body, paragraphs separated by "\n"; offsets in the Result point into it.
    public var text: String

    public init(text: String) { self.text = text }
}
