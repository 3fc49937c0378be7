/// The quotes stage: direct and partial quotations between quotation marks in the kept paragraphs,
/// with their speaker, addressee and cue.
///
/// Marks: " “ ” „ ‟ « » ‹ › 「 」 『 』, `''`/``` `` ``` (NYT and PTB style), and ‘ ’ for quotes nested in a
/// double quote or standing alone. A mark's role (opening or closing) comes from what is around it, so an
/// opening mark used as a closer ("all options“ are") still closes, and apostrophes (we'll, Iran's) and
/// inch marks (6'2") are never quotes. A quote still open at the end of a paragraph continues when the
/// next paragraph opens with a mark (one quote, one segment per paragraph); a quote interrupted by its
/// attribution ("…,” Putin said, “…”) is one quote with two segments.
///
/// Not speech, left out: scare quotes, nicknames and titles of works — short quoted pieces with no speech
/// cue anywhere around them.
public struct QuoteFinder: Stage {
    public let name = "quotes"
    public static let languages: Set<String> = ["en"]
    let firstNames: FirstNameLexicon

    public init(firstNames: FirstNameLexicon) {
        self.firstNames = firstNames
    }

    public func apply(to document: inout Document) {
        guard let language = document.language, Self.languages.contains(language) else { return }
        var quotes = QuoteScanner(document: document).quotes()
        let mentions = document.entities.flatMap { entity in entity.mentions.map { (span: $0.span, entity: entity.id) } }
        QuoteLinker.link(&quotes, mentions: mentions)
        resolvePronounSpeakers(&quotes, document: document)
        document.quotes = quotes
    }

    /// A pronoun speaker ("…,” he said) is resolved among the people mentioned outside quotations —
    /// the people a quotation names are not its speaker — by `PronounResolver`. Only he and she: "it"
    /// and "they" speak for documents, groups and institutions, and "I" or "we" for the writer, so the
    /// person named last (the rule before) was wrong for 9 of 10 in PolNeAR dev; they get no entity.
    func resolvePronounSpeakers(_ quotes: inout [Quote], document: Document) {
        // Segments are disjoint, so sorted by start they are sorted by end too.
        let quoted = quotes.flatMap(\.segments).sorted { $0.start < $1.start }
        func insideQuote(_ span: TextSpan) -> Bool {
            let i = quoted.partitioningIndex { $0.end > span.start }
            return i < quoted.count && quoted[i].overlaps(span)
        }
        let persons = document.entities.filter { $0.type == "PERSON" }
        let people = persons
            .flatMap { entity in entity.mentions.map { (span: $0.span, entity: entity.id) } }
            .filter { !insideQuote($0.span) }
            .sorted { $0.span.start < $1.span.start }
        let tokens = document.tokens
        let genders = Dictionary(uniqueKeysWithValues: persons.compactMap { entity in
            firstNames.gender(of: entity, tokens: tokens).map { (entity.id, $0) }
        })
        let heOrShe = PronounResolver.resolve(tokens: tokens, people: people, genders: genders, quoted: insideQuote)
        for index in quotes.indices where quotes[index].speaker?.entity == nil {
            guard let speaker = quotes[index].speaker else { continue }
            let token = tokens.partitioningIndex { $0.span.end > speaker.span.start }
            // Whatever found it ("He said: ¶ “…”" is an adjacent speaker), a lone he or she resolves.
            if token < tokens.count, tokens[token].span == speaker.span, PersonGender(pronoun: tokens[token].norm) != nil {
                quotes[index].speaker?.entity = heOrShe[token]
            }
        }
    }
}

// MARK: - Marks

enum QuoteFamily: Equatable { case double, single, guillemet, singleGuillemet, corner, whiteCorner }

struct QuoteMark {
    var start: Int
    var end: Int
    var family: QuoteFamily
    var scalar: Unicode.Scalar
    var canOpen: Bool
    var canClose: Bool

    func closes(_ opener: QuoteMark) -> Bool {
        guard family == opener.family, canClose else { return false }
        switch family {
        case .guillemet, .singleGuillemet:
            // « … » and the reversed » … « (German).
            return scalar != opener.scalar
        default: return true
        }
    }
}

/// One contiguous top-level quoted piece inside one paragraph.
struct QuoteSegment {
    var open: Int           // offset of the opening mark
    var contentStart: Int
    var contentEnd: Int
    var close: Int          // end of the closing mark, or contentEnd when open-ended
    var closed: Bool
    var paragraph: Int
    var family: QuoteFamily
    var continuesPrevious = false
}

// MARK: - Scanner

struct QuoteScanner {
    let document: Document
    let s: [Unicode.Scalar]

    init(document: Document) {
        self.document = document
        self.s = document.source.scalars
    }

    static func isOpenPunct(_ c: Unicode.Scalar) -> Bool { "([{—–-/".unicodeScalars.contains(c) }
    static func isClosePunct(_ c: Unicode.Scalar) -> Bool { ".,;:!?)]}—–-…/".unicodeScalars.contains(c) }
    static func isQuoteChar(_ c: Unicode.Scalar) -> Bool { "\"'“”„‟‘’‚«»‹›「」『』`".unicodeScalars.contains(c) }

