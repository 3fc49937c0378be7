/// Decides after which tokens a sentence ends, with an averaged-perceptron classifier trained on
/// UD English-EWT (`lede train sentences`).
///
/// Every token is a candidate, not only `.!?`: web and news text has headlines, list items and
/// quotes that end sentences without a period. A paragraph end always ends a sentence.
/// Decoding is greedy left to right; "tokens since the last boundary" is a feature, so the model
/// learns that very short sentences are rare.
public struct SentenceSplitter: Sendable {
    public static let modelName = "sentences"
    let model: LinearModel
    /// Margin (boundary score minus no-boundary score) above which a sentence ends; chosen on
    /// held-out training documents by the trainer and stored in the model's metadata.
    let threshold: Float

    public init(model: LinearModel, threshold: Float? = nil) {
        self.model = model
        self.threshold = threshold ?? model.metadata["threshold"].flatMap(Float.init) ?? 0
    }

    /// For each token of one paragraph, whether a sentence ends after it.
    func boundaries(_ features: [TokenFeatures], spaceAfter: [Bool]) -> [Bool] {
        var ends = [Bool](repeating: false, count: features.count)
        guard !features.isEmpty else { return ends }
        var sinceBoundary = 0
        var titleRun = true
        var buffer: [UInt64] = []
        buffer.reserveCapacity(32)
        var scores: [Float] = [0, 0]
        for i in 0..<(features.count - 1) {
            titleRun = (sinceBoundary == 0 || titleRun) && Self.isTitleLike(features[i])
            Self.extract(features, spaceAfter, at: i, sinceBoundary: sinceBoundary, titleRun: titleRun, into: &buffer)
            scores[0] = 0
            scores[1] = 0
            model.accumulate(buffer, into: &scores)
            if scores[1] - scores[0] > threshold {
                ends[i] = true
                sinceBoundary = 0
            } else {
                sinceBoundary += 1
            }
        }
        ends[features.count - 1] = true
        return ends
    }

    /// The features of "a sentence ends after token `i`".
    /// Capitalised words and punctuation: a run of these from the sentence start looks like a title.
    static func isTitleLike(_ t: TokenFeatures) -> Bool { t.startsUpper || t.isPunctuation }

    static func extract(_ t: [TokenFeatures], _ spaceAfter: [Bool], at i: Int, sinceBoundary: Int, titleRun: Bool,
                        into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        let none: UInt64 = 0x5EED
        let cur = t[i]
        let next = i + 1 < t.count ? t[i + 1] : nil
        let next2 = i + 2 < t.count ? t[i + 2] : nil
        let prev = i > 0 ? t[i - 1] : nil
        let nextLower = next?.lower ?? none, nextShape = next?.shape ?? none
        let prevLower = prev?.lower ?? none
        func add(_ template: UInt64, _ value: UInt64) { f.append(FeatureHash.feature(template, value)) }
        add(1, 0)
        add(2, cur.lower)
        add(3, nextLower)
        add(4, prevLower)
        add(5, cur.shape)
        add(6, nextShape)
        add(7, next2?.shape ?? none)
        add(8, FeatureHash.combine(cur.lower, nextShape))
        add(9, FeatureHash.combine(prevLower, cur.lower))
        add(10, FeatureHash.combine(cur.lower, nextLower))
        add(11, FeatureHash.combine(cur.endsWithPeriod ? 1 : 0, next?.startsUpper == true ? 1 : 0))
        add(12, FeatureHash.combine(cur.suffix3, nextShape))
        add(13, FeatureHash.combine(spaceAfter[i] ? 1 : 0, cur.shape))
        add(14, FeatureHash.combine(UInt64(cur.quoteSide), UInt64(next?.quoteSide ?? 9)))
        add(15, FeatureHash.combine(prev?.shape ?? none, FeatureHash.combine(cur.shape, nextShape)))
        add(16, UInt64(min(t.count - 1 - i, 6)))
        add(17, FeatureHash.combine(UInt64(bucket(sinceBoundary)), cur.shape))
        add(18, FeatureHash.combine(UInt64(bucket(sinceBoundary)), next?.startsUpper == true ? 1 : 0))
        add(19, FeatureHash.combine(prevLower, FeatureHash.combine(cur.lower, nextShape)))
        // Sentences without final punctuation (headlines, titles, sign-offs): what follows decides.
        add(20, FeatureHash.combine(cur.shape, nextLower))
        add(21, FeatureHash.combine(cur.isPunctuation ? 1 : 0, nextLower))
        add(22, FeatureHash.combine(nextLower, next2?.shape ?? none))
        add(23, next2?.lower ?? none)
        add(24, FeatureHash.combine(cur.lower, UInt64(bucket(sinceBoundary))))
        add(25, FeatureHash.combine(prev?.shape ?? none, cur.lower))
        add(26, FeatureHash.combine(UInt64(bucket(i)), FeatureHash.combine(cur.shape, nextShape)))
        add(27, FeatureHash.combine(titleRun ? 1 : 0, FeatureHash.combine(UInt64(bucket(sinceBoundary)), nextShape)))
        add(28, FeatureHash.combine(UInt64(cur.kind), UInt64(next?.kind ?? 99)))
    }

    static func bucket(_ n: Int) -> Int {
        switch n {
        case 0...3: return n
        case 4...6: return 4
        case 7...10: return 5
        case 11...20: return 6
        case 21...40: return 7
        default: return 8
        }
    }
}
