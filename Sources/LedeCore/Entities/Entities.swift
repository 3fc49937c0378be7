import Foundation

/// One entity of a document: its mentions clustered, typed and ranked.
public struct Entity: Sendable, Equatable {
    public enum Kind: String, Sendable { case name, title, nominal, pronoun, demonym }

    public struct Mention: Sendable, Equatable {
        public var span: TextSpan
        public var text: String
        public var sentence: Int
        public var kind: Kind
    }

    /// "e1", "e2", … in output order.
    public var id: String
    public var name: String
    /// PERSON, ORGANIZATION, LOCATION, NORP or MISC.
    public var type: String
    public var subtype: String?
    public var country: String?
    public var aliases: [String]
    public var titles: [String]
    public var salience: Double
    public var mentions: [Mention]
}

/// The entities stage (English only): NER mentions typed with the gazetteer, made consistent
/// across the document, clustered into entities with canonical names, aliases, titles,
/// demonym and title mentions, and ranked by salience.
public struct EntityRecognizer: Stage {
    public let name = "entities"
    public static let languages: Set<String> = ["en"]
    let tagger: NamedEntityTagger
    let gazetteer: Gazetteer

    public init(tagger: NamedEntityTagger, gazetteer: Gazetteer) {
        self.tagger = tagger
        self.gazetteer = gazetteer
    }

    public func apply(to document: inout Document) {
        guard let language = document.language, Self.languages.contains(language) else { return }
        document.entities = entities(document)
    }

    /// Head words of titles and roles ("Foreign Minister", "spokesman for the Kremlin").
    static let titleWords: Set<String> = [
        "president", "minister", "spokesman", "spokeswoman", "spokesperson", "leader", "commander", "secretary", "chancellor",
        "king", "queen", "prince", "princess", "general", "premier", "senator", "governor", "mayor", "ambassador", "envoy",
        "chief", "director", "chairman", "chairwoman", "chair", "ceo", "pope", "judge", "adviser", "advisor", "official",
        "representative", "rep.", "sen.", "gov.", "gen.", "col.", "lt.", "sgt.", "dr.", "prosecutor", "attorney", "emir",
        "sheikh", "ayatollah", "cardinal", "bishop", "coach", "captain", "founder", "head", "speaker", "lawmaker",
        "diplomat", "negotiator", "executive", "officer", "correspondent", "analyst", "economist", "professor", "vice",
        "deputy", "foreign", "defense", "defence", "prime", "supreme", "former", "acting", "interior", "finance", "state",
    ]
    static let heads: Set<String> = [
        "president", "minister", "spokesman", "spokeswoman", "spokesperson", "leader", "commander", "secretary", "chancellor",
        "king", "queen", "prince", "princess", "general", "premier", "senator", "governor", "mayor", "ambassador", "envoy",
        "chief", "director", "chairman", "chairwoman", "ceo", "pope", "judge", "adviser", "advisor", "official", "prosecutor",
        "emir", "ayatollah", "founder", "speaker", "lawmaker", "diplomat", "negotiator", "executive", "officer", "head",
        "sen.", "gov.", "gen.", "rep.", "dr.",
    ]
    static let speechVerbs: Set<String> = ["said", "says", "say", "told", "tells", "added", "stated", "announced", "warned",
                                           "wrote", "asked", "argued", "insisted", "noted", "hosted", "threatened"]

    /// Tokens a name does not run on past (see `entities(_:)`).
    static let nameBreaks: Set<String> = [",", ":", ";", "(", ")", "[", "]", "\"", "“", "”", "‘"]

    /// Lower-case words a name may contain ("Bank of England", "Tour de France", "Right to Rise").
    static let nameConnectors: Set<String> = ["of", "the", "and", "for", "to", "on", "in", "at", "de", "del", "della", "der",
                                              "den", "du", "da", "di", "des", "la", "le", "les", "al", "el", "bin", "ibn", "van",
                                              "von", "y", "e", "&", "al-"]

    /// A mention that runs on through a lower-case word no name contains ("Mr. English said of Mr.
    /// Cruz", "Nation forum on Sunday, and criticized Sanders") is the tagger losing its way, not a
    /// name: it is dropped and its words freed, so the rules after (honorifics, known surnames) can
    /// find the names inside it.
    func dropRunOnMentions(_ tokens: [Token], _ raws: inout [Raw], _ covered: inout [Bool]) {
        raws.removeAll { r in
            let runsOn = r.tokens.contains { i in
                tokens[i].kind == .word && tokens[i].norm.unicodeScalars.first.map(ScalarClass.isLowercase) == true
                    && !Self.nameConnectors.contains(tokens[i].norm)
            }
            if runsOn { for i in r.tokens { covered[i] = false } }
            return runsOn
        }
    }

