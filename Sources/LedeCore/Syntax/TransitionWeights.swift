/// The transition model's weights laid out for inference: one 16-byte slot per feature holding a
/// 32-bit fingerprint of its hash and its three class weights, so a lookup touches one cache line
/// instead of the three (key, row, weights) that `LinearModel`'s general table needs.
///
/// Parsing is bound by these lookups (~100 per word, in a table far larger than the caches), so
/// this layout is what makes the parser fast; the file format and training stay `LinearModel`'s.
/// A fingerprint is 32 hash bits the slot index does not use: an unseen feature is mistaken for a
/// stored one with probability ~2⁻³² per probe.
struct TransitionWeights: Sendable {
    struct Slot: Sendable {
        var fingerprint: UInt32 = 0
        var w0: Float = 0, w1: Float = 0, w2: Float = 0
    }

    private let slots: [Slot]
    private let mask: Int

    init(_ model: LinearModel) {
        precondition(model.classes.count == 3)
        var capacity = 16
        while capacity < model.features.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        for (row, key) in model.features.enumerated() {
            var slot = Self.slot(key, mask)
            while slots[slot].fingerprint != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(fingerprint: Self.fingerprint(key), w0: model.weights[row * 3],
                               w1: model.weights[row * 3 + 1], w2: model.weights[row * 3 + 2])
        }
        self.slots = slots
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Never 0 (0 marks an empty slot). The slot index comes from a multiplicative hash of all 64
    /// bits, so two keys sharing a probe sequence and a fingerprint are ~2⁻³² rare.
    @inline(__always)
    private static func fingerprint(_ key: UInt64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: key >> 32) ^ UInt32(truncatingIfNeeded: key)
        return f == 0 ? 1 : f
    }

    /// The three class scores of `features`.
    @inline(__always)
    func scores(_ features: [UInt64]) -> (Float, Float, Float) {
        var a: Float = 0, b: Float = 0, c: Float = 0
        slots.withUnsafeBufferPointer { s in
            for raw in features {
                let key = FeatureTable.nonZero(raw)
                let f = Self.fingerprint(key)
                var i = Self.slot(key, mask)
                while true {
                    let slot = s[i]
                    if slot.fingerprint == f {
                        a += slot.w0; b += slot.w1; c += slot.w2
                        break
                    }
                    if slot.fingerprint == 0 { break }
                    i = (i + 1) & mask
                }
            }
        }
        return (a, b, c)
    }
}
