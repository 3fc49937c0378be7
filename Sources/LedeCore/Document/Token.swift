/// One token of kept text. `span` points into the caller's text; `norm` is the analysis form
/// (entities decoded, quotes/dashes folded, NFC) that models and lexicons read.
public struct Token: Hashable, Sendable {
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation, symbol, url, email
    }

    public var span: TextSpan
    public var norm: String
    public var kind: Kind
    /// Index into `Document.paragraphs`.
    public var paragraph: Int
    /// Index into `Document.sentences`; set by sentence splitting.
    public var sentence: Int = -1
    /// Whether white space (or a removed span) follows the token in the caller's text.
    public var spaceAfter: Bool
    /// Syntax annotations, filled by the tagger and parser when those models are loaded.
    public var pos: String?
    public var tag: String?
    public var lemma: String?
    public var head: Int?
    public var dep: String?

    public init(span: TextSpan, norm: String, kind: Kind, paragraph: Int, spaceAfter: Bool) {
        self.span = span
        self.norm = norm
        self.kind = kind
        self.paragraph = paragraph
        self.spaceAfter = spaceAfter
    }
}
