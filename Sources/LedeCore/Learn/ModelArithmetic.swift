extension Array where Element == LinearModel {
    /// The element-wise sum of models over the same classes (a feature missing from one weighs 0
    /// there): the tagger's two passes, whose feature keys are disjoint, become one model this way.
    func sum(metadata: [String: String] = [:]) -> LinearModel {
        let n = self[0].classes.count
        var sums: [UInt64: [Float]] = [:]
        for model in self {
            for (row, f) in model.features.enumerated() {
                var w = sums[f] ?? [Float](repeating: 0, count: n)
                for c in 0..<n { w[c] += model.weights[row * n + c] }
                sums[f] = w
            }
        }
        let keys = sums.keys.sorted()
        return LinearModel(name: self[0].name, classes: self[0].classes, metadata: metadata, features: keys,
                           weights: keys.flatMap { sums[$0]! })
    }

    /// The models' classes side by side over the union of their features (a feature a model lacks
    /// weighs 0 in its columns): one table that scores every model with one lookup per feature.
    /// Class names of later models are suffixed with their position ("0", "1", "0#2", "1#2").
    func sideBySide(metadata: [String: String] = [:]) -> LinearModel {
        let offsets = reduce(into: [0]) { $0.append($0.last! + $1.classes.count) }
        let width = offsets.last!
        var rows: [UInt64: [Float]] = [:]
        for (k, model) in enumerated() {
            let n = model.classes.count
            for (row, f) in model.features.enumerated() {
                var w = rows[f] ?? [Float](repeating: 0, count: width)
                for c in 0..<n { w[offsets[k] + c] = model.weights[row * n + c] }
                rows[f] = w
            }
        }
        let classes = enumerated().flatMap { k, model in model.classes.map { k == 0 ? $0 : "\($0)#\(k + 1)" } }
        let keys = rows.keys.sorted()
        return LinearModel(name: self[0].name, classes: classes, metadata: metadata, features: keys,
                           weights: keys.flatMap { rows[$0]! })
    }

    /// The element-wise mean: how every trainer turns perceptrons trained in different orders into
    /// one model, which scores as fast as any of them. One model is returned as it is, metadata included.
    func mean(metadata: [String: String] = [:]) -> LinearModel {
        if count == 1 { return self[0] }
        let total = sum(metadata: metadata)
        let scale = 1 / Float(count)
        return LinearModel(name: total.name, classes: total.classes, metadata: metadata, features: total.features,
                           weights: total.weights.map { $0 * scale })
    }
}