    /// The quotation marks of one paragraph, with their possible roles.
    func marks(in span: TextSpan) -> [QuoteMark] {
        var out: [QuoteMark] = []
        var i = span.start
        while i < span.end {
            let c = s[i]
            var len = 1
            var family: QuoteFamily?
            switch c {
            case "\"", "“", "”", "„", "‟": family = .double
            case "'":
                if i + 1 < span.end, s[i + 1] == "'" { family = .double; len = 2 } else { family = .single }
            case "`":
                if i + 1 < span.end, s[i + 1] == "`" { family = .double; len = 2 }
            case "‘", "’", "‚": family = .single
            case "«", "»": family = .guillemet
            case "‹", "›": family = .singleGuillemet
            case "「", "」": family = .corner
            case "『", "』": family = .whiteCorner
            default: break
            }
            guard let family else { i += 1; continue }
            let a: Unicode.Scalar? = i > span.start ? s[i - 1] : nil
            let b: Unicode.Scalar? = i + len < span.end ? s[i + len] : nil
            let aSpace = a == nil || ScalarClass.isWhitespace(a!)
            let bSpace = b == nil || ScalarClass.isWhitespace(b!)
            let leftOK = aSpace || Self.isOpenPunct(a!) || Self.isQuoteChar(a!)
            let rightOK = bSpace || Self.isClosePunct(b!) || Self.isQuoteChar(b!)
            var canOpen = leftOK && !bSpace
            var canClose = !aSpace && rightOK
            switch c {
            case "“":
                // An opening mark used as a closer ("all options“ are") closes.
                canClose = !aSpace && rightOK && !(a.map(Self.isOpenPunct) ?? false)
                canOpen = !canClose && !bSpace
            case "”":
                canClose = !aSpace
                canOpen = aSpace && !bSpace
            case "„", "‟": canOpen = !bSpace; canClose = false
            case "\"" where aSpace && bSpace && a != nil, "'" where len == 2 && aSpace && bSpace && a != nil:
                // Isolated mark ("… done,' " he said): closes an open quote, else opens.
                canOpen = true
                canClose = true
            case "\"":
                // Inches: 6'2", 12"
                if let a, ScalarClass.isDigit(a), !(b.map(ScalarClass.isLetter) ?? false) {
                    var j = i - 1
                    while j > span.start, ScalarClass.isDigit(s[j]) { j -= 1 }
                    if s[j] == "'" || s[j] == "’" || !canOpen { canOpen = false; canClose = canClose && j > span.start && s[j] != "'" && s[j] != "’" }
                }
            case "'" where len == 1, "’", "‘", "‚":
                let aLetter = a.map(ScalarClass.isAlphanumeric) ?? false
                let bLetter = b.map(ScalarClass.isAlphanumeric) ?? false
                if aLetter && bLetter { i += len; continue }       // we'll, Iran's, don’t
                canOpen = leftOK && (b.map(ScalarClass.isLetter) ?? false) && c != "’"
                canClose = !aSpace && !bLetter && c != "‘" && c != "‚"
            case "«", "‹": canOpen = true; canClose = !aSpace
            case "»", "›":
                // French spacing: « Oui, » dit-il.
                canClose = !aSpace || rightOK
                canOpen = aSpace && !bSpace && !rightOK
            case "「", "『": canOpen = true; canClose = false
            case "」", "』": canOpen = false; canClose = true
            default: break
            }
            if canOpen || canClose {
                out.append(QuoteMark(start: i, end: i + len, family: family, scalar: c, canOpen: canOpen, canClose: canClose))
            }
            i += len
        }
        return out
    }

    /// Whether the text just before `offset` ends a sentence (". " before an opening mark that never closed).
    func afterSentenceEnd(_ offset: Int, from start: Int) -> Bool {
        var j = offset - 1
        var sawSpace = false
        while j >= start, ScalarClass.isWhitespace(s[j]) { j -= 1; sawSpace = true }
        guard sawSpace, j >= start else { return false }
        return ".!?".unicodeScalars.contains(s[j])
    }

    func trimEnd(_ end: Int, _ start: Int) -> Int {
        var e = end
        while e > start, ScalarClass.isWhitespace(s[e - 1]) { e -= 1 }
        return e
    }

