/// Trains a `LinearModel` with the averaged perceptron (Collins 2002), averaging lazily as in
/// Honnibal's tagger: each weight remembers when it last changed, so an update costs O(features).
///
/// Training is deterministic: no randomness unless the caller shuffles with a seeded generator,
/// and dictionary order never reaches the output (features are sorted when the model is built).
public struct AveragedPerceptron {
    public let classes: [String]
    private var rowOf: [UInt64: Int] = [:]
    /// Flat row-major tables, `classes.count` entries per feature row.
    private var weights: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int] = []
    private var instances = 0

    public init(classes: [String]) {
        precondition(classes.count >= 2)
        self.classes = classes
    }

    public func scores(_ features: [UInt64]) -> [Float] {
        let n = classes.count
        var scores = [Float](repeating: 0, count: n)
        for f in features {
            guard let row = rowOf[FeatureTable.nonZero(f)] else { continue }
            for c in 0..<n { scores[c] += weights[row * n + c] }
        }
        return scores
    }

    public func predict(_ features: [UInt64]) -> Int { LinearModel.argmax(scores(features)) }

    /// One training instance: if the guess is wrong, move weights towards the truth.
    public mutating func update(features: [UInt64], truth: Int, guess: Int) {
        instances += 1
        guard truth != guess else { return }
        for raw in features {
            let row = rowIndex(FeatureTable.nonZero(raw))
            change(row, truth, +1)
            change(row, guess, -1)
        }
    }

    private mutating func rowIndex(_ f: UInt64) -> Int {
        if let row = rowOf[f] { return row }
        let row = rowOf.count
        rowOf[f] = row
        weights.append(contentsOf: repeatElement(0, count: classes.count))
        totals.append(contentsOf: repeatElement(0, count: classes.count))
        stamps.append(contentsOf: repeatElement(0, count: classes.count))
        return row
    }

    private mutating func change(_ row: Int, _ c: Int, _ delta: Float) {
        let i = row * classes.count + c
        totals[i] += Double(instances - stamps[i]) * Double(weights[i])
        stamps[i] = instances
        weights[i] += delta
    }

    /// The averaged model; features whose averaged weights are all below `pruneBelow` are dropped.
    public func averaged(name: String, metadata: [String: String], pruneBelow: Float = 1e-3) -> LinearModel {
        let n = classes.count
        var keptFeatures: [UInt64] = []
        var keptWeights: [Float] = []
        var average = [Float](repeating: 0, count: n)
        for (f, row) in rowOf.sorted(by: { $0.key < $1.key }) {
            for c in 0..<n {
                let i = row * n + c
                let total = totals[i] + Double(instances - stamps[i]) * Double(weights[i])
                average[c] = Float(total / Double(max(instances, 1)))
            }
            guard average.contains(where: { abs($0) >= pruneBelow }) else { continue }
            keptFeatures.append(f)
            keptWeights.append(contentsOf: average)
        }
        return LinearModel(name: name, classes: classes, metadata: metadata, features: keptFeatures, weights: keptWeights)
    }
}
