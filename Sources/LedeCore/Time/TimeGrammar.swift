/// The English rules of the time stage: token patterns over one sentence's lower-cased norms, each
/// returning a normalised TIMEX3 value. At every token the longest matching rule wins.
struct TimeGrammar {
    /// A match in sentence-local token indices, `end` exclusive.
    struct Hit {
        var start: Int
        var end: Int
        var type: TimeExpression.Kind
        var value: String
        var mod: TimeExpression.Mod? = nil
        /// Resolved against (or, without it, would need) the publication date.
        var relative: Bool = false
    }

    /// Lower-cased norms of the sentence's tokens.
    let w: [String]
    /// Whether each token starts with an upper-case letter in the caller's text.
    let capitalized: [Bool]
    /// Penn tags when the tagger ran.
    let tags: [String?]
    let published: CalendarDate?

    // MARK: - Scanning

    func scan() -> [Hit] {
        var hits: [Hit] = []
        var i = 0
        while i < w.count {
            if let hit = best(at: i) {
                hits.append(hit)
                i = hit.end
            } else {
                i += 1
            }
        }
        return hits
    }

    func best(at i: Int) -> Hit? {
        let candidates: [Hit?] = [
            modified(i), isoDate(i), slashDate(i), monthDate(i), dayMonth(i), weekdayRule(i), relativeDay(i),
            relativeUnit(i), quarterRule(i), yearRule(i), ago(i), duration(i), setRule(i), reference(i), clock(i),
        ]
        return candidates.compactMap { $0 }.max { a, b in a.end < b.end }
    }

    // MARK: - Token helpers

    func word(_ i: Int) -> String { i >= 0 && i < w.count ? w[i] : "" }

    /// The token without a trailing abbreviation period ("jan." → "jan").
    func bare(_ i: Int) -> String {
        let s = word(i)
        return s.count > 1 && s.hasSuffix(".") ? String(s.dropLast()) : s
    }

    func integer(_ i: Int) -> Int? {
        let s = word(i)
        guard !s.isEmpty, s.count <= 4, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    /// A day of the month: "13", "13th".
    func dayNumber(_ i: Int) -> Int? {
        var s = word(i)
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s.removeLast(2) }
        guard s.count <= 2, let n = Int(s), (1...31).contains(n) else { return nil }
        return n
    }

    func year(_ i: Int) -> Int? {
        guard word(i).count == 4, let n = integer(i), (1000...2199).contains(n) else { return nil }
        return n
    }

    /// Month name at `i` and the index after it (skipping a detached abbreviation period).
    func month(_ i: Int) -> (month: Int, next: Int)? {
        guard let m = TimeLexicon.months[bare(i)], i < capitalized.count, capitalized[i] else { return nil }
        if bare(i) == "may", tags[i] == "MD" { return nil }
        let next = word(i + 1) == "." && (dayNumber(i + 2) != nil || year(i + 2) != nil) ? i + 2 : i + 1
        return (m, next)
    }

    /// A number: digits, a number word, or tens + units ("twenty - five", "twenty four").
    func number(_ i: Int) -> (n: Int?, next: Int)? {
        if let n = Int(String(word(i).filter { $0 != "," })) { return (n, i + 1) }
        if TimeLexicon.vague.contains(word(i)) { return (nil, i + 1) }
        if word(i) == "a", TimeLexicon.vague.contains(word(i + 1)) {
            return word(i + 2) == "of" ? (word(i + 1) == "couple" ? 2 : nil, i + 3) : (nil, i + 2)
        }
        guard let n = TimeLexicon.numbers[word(i)] else { return nil }
        if n >= 20, n % 10 == 0, n < 100 {
            if word(i + 1) == "-", let u = TimeLexicon.numbers[word(i + 2)], u < 10, u > 0 { return (n + u, i + 3) }
            if let u = TimeLexicon.numbers[word(i + 1)], u < 10, u > 0, word(i + 1) != "a" { return (n + u, i + 2) }
        }
        return (n, i + 1)
    }

    // MARK: - Context

    /// Future reading for the expression at `i`: a future cue in the few tokens before it.
    func isFuture(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, j >= i - 8 {
            let t = word(j)
            if TimeLexicon.futureCues.contains(t) { return true }
            if t == "said" || t == "says" || tags[j] == "VBD" { return false }
            j -= 1
        }
        if word(i + 1) == "will" || (word(i + 1) == "," && word(i + 2) == "will") { return true }
        return false
    }

    var isPastSentence: Bool { tags.contains { $0 == "VBD" } || w.contains("said") }

    // MARK: - Value helpers

    func date(_ d: CalendarDate?) -> String { d?.description ?? "XXXX-XX-XX" }

    /// Year for a month (and day) written without one: the publication year, moved back a year when
    /// the date would be more than six months ahead (or forward when a future date would be as far behind).
    func inferredYear(month: Int, day: Int, at i: Int) -> Int? {
        guard let p = published else { return nil }
        let ahead = (month - p.month) * 31 + (day - p.day)
        if ahead > 183 && !isFuture(i) { return p.year - 1 }
        if ahead < -183 && isFuture(i) { return p.year + 1 }
        return p.year
    }

    func unitDuration(_ n: Int?, _ unit: String) -> String? {
        guard let u = TimeLexicon.units[unit] else { return nil }
        let amount = n.map { String($0 * u.factor) } ?? "X"
        if u.letter == "Q" { return n.map { "P\($0 * 3)M" } ?? "PXM" }
        if u.factor == 10, n == nil { return "PXDE" }
        return "P" + (u.clock ? "T" : "") + amount + u.letter
    }
}
