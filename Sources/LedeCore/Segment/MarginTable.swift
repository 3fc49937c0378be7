/// The sentence model packed for inference (see `FingerprintTable`): each feature's boundary margin
/// (boundary weight minus no-boundary weight) for each decoder in one 12-byte slot and, in a table
/// of its own, each word's orthographic code and class from the lexicon rows.
///
/// Scoring a token looks up ~45 features, so the margins' slots are kept small; the two decoders
/// share their context features, so one lookup gives both margins (a model with four classes: left
/// to right "0", "1", then right to left). The lexicon is read once per token and does not widen
/// them. Built once when the splitter is made.
struct MarginTable: Sendable {
    struct MarginSlot: FingerprintSlot {
        var fingerprint: UInt32 = 0
        var forward: Float = 0
        var backward: Float = 0
    }

    struct LexiconSlot: FingerprintSlot {
        var fingerprint: UInt32 = 0
        var code: UInt8 = 0
        var wordClass: UInt8 = 0
    }

    private let margins: [MarginSlot]
    private let lexicon: [LexiconSlot]
    private let mask: Int
    private let lexiconMask: Int

    init(_ model: LinearModel) {
        let n = model.classes.count
        func w(_ row: Int, _ c: Int) -> Float { c < n ? model.weights[row * n + c] : 0 }
        // A row is either a feature's weights or a lexicon entry (code and class in the first two
        // columns). Which one is not stored, and lookups never confuse them, so both tables take
        // every row.
        (margins, mask) = FingerprintTable.build(model.features) { row, fingerprint in
            MarginSlot(fingerprint: fingerprint, forward: w(row, 1) - w(row, 0), backward: w(row, 3) - w(row, 2))
        }
        (lexicon, lexiconMask) = FingerprintTable.build(model.features) { row, fingerprint in
            LexiconSlot(fingerprint: fingerprint, code: UInt8(clamping: Int(w(row, 0))), wordClass: UInt8(clamping: Int(w(row, 1))))
        }
    }

    /// The summed margins of the features for both decoders (unknown features weigh nothing).
    @inline(__always)
    func margins(_ hashes: [UInt64], _ scratch: inout FingerprintTable.Scratch) -> (forward: Float, backward: Float) {
        var forward: Float = 0, backward: Float = 0
        margins.withUnsafeBufferPointer { s in
            s.forEachFound(hashes, mask: mask, &scratch) { slot in
                forward += slot.forward
                backward += slot.backward
            }
        }
        return (forward, backward)
    }

    /// The lexicon row of a word key (see `OrthographyLexicon.key`): its code and class.
    func lexiconEntry(_ key: UInt64) -> (code: UInt8, wordClass: UInt8)? {
        lexicon.withUnsafeBufferPointer { s in
            s.slot(of: key, mask: lexiconMask).map { (s[$0].code, s[$0].wordClass) }
        }
    }
}
