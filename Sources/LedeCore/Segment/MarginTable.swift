/// The sentence model packed for inference: one slot per feature holding its key, its boundary
/// margin (boundary weight minus no-boundary weight) for each decoder and, for the lexicon rows,
/// the word's orthographic code and class.
///
/// Scoring a token looks up ~45 features. `LinearModel`'s general table keeps keys, row numbers
/// and weights in three arrays, so each lookup touched three cache lines of a table larger than
/// the L2 cache; here it touches one. The two decoders share their context features, so one
/// lookup gives both margins (a model with four classes: left to right "0", "1", then right to
/// left). Built once when the splitter is made.
struct MarginTable: Sendable {
    struct Slot: Sendable {
        var key: UInt64 = 0
        var forward: Float = 0
        var backward: Float = 0
        var code: UInt8 = 0
        var wordClass: UInt8 = 0
    }

    private let slots: [Slot]
    private let mask: Int

    init(_ model: LinearModel) {
        let n = model.classes.count
        var capacity = 16
        while capacity < model.features.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        let mask = capacity - 1
        for (row, key) in model.features.enumerated() {
            var slot = Self.slot(key, mask)
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            func w(_ c: Int) -> Float { c < n ? model.weights[row * n + c] : 0 }
            slots[slot] = Slot(key: key, forward: w(1) - w(0), backward: w(3) - w(2),
                               code: UInt8(clamping: Int(w(0))), wordClass: UInt8(clamping: Int(w(1))))
        }
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The summed margins of the features for both decoders (unknown features weigh nothing).
    func margins(_ hashes: [UInt64]) -> (forward: Float, backward: Float) {
        var forward: Float = 0, backward: Float = 0
        slots.withUnsafeBufferPointer { s in
            for h in hashes {
                let key = FeatureTable.nonZero(h)
                var slot = Self.slot(key, mask)
                while true {
                    let k = s[slot].key
                    if k == key {
                        forward += s[slot].forward
                        backward += s[slot].backward
                        break
                    }
                    if k == 0 { break }
                    slot = (slot + 1) & mask
                }
            }
        }
        return (forward, backward)
    }

    /// The lexicon row of a word key (see `OrthographyLexicon.key`): its code and class.
    func lexiconEntry(_ key: UInt64) -> (code: UInt8, wordClass: UInt8)? {
        var slot = Self.slot(key, mask)
        while true {
            let k = slots[slot].key
            if k == key { return (slots[slot].code, slots[slot].wordClass) }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
