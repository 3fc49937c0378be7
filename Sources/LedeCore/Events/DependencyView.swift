/// Read-only navigation over the parser's heads and relations: dependents by relation, a nominal's
/// case marker ("on" in "strikes on Iran"), and the phrase a head token stands for.
struct DependencyView {
    let tokens: [Token]
    let children: [[Int]]

    init(_ tokens: [Token]) {
        self.tokens = tokens
        self.children = EventMentionFeatures.children(tokens)
    }

    /// The relation without its subtype ("nsubj:pass" → "nsubj" when `base`).
    func relation(_ i: Int, base: Bool = false) -> String {
        let dep = tokens[i].dep ?? ""
        return base ? String(dep.split(separator: ":").first ?? "") : dep
    }

    func head(_ i: Int) -> Int? { Self.head(i, in: tokens) }

    /// A token's head; nil for the root, an unparsed token or a head that is no other token.
    static func head(_ i: Int, in tokens: [Token]) -> Int? {
        guard let h = tokens[i].head, h >= 0, h < tokens.count, h != i else { return nil }
        return h
    }

    /// The head of the phrase `range` covers: its first token whose head lies outside it (nil only if
    /// every token's head lies inside, which a tree does not allow).
    static func phraseHead(_ range: Range<Int>, in tokens: [Token]) -> Int? {
        range.first { head($0, in: tokens).map { !range.contains($0) } ?? true }
    }

    /// Dependents of `i` whose relation is one of `relations` (full or base name), in text order.
    func dependents(_ i: Int, _ relations: Set<String>) -> [Int] {
        children[i].filter { relations.contains(relation($0)) || relations.contains(relation($0, base: true)) }
    }

    func lemma(_ i: Int) -> String { tokens[i].lemma?.lowercased() ?? tokens[i].norm.lowercased() }

    /// The case marker or subordinating word of a nominal or clause ("on", "by", "with", "if").
    func marker(_ i: Int) -> String? {
        dependents(i, ["case", "mark"]).first.map(lemma)
    }

    /// The phrase `i` heads, kept short: its left dependents' subtrees (determiners, possessors,
    /// modifiers) up to the head, plus names continued to the right (flat, compound). Case markers and
    /// punctuation at the edges are left out.
    func phrase(_ i: Int) -> TextSpan {
        var first = i, last = i
        for child in children[i] where child < i && !["case", "punct", "cc", "mark"].contains(relation(child, base: true)) {
            first = min(first, leftmost(child))
        }
        for child in children[i] where child > i && ["flat", "compound", "fixed"].contains(relation(child, base: true)) {
            last = max(last, child)
        }
        while first < i && tokens[first].kind == .punctuation { first += 1 }
        return TextSpan(start: tokens[first].span.start, end: tokens[last].span.end)
    }

    /// The first token of `i`'s subtree (iterative: a pathological parse may be deep).
    private func leftmost(_ i: Int) -> Int {
        var result = i
        var stack = [i]
        var visited = 0
        while let node = stack.popLast(), visited <= tokens.count {
            visited += 1
            result = min(result, node)
            stack.append(contentsOf: children[node])
        }
        return result
    }

    /// Whether `ancestor` dominates `i` (or is `i`).
    func dominates(_ ancestor: Int, _ i: Int) -> Bool {
        var current: Int? = i
        var steps = 0
        while let c = current, steps < 64 {
            if c == ancestor { return true }
            current = head(c)
            steps += 1
        }
        return false
    }
}
