/// The time stage: finds temporal expressions in English text and normalises them to TIMEX3 values,
/// resolving relative ones ("Saturday", "last week") against `Document.published`.
///
/// Rules run over each sentence's tokens (lower-cased norms), never over raw text; POS tags, when the
/// tagger has run, only sharpen tense ("will … on Thursday") and "May" the modal. Other languages get
/// no times: the rules are English.
public struct TimeExpressions: Stage {
    public let name = "time"
    public static let languages: Set<String> = ["en"]

    public init() {}

    public func apply(to document: inout Document) {
        guard let language = document.language, Self.languages.contains(language) else { return }
        document.times = predict(document)
    }

    /// The expressions of `document`, in text order.
    public func predict(_ document: Document) -> [TimeExpression] {
        var times: [TimeExpression] = []
        for sentence in document.sentences {
            let tokens = document.tokens[sentence.tokens]
            let grammar = TimeGrammar(
                w: tokens.map { $0.norm.lowercased() },
                capitalized: tokens.map { token in
                    document.source.scalars[token.span.start].properties.isUppercase
                },
                tags: tokens.map(\.tag),
                published: document.published)
            for hit in grammar.scan() {
                let first = tokens[tokens.startIndex + hit.start], last = tokens[tokens.startIndex + hit.end - 1]
                let anchored = hit.relative && document.published != nil
                times.append(TimeExpression(
                    span: TextSpan(start: first.span.start, end: last.span.end), type: hit.type, value: hit.value,
                    mod: hit.mod, anchor: anchored ? .published : nil, resolved: !(hit.relative && document.published == nil)))
            }
        }
        return times.sorted { $0.span.start < $1.span.start }
    }
}
