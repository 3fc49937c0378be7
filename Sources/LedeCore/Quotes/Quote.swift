/// One quotation: a direct or partial quote between quotation marks (possibly interrupted by its
/// attribution or running over several paragraphs), with who said it and the cue that says so.
public struct Quote: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case direct, partial, indirect
    }

    /// How the speaker was found.
    public enum Method: String, Sendable {
        case cueSubject = "cue_subject"
        case pronoun, title
        case accordingTo = "according_to"
        case adjacent
    }

    /// A local mention (the speaker or the addressee) and the entity it resolves to, once linked.
    public struct Mention: Hashable, Sendable {
        public var span: TextSpan
        /// Entity id ("e1"); nil until a linking step fills it (see `QuoteLinker`).
        public var entity: String?
        public init(span: TextSpan, entity: String? = nil) {
            self.span = span
            self.entity = entity
        }
    }

    public var kind: Kind
    /// The whole quotation, marks included.
    public var span: TextSpan
    /// Each contiguous quoted piece, marks excluded.
    public var segments: [TextSpan]
    public var speaker: Mention?
    public var addressee: Mention?
    public var cue: TextSpan?
    public var confidence: Double
    /// nil exactly when `speaker` is nil.
    public var method: Method?

    public init(kind: Kind, span: TextSpan, segments: [TextSpan], speaker: Mention? = nil, addressee: Mention? = nil,
                cue: TextSpan? = nil, confidence: Double = 0, method: Method? = nil) {
        self.kind = kind
        self.span = span
        self.segments = segments
        self.speaker = speaker
        self.addressee = addressee
        self.cue = cue
        self.confidence = confidence
        self.method = method
    }
}

/// Maps quote speaker/addressee mentions to entity ids, for the step that runs after entities exist.
public enum QuoteLinker {
    /// The entity whose mention best covers `span`: the mention that overlaps it most (ties: the
    /// earliest). A mention counts when it overlaps the span at all ("a spokesman for the Kremlin,
    /// Dmitry Peskov" → the mention "Dmitry Peskov").
    public static func entity(for span: TextSpan, mentions: [(span: TextSpan, entity: String)]) -> String? {
        var best: (overlap: Int, entity: String)?
        for mention in mentions where mention.span.overlaps(span) {
            let overlap = min(mention.span.end, span.end) - max(mention.span.start, span.start)
            if best == nil || overlap > best!.overlap { best = (overlap, mention.entity) }
        }
        return best?.entity
    }

    /// Fills `entity` of every speaker and addressee of `quotes` from `mentions`. Each span is
    /// compared only with the mentions that can reach it (sorted by start, no further back than the
    /// longest mention), so a document of many quotes and many mentions stays near-linear.
    public static func link(_ quotes: inout [Quote], mentions: [(span: TextSpan, entity: String)]) {
        let sorted = mentions.enumerated()
            .sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }.map(\.element)
        let longest = sorted.map { $0.span.end - $0.span.start }.max() ?? 0
        func entity(for span: TextSpan) -> String? {
            let begin = sorted.partitioningIndex { $0.span.start > span.start - longest }
            let end = sorted.partitioningIndex { $0.span.start >= span.end }
            return Self.entity(for: span, mentions: Array(sorted[begin..<max(begin, end)]))
        }
        for i in quotes.indices {
            if let s = quotes[i].speaker { quotes[i].speaker?.entity = entity(for: s.span) }
            if let a = quotes[i].addressee { quotes[i].addressee?.entity = entity(for: a.span) }
        }
    }
}
