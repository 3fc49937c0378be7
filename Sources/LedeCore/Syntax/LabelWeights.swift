/// The label model's weights laid out for inference: 8-byte slots (a 32-bit fingerprint of the
/// feature hash and its row), rows of eight-float vectors, so scoring ~50 relations adds a few
/// SIMD vectors per feature instead of ~50 scalars. Built from the `LinearModel` read from disk.
struct LabelWeights: Sendable {
    private struct Slot: FingerprintSlot {
        var fingerprint: UInt32 = 0
        var row: Int32 = -1
    }

    private let slots: [Slot]
    private let mask: Int
    /// Vectors per row.
    let width: Int
    let classes: Int
    private let rows: [SIMD8<Float>]

    init(_ model: LinearModel) {
        let n = model.classes.count
        classes = n
        width = (n + 7) / 8
        var rows = [SIMD8<Float>](repeating: .zero, count: model.features.count * width)
        for row in model.features.indices {
            for c in 0..<n { rows[row * width + c / 8][c % 8] = model.weights[row * n + c] }
        }
        (slots, mask) = TransitionWeights.table(model.features) { row, fingerprint in Slot(fingerprint: fingerprint, row: Int32(row)) }
        self.rows = rows
    }

    /// The best-scoring class of `features` (ties to the lower index). `scores` is scratch space.
    @inline(__always)
    func best(_ features: [UInt64], _ scores: inout [SIMD8<Float>]) -> Int {
        if scores.count != width { scores = [SIMD8<Float>](repeating: .zero, count: width) }
        for k in 0..<width { scores[k] = .zero }
        slots.withUnsafeBufferPointer { s in
            rows.withUnsafeBufferPointer { r in
                scores.withUnsafeMutableBufferPointer { out in
                    for raw in features {
                        guard let i = s.slot(of: FeatureTable.nonZero(raw), mask: mask) else { continue }
                        let base = Int(s[i].row) * width
                        for k in 0..<width { out[k] += r[base + k] }
                    }
                }
            }
        }
        var best = 0
        var top = scores[0][0]
        for c in 1..<classes where scores[c / 8][c % 8] > top {
            best = c
            top = scores[c / 8][c % 8]
        }
        return best
    }
}
