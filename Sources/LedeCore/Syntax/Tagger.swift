/// The syntax stage: part-of-speech tags (`Token.pos` UPOS, `Token.tag` Penn XPOS) and lemmas for
/// every token of an English document, one sentence at a time. Other languages are left untagged:
/// the model is English-only and a wrong tag is worse than none.
public struct Tagger: Stage {
    public let name = "syntax"
    public static let languages: Set<String> = ["en"]
    let tagger: PartOfSpeechTagger

    public init(tagger: PartOfSpeechTagger) { self.tagger = tagger }

    public func apply(to document: inout Document) {
        guard let language = document.language, Self.languages.contains(language) else { return }
        annotate(&document, predict(document))
    }

    /// The tags of each token, in token order (nil for a token outside every sentence).
    public func predict(_ document: Document) -> [PartOfSpeechTagger.Tagged?] {
        var result = [PartOfSpeechTagger.Tagged?](repeating: nil, count: document.tokens.count)
        for sentence in document.sentences {
            for (offset, tagged) in tagger.tag(document.tokens[sentence.tokens].map(\.norm)).enumerated() {
                result[sentence.tokens.lowerBound + offset] = tagged
            }
        }
        return result
    }

    public func annotate(_ document: inout Document, _ tags: [PartOfSpeechTagger.Tagged?]) {
        for (i, tagged) in tags.enumerated() {
            guard let tagged else { continue }
            document.tokens[i].pos = tagged.upos
            document.tokens[i].tag = tagged.xpos
            document.tokens[i].lemma = tagged.lemma
        }
    }
}