    /// "Mr. Schmidt", "Sen. Ted Cruz": the capitalised words after an honorific (`PersonGender.honorifics`) or a
    /// title abbreviation (`Abbreviations.titles`) are a person's name, whatever the tagger said (it typed "Mr.
    /// Schmidt" an organisation, and "Sen." alone an organisation before "Cruz") and also where it saw no name.
    /// News that writes "Mr." (the New York Times) names every person so after the first mention.
    func markHonorificNames(_ tokens: [Token], _ raws: inout [Raw], _ covered: inout [Bool]) {
        func isTitle(_ i: Int) -> Bool {
            PersonGender.honorifics[tokens[i].norm] != nil
                || (tokens[i].norm.hasSuffix(".") && Abbreviations.titles.contains(String(tokens[i].norm.dropLast()).lowercased()))
        }
        func isNameWord(_ i: Int) -> Bool {
            tokens[i].kind == .word && tokens[i].norm.unicodeScalars.first.map(ScalarClass.isUppercase) == true && !isTitle(i)
        }
        // A title alone is no entity.
        raws.removeAll { r in
            let alone = r.tokens.allSatisfy(isTitle)
            if alone { for i in r.tokens { covered[i] = false } }
            return alone
        }
        // Which mention holds each token (mentions do not overlap), so that each title looks at its name's
        // mentions only: linear in the text, however many titles and names it has.
        var owner = [Int?](repeating: nil, count: tokens.count)
        for (k, r) in raws.enumerated() { for i in r.tokens { owner[i] = k } }
        var removed = Set<Int>()
        var added: [Raw] = []
        var claimed = [Bool](repeating: false, count: tokens.count)
        for title in tokens.indices.dropLast() where isTitle(title) && isNameWord(title + 1) && tokens[title + 1].sentence == tokens[title].sentence {
            var end = title + 2
            while end < tokens.count, end - title <= 3, tokens[end].sentence == tokens[title].sentence, isNameWord(end) { end += 1 }
            let name = (title + 1)..<end
            guard !name.contains(where: { claimed[$0] }) else { continue }  // already in a name found after a title
            var overlapping: [Int] = []
            for i in name { if let k = owner[i], !removed.contains(k), overlapping.last != k { overlapping.append(k) } }
            if overlapping.contains(where: { raws[$0].tokens.lowerBound < name.lowerBound }) {
                // A mention that takes the title in ("Sen. Ted Cruz") keeps its extent and becomes a person's.
                for k in overlapping { raws[k].type = "PER"; raws[k].entry = nil }
                continue
            }
            // Otherwise the name and what the tagger found in it or after it ("Gen. Joseph | F. Dunford Jr.") are one
            // person's name.
            let whole = name.lowerBound..<max(name.upperBound, overlapping.map { raws[$0].tokens.upperBound }.max() ?? 0)
            removed.formUnion(overlapping)
            added.append(Raw(tokens: whole, type: "PER", entry: nil))
            for t in whole { covered[t] = true; claimed[t] = true }
        }
        guard !added.isEmpty || !removed.isEmpty else { return }
        raws = raws.enumerated().filter { !removed.contains($0.offset) }.map(\.element) + added
        raws.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    struct Raw {
        var tokens: Range<Int>
        var type: String // PER ORG LOC MISC
        var entry: Gazetteer.Entry?
        var kind: Entity.Kind = .name
    }

    public func entities(_ document: Document) -> [Entity] {
        let tokens = document.tokens
        let sentences = document.sentences.filter { !$0.tokens.isEmpty }
        guard !sentences.isEmpty else { return [] }
        let words = sentences.map { tokens[$0.tokens].map(\.norm) }
        let labels = tagger.tag(document: words, tags: sentences.map { tokens[$0.tokens].map { $0.tag ?? "" } })
        var raws: [Raw] = []
        var covered = [Bool](repeating: false, count: tokens.count)
        for (s, sentence) in sentences.enumerated() {
            let base = sentence.tokens.lowerBound
            for m in NamedEntityTagger.mentions(labels[s]) {
                var range = (base + m.tokens.lowerBound)..<(base + m.tokens.upperBound)
                // A name does not run on past a comma, colon, bracket or quote mark ("Rise USA, Tweeted", "Cruz
                // (R-Texas"): the part before it is kept.
                if let cut = range.dropFirst().first(where: { Self.nameBreaks.contains(tokens[$0].norm) }) {
                    range = range.lowerBound..<cut
                }
                // Possessive clitics, stray punctuation and lower-case connectors ("Minor Counties and") at
                // the edges are not part of names.
                while range.count > 1, let last = tokens[range.upperBound - 1].norm.lowercased() as String?,
                      last == "'s" || last == "’s" || tokens[range.upperBound - 1].kind == .punctuation && last != "."
                        || Self.nameConnectors.contains(tokens[range.upperBound - 1].norm) {
                    range = range.lowerBound..<(range.upperBound - 1)
                }
                while range.count > 1, Self.nameConnectors.contains(tokens[range.lowerBound].norm) {
                    range = (range.lowerBound + 1)..<range.upperBound
                }
                let entry = lookup(tokens, range)
                raws.append(Raw(tokens: range, type: m.type, entry: entry))
                for i in range { covered[i] = true }
            }
            // Gazetteer names the tagger missed (countries, demonyms, known organisations).
            let sentenceWords = words[s]
            for m in gazetteer.matches(sentenceWords) {
                let range = (base + m.tokens.lowerBound)..<(base + m.tokens.upperBound)
                guard !range.contains(where: { covered[$0] }) else { continue }
                raws.append(Raw(tokens: range, type: m.entry.type == "ORG" ? "ORG" : m.entry.type == "NORP" ? "MISC" : "LOC", entry: m.entry))
                for i in range { covered[i] = true }
            }
        }
        raws.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        // A single word the tagger calls an adverb, verb or function word is no name ("Notably").
        let functionTags: Set<String> = ["ADV", "VERB", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"]
        raws.removeAll { r in
            r.entry == nil && r.tokens.count == 1 && functionTags.contains(tokens[r.tokens.lowerBound].pos ?? "")
                && tokens[r.tokens.lowerBound].sentence != (r.tokens.lowerBound > 0 ? tokens[r.tokens.lowerBound - 1].sentence : -1)
        }
        dropRunOnMentions(tokens, &raws, &covered)
        markHonorificNames(tokens, &raws, &covered)
        // "Bashar al-Assad": name particles join a person's name parts. A dash only when attached: "Lithuania - Danius
        // Gleveckas" and "Connecticut — Obama" are two names.
        let particles: Set<String> = ["al", "-", "el", "bin", "ibn", "de", "van", "von", "da", "al-", "abu"]
        func joins(_ i: Int) -> Bool {
            let word = tokens[i].norm.lowercased()
            return particles.contains(word) && (word != "-" || (!tokens[i - 1].spaceAfter && !tokens[i].spaceAfter))
        }
        var merged: [Raw] = []
        for r in raws {
            if var last = merged.last, last.tokens.upperBound < r.tokens.lowerBound, r.tokens.lowerBound - last.tokens.upperBound <= 2,
               last.type == "PER" || r.type == "PER", (last.tokens.upperBound..<r.tokens.lowerBound).allSatisfy(joins) {
                last.tokens = last.tokens.lowerBound..<r.tokens.upperBound
                last.type = "PER"; last.entry = nil
                merged[merged.count - 1] = last
                continue
            }
            merged.append(r)
        }
        raws = merged
        for r in raws { for i in r.tokens { covered[i] = true } }
        // Document-level consistency: a surface form tagged PERSON once is PERSON throughout.
        var personForms = Set<String>()
        for r in raws where r.type == "PER" && r.entry == nil { personForms.insert(surface(tokens, r.tokens)) }
        for k in raws.indices where personForms.contains(surface(tokens, raws[k].tokens)) { raws[k].type = "PER"; raws[k].entry = nil }
        // Surnames of people found elsewhere but missed by the tagger.
        var surnames = Set<String>()
        for r in raws where r.type == "PER" && r.tokens.count > 1 { surnames.insert(tokens[r.tokens.upperBound - 1].norm) }
        for s in sentences {
            for i in s.tokens where !covered[i] && surnames.contains(tokens[i].norm) {
                raws.append(Raw(tokens: i..<(i + 1), type: "PER", entry: nil))
                covered[i] = true
            }
        }
        raws.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }

        // Clustering.
        struct Cluster {
            var key: String
            var type: String
            var subtype: String?
            var country: String?
            var names: [Range<Int>] = []
            var mentions: [(range: Range<Int>, kind: Entity.Kind)] = []
            var words: [String] = []
        }
        var clusters: [Cluster] = []
        var byKey: [String: Int] = [:]
        func join(_ key: String, _ make: () -> Cluster) -> Int {
            if let k = byKey[key] { return k }
            clusters.append(make())
            byKey[key] = clusters.count - 1
            return clusters.count - 1
        }
        // People: longest names first, so "Putin" joins "Vladimir Putin".
        let people = raws.filter { $0.type == "PER" }.sorted { $0.tokens.count != $1.tokens.count ? $0.tokens.count > $1.tokens.count : $0.tokens.lowerBound < $1.tokens.lowerBound }
        var personOf: [String: Int] = [:]
        for r in people {
            let w = tokens[r.tokens].map(\.norm)
            let text = w.joined(separator: " ")
            var index = personOf[text]
            if index == nil, let last = w.last {
                index = clusters.indices.first { clusters[$0].type == "PERSON" && (clusters[$0].words.last == last || clusters[$0].words.first == text) }
            }
            let k = index ?? join("PER:\(text)") { Cluster(key: "PER:\(text)", type: "PERSON", words: w) }
            personOf[text] = k
            clusters[k].names.append(r.tokens)
            clusters[k].mentions.append((r.tokens, .name))
        }
        var acronymOf: [String: Int] = [:]
        for r in raws where r.type != "PER" {
            let text = surface(tokens, r.tokens)
            if let e = r.entry {
                if e.type == "NORP" {
                    guard let code = e.country else { continue }
                    let k = join("LOC:\(code)") { Cluster(key: "LOC:\(code)", type: "LOCATION", subtype: "country", country: code) }
                    clusters[k].mentions.append((r.tokens, .demonym))
                } else {
                    let key = e.subtype == "country" ? "LOC:\(e.country ?? e.canonical)" : "\(e.type):\(e.canonical)"
                    let k = join(key) { Cluster(key: key, type: e.type == "ORG" ? "ORGANIZATION" : "LOCATION", subtype: e.subtype, country: e.country) }
                    clusters[k].names.append(r.tokens)
                    clusters[k].mentions.append((r.tokens, .name))
                }
                continue
            }
            if let k = acronymOf[text] {
                clusters[k].names.append(r.tokens); clusters[k].mentions.append((r.tokens, .name)); continue
            }
            let type = r.type == "ORG" ? "ORGANIZATION" : r.type == "LOC" ? "LOCATION" : "MISC"
            let key = "\(type):\(text)"
            let k = join(key) { Cluster(key: key, type: type) }
            clusters[k].names.append(r.tokens)
            clusters[k].mentions.append((r.tokens, .name))
            // "Israel Defense Forces (IDF)": the acronym in parentheses names the same entity.
            let after = r.tokens.upperBound
            if after + 2 < tokens.count, tokens[after].norm == "(", tokens[after + 2].norm == ")" {
                let acronym = tokens[after + 1].norm
                let initials = String(tokens[r.tokens].compactMap { $0.norm.first }.filter(\.isUppercase))
                if acronym.count >= 2, acronym == acronym.uppercased(), initials.hasPrefix(String(acronym.prefix(1))) {
                    acronymOf[acronym] = k
                }
            }
        }

        // Titles from premodifiers and appositions.
        var titles = [[String]](repeating: [], count: clusters.count)
        for (k, cluster) in clusters.enumerated() where cluster.type == "PERSON" {
            for range in cluster.names {
                if let t = premodifierTitle(document, range) { append(&titles[k], t) }
                if let t = appositionTitle(document, range) { append(&titles[k], t) }
            }
        }
        // Title mentions: "the foreign minister" for the one person with that title.
        var titleOwners: [String: Int] = [:]
        var ambiguous = Set<String>()
        for (k, list) in titles.enumerated() {
            for t in list {
                let core = titleCore(t)
                guard !core.isEmpty else { continue }
                if let owner = titleOwners[core], owner != k { ambiguous.insert(core) } else { titleOwners[core] = k }
            }
        }
        let cores = titleOwners.filter { !ambiguous.contains($0.key) }.sorted { $0.key < $1.key }
            .map { (words: $0.key.split(separator: " ").map(String.init), owner: $0.value) }
        for m in Self.titleMentions(cores, tokens: tokens, sentences: sentences, covered: covered) {
            clusters[m.owner].mentions.append((m.range, .title))
        }

        // Assemble, score salience, order.
        let sentenceCount = Double(max(document.sentences.count, 1))
        var built: [(Entity, first: Int)] = []
        for (k, c) in clusters.enumerated() {
            let mentions = c.mentions.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
            guard let first = mentions.first else { continue }
            var forms: [String] = []
            for m in mentions where m.kind == .name {
                let t = surface(tokens, m.range)
                if !forms.contains(t) { forms.append(t) }
            }
            var name = forms.max { $0.count != $1.count ? $0.count < $1.count : $0 > $1 } ?? ""
            if name.isEmpty, let code = c.country { name = gazetteer.countryNames[code] ?? code }
            guard !name.isEmpty else { continue }
            let firstSentence = Double(tokens[first.range.lowerBound].sentence)
            let active = mentions.contains { m in
                let next = m.range.upperBound
                return next < tokens.count && Self.speechVerbs.contains(tokens[next].norm.lowercased())
            }
            let raw = 0.45 * (1 - firstSentence / sentenceCount) + 0.4 * min(1, Double(mentions.count) / 10) + (active ? 0.15 : 0)
            let entity = Entity(
                id: "", name: name, type: c.type, subtype: c.type == "LOCATION" ? c.subtype : nil, country: c.country,
                aliases: forms.filter { $0 != name }, titles: titles[k], salience: raw,
                mentions: mentions.map { m in
                    let span = TextSpan(start: tokens[m.range.lowerBound].span.start, end: tokens[m.range.upperBound - 1].span.end)
                    return Entity.Mention(span: span, text: document.text(span), sentence: tokens[m.range.lowerBound].sentence, kind: m.kind)
                })
            built.append((entity, tokens[first.range.lowerBound].span.start))
        }
        let top = built.map(\.0.salience).max() ?? 1
        for k in built.indices { built[k].0.salience = (built[k].0.salience / max(top, 1e-9) * 10_000).rounded() / 10_000 }
        built.sort { $0.0.salience != $1.0.salience ? $0.0.salience > $1.0.salience : $0.first < $1.first }
        return built.enumerated().map { k, pair in
            var e = pair.0
            e.id = "e\(k + 1)"
            return e
        }
    }

    /// Where each title (lower-case words, its owner) occurs in lower case outside name mentions and
    /// not right before one. Each title is looked for on its own, left to right without overlapping
    /// itself; the titles are indexed by first word so that one pass over the tokens serves them all
    /// (a scan per title was quadratic in long documents: 1 MB of news has hundreds of titled people).
    private static func titleMentions(_ cores: [(words: [String], owner: Int)], tokens: [Token], sentences: [Sentence],
                                      covered: [Bool]) -> [(owner: Int, range: Range<Int>)] {
        guard !cores.isEmpty else { return [] }
        var byFirstWord: [String: [Int]] = [:]
        for (c, core) in cores.enumerated() { byFirstWord[core.words[0], default: []].append(c) }
        let lowered = tokens.map { $0.norm.lowercased() }
        // Where each title may next match (a match never crosses a sentence, so no reset is needed).
        var nextFree = [Int](repeating: 0, count: cores.count)
        var found: [(owner: Int, range: Range<Int>)] = []
        for s in sentences {
            for i in s.tokens {
                for c in byFirstWord[lowered[i]] ?? [] where i >= nextFree[c] {
                    let r = i..<(i + cores[c].words.count)
                    guard r.upperBound <= s.tokens.upperBound, lowered[r].elementsEqual(cores[c].words),
                          !r.contains(where: { covered[$0] }), !(r.upperBound < s.tokens.upperBound && covered[r.upperBound]),
                          tokens[i].norm.first?.isLowercase == true else { continue }
                    found.append((cores[c].owner, r))
                    nextFree[c] = r.upperBound
                }
            }
        }
        return found
    }

    private func surface(_ tokens: [Token], _ range: Range<Int>) -> String {
        var s = ""
        for i in range {
            s += tokens[i].norm
            if i + 1 < range.upperBound && tokens[i].spaceAfter { s += " " }
        }
        return s
    }

    private func lookup(_ tokens: [Token], _ range: Range<Int>) -> Gazetteer.Entry? {
        let words = tokens[range].map(\.norm)
        if let e = gazetteer.lookup(words) { return e }
        if words.count > 1, words[0].lowercased() == "the" { return gazetteer.lookup(Array(words.dropFirst())) }
        return nil
    }

    private func append(_ list: inout [String], _ title: String) {
        if !list.contains(where: { $0.lowercased() == title.lowercased() }) { list.append(title) }
    }

    /// "Russian President Vladimir Putin" → "Russian President".
    private func premodifierTitle(_ document: Document, _ range: Range<Int>) -> String? {
        let tokens = document.tokens
        let sentence = tokens[range.lowerBound].sentence
        var i = range.lowerBound - 1
        guard i >= 0, tokens[i].sentence == sentence, Self.heads.contains(tokens[i].norm.lowercased()) else { return nil }
        var start = i
        while i >= 0, tokens[i].sentence == sentence {
            let w = tokens[i].norm
            let lower = w.lowercased()
            if Self.titleWords.contains(lower) || (w.first?.isUppercase == true && !(i > 0 && tokens[i - 1].sentence == sentence
                && tokens[i - 1].norm.first?.isUppercase == true && gazetteer.lookup([w]) == nil && !Self.titleWords.contains(lower))) {
                if w.first?.isUppercase == true, !Self.titleWords.contains(lower), gazetteer.lookup([w]) == nil { break }
                start = i
                i -= 1
            } else {
                break
            }
        }
        let span = TextSpan(start: tokens[start].span.start, end: tokens[range.lowerBound - 1].span.end)
        return document.text(span)
    }

    /// "A spokesman for the Kremlin, Dmitry Peskov," and "Dmitry Peskov, a spokesman for the Kremlin,".
    private func appositionTitle(_ document: Document, _ range: Range<Int>) -> String? {
        let tokens = document.tokens
        let sentence = tokens[range.lowerBound].sentence
        let determiners: Set<String> = ["a", "an", "the"]
        func phrase(_ r: Range<Int>) -> String? {
            guard !r.isEmpty, r.count <= 8 else { return nil }
            var r = r
            if determiners.contains(tokens[r.lowerBound].norm.lowercased()) { r = (r.lowerBound + 1)..<r.upperBound }
            guard !r.isEmpty, tokens[r].contains(where: { Self.heads.contains($0.norm.lowercased()) }),
                  !tokens[r].contains(where: { $0.kind == .punctuation && $0.norm != "." }) else { return nil }
            return document.text(TextSpan(start: tokens[r.lowerBound].span.start, end: tokens[r.upperBound - 1].span.end))
        }
        // Before: "<phrase>, NAME"
        let comma = range.lowerBound - 1
        if comma > 0, tokens[comma].norm == ",", tokens[comma].sentence == sentence {
            var i = comma - 1
            while i >= 0, tokens[i].sentence == sentence, tokens[i].norm != ",", tokens[i].kind != .punctuation || tokens[i].norm == "." { i -= 1 }
            let r = (i + 1)..<comma
            if !r.isEmpty, determiners.contains(tokens[r.lowerBound].norm.lowercased()), let p = phrase(r) { return p }
        }
        // After: "NAME, <a|the phrase>,"
        let after = range.upperBound
        if after + 1 < tokens.count, tokens[after].norm == ",", tokens[after].sentence == sentence,
           determiners.contains(tokens[after + 1].norm.lowercased()) {
            var j = after + 1
            while j < tokens.count, tokens[j].sentence == sentence, tokens[j].kind != .punctuation { j += 1 }
            if let p = phrase((after + 1)..<j) { return p }
        }
        return nil
    }

    /// The lower-cased title without nationality: "Iranian Foreign Minister" → "foreign minister".
    private func titleCore(_ title: String) -> String {
        var words = title.split(separator: " ").map(String.init)
        while let first = words.first, gazetteer.lookup([first]) != nil || first.lowercased() == "former" { words.removeFirst() }
        guard words.count >= 2 || (words.count == 1 && Self.heads.contains(words[0].lowercased()) && words[0] != "President") else { return "" }
        if words.count == 1 { return "" }
        return words.joined(separator: " ").lowercased()
    }
}
