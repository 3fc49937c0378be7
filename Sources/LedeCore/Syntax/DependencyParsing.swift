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
            let tokens = document.tokens[sentence.tokens]
            var forms: [String] = [], xpos: [String] = [], upos: [String] = [], lemmas: [String] = []
            forms.reserveCapacity(tokens.count)
            xpos.reserveCapacity(tokens.count)
            upos.reserveCapacity(tokens.count)
            lemmas.reserveCapacity(tokens.count)
            for token in tokens {
                guard let tag = token.tag, let pos = token.pos else { break }
                forms.append(token.norm)
                xpos.append(tag)
                upos.append(pos)
                lemmas.append(token.lemma ?? token.norm)
            }
            guard forms.count == tokens.count else { continue }
            let base = sentence.tokens.lowerBound
            for (offset, arc) in parser.parse(forms: forms, xpos: xpos, upos: upos, lemmas: lemmas).enumerated() {
                document.tokens[base + offset].head = arc.head < 0 ? -1 : base + arc.head
                document.tokens[base + offset].dep = arc.dep
            }
        }
    }
}
