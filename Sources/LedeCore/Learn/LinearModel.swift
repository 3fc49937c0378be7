/// A trained multi-class linear model over hashed sparse features: the inference half of the
/// averaged perceptron, shared by every statistical stage (sentences, tagger, parser, NER).
public struct LinearModel: Sendable {
    public let name: String
    public let classes: [String]
    /// Free-form facts about training (data, iterations, dev accuracy), kept in the file header.
    public let metadata: [String: String]
    let features: [UInt64]
    /// Row-major: `weights[row * classes.count + class]`.
    let weights: [Float]
    let table: FeatureTable

    init(name: String, classes: [String], metadata: [String: String], features: [UInt64], weights: [Float]) {
        precondition(weights.count == features.count * classes.count)
        self.name = name
        self.classes = classes
        self.metadata = metadata
        self.features = features
        self.weights = weights
        self.table = FeatureTable(features)
    }

    /// Adds each feature's class weights into `scores` (which must hold `classes.count` zeros or a prior).
    @inline(__always)
    public func accumulate(_ featureHashes: [UInt64], into scores: inout [Float]) {
        let n = classes.count
        weights.withUnsafeBufferPointer { w in
            scores.withUnsafeMutableBufferPointer { out in
                for h in featureHashes {
                    guard let row = table.row(FeatureTable.nonZero(h)) else { continue }
                    let base = row * n
                    for c in 0..<n { out[c] += w[base + c] }
                }
            }
        }
    }

    /// The best-scoring class index.
    public func predict(_ featureHashes: [UInt64]) -> Int {
        var scores = [Float](repeating: 0, count: classes.count)
        accumulate(featureHashes, into: &scores)
        return Self.argmax(scores)
    }

    /// Ties go to the lower class index, so prediction is deterministic.
    public static func argmax(_ scores: [Float]) -> Int {
        var best = 0
        for i in 1..<scores.count where scores[i] > scores[best] { best = i }
        return best
    }
}
