/// An open-addressing map from non-zero 64-bit hashes (already well mixed) to row indices: a
/// model's features, built once, or the cleaner's shingles, which it grows as they come.
///
/// Inference looks up every feature of every token, so this avoids `Dictionary`'s per-process
/// seeded SipHash and its indirections: one multiply, one mask, a short linear probe.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var mask: Int
    private var count = 0

    /// - Parameter features: distinct, non-zero feature hashes; row `i` belongs to `features[i]`.
    init(_ features: [UInt64] = []) {
        var capacity = 16
        while capacity < features.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (row, key) in features.enumerated() { place(key, Int32(row)) }
        count = features.count
    }

    /// Adds `key` with `row` unless it is already there; returns whether it was added. The table
    /// doubles when half full.
    mutating func insert(_ key: UInt64, row: Int) -> Bool {
        guard self.row(key) == nil else { return false }
        if (count + 1) * 2 > keys.count {
            let old = zip(keys, rows).filter { $0.0 != 0 }
            keys = [UInt64](repeating: 0, count: keys.count * 2)
            rows = [Int32](repeating: -1, count: keys.count)
            mask = keys.count - 1
            for (k, r) in old { place(k, r) }
        }
        place(key, Int32(row))
        count += 1
        return true
    }

    /// Puts `key` in the first free slot of its probe sequence (the key is known to be absent).
    private mutating func place(_ key: UInt64, _ row: Int32) {
        var slot = Self.home(key, mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        rows[slot] = row
    }

    /// Where `key`'s probe sequence starts in a table of `mask + 1` slots (every open-addressing
    /// table here, `FingerprintTable`'s too): a multiplicative hash of all 64 bits.
    @inline(__always)
    static func home(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The row of `key`, or nil for a feature the model never saw.
    @inline(__always)
    func row(_ key: UInt64) -> Int? {
        var slot = Self.home(key, mask)
        while true {
            let k = keys[slot]
            if k == key { return Int(rows[slot]) }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Feature hashes are never 0 (0 marks an empty slot).
    @inline(__always)
    static func nonZero(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }
}