    /// Top-level quoted segments of one paragraph.
    func segments(paragraph index: Int) -> [QuoteSegment] {
        let span = document.paragraphs[index].span
        let marks = marks(in: span)
        var out: [QuoteSegment] = []
        var stack: [QuoteMark] = []
        func emit(_ opener: QuoteMark, closeStart: Int, closeEnd: Int, closed: Bool) {
            guard opener.family != .single else { return }
            let contentEnd = trimEnd(closeStart, opener.end)
            var contentStart = opener.end
            while contentStart < contentEnd, ScalarClass.isWhitespace(s[contentStart]) { contentStart += 1 }
            guard contentEnd > contentStart else { return }
            out.append(QuoteSegment(open: opener.start, contentStart: contentStart, contentEnd: contentEnd,
                                    close: closed ? closeEnd : contentEnd, closed: closed, paragraph: index, family: opener.family))
        }
        for m in marks {
            if let top = stack.last {
                if m.closes(top) {
                    stack.removeLast()
                    if stack.isEmpty { emit(top, closeStart: m.start, closeEnd: m.end, closed: true) }
                    continue
                }
                if m.canClose, m.family != .single, let k = stack.lastIndex(where: { m.closes($0) }) {
                    let opener = stack[k]
                    stack.removeSubrange(k...)
                    if stack.isEmpty { emit(opener, closeStart: m.start, closeEnd: m.end, closed: true) }
                    continue
                }
                if m.canOpen {
                    if stack.count == 1, top.family == m.family, m.family != .single, afterSentenceEnd(m.start, from: top.end) {
                        // The previous quote never closed: it ends at the sentence end before this mark.
                        emit(top, closeStart: m.start, closeEnd: m.start, closed: false)
                        stack = [m]
                        continue
                    }
                    if m.family == .single, top.family == .single { continue }
                    stack.append(m)
                }
            } else if m.canOpen, m.family != .single {
                stack.append(m)
            }
        }
        if let bottom = stack.first, bottom.family != .single {
            emit(bottom, closeStart: span.end, closeEnd: span.end, closed: false)
        }
        // Stand-alone ‘single quotes’ outside every double quote.
        var k = 0
        while k < marks.count {
            let m = marks[k]
            if m.scalar == "‘", m.canOpen, !out.contains(where: { $0.open <= m.start && m.start < $0.close }),
               let j = marks[(k + 1)...].firstIndex(where: { $0.scalar == "’" && $0.canClose }),
               !out.contains(where: { $0.open <= marks[j].start && marks[j].start < $0.close }),
               marks[j].start - m.end >= 2 {
                out.append(QuoteSegment(open: m.start, contentStart: m.end, contentEnd: marks[j].start, close: marks[j].end,
                                        closed: true, paragraph: index, family: .single))
                k = j + 1
                continue
            }
            k += 1
        }
        out.sort { $0.open < $1.open }
        return out
    }

    /// Quoted segments grouped into quotations: multi-paragraph quotes joined, interrupted quotes joined.
    func groups() -> [[QuoteSegment]] {
        var groups: [[QuoteSegment]] = []
        var previousOpen = false
        for p in document.paragraphs.indices {
            var segs = segments(paragraph: p)
            if previousOpen, let first = segs.first, first.open == document.paragraphs[p].span.start, !groups.isEmpty {
                segs[0].continuesPrevious = true
            }
            previousOpen = false
            for seg in segs {
                if seg.continuesPrevious { groups[groups.count - 1].append(seg) } else { groups.append([seg]) }
            }
            if let last = segs.last, !last.closed, last.contentEnd >= trimEnd(document.paragraphs[p].span.end, last.open) { previousOpen = true }
        }
        // Interrupted quotes: “A,” he said, “B.”
        var merged: [[QuoteSegment]] = []
        for g in groups {
            if let prev = merged.last, let a = prev.last, let b = g.first, a.paragraph == b.paragraph, a.closed,
               interrupts(a, b) {
                merged[merged.count - 1] += g
            } else {
                merged.append(g)
            }
        }
        return merged
    }

    func interrupts(_ a: QuoteSegment, _ b: QuoteSegment) -> Bool {
        var e = a.contentEnd - 1
        while e > a.contentStart, ScalarClass.isWhitespace(s[e]) { e -= 1 }
        guard ",—–-…:".unicodeScalars.contains(s[e]) || (s[e] == "." && e > 0 && s[e - 1] == ".") else { return false }
        let gap = tokens(a.close, b.open)
        guard gap.count >= 2, gap.count <= 14 else { return false }
        // The gap holds no sentence end except right before the next mark (“A,” he said. “B.” continues the
        // quote), and then only when the next quote has no attribution of its own (“B,” she said. is another).
        for t in gap.dropLast() where isClauseEnd(t) { return false }
        if let last = gap.last, isClauseEnd(last), hasOwnAttribution(b) { return false }
        return gap.contains { isCue($0) }
    }

    /// Whether a cue follows the segment in its own sentence (“B,” she said.).
    func hasOwnAttribution(_ b: QuoteSegment) -> Bool {
        let end = document.paragraphs[b.paragraph].span.end
        for t in tokens(b.close, end, limit: 8) {
            if isClauseEnd(t) { return false }
            if isCue(t) { return true }
        }
        return false
    }

    // MARK: Tokens

    func firstToken(atOrAfter offset: Int) -> Int {
        document.tokens.partitioningIndex { $0.span.start >= offset }
    }

    /// Word and punctuation tokens inside [start, end), quotation marks left out; the first `limit`.
    func tokens(_ start: Int, _ end: Int, limit: Int = .max) -> [Int] {
        var out: [Int] = []
        var i = firstToken(atOrAfter: start)
        while i < document.tokens.count, document.tokens[i].span.end <= end, out.count < limit {
            let t = document.tokens[i]
            if !(t.kind == .punctuation && Self.isQuoteChar(s[t.span.start])) { out.append(i) }
            i += 1
        }
        return out
    }

