/// A `LinearModel`'s weights with the zeros left out, for models with many classes of which each
/// feature touches few (the tagger: 67 classes, ~6 non-zero weights a row). Scoring then reads a
/// few bytes per feature instead of a whole row, and the weights take a seventh of the memory.
struct SparseWeights: Sendable {
    let classCount: Int
    private let table: FeatureTable
    /// Row `r`'s entries are `classes[start[r]..<start[r + 1]]` and the same range of `weights`.
    private let start: [Int32]
    private let classes: [UInt8]
    private let weights: [Float]

    /// - Precondition: at most 256 classes (class indices are stored in a byte).
    init(_ model: LinearModel) {
        let n = model.classes.count
        precondition(n <= 256)
        var start: [Int32] = [0]
        var classes: [UInt8] = [], weights: [Float] = []
        start.reserveCapacity(model.features.count + 1)
        for row in model.features.indices {
            for c in 0..<n where model.weights[row * n + c] != 0 {
                classes.append(UInt8(c))
                weights.append(model.weights[row * n + c])
            }
            start.append(Int32(classes.count))
        }
        classCount = n
        table = FeatureTable(model.features)
        self.start = start
        self.classes = classes
        self.weights = weights
    }

    /// Adds each feature's class weights into `scores` (`classCount` entries: zeros or a prior).
    @inline(__always)
    func accumulate(_ featureHashes: [UInt64], into scores: inout [Float]) {
        start.withUnsafeBufferPointer { start in
            classes.withUnsafeBufferPointer { classes in
                weights.withUnsafeBufferPointer { weights in
                    scores.withUnsafeMutableBufferPointer { out in
                        for h in featureHashes {
                            guard let row = table.row(FeatureTable.nonZero(h)) else { continue }
                            for k in Int(start[row])..<Int(start[row + 1]) { out[Int(classes[k])] += weights[k] }
                        }
                    }
                }
            }
        }
    }
}
