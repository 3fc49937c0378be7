/// Dates events that the text dates only relative to another event: "Putin hosted Araqchi two days
/// after Trump sent bombers to strike Iran's sites" is dated two days after the strikes, which a
/// later sentence dates ("Saturday's U.S. strikes"). The anchor is the event of the clause that
/// after/before introduces, dated itself or through a dated event of the same type with a shared
/// participant (an entity of its actor or target phrase: "U.S. President Donald Trump" shares the
/// United States with "U.S. strikes"). Only whole days and weeks are counted.
struct EventAnchoring {
    let view: DependencyView
    let entities: EntityIndex
    let document: Document

    func anchor(_ events: inout [Event]) {
        let byTrigger = Dictionary(events.indices.map { (events[$0].triggerToken, $0) }, uniquingKeysWith: { a, _ in a })
        let tokenAt = Dictionary(view.tokens.indices.map { (view.tokens[$0].span.start, $0) }, uniquingKeysWith: { a, _ in a })
        // Events with a day-precise date of their own, by type, in text order.
        var dated: [String: [Int]] = [:]
        for i in events.indices where dayValue(events[i]) != nil { dated[events[i].type, default: []].append(i) }
        for (t, time) in document.times.enumerated() where time.type == .duration {
            // "two days after …": the word after the duration introduces the anchoring phrase or clause.
            guard let days = Self.days(time.value),
                  let marker = tokenAt[time.span.end + 1] ?? tokenAt[time.span.end],
                  ["after", "before"].contains(view.lemma(marker)), let anchor = view.head(marker),
                  let first = tokenAt[time.span.start] else { continue }
            let durationHead = (first..<view.tokens.count).prefix { view.tokens[$0].span.end <= time.span.end }.last
            // The dated event: the nearest one above the duration or the anchoring phrase (the parser
            // may hang "two days after …" on the event's object: "hosted … Araqchi … two days after").
            guard let e = (governors(durationHead) + governors(anchor))
                    .filter({ !view.dominates(anchor, $0) }).lazy.compactMap({ byTrigger[$0] }).first,
                  events[e].time == nil else { continue }
            // The anchor's events follow the marker in its sentence; a few suffice (and keep the work
            // linear on pathological text full of durations and events).
            // A read-only view for the lazy search below (which cannot capture the inout array; the
            // copy shares storage). Events are in text order: start at the first one after the marker.
            let found = events
            let low = found.partitioningIndex { $0.triggerToken > marker }
            let anchors = found[low...].prefix(Self.maxCandidates).indices
                .filter { found[$0].sentence == found[e].sentence && $0 != e && view.dominates(anchor, found[$0].triggerToken) }
            guard let date = anchors.lazy.compactMap({ dayDate(of: $0, in: found, dated: dated) }).first,
                  let anchored = CalendarDate(parsing: date) else { continue }
            events[e].time = t
            events[e].anchoredValue = anchored.adding(days: view.lemma(marker) == "after" ? days : -days).description
        }
    }

    /// The heads above `i`, nearest first, at most `maxClimb` of them.
    private func governors(_ i: Int?) -> [Int] {
        var result: [Int] = []
        var current = i
        while result.count < Self.maxClimb, let c = current, let h = view.head(c) {
            result.append(h)
            current = h
        }
        return result
    }

    private static let maxClimb = 3

    /// P2D → 2, P1W → 7; other units are not counted.
    static func days(_ value: String) -> Int? {
        guard value.hasPrefix("P"), let unit = value.last, let n = Int(value.dropFirst().dropLast()) else { return nil }
        switch unit {
        case "D": return n
        case "W": return 7 * n
        default: return nil
        }
    }

    /// A day-precise date for event `a`: its own, or that of a dated event of its type sharing a participant.
    private func dayDate(of a: Int, in events: [Event], dated: [String: [Int]]) -> String? {
        if let value = dayValue(events[a]) { return value }
        let participants = self.participants(events[a])
        guard !participants.isEmpty else { return nil }
        for b in (dated[events[a].type] ?? []).prefix(Self.maxCandidates) where b != a {
            guard let value = dayValue(events[b]), !self.participants(events[b]).isDisjoint(with: participants) else { continue }
            return value
        }
        return nil
    }

    static let maxCandidates = 16

    private func dayValue(_ event: Event) -> String? {
        guard let t = event.time, event.anchoredValue == nil, CalendarDate(parsing: document.times[t].value) != nil else { return nil }
        return document.times[t].value
    }

    /// Entities named in the actor and target phrases, with their modifiers ("U.S. President Donald Trump").
    private func participants(_ event: Event) -> Set<String> {
        var ids: Set<String> = []
        for argument in [event.actor, event.target].compactMap({ $0 }) {
            if let entity = argument.entity { ids.insert(entity) }
            guard let head = argument.head else { continue }
            let start = view.phrase(head).start
            var i = head
            while i >= 0 && view.tokens[i].span.start >= start {
                if let mention = entities.mention(at: i) { ids.insert(mention.entity) }
                i -= 1
            }
        }
        return ids
    }
}