    func norm(_ t: Int) -> String { document.tokens[t].norm.lowercased() }
    func isPunct(_ t: Int) -> Bool { document.tokens[t].kind == .punctuation }
    /// . ! ? or ; — where an attribution can no longer continue.
    func isClauseEnd(_ t: Int) -> Bool { [".", "!", "?", ";"].contains(norm(t)) }
    func isCapitalized(_ t: Int) -> Bool {
        guard let f = s[document.tokens[t].span.start] as Unicode.Scalar? else { return false }
        return f.properties.isUppercase
    }

    /// The last sentence starting at or before `offset`.
    func sentence(at offset: Int) -> Sentence? {
        let after = document.sentences.partitioningIndex { $0.span.start > offset }
        return after > 0 ? document.sentences[after - 1] : nil
    }

    func isCue(_ t: Int) -> Bool {
        let token = document.tokens[t]
        let word = norm(t)
        // "as Tom Ridge put it:", "“…,” it read.", "read the email".
        if word == "put", t + 1 < document.tokens.count, norm(t + 1) == "it" { return true }
        if word == "shot", t + 1 < document.tokens.count, norm(t + 1) == "back" { return true }
        if word == "read" || word == "reads", (t > 0 && norm(t - 1) == "it") || (t + 1 < document.tokens.count && ["the", "a", "an"].contains(norm(t + 1))) {
            return true
        }
        guard QuoteLexicon.cueForms.contains(word) || (token.lemma.map { QuoteLexicon.cueLemmas.contains($0.lowercased()) } ?? false) else {
            return false
        }
        if let pos = token.pos, pos != "VERB", pos != "AUX" {
            // Tagger says noun: "a recent call" — but keep the unambiguous speech verbs.
            if !QuoteLexicon.strongCues.contains(word) { return false }
        }
        if t > 0, QuoteLexicon.determiners.contains(norm(t - 1)) { return false }
        return true
    }

    // MARK: Attribution

    func isFiniteVerb(_ t: Int) -> Bool {
        guard let tag = document.tokens[t].tag else { return false }
        return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD"
    }

    struct Attribution {
        var speaker: TextSpan
        var cue: TextSpan?
        var addressee: TextSpan?
        var method: Quote.Method
        var confidence: Double
    }

    func span(_ toks: ArraySlice<Int>) -> TextSpan? {
        guard let f = toks.first, let l = toks.last else { return nil }
        return TextSpan(start: document.tokens[f].span.start, end: document.tokens[l].span.end)
    }

    func method(for subject: ArraySlice<Int>) -> (Quote.Method, Double) {
        if subject.count == 1, let t = subject.first, QuoteLexicon.pronouns.contains(norm(t)) { return (.pronoun, 0.8) }
        if let t = subject.first, !isCapitalized(t) || ["the", "a", "an"].contains(norm(t)) {
            if subject.contains(where: { isCapitalized($0) && !["the", "a", "an"].contains(norm($0)) }) { return (.cueSubject, 0.88) }
            return (.title, 0.8)
        }
        return (.cueSubject, 0.9)
    }

    /// A noun phrase starting at `from` in `toks` (speaker after an inverted cue, addressee).
    func nounPhrase(_ toks: [Int], from: Int, max: Int = 8) -> ArraySlice<Int> {
        var j = from
        while j < toks.count, j - from < max {
            let w = norm(toks[j])
            if isPunct(toks[j]) && w != "." && w != "'s" { break }
            if QuoteLexicon.npStops.contains(w) { break }
            if j > from, let pos = document.tokens[toks[j]].pos, pos == "VERB" { break }
            j += 1
        }
        var slice = toks[from..<j]
        while let l = slice.last, isPunct(l) { slice = slice.dropLast() }
        return slice
    }

    /// Subject of the cue at `toks[c]`, walking left.
    func subject(_ toks: [Int], cue c: Int, lowerBound: Int, hops: Int = 1) -> ArraySlice<Int> {
        var j = c - 1
        while j >= lowerBound, QuoteLexicon.skipBeforeCue.contains(norm(toks[j])) || (norm(toks[j]).hasSuffix("ly") && !isCapitalized(toks[j])) { j -= 1 }
        // Coordination: "Ms. Sherry smiled and said" → the subject of the first verb.
        if j >= lowerBound, norm(toks[j]) == "and", hops > 0,
           let v = (max(lowerBound, j - 12)..<j).last(where: { isFiniteVerb(toks[$0]) }) {
            return subject(toks, cue: v, lowerBound: lowerBound, hops: hops - 1)
        }
        // Appositive: "A spokesman for the Kremlin, Dmitry Peskov, told"
        if j >= lowerBound, norm(toks[j]) == "," { j -= 1 }
        let end = j + 1
        var length = 0
        while j >= lowerBound, length < 12 {
            let w = norm(toks[j])
            if isPunct(toks[j]) && w != "." { break }
            if QuoteLexicon.subjectStops.contains(w) { break }
            if let pos = document.tokens[toks[j]].pos, pos == "VERB" { break }
            j -= 1
            length += 1
        }
        var slice = toks[(j + 1)..<end]
        // Drop a leading time or place phrase: "On Monday Putin", "Last week Putin".
        while let f = slice.first, QuoteLexicon.leadingJunk.contains(norm(f)) || (slice.count > 1 && QuoteLexicon.timeWords.contains(norm(f))) {
            slice = slice.dropFirst()
        }
        var valid = true
        if let f = slice.first, !isCapitalized(f), !QuoteLexicon.pronouns.contains(norm(f)), !QuoteLexicon.npStarts.contains(norm(f)),
           !slice.dropFirst().contains(where: isCapitalized) {
            valid = false
        }
        if slice.isEmpty { valid = false }
        if valid { return slice }
        // "Trump, who also campaigned in the state, tweeted", "Smith, delivering Cross’ speech, asked":
        // hop over the clause between commas to the subject before it.
        if hops > 0, let q = (lowerBound..<max(lowerBound, c - 1)).last(where: { norm(toks[$0]) == "," }), c - q <= 24 {
            return subject(toks, cue: q + 1, lowerBound: lowerBound, hops: hops - 1)
        }
        return []
    }

