/// Spherical k-means over words' neighbour profiles, the clustering behind `TaggerWordClasses`.
///
/// A word's profile counts its left and right neighbours among the `contextWords` most frequent
/// words (rarer neighbours share one "other" slot, sentence edges one "edge" slot); counts are
/// square-rooted (so a few very frequent neighbours do not swamp the rest) and the vector is scaled
/// to unit length, so the dot product is the cosine. Seeds are picked k-means++ style with a seeded
/// generator, and every loop runs in a fixed order on one thread: the same text gives the same classes.
struct TaggerClustering {
    static let contextWords = 300
    static let iterations = 12

    /// Sparse unit vectors, one per vocabulary rank.
    private var vectors: [[(dimension: Int, value: Float)]] = []
    private let dimensions: Int

    /// - Parameters:
    ///   - sentences: word ids per sentence.
    ///   - rank: each id's vocabulary rank (by frequency), -1 for words outside the vocabulary.
    ///   - vocabulary: how many ranks there are.
    init(sentences: [[Int]], rank: [Int], vocabulary: Int) {
        let k = min(Self.contextWords, vocabulary)
        let side = k + 2
        dimensions = 2 * side
        var counts = [Float](repeating: 0, count: vocabulary * dimensions)
        func context(_ id: Int?) -> Int {
            guard let id else { return k + 1 }
            let r = rank[id]
            return r >= 0 && r < k ? r : k
        }
        for ids in sentences {
            for (i, id) in ids.enumerated() {
                let r = rank[id]
                guard r >= 0 else { continue }
                counts[r * dimensions + context(i > 0 ? ids[i - 1] : nil)] += 1
                counts[r * dimensions + side + context(i + 1 < ids.count ? ids[i + 1] : nil)] += 1
            }
        }
        vectors.reserveCapacity(vocabulary)
        for r in 0..<vocabulary {
            var v: [(dimension: Int, value: Float)] = []
            var norm: Float = 0
            for d in 0..<dimensions where counts[r * dimensions + d] > 0 {
                let x = counts[r * dimensions + d].squareRoot()
                v.append((d, x))
                norm += x * x
            }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            vectors.append(v.map { ($0.dimension, $0.value * scale) })
        }
    }

    /// The class (0..<classes) of each vocabulary rank.
    func cluster(_ requested: Int, seed: UInt64) -> [Int] {
        let n = vectors.count
        guard n > 0 else { return [] }
        let classes = min(requested, n)
        var rng = SeededGenerator(seed: seed)
        // Centroids stored dimension-major, so scoring one sparse word against all of them is a
        // run of contiguous multiply-adds per non-zero dimension.
        var centroids = [Float](repeating: 0, count: dimensions * classes)
        func setCentroid(_ c: Int, _ dense: [Float]) {
            for d in 0..<dimensions { centroids[d * classes + c] = dense[d] }
        }
        // k-means++ seeds: each next seed drawn with probability proportional to its squared
        // distance from the nearest seed so far (2 − 2·cosine for unit vectors).
        var nearest = [Float](repeating: -1, count: n)
        var chosen = Int(rng.next() % UInt64(n))
        for c in 0..<classes {
            var dense = [Float](repeating: 0, count: dimensions)
            for (d, x) in vectors[chosen] { dense[d] = x }
            setCentroid(c, dense)
            var total = 0.0
            for i in 0..<n {
                var s: Float = 0
                for (d, x) in vectors[i] { s += x * dense[d] }
                if s > nearest[i] { nearest[i] = s }
                total += Double(max(0, 2 - 2 * nearest[i]))
            }
            guard total > 0 else { break }
            var target = Double(rng.next() >> 11) / Double(1 << 53) * total
            chosen = n - 1
            for i in 0..<n {
                target -= Double(max(0, 2 - 2 * nearest[i]))
                if target < 0 { chosen = i; break }
            }
        }
        var assignment = [Int](repeating: -1, count: n)
        var scores = [Float](repeating: 0, count: classes)
        for _ in 0..<Self.iterations {
            var changed = 0
            for i in 0..<n {
                for c in 0..<classes { scores[c] = 0 }
                centroids.withUnsafeBufferPointer { m in
                    scores.withUnsafeMutableBufferPointer { out in
                        for (d, x) in vectors[i] {
                            let base = d * classes
                            for c in 0..<classes { out[c] += x * m[base + c] }
                        }
                    }
                }
                let best = LinearModel.argmax(scores)
                if best != assignment[i] { changed += 1; assignment[i] = best }
            }
            if changed == 0 { break }
            var sums = [Float](repeating: 0, count: dimensions * classes)
            var members = [Int](repeating: 0, count: classes)
            for i in 0..<n {
                let c = assignment[i]
                members[c] += 1
                for (d, x) in vectors[i] { sums[d * classes + c] += x }
            }
            for c in 0..<classes where members[c] > 0 {
                var norm: Float = 0
                for d in 0..<dimensions { norm += sums[d * classes + c] * sums[d * classes + c] }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                for d in 0..<dimensions { centroids[d * classes + c] = sums[d * classes + c] * scale }
            }
        }
        return assignment
    }
}
