/// The value every pipeline stage reads and annotates.
///
/// It holds the caller's exact text and, computed from it, the kept paragraphs, the removed spans,
/// tokens and sentences. Stages add annotations; none re-tokenises or copies text into its output:
/// everything is a `TextSpan` into `source`.
public struct Document: Sendable {
    public let source: SourceText
    /// Publication date the time stage resolves relative expressions against.
    public var published: CalendarDate?
    public var paragraphs: [Paragraph] = []
    public var removed: [RemovedSpan] = []
    public var tokens: [Token] = []
    public var sentences: [Sentence] = []
    /// ISO 639-1 code, or nil when the kept text gives no evidence.
    public var language: String?
    public var warnings: [Warning] = []
    /// Named entities with their mentions, set by the entities stage (English only).
    public var entities: [Entity] = []
    /// Temporal expressions, in text order; filled by the time stage.
    public var times: [TimeExpression] = []
    /// Quotations with their speakers, ordered by start; filled by the quotes stage.
    public var quotes: [Quote] = []
    /// Event triggers (TimeML classes), in text order; filled by the event-mention stage.
    public var eventMentions: [EventMention] = []
    /// Typed events with their arguments, in text order; built from `eventMentions`.
    public var events: [Event] = []

    public init(text: String, published: CalendarDate? = nil) {
        self.source = SourceText(text)
        self.published = published
    }

    /// The caller's text at `span`.
    public func text(_ span: TextSpan) -> String { source[span] }
}