    func addressee(_ toks: [Int], cue c: Int) -> TextSpan? {
        guard ["told", "tells", "tell", "telling", "asked", "asks", "warned", "warns", "assured", "urged"].contains(norm(toks[c])),
              c + 1 < toks.count else { return nil }
        let np = nounPhrase(toks, from: c + 1, max: 6)
        guard let f = np.first, isCapitalized(f) || QuoteLexicon.npStarts.contains(norm(f)) || ["reporters", "journalists"].contains(norm(f)) else { return nil }
        return span(np)
    }

    /// "…,” Putin told Araqchi', "…,” said Peskov', "…,” he said, according to …'.
    func attributionAfter(_ toks: [Int]) -> Attribution? {
        var k = 0
        while k < toks.count, isPunct(toks[k]), [",", "—", "–", "-", "(", "--"].contains(norm(toks[k])) { k += 1 }
        guard k < toks.count else { return nil }
        if isCue(toks[k]) {
            var j = k + 1
            while j < toks.count, QuoteLexicon.timeWords.contains(norm(toks[j])) || QuoteLexicon.skipBeforeCue.contains(norm(toks[j])) { j += 1 }
            let np = nounPhrase(toks, from: j)
            if let f = np.first, !isPunct(f), let sp = span(np) {
                let (m, c) = method(for: np)
                return Attribution(speaker: sp, cue: document.tokens[toks[k]].span, addressee: nil, method: m, confidence: c)
            }
        }
        var j = k
        while j < toks.count, j - k <= 30 {
            let w = norm(toks[j])
            if [".", ";", "!", "?"].contains(w) { break }
            if j > k, isCue(toks[j]) {
                var e = j
                while e > k, QuoteLexicon.skipBeforeCue.contains(norm(toks[e - 1])) || (isPunct(toks[e - 1]) && norm(toks[e - 1]) != ")") || (norm(toks[e - 1]).hasSuffix("ly") && !isCapitalized(toks[e - 1])) { e -= 1 }
                var subj = toks[k..<e]
                if subj.contains(where: { QuoteLexicon.subjectStops.contains(norm($0)) && norm($0) != "and" }) || subj.contains(where: { [".", ";"].contains(norm($0)) }) {
                    subj = subject(toks, cue: j, lowerBound: k)
                }
                if let sp = span(subj) {
                    let (m, c) = method(for: subj)
                    return Attribution(speaker: sp, cue: document.tokens[toks[j]].span, addressee: addressee(toks, cue: j), method: m, confidence: c)
                }
                break
            }
            if w == "according", j + 2 < toks.count, norm(toks[j + 1]) == "to" { break }
            j += 1
        }
        return accordingTo(toks, from: k)
    }

    func accordingTo(_ toks: [Int], from k: Int) -> Attribution? {
        var j = k
        while j + 2 < toks.count {
            if norm(toks[j]) == "according", norm(toks[j + 1]) == "to" {
                let np = nounPhrase(toks, from: j + 2, max: 10)
                guard let sp = span(np) else { return nil }
                let cue = TextSpan(start: document.tokens[toks[j]].span.start, end: document.tokens[toks[j + 1]].span.end)
                return Attribution(speaker: sp, cue: cue, addressee: nil, method: .accordingTo, confidence: 0.75)
            }
            j += 1
        }
        return nil
    }

