/// A paragraph of kept text: a run of text between line breaks, trimmed of white space.
public struct Paragraph: Hashable, Sendable {
    public var span: TextSpan
    public init(span: TextSpan) { self.span = span }
}

/// A sentence: a span of kept text inside one paragraph and the token range it covers.
public struct Sentence: Hashable, Sendable {
    public var span: TextSpan
    public var paragraph: Int
    public var tokens: Range<Int>
    public init(span: TextSpan, paragraph: Int, tokens: Range<Int>) {
        self.span = span
        self.paragraph = paragraph
        self.tokens = tokens
    }
}

/// Text the cleaner took out of analysis, and why. The caller's text itself is never altered.
public struct RemovedSpan: Hashable, Sendable {
    public enum Reason: String, Sendable {
        case duplicate, boilerplate, markup
    }

    public var span: TextSpan
    public var reason: Reason
    /// For duplicates: the first copy, which is kept.
    public var duplicateOf: TextSpan?

    public init(span: TextSpan, reason: Reason, duplicateOf: TextSpan? = nil) {
        self.span = span
        self.reason = reason
        self.duplicateOf = duplicateOf
    }
}

/// Something the caller should know about the result (a language without models, a truncated input).
public struct Warning: Hashable, Sendable {
    public var code: String
    public var message: String
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
