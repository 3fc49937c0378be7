import Testing
@testable import LedeCore

/// The packed tables the tagger, parser and sentence splitter score with must give the same sums
/// as the model they were built from.
@Suite struct FingerprintTableTests {
    struct ValueSlot: FingerprintSlot {
        var fingerprint: UInt32 = 0
        var value: Float = 0
    }

    @Test func everyStoredFeatureIsFound_andUnseenOnesAddNothing() {
        var rng = SeededGenerator(seed: 7)
        let stored = (0..<5_000).map { _ in UInt64.random(in: 1...UInt64.max, using: &rng) }
        let values = stored.indices.map { Float($0 + 1) }
        let (slots, mask) = FingerprintTable.build(stored) { row, fingerprint in ValueSlot(fingerprint: fingerprint, value: values[row]) }
        slots.withUnsafeBufferPointer { s in
            for (row, key) in stored.enumerated() {
                #expect(s.slot(of: key, mask: mask).map { s[$0].value } == values[row])
            }
            // Unseen features, and stored ones whose home slot another feature took (probing on),
            // mixed in one call: the sum counts exactly the stored ones.
            let unseen = (0..<5_000).map { _ in UInt64.random(in: 1...UInt64.max, using: &rng) }
            let query = Array(stored.prefix(2_000)) + unseen
            var scratch = FingerprintTable.Scratch()
            var sum: Double = 0, found = 0
            s.forEachFound(query, mask: mask, &scratch) { slot in
                sum += Double(slot.value)
                found += 1
            }
            #expect(found == 2_000)
            #expect(sum == Double(values.prefix(2_000).reduce(0, +)))
            #expect(unseen.allSatisfy { s.slot(of: $0, mask: mask) == nil })
        }
    }

    @Test func atMostHalfFull_soProbesStayShort() {
        let (slots, _) = FingerprintTable.build(Array(1...1_000).map(UInt64.init)) { _, fingerprint in
            ValueSlot(fingerprint: fingerprint, value: 1)
        }
        #expect(slots.count >= 2_000)
        #expect(slots.filter { $0.fingerprint != 0 }.count == 1_000)
    }
}