    /// 'Putin also told the foreign minister: “…”', '… Putin told a forum that …, “…”'.
    func attributionBefore(_ toks: [Int]) -> Attribution? {
        var c = toks.count - 1
        var clauseCue: Int?
        while c >= 0 {
            if isCue(toks[c]), norm(toks[c]).hasSuffix("ing"), c > 0, norm(toks[c - 1]) == "," {
                // "…, shouting “…”": the clause's subject speaks, unless an earlier cue names someone.
                if clauseCue == nil { clauseCue = c }
            } else if isCue(toks[c]) {
                let subj = subject(toks, cue: c, lowerBound: 0)
                if let sp = span(subj) {
                    let (m, conf) = method(for: subj)
                    return Attribution(speaker: sp, cue: document.tokens[toks[c]].span, addressee: addressee(toks, cue: c), method: m, confidence: conf - 0.03)
                }
                if c == 0 || isPunct(toks[c - 1]) {
                    // Inverted: 'Said Dorothy Poynter, who grew up with Ali, “…”'
                    let np = nounPhrase(toks, from: c + 1)
                    if let f = np.first, isCapitalized(f), let sp = span(np) {
                        let (m, conf) = method(for: np)
                        return Attribution(speaker: sp, cue: document.tokens[toks[c]].span, addressee: nil, method: m, confidence: conf - 0.05)
                    }
                }
            }
            c -= 1
        }
        if let a = accordingTo(toks, from: 0) { return a }
        if let c = clauseCue {
            // "he sounded a rare note, saying, “…”": the subject of the last finite verb before it.
            if let v = (0..<c).last(where: { isFiniteVerb(toks[$0]) }) {
                let subj = subject(toks, cue: v, lowerBound: 0)
                if let sp = span(subj) {
                    let (m, conf) = method(for: subj)
                    return Attribution(speaker: sp, cue: document.tokens[toks[c]].span, addressee: nil, method: m, confidence: conf - 0.1)
                }
            }
            if let a = leadingSubject(toks, upTo: c, cue: toks[c]) { return a }
        }
        return nil
    }

    /// The noun phrase that opens a clause: "She then addressed the supporters again:".
    func leadingSubject(_ toks: [Int], upTo limit: Int, cue: Int?) -> Attribution? {
        var k = 0
        while k < limit, isPunct(toks[k]) || QuoteLexicon.leadingJunk.contains(norm(toks[k])) { k += 1 }
        guard k < limit, isCapitalized(toks[k]) || QuoteLexicon.npStarts.contains(norm(toks[k])) || QuoteLexicon.pronouns.contains(norm(toks[k])) else { return nil }
        var j = k
        while j < limit, j - k < 8 {
            let w = norm(toks[j])
            if isPunct(toks[j]) && w != "." { break }
            if let pos = document.tokens[toks[j]].pos, ["VERB", "AUX", "ADV"].contains(pos) { break }
            if QuoteLexicon.subjectStops.contains(w) || QuoteLexicon.npStops.contains(w) { break }
            j += 1
        }
        guard j > k, j < limit || cue != nil, let sp = span(toks[k..<j]) else { return nil }
        let (m, conf) = method(for: toks[k..<j])
        return Attribution(speaker: sp, cue: cue.map { document.tokens[$0].span }, addressee: nil, method: m, confidence: conf - 0.25)
    }

    // MARK: Quotes

