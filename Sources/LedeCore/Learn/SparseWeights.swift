/// A `LinearModel`'s weights with the zeros left out, for models with many classes of which each
/// feature touches few (the tagger: 67 classes, ~6 non-zero weights a row). A lookup reads one
/// 12-byte slot (fingerprint, where the row's entries start, how many) and then the row's entries,
/// (class, weight) pairs side by side: two cache misses per feature, not a whole 268-byte row.
/// Fingerprints work as in `FingerprintTable` (an unseen feature matches with probability ~2⁻³²).
struct SparseWeights: Sendable {
    struct Slot: FingerprintSlot {
        var fingerprint: UInt32 = 0
        var start: UInt32 = 0
        var count: UInt32 = 0
    }

    struct Entry: Sendable {
        var weight: Float
        var classIndex: UInt32
    }

    let classCount: Int
    private let slots: [Slot]
    private let mask: Int
    private let entries: [Entry]

    init(_ model: LinearModel) {
        let n = model.classes.count
        var entries: [Entry] = []
        var starts: [UInt32] = []
        starts.reserveCapacity(model.features.count + 1)
        for row in model.features.indices {
            starts.append(UInt32(entries.count))
            for c in 0..<n where model.weights[row * n + c] != 0 {
                entries.append(Entry(weight: model.weights[row * n + c], classIndex: UInt32(c)))
            }
        }
        starts.append(UInt32(entries.count))
        (slots, mask) = FingerprintTable.build(model.features) { row, fingerprint in
            Slot(fingerprint: fingerprint, start: starts[row], count: starts[row + 1] - starts[row])
        }
        classCount = n
        self.entries = entries
    }

    /// Adds each feature's class weights into `scores` (`classCount` entries: zeros or a prior).
    /// The features' slots are read first, all at once (`forEachFound`), then their entries.
    @inline(__always)
    func accumulate(_ featureHashes: [UInt64], into scores: inout [Float], _ scratch: inout FingerprintTable.Scratch) {
        slots.withUnsafeBufferPointer { s in
            entries.withUnsafeBufferPointer { e in
                scores.withUnsafeMutableBufferPointer { out in
                    s.forEachFound(featureHashes, mask: mask, &scratch) { slot in
                        let start = Int(slot.start)
                        for k in start..<(start + Int(slot.count)) { out[Int(e[k].classIndex)] += e[k].weight }
                    }
                }
            }
        }
    }

    /// The best class for `featureHashes`, every class's score left in `scores` (`classCount` entries,
    /// overwritten): one scratch buffer serves a whole sentence.
    func best(_ featureHashes: [UInt64], scores: inout [Float], _ scratch: inout FingerprintTable.Scratch) -> Int {
        for k in scores.indices { scores[k] = 0 }
        accumulate(featureHashes, into: &scores, &scratch)
        return LinearModel.argmax(scores)
    }
}
