/// The parse stage: a dependency tree per sentence of an English document, after the tagger.
/// Fills `Token.head` (index into the document's tokens, -1 for the sentence's root) and
/// `Token.dep` (UD relation). Sentences the tagger left untagged (other languages) stay unparsed.
public struct DependencyParsing: Stage {
    public let name = "parse"
    let parser: DependencyParser

    public init(parser: DependencyParser) { self.parser = parser }

    public func apply(to document: inout Document) {
        guard let language = document.language, Tagger.languages.contains(language) else { return }
        for sentence in document.sentences where !sentence.tokens.isEmpty {
            // Indexing rather than slicing: a slice alive during the writes below would make every
            // sentence copy the document's whole token array (quadratic on long documents).
            let count = sentence.tokens.count
            var forms: [String] = [], xpos: [String] = [], upos: [String] = [], lemmas: [String] = []
            forms.reserveCapacity(count)
            xpos.reserveCapacity(count)
            upos.reserveCapacity(count)
            lemmas.reserveCapacity(count)
            for i in sentence.tokens {
                let token = document.tokens[i]
                guard let tag = token.tag, let pos = token.pos else { break }
                forms.append(token.norm)
                xpos.append(tag)
                upos.append(pos)
                lemmas.append(token.lemma ?? token.norm)
            }
            guard forms.count == count else { continue }
            let base = sentence.tokens.lowerBound
            for (offset, arc) in parser.parse(forms: forms, xpos: xpos, upos: upos, lemmas: lemmas).enumerated() {
                document.tokens[base + offset].head = arc.head < 0 ? -1 : base + arc.head
                document.tokens[base + offset].dep = arc.dep
            }
        }
    }
}