    func quotes() -> [Quote] {
        var result: [Quote] = []
        let groups = groups()
        var previousEnd = 0
        for (gi, group) in groups.enumerated() {
            let first = group[0], last = group[group.count - 1]
            let nextOpen = gi + 1 < groups.count ? groups[gi + 1][0].open : Int.max
            let openSentence = sentence(at: first.open)
            let preStart = max(openSentence?.span.start ?? document.paragraphs[first.paragraph].span.start,
                               document.paragraphs[first.paragraph].span.start, previousEnd)
            var pre = tokens(preStart, first.open)
            if let cut = pre.lastIndex(where: { [".", "!", "?"].contains(norm($0)) }) { pre = Array(pre[(cut + 1)...]) }
            previousEnd = last.close
            // Context after: the interruption of an interrupted quote, else the rest of the closing sentence.
            var post: [Int] = []
            if group.count > 1, group[0].paragraph == group[1].paragraph, group[0].closed {
                post = tokens(group[0].close, group[1].open)
            }
            var after: [Int] = []
            if last.closed {
                let closeSentence = sentence(at: max(last.close - 1, 0))
                var end = min(closeSentence?.span.end ?? last.close, document.paragraphs[last.paragraph].span.end, nextOpen)
                if end <= last.close, let cs = closeSentence, let next = document.sentences[document.sentences.partitioningIndex { $0.span.start >= cs.span.end }...].first,
                   next.paragraph == last.paragraph {
                    // The splitter ended the sentence at the closing mark: look into the next one ("… .” He said.)
                    end = min(next.span.end, nextOpen)
                    after = tokens(last.close, end)
                    // Only "Todd asked the mogul." / "said Smith." — a cue right at its start.
                    if !(after.prefix(5).contains { isCue($0) }) { after = [] }
                } else {
                    after = tokens(last.close, end)
                }
            }
            if post.isEmpty { post = after }

            let words = group.reduce(0) { $0 + tokens($1.contentStart, $1.contentEnd).filter { !isPunct($0) }.count }
            let lastPre = pre.last.map(norm)
            var kind: Quote.Kind = .partial
            if pre.isEmpty || lastPre == ":" || (lastPre == "," && pre.dropLast().contains { isCue($0) }) {
                kind = .direct
            }
            if group.count > 1, group[0].paragraph != group[group.count - 1].paragraph { kind = .direct }

            var attribution: Attribution?
            let before = attributionBefore(pre)
            let afterAttr = attributionAfter(post)
            // A quote closing on "," "?" "!" hands over to the attribution after it: "…,” said Kunin.
            var closing = last.contentEnd - 1
            while closing > last.contentStart, Self.isQuoteChar(s[closing]) || ScalarClass.isWhitespace(s[closing]) { closing -= 1 }
            let handsOver = last.closed && ",?!".unicodeScalars.contains(s[closing])
            if kind == .direct, lastPre != ":", lastPre != "," {
                attribution = afterAttr ?? (pre.isEmpty ? nil : before)
            } else if handsOver, let afterAttr, afterAttr.method != .accordingTo, lastPre != ":" {
                attribution = afterAttr
            } else {
                attribution = before ?? afterAttr
            }
            if attribution == nil, post.count > 0 { attribution = accordingTo(post, from: 0) }
            if attribution == nil, lastPre == ":" {
                // "Republican pollster Daron Shaw: “…”" — a name right before the colon.
                var k = pre.count - 1
                while k > 0, pre.count - k <= 4, isCapitalized(pre[k - 1]) || norm(pre[k - 1]) == "." { k -= 1 }
                if k < pre.count - 1, let sp = span(pre[k..<(pre.count - 1)]) {
                    attribution = Attribution(speaker: sp, cue: nil, addressee: nil, method: .cueSubject, confidence: 0.6)
                } else {
                    attribution = leadingSubject(pre, upTo: pre.count - 1, cue: nil)
                }
            }
            // A byline-like next paragraph: "- Clinton."
            if attribution == nil, last.closed, last.paragraph + 1 < document.paragraphs.count,
               trimEnd(document.paragraphs[last.paragraph].span.end, last.close) == last.close {
                let next = document.paragraphs[last.paragraph + 1].span
                let nt = tokens(next.start, next.end)
                if nt.count >= 2, nt.count <= 8, ["-", "—", "–", "--"].contains(norm(nt[0])), isCapitalized(nt[1]) {
                    var body = nt[1...]
                    while let l = body.last, isPunct(l) { body = body.dropLast() }
                    if let sp = span(body) {
                        attribution = Attribution(speaker: sp, cue: nil, addressee: nil, method: .cueSubject, confidence: 0.7)
                    }
                }
            }
            if kind == .direct, pre.isEmpty, words <= 4, afterAttr == nil { kind = .partial }

            // The sentence before names the speaker: "X said:", "X told CBS News." (no quote in it).
            if attribution == nil, kind == .direct, pre.count <= 1, let os = openSentence,
               let prevSentence = document.sentences.last(where: { $0.span.end <= os.span.start && $0.span.start < first.open }),
               prevSentence.paragraph >= first.paragraph - 1, prevSentence.span.start >= (result.last?.span.end ?? 0),
               let a = attributionBefore(tokens(prevSentence.span.start, prevSentence.span.end)) {
                attribution = Attribution(speaker: a.speaker, cue: a.cue, addressee: a.addressee, method: .adjacent, confidence: 0.7)
            }
            // Adjacent: continues the previous quote's speaker (same or previous paragraph).
            if attribution == nil, kind == .direct, let prev = result.last, let speaker = prev.speaker,
               first.paragraph - (paragraphIndex(of: prev.span.end - 1) ?? -10) <= 1 {
                attribution = Attribution(speaker: speaker.span, cue: nil, addressee: nil, method: .adjacent, confidence: 0.6)
            }

            // Not speech: scare quotes, nicknames, titles.
            let sentenceHasCue = (openSentence.map { tokens($0.span.start, $0.span.end).contains { isCue($0) } }) ?? false
            if attribution == nil, words <= 4 { continue }
            if kind == .partial, words <= 3, !sentenceHasCue { continue }
            if kind == .partial, attribution == nil, words <= 8 { continue }
            // Titles of works and headlines: "Meet the Press", ‘We Are Going To Go All The Way’.
            let contentWords = group.flatMap { tokens($0.contentStart, $0.contentEnd) }.filter { !isPunct($0) }
            let capitalized = contentWords.filter(isCapitalized).count
            if contentWords.count >= 2, Double(capitalized) >= 0.7 * Double(contentWords.count) { continue }
            // One- or two-word fragments are scare quotes unless named as words: "describing it as “unprovoked aggression”".
            if kind == .partial, words <= 1, attribution?.method != .cueSubject,
               !pre.suffix(12).contains(where: { QuoteLexicon.namingCues.contains(norm($0)) }) { continue }

            let whole = TextSpan(start: first.open, end: last.close)
            let segments = group.map { TextSpan(start: $0.contentStart, end: $0.contentEnd) }
            var quote = Quote(kind: kind, span: whole, segments: segments)
            if let attribution {
                quote.speaker = Quote.Mention(span: attribution.speaker)
                quote.addressee = attribution.addressee.map { Quote.Mention(span: $0) }
                quote.cue = attribution.cue
                quote.method = attribution.method
                quote.confidence = attribution.confidence
            } else {
                quote.confidence = 0.5
            }
            result.append(quote)
        }
        return result
    }

