/// The event-trigger stage: classifies every token of an English document as no event or one of the
/// seven TimeML classes (a linear model trained on TimeBank by `lede train events`), and records
/// the triggers in `Document.eventMentions`.
public struct EventMentionTagger: Stage {
    public static let modelName = "events"
    /// Model classes: "O" first, then the TimeML classes.
    public static let classes = ["O"] + EventMention.Class.allCases.map(\.rawValue)
    public static let languages: Set<String> = ["en"]
    public let name = "event_mentions"
    let model: LinearModel
    let lexicon: EventTypeLexicon

    /// - Throws: `ModelError.mismatch` when the model's classes are not this stage's.
    public init(model: LinearModel, lexicon: EventTypeLexicon) throws(ModelError) {
        guard model.classes == Self.classes else {
            throw .malformedHeader("\(Self.modelName).lmdl: classes \(model.classes) differ from \(Self.classes)")
        }
        self.model = model
        self.lexicon = lexicon
    }

    /// For a model this module has just trained with `classes`.
    init(checked model: LinearModel, lexicon: EventTypeLexicon) {
        self.model = model
        self.lexicon = lexicon
    }

    public func apply(to document: inout Document) {
        guard let language = document.language, Self.languages.contains(language) else { return }
        document.eventMentions = mentions(in: document)
    }

    /// The triggers of `document`, in text order.
    public func mentions(in document: Document) -> [EventMention] {
        let tokens = document.tokens
        let children = EventMentionFeatures.children(tokens)
        let quoted = EventMentionFeatures.quoted(document)
        var features: [UInt64] = []
        var scores = [Float](repeating: 0, count: model.classes.count)
        var found: [EventMention] = []
        for sentence in document.sentences {
            for i in sentence.tokens where tokens[i].kind == .word {
                EventMentionFeatures.extract(tokens, i, sentence: sentence.tokens, children: children, inQuote: quoted[i], lexicon: lexicon, into: &features)
                for c in scores.indices { scores[c] = 0 }
                model.accumulate(features, into: &scores)
                var best = LinearModel.argmax(scores)
                // TimeBank's financial news rarely shows war or diplomacy; a noun or verb the event-type
                // lexicon lists ("airstrikes", "talks", "strikes") denotes an event wherever it occurs.
                if best == 0, lexicon.entry(lemma: tokens[i].lemma ?? tokens[i].norm, pos: tokens[i].pos) != nil {
                    best = 1
                }
                guard best > 0, let eventClass = EventMention.Class(rawValue: Self.classes[best]) else { continue }
                found.append(EventMention(span: tokens[i].span, token: i, eventClass: eventClass))
            }
        }
        return found
    }
}
