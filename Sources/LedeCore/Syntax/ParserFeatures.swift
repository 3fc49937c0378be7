/// Feature templates of the parser's two models.
///
/// Transitions: the rich non-local templates of Zhang & Nivre (2011) adapted to arc-hybrid (stack
/// words S0–S2, buffer words N0–N2, their leftmost/rightmost dependents, labels, valency, distance).
/// Labels: the arc being built (head, dependent, direction, distance) and the dependent's own
/// dependents, which are complete when it is attached.
enum ParserFeatures {
    static let capacity = 128

    /// Distance buckets: 1, 2, 3, 4, 5–6, 7–9, 10+.
    @inline(__always)
    static func distance(_ d: Int) -> UInt64 {
        switch d {
        case ...4: return UInt64(max(d, 0))
        case 5...6: return 5
        case 7...9: return 6
        default: return 7
        }
    }

    /// Writes the transition features of `s` (template ids are part of the hashes: never renumber).
    @inline(__always)
    static func transitions(_ w: UnsafeBufferPointer<ParserWord>, _ s: ParserState, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        var t: UInt64 = 0
        @inline(__always) func add(_ value: UInt64) {
            t += 1
            out.append(FeatureHash.feature(t, value))
        }
        @inline(__always) func c(_ a: UInt64, _ b: UInt64) -> UInt64 { FeatureHash.combine(a, b) }
        @inline(__always) func c(_ a: UInt64, _ b: UInt64, _ d: UInt64) -> UInt64 { FeatureHash.combine(FeatureHash.combine(a, b), d) }
        let none = s.none
        let i0 = s.stack(0), i1 = s.stack(1), i2 = s.stack(2)
        let j0 = s.buffer(0), j1 = s.buffer(1), j2 = s.buffer(2)
        let s0 = w[i0], s1 = w[i1], s2 = w[i2], n0 = w[j0], n1 = w[j1], n2 = w[j2]
        func label(_ i: Int) -> UInt64 { i == none ? 0 : UInt64(s.labels[i] + 2) }
        let s0l = i0 == none ? none : s.leftmost[i0], s0r = i0 == none ? none : s.rightmost[i0]
        let s0l2 = i0 == none ? none : s.leftmost2[i0], s0r2 = i0 == none ? none : s.rightmost2[i0]
        let n0l = j0 == none ? none : s.leftmost[j0], n0l2 = j0 == none ? none : s.leftmost2[j0]
        let s1l = i1 == none ? none : s.leftmost[i1], s1r = i1 == none ? none : s.rightmost[i1]
        let s1r2 = i1 == none ? none : s.rightmost2[i1]

        add(UInt64(min(s.stack.count, 4)) << 1 | (j0 == none ? 1 : 0))
        // Single words.
        add(s0.lower); add(s0.tag); add(s0.wordTag); add(s0.lemma)
        add(n0.lower); add(n0.tag); add(n0.wordTag); add(n0.lemma); add(n0.suffix)
        add(n1.lower); add(n1.tag); add(n1.wordTag)
        add(n2.tag)
        add(s1.lower); add(s1.tag); add(s1.wordTag)
        add(s2.tag)
        // Pairs.
        add(c(s0.wordTag, n0.wordTag)); add(c(s0.wordTag, n0.lower)); add(c(s0.lower, n0.wordTag))
        add(c(s0.wordTag, n0.tag)); add(c(s0.tag, n0.wordTag)); add(c(s0.lower, n0.lower)); add(c(s0.tag, n0.tag))
        add(c(n0.tag, n1.tag))
        add(c(s1.tag, s0.tag)); add(c(s1.lower, s0.lower)); add(c(s1.wordTag, s0.tag)); add(c(s1.tag, s0.wordTag))
        add(c(s1.tag, n0.tag)); add(c(s1.lower, n0.lower))
        // Triples.
        add(c(n0.tag, n1.tag, n2.tag)); add(c(s0.tag, n0.tag, n1.tag)); add(c(s1.tag, s0.tag, n0.tag))
        add(c(s2.tag, s1.tag, s0.tag)); add(c(s0.tag, w[s0l].tag, n0.tag)); add(c(s0.tag, w[s0r].tag, n0.tag))
        add(c(s0.tag, n0.tag, w[n0l].tag)); add(c(s1.tag, w[s1r].tag, s0.tag)); add(c(s1.tag, s0.tag, w[s0l].tag))
        add(c(s1.tag, s0.tag, w[s0r].tag)); add(c(s1.tag, w[s1l].tag, s0.tag))
        add(c(s0.lower, n0.tag, n1.tag)); add(c(s0.tag, n0.lower, n1.tag))
        // Distance.
        let d0 = i0 == none || j0 == none || i0 == 0 ? 0 : distance(j0 - i0)
        let d1 = i0 == none || i1 == none || i1 == 0 ? 0 : distance(i0 - i1)
        add(c(s0.lower, d0)); add(c(s0.tag, d0)); add(c(n0.lower, d0)); add(c(n0.tag, d0))
        add(c(s0.tag, n0.tag, d0)); add(c(s0.lower, n0.lower, d0))
        add(c(s1.tag, s0.tag, d1)); add(c(s1.lower, s0.lower, d1))
        // Valency.
        let s0vl = i0 == none ? 0 : UInt64(s.leftCount[i0]), s0vr = i0 == none ? 0 : UInt64(s.rightCount[i0])
        let n0vl = j0 == none ? 0 : UInt64(s.leftCount[j0])
        let s1vl = i1 == none ? 0 : UInt64(s.leftCount[i1]), s1vr = i1 == none ? 0 : UInt64(s.rightCount[i1])
        add(c(s0.tag, s0vl)); add(c(s0.tag, s0vr)); add(c(n0.tag, n0vl)); add(c(s1.tag, s1vl)); add(c(s1.tag, s1vr))
        // Dependents.
        // Nearest dependents; the second ones only through the conjunctions below.
        add(w[s0l].lower); add(w[s0l].tag); add(label(s0l))
        add(w[s0r].lower); add(w[s0r].tag); add(label(s0r))
        add(w[n0l].lower); add(w[n0l].tag); add(label(n0l))
        add(w[s1r].tag); add(label(s1r)); add(w[s1l].tag); add(label(s1l))
        add(c(s0.tag, w[s0l].tag, w[s0l2].tag)); add(c(s0.tag, w[s0r].tag, w[s0r2].tag))
        add(c(n0.tag, w[n0l].tag, w[n0l2].tag)); add(c(s1.tag, w[s1r].tag, w[s1r2].tag))
        add(c(s0.tag, label(s0l), label(s0l2))); add(c(s0.tag, label(s0r), label(s0r2)))
        add(c(n0.tag, label(n0l), label(n0l2))); add(c(s1.tag, label(s1r), label(s1r2)))
        // Label sets.
        let s0ls = i0 == none ? 0 : s.leftLabels[i0], s0rs = i0 == none ? 0 : s.rightLabels[i0]
        let n0ls = j0 == none ? 0 : s.leftLabels[j0]
        let s1ls = i1 == none ? 0 : s.leftLabels[i1], s1rs = i1 == none ? 0 : s.rightLabels[i1]
        add(c(s0.tag, s0ls)); add(c(s0.tag, s0rs)); add(c(n0.tag, n0ls)); add(c(s1.tag, s1ls)); add(c(s1.tag, s1rs))
        add(c(s0.tag, s0ls, n0.tag)); add(c(s1.tag, s1ls, s0.tag))
    }