    func paragraphIndex(of offset: Int) -> Int? {
        let i = document.paragraphs.partitioningIndex { $0.span.end > offset }
        return i < document.paragraphs.count && document.paragraphs[i].span.contains(offset) ? i : nil
    }
}

// MARK: - Lexicon

enum QuoteLexicon {
    static let cueBases = [
        "say", "tell", "add", "stress", "warn", "ask", "write", "tweet", "insist", "note", "explain", "argue", "continue",
        "declare", "state", "announce", "claim", "reply", "respond", "recall", "acknowledge", "admit", "suggest", "observe",
        "remark", "comment", "concede", "caution", "urge", "predict", "vow", "promise", "complain", "joke", "quip", "shout",
        "yell", "testify", "post", "conclude", "emphasize", "emphasise", "reiterate", "maintain", "contend", "charge",
        "counter", "boast", "muse", "thunder", "describe", "call", "dub", "label", "agree", "confirm", "deny", "report",
        "recount", "assert", "proclaim", "scoff", "lament", "whisper", "pledge", "wonder", "exclaim", "sigh", "retort",
        "interject", "elaborate", "echo", "riff", "crack", "snap", "fire", "chant", "reply", "write",
        "point", "press", "exhort", "answer", "boom", "chime", "tease", "gush", "marvel", "shoot", "allege", "assure", "advise", "demand", "plead", "announce", "brag", "chide", "concur",
        "mock", "tout", "hail", "blast", "slam", "praise", "criticize", "declare", "rail",
    ]
    static let cueLemmas: Set<String> = Set(cueBases)
    static let cueForms: Set<String> = {
        var forms: Set<String> = ["said", "says", "told", "wrote", "written", "writes", "put", "read", "according",
                                  "tweeted", "quipped", "testified", "replied", "denied", "retorted"]
        for b in cueBases {
            forms.insert(b)
            forms.insert(b.hasSuffix("s") || b.hasSuffix("sh") ? b + "es" : (b.hasSuffix("y") && !b.hasSuffix("ay") ? String(b.dropLast()) + "ies" : b + "s"))
            let stem = b.hasSuffix("e") ? String(b.dropLast()) : b
            forms.insert(b.hasSuffix("e") ? b + "d" : (b.hasSuffix("y") && !b.hasSuffix("ay") ? String(b.dropLast()) + "ied" : b + "ed"))
            forms.insert(stem + "ing")
        }
        forms.remove("according")
        forms.remove("read")
        forms.remove("put")
        return forms
    }()
    /// Speech verbs that are rarely anything else, trusted even when the tagger calls them nouns.
    static let strongCues: Set<String> = ["said", "says", "told", "tells", "added", "adds", "stressed", "warned", "asked", "wrote",
                                          "tweeted", "insisted", "noted", "explained", "argued", "declared", "stated", "announced",
                                          "replied", "responded", "acknowledged", "admitted", "suggested", "saying", "telling"]
    static let namingCues: Set<String> = ["describing", "described", "describe", "describes", "calling", "called", "call", "calls",
                                          "dubbed", "dubbing", "labeled", "labelled", "labeling", "branded", "branding", "termed"]
    static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "you"]
    static let determiners: Set<String> = ["a", "an", "the", "this", "his", "her", "their", "its", "our", "my", "your", "recent", "phone"]
    static let skipBeforeCue: Set<String> = ["also", "later", "then", "has", "have", "had", "would", "will", "was", "is", "once",
                                             "again", "previously", "recently", "further", "flatly", "simply", "reportedly",
                                             "had", "did", "does", "do", "could", "might", "may", "should", "not", "never",
                                             "often", "repeatedly", "frequently", "earlier", "separately", "subsequently", "just"]
    static let subjectStops: Set<String> = ["that", "which", "who", "whom", "when", "as", "because", "but", "while", "if", "after",
                                            "since", "before", "with", "where", "though", "although", "and", "or", "so", "than",
                                            "said", "says", "told", "to", "by"]
    static let npStops: Set<String> = ["in", "on", "at", "during", "to", "after", "before", "when", "while", "that", "who",
                                       "which", "according", "as", "because", "and", "but", "from", "via", "told", "said",
                                       "says", "about", "with", "last", "this", "yesterday", "today", "tuesday", "monday",
                                       "wednesday", "thursday", "friday", "saturday", "sunday", "tonight", "earlier", "later",
                                       "if", "since", "into", "over", "where"]
    static let npStarts: Set<String> = ["the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "both", "two",
                                        "three", "several", "many", "some", "officials", "experts", "critics", "supporters",
                                        "aides", "analysts", "sources", "people", "mr.", "mrs.", "ms.", "dr."]
    static let leadingJunk: Set<String> = ["on", "in", "at", "during", "last", "this", "earlier", "later", "then", "but", "and", "after", "before", "while", "when", "if", "as",
                                           "so", "yet", "still", "however", "meanwhile", "instead", "now"]
    static let timeWords: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                                         "yesterday", "tonight", "week", "month", "year", "morning", "evening", "afternoon",
                                         "night", "recently", "earlier", "later", "then", "also", "once", "again"]
}
