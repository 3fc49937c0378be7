/// The layout the models' weights take for inference: an open-addressing table (linear probing,
/// at most half full) of small slots, each holding a 32-bit fingerprint of a feature's hash beside
/// what the model stores for it. A lookup touches one cache line instead of the three (key, row,
/// weights) that `LinearModel`'s general table needs; scoring is bound by these lookups, in tables
/// far larger than the caches.
///
/// A fingerprint is 32 hash bits the slot index does not use: an unseen feature is mistaken for a
/// stored one with probability ~2⁻³² per probe.
enum FingerprintTable {
    /// One slot per feature, made by `make(row, fingerprint)`; returns the slots and the index mask.
    static func build<S: FingerprintSlot>(_ features: [UInt64], make: (Int, UInt32) -> S) -> (slots: [S], mask: Int) {
        var capacity = 16
        while capacity < features.count * 2 { capacity <<= 1 }
        var slots = [S](repeating: S(), count: capacity)
        let mask = capacity - 1
        for (row, key) in features.enumerated() {
            var slot = FeatureTable.home(key, mask)
            while slots[slot].fingerprint != 0 { slot = (slot + 1) & mask }
            slots[slot] = make(row, fingerprint(key))
        }
        return (slots, mask)
    }

    /// Never 0 (0 marks an empty slot). The slot index comes from a multiplicative hash of all 64
    /// bits, so two keys sharing a probe sequence and a fingerprint are ~2⁻³² rare.
    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: key >> 32) ^ UInt32(truncatingIfNeeded: key)
        return f == 0 ? 1 : f
    }

    /// Scratch space for `forEachFound`, reused between calls.
    struct Scratch {
        var home: [Int] = []
        var found: [UInt32] = []
    }
}

/// A slot of a fingerprint table: fingerprint 0 marks it empty.
protocol FingerprintSlot: Sendable {
    var fingerprint: UInt32 { get }
    init()
}

extension UnsafeBufferPointer where Element: FingerprintSlot {
    /// The index of the slot holding `key` in a table built by `FingerprintTable.build`, or nil.
    @inline(__always)
    func slot(of key: UInt64, mask: Int) -> Int? {
        let fingerprint = FingerprintTable.fingerprint(key)
        var i = FeatureTable.home(key, mask)
        while true {
            let seen = self[i].fingerprint
            if seen == fingerprint { return i }
            if seen == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with the slot of each of `features` the table holds. Two phases: first every
    /// feature's home slot is read (independent loads, which the processor overlaps, so the cache
    /// misses are paid about once rather than once per feature), then each is resolved from what
    /// was read, probing on only when the home slot holds another feature.
    @inline(__always)
    func forEachFound(_ features: [UInt64], mask: Int, _ scratch: inout FingerprintTable.Scratch, _ body: (Element) -> Void) {
        let n = features.count
        if scratch.home.count < n {
            scratch.home = [Int](repeating: 0, count: n)
            scratch.found = [UInt32](repeating: 0, count: n)
        }
        features.withUnsafeBufferPointer { f in
            scratch.home.withUnsafeMutableBufferPointer { home in
                scratch.found.withUnsafeMutableBufferPointer { found in
                    for k in 0..<n {
                        let i = FeatureTable.home(FeatureTable.nonZero(f[k]), mask)
                        home[k] = i
                        found[k] = self[i].fingerprint
                    }
                    for k in 0..<n {
                        let fingerprint = FingerprintTable.fingerprint(FeatureTable.nonZero(f[k]))
                        var seen = found[k], i = home[k]
                        while seen != 0 {
                            if seen == fingerprint {
                                body(self[i])
                                break
                            }
                            i = (i + 1) & mask
                            seen = self[i].fingerprint
                        }
                    }
                }
            }
        }
    }
}
