/// Features of one token for the event-trigger classifier: the word, its lemma and tags, its
/// neighbours, the shape of nominalisations (-tion, -ment), and its syntactic role when the parser
/// has run. Deterministic hashes (`FeatureHash`), so a model trained once works everywhere.
enum EventMentionFeatures {
    private enum Template: UInt64 {
        case bias = 1, lower, lemma, upos, xpos, lemmaUPOS, suffix3, suffix4, prefix3
        case previousLower, previousUPOS, nextLower, nextUPOS, previous2UPOS, next2UPOS
        case previousLemmaUPOS, nextLemmaUPOS, uposBigram, xposContext, capitalised
        case dependency, headLemma, headUPOS, dependencyUPOS, childRelations, lemmaDependency
        case auxiliaryBefore, determinerBefore, inQuote, lexiconType
    }

    /// Appends the features of `tokens[i]` (inside `sentence`) to `out` after clearing it.
    static func extract(_ tokens: [Token], _ i: Int, sentence: Range<Int>, children: [[Int]], inQuote: Bool,
                        lexicon: EventTypeLexicon, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let token = tokens[i]
        let lower = token.norm.lowercased()
        let lemma = token.lemma ?? lower
        let upos = token.pos ?? "X"
        func add(_ t: Template, _ value: String) { out.append(FeatureHash.feature(t.rawValue, FeatureHash.string(value))) }
        func word(_ j: Int) -> String { sentence.contains(j) ? tokens[j].norm.lowercased() : "<s>" }
        func pos(_ j: Int) -> String { sentence.contains(j) ? (tokens[j].pos ?? "X") : "<s>" }
        func lemmaOf(_ j: Int) -> String { sentence.contains(j) ? (tokens[j].lemma ?? tokens[j].norm.lowercased()) : "<s>" }

        add(.bias, "")
        add(.lower, lower)
        add(.lemma, lemma)
        add(.upos, upos)
        add(.xpos, token.tag ?? "X")
        add(.lemmaUPOS, lemma + "|" + upos)
        add(.suffix3, String(lower.suffix(3)))
        add(.suffix4, String(lower.suffix(4)))
        add(.prefix3, String(lower.prefix(3)))
        add(.previousLower, word(i - 1))
        add(.previousUPOS, pos(i - 1))
        add(.nextLower, word(i + 1))
        add(.nextUPOS, pos(i + 1))
        add(.previous2UPOS, pos(i - 2) + "|" + pos(i - 1))
        add(.next2UPOS, pos(i + 1) + "|" + pos(i + 2))
        add(.previousLemmaUPOS, lemmaOf(i - 1) + "|" + upos)
        add(.nextLemmaUPOS, upos + "|" + lemmaOf(i + 1))
        add(.uposBigram, pos(i - 1) + "|" + upos + "|" + pos(i + 1))
        add(.xposContext, (sentence.contains(i - 1) ? tokens[i - 1].tag ?? "X" : "<s>") + "|" + (token.tag ?? "X"))
        add(.capitalised, token.norm.first.map { $0.isUppercase ? "1" : "0" } ?? "0")
        add(.inQuote, inQuote ? "1" : "0")
        // The event-type lexicon knows words TimeBank's financial news rarely shows ("airstrikes").
        if let entry = lexicon.entry(lemma: lemma, pos: upos) {
            add(.lexiconType, String(entry.type.prefix { $0 != "." }))
            add(.lexiconType, upos)
        }
        // The closest auxiliary or determiner to the left tells verbs from nouns and states ("has been
        // fighting", "the fighting").
        var j = i - 1
        while j >= sentence.lowerBound && j >= i - 3 {
            let p = tokens[j].pos ?? ""
            if p == "AUX" || p == "PART" { add(.auxiliaryBefore, lemmaOf(j) + "|" + upos); break }
            if p == "DET" || p == "PRON" && tokens[j].tag == "PRP$" { add(.determinerBefore, lemmaOf(j)); break }
            if p == "VERB" || p == "NOUN" || p == "PUNCT" { break }
            j -= 1
        }
        if let dep = token.dep {
            add(.dependency, dep)
            add(.dependencyUPOS, dep + "|" + upos)
            add(.lemmaDependency, lemma + "|" + dep)
            if let h = token.head, h >= 0, h < tokens.count {
                add(.headLemma, tokens[h].lemma ?? tokens[h].norm.lowercased())
                add(.headUPOS, (tokens[h].pos ?? "X") + "|" + dep)
            }
            let relations = Set(children[i].compactMap { tokens[$0].dep?.split(separator: ":").first.map(String.init) })
            for relation in relations.sorted() { add(.childRelations, relation) }
        }
    }

    /// For each token, the indices of its dependents (empty when the parser has not run).
    static func children(_ tokens: [Token]) -> [[Int]] {
        var children = [[Int]](repeating: [], count: tokens.count)
        for (i, token) in tokens.enumerated() {
            if let h = token.head, h >= 0, h < tokens.count { children[h].append(i) }
        }
        return children
    }

    /// Whether each token lies inside one of the document's quotations.
    static func quoted(_ document: Document) -> [Bool] {
        var inside = [Bool](repeating: false, count: document.tokens.count)
        var q = 0
        let quotes = document.quotes.map(\.span).sorted { $0.start < $1.start }
        for (i, token) in document.tokens.enumerated() {
            while q < quotes.count && quotes[q].end <= token.span.start { q += 1 }
            if q < quotes.count && quotes[q].start <= token.span.start { inside[i] = true }
        }
        return inside
    }
}
