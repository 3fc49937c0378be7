/// The transition model's weights laid out for inference: one 16-byte slot per feature holding a
/// 32-bit fingerprint of its hash and its three class weights, so a lookup touches one cache line
/// instead of the three (key, row, weights) that `LinearModel`'s general table needs.
///
/// Parsing is bound by these lookups (~100 per word, in a table far larger than the caches), so
/// this layout is what makes the parser fast; the file format and training stay `LinearModel`'s.
/// A fingerprint is 32 hash bits the slot index does not use: an unseen feature is mistaken for a
/// stored one with probability ~2⁻³² per probe.
struct TransitionWeights: Sendable {
    struct Slot: FingerprintSlot {
        var fingerprint: UInt32 = 0
        var w0: Float = 0, w1: Float = 0, w2: Float = 0
    }

    private let slots: [Slot]
    private let mask: Int

    init(_ model: LinearModel) {
        precondition(model.classes.count == 3)
        (slots, mask) = Self.table(model.features) { row, fingerprint in
            Slot(fingerprint: fingerprint, w0: model.weights[row * 3], w1: model.weights[row * 3 + 1], w2: model.weights[row * 3 + 2])
        }
    }

    /// An open-addressing table (linear probing, at most half full) with one slot per feature, made by
    /// `make(row, fingerprint)`: the layout the parser and the tagger weights read.
    static func table<S: FingerprintSlot>(_ features: [UInt64], make: (Int, UInt32) -> S) -> (slots: [S], mask: Int) {
        var capacity = 16
        while capacity < features.count * 2 { capacity <<= 1 }
        var slots = [S](repeating: S(), count: capacity)
        let mask = capacity - 1
        for (row, key) in features.enumerated() {
            var slot = Self.slot(key, mask)
            while slots[slot].fingerprint != 0 { slot = (slot + 1) & mask }
            slots[slot] = make(row, Self.fingerprint(key))
        }
        return (slots, mask)
    }

    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Never 0 (0 marks an empty slot). The slot index comes from a multiplicative hash of all 64
    /// bits, so two keys sharing a probe sequence and a fingerprint are ~2⁻³² rare.
    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: key >> 32) ^ UInt32(truncatingIfNeeded: key)
        return f == 0 ? 1 : f
    }

    /// Scratch space for `scores`, reused between calls.
    struct Scratch {
        var home: [Int] = []
        var found: [UInt32] = []
    }

    /// The three class scores of `features`. Two phases: first every feature's home slot is read
    /// (independent loads, which the processor overlaps, so the cache misses are paid about once
    /// rather than once per feature), then each is resolved from what was read, probing on only
    /// when the home slot holds another feature.
    @inline(__always)
    func scores(_ features: [UInt64], _ scratch: inout Scratch) -> (Float, Float, Float) {
        var a: Float = 0, b: Float = 0, c: Float = 0
        let n = features.count
        if scratch.home.count < n {
            scratch.home = [Int](repeating: 0, count: n)
            scratch.found = [UInt32](repeating: 0, count: n)
        }
        slots.withUnsafeBufferPointer { s in
            features.withUnsafeBufferPointer { f in
                scratch.home.withUnsafeMutableBufferPointer { home in
                    scratch.found.withUnsafeMutableBufferPointer { found in
                        for k in 0..<n {
                            let i = Self.slot(FeatureTable.nonZero(f[k]), mask)
                            home[k] = i
                            found[k] = s[i].fingerprint
                        }
                        for k in 0..<n {
                            let fingerprint = Self.fingerprint(FeatureTable.nonZero(f[k]))
                            var seen = found[k], i = home[k]
                            while seen != 0 {
                                if seen == fingerprint {
                                    let slot = s[i]
                                    a += slot.w0; b += slot.w1; c += slot.w2
                                    break
                                }
                                i = (i + 1) & mask
                                seen = s[i].fingerprint
                            }
                        }
                    }
                }
            }
        }
        return (a, b, c)
    }
}

/// A slot of a fingerprint table: fingerprint 0 marks it empty.
protocol FingerprintSlot: Sendable {
    var fingerprint: UInt32 { get }
    init()
}

extension UnsafeBufferPointer where Element: FingerprintSlot {
    /// The index of the slot holding `key` in a table built by `TransitionWeights.table`, or nil.
    @inline(__always)
    func slot(of key: UInt64, mask: Int) -> Int? {
        let fingerprint = TransitionWeights.fingerprint(key)
        var i = TransitionWeights.slot(key, mask)
        while true {
            let seen = self[i].fingerprint
            if seen == fingerprint { return i }
            if seen == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
