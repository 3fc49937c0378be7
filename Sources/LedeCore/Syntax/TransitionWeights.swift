/// The transition model's weights laid out for inference (see `FingerprintTable`): one 16-byte
/// slot per feature holding its fingerprint and its three class weights.
///
/// Parsing is bound by these lookups (~100 per word), so this layout is what makes the parser
/// fast; the file format and training stay `LinearModel`'s.
struct TransitionWeights: Sendable {
    struct Slot: FingerprintSlot {
        var fingerprint: UInt32 = 0
        var w0: Float = 0, w1: Float = 0, w2: Float = 0
    }

    private let slots: [Slot]
    private let mask: Int

    init(_ model: LinearModel) {
        precondition(model.classes.count == 3)
        (slots, mask) = FingerprintTable.build(model.features) { row, fingerprint in
            Slot(fingerprint: fingerprint, w0: model.weights[row * 3], w1: model.weights[row * 3 + 1], w2: model.weights[row * 3 + 2])
        }
    }

    /// The three class scores of `features`.
    @inline(__always)
    func scores(_ features: [UInt64], _ scratch: inout FingerprintTable.Scratch) -> (Float, Float, Float) {
        var a: Float = 0, b: Float = 0, c: Float = 0
        slots.withUnsafeBufferPointer { s in
            s.forEachFound(features, mask: mask, &scratch) { slot in
                a += slot.w0; b += slot.w1; c += slot.w2
            }
        }
        return (a, b, c)
    }
}