    /// Writes the label features of the arc `head → dependent` about to be built in `s`.
    @inline(__always)
    static func label(_ w: UnsafeBufferPointer<ParserWord>, _ s: ParserState, head hi: Int, dependent di: Int,
                      into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let direction: UInt64 = di < hi ? 1 : 2
        var t: UInt64 = 1000
        @inline(__always) func add(_ value: UInt64) {
            t += 1
            out.append(FeatureHash.feature(t, FeatureHash.combine(value, direction)))
        }
        @inline(__always) func c(_ a: UInt64, _ b: UInt64) -> UInt64 { FeatureHash.combine(a, b) }
        @inline(__always) func c(_ a: UInt64, _ b: UInt64, _ d: UInt64) -> UInt64 { FeatureHash.combine(FeatureHash.combine(a, b), d) }
        let none = s.none
        let h = w[hi], d = w[di]
        func label(_ i: Int) -> UInt64 { i == none ? 0 : UInt64(s.labels[i] + 2) }
        let dl = s.leftmost[di], dr = s.rightmost[di], dl2 = s.leftmost2[di]
        let dist = distance(abs(hi - di))
        // The nearest sibling on the same side, already attached.
        let sibling = di < hi ? s.leftmost[hi] : s.rightmost[hi]
        let before = di > 1 ? w[di - 1] : ParserWord.none, after = di < s.count ? w[di + 1] : ParserWord.none
        let hBefore = hi > 1 ? w[hi - 1] : ParserWord.none, hAfter = hi < s.count && hi > 0 ? w[hi + 1] : ParserWord.none

        add(0)
        add(d.tag); add(d.lower); add(d.wordTag); add(d.lemma); add(d.upos); add(d.suffix)
        add(h.tag); add(h.lower); add(h.wordTag); add(h.lemma)
        add(c(h.tag, d.tag)); add(c(h.lower, d.tag)); add(c(h.tag, d.lower)); add(c(h.lemma, d.lemma)); add(c(h.upos, d.upos))
        add(c(h.tag, d.tag, dist)); add(c(d.tag, dist))
        add(c(d.tag, s.leftLabels[di])); add(c(d.tag, s.rightLabels[di])); add(c(d.tag, s.leftLabels[di], s.rightLabels[di]))
        add(c(d.tag, w[dl].lower)); add(c(d.tag, w[dl2].lower)); add(c(d.lower, w[dl].lower)); add(c(d.tag, w[dl].tag, label(dl)))
        add(c(d.tag, w[dr].tag, label(dr))); add(c(h.lemma, d.tag, w[dl].lower))
        add(c(h.tag, s.leftLabels[hi], s.rightLabels[hi])); add(c(h.tag, d.tag, label(sibling)))
        add(c(d.tag, before.tag)); add(c(d.tag, after.tag)); add(c(h.tag, hBefore.tag)); add(c(h.tag, hAfter.tag))
        add(c(d.tag, before.lower)); add(c(h.tag, d.tag, UInt64(di == 1 ? 1 : 0)))
        add(c(d.tag, UInt64(min(s.leftCount[di], 3)), UInt64(min(s.rightCount[di], 3))))
    }
}
