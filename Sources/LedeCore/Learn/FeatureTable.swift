/// An open-addressing map from 64-bit feature hashes to row indices, built once per model.
///
/// Inference looks up every feature of every token, so this avoids `Dictionary`'s per-process
/// seeded SipHash and its indirections: one multiply, one mask, a short linear probe.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private let mask: Int

    /// - Parameter features: distinct, non-zero feature hashes; row `i` belongs to `features[i]`.
    init(_ features: [UInt64]) {
        var capacity = 16
        while capacity < features.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (row, key) in features.enumerated() {
            var slot = Self.slot(key, mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot] = Int32(row)
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The row of `key`, or nil for a feature the model never saw.
    @inline(__always)
    func row(_ key: UInt64) -> Int? {
        var slot = Self.slot(key, mask)
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
