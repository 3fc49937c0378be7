/// Links an event to the time expression that dates it: a date or time whose place in the parse
/// leads to the trigger's clause ("Saturday's strikes", "bombed … on Monday", "Iran in January 2020
/// launched", "since June 13"). A date attached elsewhere in the sentence dates another clause
/// ("Before Saturday's strikes, Moscow had warned" does not date the warning), and durations date
/// nothing ("for three years").
///
/// Built once per document: each time expression is placed under its governor once, so linking is
/// linear in the document's length however many times and triggers a sentence holds.
struct EventTime {
    private let view: DependencyView
    /// Governor token → the first date or time expression (index into `Document.times`) under it.
    private var byGovernor: [Int: Int] = [:]

    init(view: DependencyView, document: Document, triggers: Set<Int>) {
        self.view = view
        var t = 0
        let times = document.times
        var tokensOfTime: [Int: [Int]] = [:]
        for (i, token) in document.tokens.enumerated() {
            while t < times.count && times[t].span.end <= token.span.start { t += 1 }
            guard t < times.count, times[t].span.start <= token.span.start, token.span.end <= times[t].span.end,
                  times[t].type == .date || times[t].type == .time else { continue }
            tokensOfTime[t, default: []].append(i)
        }
        for (time, inside) in tokensOfTime {
            // The expression's head (its tokens are consecutive).
            guard let head = DependencyView.phraseHead(inside[0]..<(inside[inside.count - 1] + 1), in: view.tokens),
                  let governor = Self.governor(of: head, view: view, triggers: triggers) else { continue }
            byGovernor[governor] = min(byGovernor[governor] ?? time, time)
        }
    }

    /// The time expression dating the event triggered at token `i`, if any.
    func find(for i: Int) -> Int? {
        guard view.tokens[i].head != nil else { return nil }
        if let t = byGovernor[i] { return t }
        // An event noun is also dated through the verb it is an argument of ("trading airstrikes since June 13").
        guard let h = view.head(i), ["obj", "nsubj", "nsubj:pass", "obl", "nmod"].contains(view.relation(i)) else { return nil }
        return byGovernor[h]
    }

    /// The first verb or event trigger above a time expression, climbing through the nouns it
    /// modifies ("a treaty in January" → signed; "airports on Monday" → bombed).
    private static func governor(of head: Int, view: DependencyView, triggers: Set<Int>) -> Int? {
        var current = head
        for _ in 0..<5 {
            guard let h = view.head(current) else { return nil }
            if view.tokens[h].pos == "VERB" || view.tokens[h].pos == "AUX" || triggers.contains(h) { return h }
            current = h
        }
        return nil
    }
}
