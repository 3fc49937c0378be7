/// How the text presents an event: negated or not, and asserted, hypothetical ("could destabilize",
/// "if …"), future ("will retaliate") or reported (inside a quotation or the clause of a reporting
/// verb). Negation and mood also reach a verb through the verb that governs it ("not seeking to
/// mediate", "might do to support").
enum EventMood {
    static let negations: Set<String> = ["not", "n't", "never", "no", "neither", "nor", "without"]
    static let hypotheticalAuxiliaries: Set<String> = ["could", "might", "may", "would", "should", "must"]
    static let futureAuxiliaries: Set<String> = ["will", "shall", "'ll", "wo"]
    static let hypotheticalMarkers: Set<String> = ["if", "whether", "unless"]
    static let reportingVerbs: Set<String> = ["say", "tell", "report", "announce", "claim", "state", "add", "confirm", "insist",
                                              "warn", "accord", "note", "write", "declare", "allege", "deny", "stress", "indicate"]
    /// Verbs after which an infinitive is only intended or attempted ("seek to mediate").
    static let intentionVerbs: Set<String> = ["want", "seek", "try", "hope", "plan", "intend", "aim", "threaten", "offer",
                                              "propose", "consider", "expect", "prepare", "vow", "pledge", "promise", "decide"]

    static func mark(_ event: inout Event, trigger i: Int, view: DependencyView, quotes: QuoteIndex) {
        // The trigger and the verbs it hangs from through xcomp ("not seeking to mediate"), a purpose
        // clause ("might do to support") or a support verb ("did not launch strikes") share negation
        // and auxiliaries.
        var chain = [i]
        var current = i
        while chain.count < 4, let h = view.head(current), view.tokens[h].pos == "VERB",
              ["xcomp", "obj"].contains(view.relation(current, base: true))
                || (view.relation(current, base: true) == "advcl" && view.marker(current) == "to") {
            chain.append(h)
            current = h
        }
        let modifiers = chain.flatMap { view.dependents($0, ["advmod", "aux", "det", "cc", "mark", "neg"]) }.map(view.lemma)
        if modifiers.contains(where: negations.contains) { event.polarity = .negative }

        let lemmas = Set(modifiers)
        if !lemmas.isDisjoint(with: hypotheticalAuxiliaries) || chain.contains(where: { hypotheticalClause($0, view) })
            || chain.dropFirst().contains(where: { intentionVerbs.contains(view.lemma($0)) }) {
            event.modality = .hypothetical
        } else if !lemmas.isDisjoint(with: futureAuxiliaries) || goingTo(i, view) {
            event.modality = .future
        } else if quotes.containing(view.tokens[i].span) != nil || reportingGovernor(i, view) != nil {
            event.modality = .reported
        }
    }

    /// The quotations that state the event: one containing the trigger, or one whose cue is the
    /// reporting verb that governs it.
    static func quotes(stating i: Int, view: DependencyView, quotes: QuoteIndex) -> [Int] {
        var found = quotes.containing(view.tokens[i].span).map { [$0] } ?? []
        if let governor = reportingGovernor(i, view) { found += quotes.cued(by: view.tokens[governor].span) }
        return Array(Set(found)).sorted()
    }

    /// A verb or clause introduced by if/whether, or the complement of a conditional.
    private static func hypotheticalClause(_ i: Int, _ view: DependencyView) -> Bool {
        view.dependents(i, ["mark"]).contains { hypotheticalMarkers.contains(view.lemma($0)) }
    }

    /// "is going to retaliate".
    private static func goingTo(_ i: Int, _ view: DependencyView) -> Bool {
        guard view.relation(i) == "xcomp", let h = view.head(i) else { return false }
        return view.lemma(h) == "go" && view.tokens[h].tag == "VBG"
    }

    /// The reporting verb whose clause holds the trigger ("the IDF said that Israel launched …").
    static func reportingGovernor(_ i: Int, _ view: DependencyView) -> Int? {
        var current = i
        for _ in 0..<6 {
            guard let h = view.head(current) else { return nil }
            let relation = view.relation(current, base: true)
            if ["ccomp", "parataxis"].contains(relation), reportingVerbs.contains(view.lemma(h)) { return h }
            guard ["ccomp", "conj", "xcomp", "advcl", "obj", "nsubj", "parataxis"].contains(relation) else { return nil }
            current = h
        }
        return nil
    }
}

/// The document's quotations by position (they do not overlap), so each trigger finds its quote
/// by binary search and each reporting verb its quotes by lookup.
struct QuoteIndex {
    private let spans: [(span: TextSpan, index: Int)]
    private let byCue: [TextSpan: [Int]]

    init(_ quotes: [Quote]) {
        spans = quotes.enumerated().map { ($1.span, $0) }.sorted { $0.span.start < $1.span.start }
        var byCue: [TextSpan: [Int]] = [:]
        for (q, quote) in quotes.enumerated() { if let cue = quote.cue { byCue[cue, default: []].append(q) } }
        self.byCue = byCue
    }

    /// The quotation whose span contains `span`.
    func containing(_ span: TextSpan) -> Int? {
        let low = spans.partitioningIndex { $0.span.start > span.start }
        guard low > 0, span.end <= spans[low - 1].span.end else { return nil }
        return spans[low - 1].index
    }

    func cued(by span: TextSpan) -> [Int] { byCue[span] ?? [] }
}
