/// Links an event to the time expression that dates it: a date or time in the trigger's own clause
/// (attached to the trigger or to the verb it depends on: "Saturday's strikes", "bombed … on
/// Monday", "since June 13"), else the nearest date in the sentence that no other event's clause
/// claims. Durations date nothing ("for three years").
enum EventTime {
    static func find(for i: Int, view: DependencyView, document: Document) -> Int? {
        let sentence = view.tokens[i].sentence
        guard sentence >= 0 else { return nil }
        let range = document.sentences[sentence].tokens
        let candidates = document.times.indices.filter { t in
            let time = document.times[t]
            return (time.type == .date || time.type == .time)
                && document.sentences[sentence].span.start <= time.span.start && time.span.end <= document.sentences[sentence].span.end
        }
        guard !candidates.isEmpty else { return nil }
        // The clause of the trigger: the trigger and, for a noun, the verb it depends on.
        var clause = [i]
        if let h = view.head(i), ["obj", "nsubj", "nsubj:pass", "obl", "nmod"].contains(view.relation(i)) { clause.append(h) }
        var attached: [Int] = []
        var unattached: [Int] = []
        for t in candidates {
            let tokens = range.filter { document.times[t].span.start <= view.tokens[$0].span.start && view.tokens[$0].span.end <= document.times[t].span.end }
            // The time's head: the token of the expression whose head lies outside it.
            guard let head = tokens.first(where: { view.head($0).map { !tokens.contains($0) } ?? true }) else { continue }
            if let h = view.head(head), clause.contains(h) { attached.append(t) } else { unattached.append(t) }
        }
        if let t = attached.first { return t }
        // A time attached elsewhere may still date this event when it is alone in its sentence.
        return candidates.count == 1 && view.tokens[i].head != nil ? unattachedNearest(unattached, i, view, document) : nil
    }

    private static func unattachedNearest(_ times: [Int], _ i: Int, _ view: DependencyView, _ document: Document) -> Int? {
        times.min { abs(document.times[$0].span.start - view.tokens[i].span.start) < abs(document.times[$1].span.start - view.tokens[i].span.start) }
    }
}
