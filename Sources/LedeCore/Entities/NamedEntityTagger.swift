import Foundation

/// Statistical named-entity recogniser: greedy left-to-right BILOU tagging with an averaged
/// perceptron (`LinearModel`), rich local features, gazetteer hits and a document-level
/// prediction history (Ratinov & Roth 2009: what this word was tagged earlier in the document).
public struct NamedEntityTagger: Sendable {
    public static let modelName = "ner"
    public static let types = ["PER", "ORG", "LOC", "MISC"]
    /// "O", then B-/I-/L-/U- for each type.
    public static let classes: [String] = ["O"] + types.flatMap { t in ["B-\(t)", "I-\(t)", "L-\(t)", "U-\(t)"] }

    let model: LinearModel
    /// The model's weights packed for scoring.
    let weights: SparseWeights
    let gazetteer: Gazetteer
    /// Whether the model reads Penn Treebank part-of-speech tags (metadata "pos" = "1").
    public var usesPartOfSpeech: Bool { model.metadata["pos"] == "1" }

    public init(model: LinearModel, gazetteer: Gazetteer) {
        precondition(model.classes == Self.classes, "not a BILOU NER model")
        self.model = model
        self.weights = SparseWeights(model)
        self.gazetteer = gazetteer
    }

    /// A named-entity mention over token indices of the input.
    public struct Mention: Sendable, Equatable {
        public let tokens: Range<Int>
        public let type: String
    }

    /// Tags a document given as sentences of words; returns BILOU labels per word.
    /// - Parameter tags: Penn Treebank tags per word (used when the model was trained with them).
    public func tag(document sentences: [[String]], tags: [[String]]? = nil) -> [[String]] {
        var history = NERFeatures.History()
        var buffer: [UInt64] = []
        buffer.reserveCapacity(64)
        var scores = [Float](repeating: 0, count: Self.classes.count)
        var scratch = FingerprintTable.Scratch()
        let usePOS = usesPartOfSpeech
        let prepared = sentences.enumerated().map { k, words in
            NERFeatures.Sentence(words, gazetteer: gazetteer, tags: usePOS ? tags?[k] : nil)
        }
        // Two passes: the second sees what the first predicted for each word anywhere in the document.
        var labels = prepared.map { [Int](repeating: 0, count: $0.words.count) }
        for pass in 0..<2 {
            let fixed = history
            for (k, sentence) in prepared.enumerated() {
                for i in 0..<sentence.words.count {
                    NERFeatures.extract(sentence, i, labels[k], pass == 0 ? history : fixed,
                                        own: pass == 0 || !(sentence.words[i].capitalised || sentence.allCaps) ? -1 : labels[k][i], into: &buffer)
                    for c in scores.indices { scores[c] = 0 }
                    weights.accumulate(buffer, into: &scores, &scratch)
                    labels[k][i] = NERFeatures.bestValid(scores, previous: i > 0 ? labels[k][i - 1] : 0)
                }
                if pass == 0 { history.record(sentence, labels[k]) }
            }
        }
        return labels.map { $0.map { Self.classes[$0] } }
    }

    /// Mentions from BILOU labels (lenient: an unfinished B-/I- run ends where the type changes).
    public static func mentions(_ labels: [String]) -> [Mention] {
        var result: [Mention] = []
        var start = -1, type = ""
        for (i, label) in labels.enumerated() {
            let prefix = label.first ?? "O"
            let t = label.count > 2 ? String(label.dropFirst(2)) : ""
            if start >= 0 && (prefix == "O" || prefix == "B" || prefix == "U" || t != type) {
                result.append(Mention(tokens: start..<i, type: type)); start = -1
            }
            switch prefix {
            case "U": result.append(Mention(tokens: i..<(i + 1), type: t))
            case "B", "I": if start < 0 { start = i; type = t }
            case "L":
                if start < 0 { start = i; type = t }
                result.append(Mention(tokens: start..<(i + 1), type: type)); start = -1
            default: break
            }
        }
        if start >= 0 { result.append(Mention(tokens: start..<labels.count, type: type)) }
        return result
    }
}

/// Feature extraction shared by training and inference.
enum NERFeatures {
    static let classCount = NamedEntityTagger.classes.count

    /// Per-word values computed once per sentence.
    struct Word {
        var word: UInt64, lower: UInt64, shape: UInt64, short: UInt64
        var prefixes: (UInt64, UInt64, UInt64, UInt64), suffixes: (UInt64, UInt64, UInt64, UInt64)
        var capitalised: Bool
        var gazetteer: UInt64
        var pos: UInt64 = 0
    }

    struct Sentence {
        var words: [Word]
        var allCaps: Bool

        var hasPOS = false

        init(_ forms: [String], gazetteer: Gazetteer, tags: [String]? = nil) {
            var letters = 0, upper = 0
            words = forms.map { form in
                let lower = form.lowercased()
                var shape = FeatureHash.offsetBasis, short = FeatureHash.offsetBasis
                var last: UInt32 = 0, shapeLength = 0
                var capitalised = false
                for (k, s) in form.unicodeScalars.enumerated() {
                    // ASCII fast paths (`ScalarClass`): Unicode property lookups were 15 % of tagging.
                    let isUpper = ScalarClass.isUppercase(s), isLower = !isUpper && ScalarClass.isLowercase(s)
                    let isNumeric = s.value < 0x80 ? ScalarClass.isDigit(s) : s.properties.numericType != nil
                    let c: UInt32 = isUpper ? 88 : isLower ? 120 : isNumeric ? 100 : s.value
                    if k == 0 { capitalised = isUpper }
                    if isUpper { upper += 1; letters += 1 } else if isLower { letters += 1 }
                    if shapeLength < 6 || c != last { shape ^= UInt64(c); shape &*= FeatureHash.prime; shapeLength += 1 }
                    if c != last { short ^= UInt64(c); short &*= FeatureHash.prime }
                    last = c
                }
                let scalars = Array(lower.unicodeScalars)
                var pre: [UInt64] = [], suf: [UInt64] = []
                var h = FeatureHash.offsetBasis
                for k in 0..<4 {
                    if k < scalars.count { h ^= UInt64(scalars[k].value); h &*= FeatureHash.prime }
                    pre.append(k < scalars.count ? h : 0)
                }
                h = FeatureHash.offsetBasis
                for k in 0..<4 {
                    if k < scalars.count { h ^= UInt64(scalars[scalars.count - 1 - k].value); h &*= FeatureHash.prime }
                    suf.append(k < scalars.count ? h : 0)
                }
                return Word(word: FeatureHash.string(form), lower: FeatureHash.string(lower), shape: shape, short: short,
                            prefixes: (pre[0], pre[1], pre[2], pre[3]), suffixes: (suf[0], suf[1], suf[2], suf[3]),
                            capitalised: capitalised, gazetteer: 0)
            }
            if let tags, tags.count == forms.count {
                hasPOS = true
                for (i, t) in tags.enumerated() { words[i].pos = FeatureHash.string(t) }
            }
            allCaps = letters >= 8 && upper * 10 >= letters * 9
            for m in gazetteer.matches(forms) {
                let kind = FeatureHash.string(m.entry.type + (m.entry.subtype ?? ""))
                for i in m.tokens {
                    let position: UInt64 = m.tokens.count == 1 ? 1 : i == m.tokens.lowerBound ? 2 : i == m.tokens.upperBound - 1 ? 3 : 4
                    words[i].gazetteer = FeatureHash.combine(kind, position)
                }
            }
        }
    }

    /// Types given earlier in the document to each capitalised word (by lower-case hash).
    struct History {
        var counts: [UInt64: (Int32, Int32, Int32, Int32, Int32)] = [:]

        init() {}

        mutating func record(_ sentence: Sentence, _ labels: [Int]) {
            for (i, w) in sentence.words.enumerated() where w.capitalised {
                var c = counts[w.lower] ?? (0, 0, 0, 0, 0)
                switch labels[i] == 0 ? 0 : (labels[i] - 1) / 4 + 1 {
                case 0: c.0 += 1
                case 1: c.1 += 1
                case 2: c.2 += 1
                case 3: c.3 += 1
                default: c.4 += 1
                }
                counts[w.lower] = c
            }
        }

        /// 0 for no history, else 1 + the majority type (O counts as a type).
        func majority(_ lower: UInt64, excluding own: Int = -1) -> UInt64 {
            guard let c = counts[lower] else { return 0 }
            var values = [c.0, c.1, c.2, c.3, c.4]
            if own >= 0 {
                values[own == 0 ? 0 : (own - 1) / 4 + 1] -= 1
                if values.allSatisfy({ $0 <= 0 }) { return 0 }
            }
            var best = 0
            for k in 1..<5 where values[k] > values[best] { best = k }
            return UInt64(best + 1)
        }
    }

    @inline(__always)
    static func f(_ template: UInt64, _ value: UInt64) -> UInt64 { FeatureHash.feature(template, value) }

    static let none: UInt64 = 0x5f5f_5f5f

    static func extract(_ s: Sentence, _ i: Int, _ labels: [Int], _ history: History, own: Int = -1, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let w = s.words[i]
        let n = s.words.count
        func at(_ k: Int) -> Word? { k >= 0 && k < n ? s.words[k] : nil }
        let p1 = at(i - 1), p2 = at(i - 2), n1 = at(i + 1), n2 = at(i + 2)
        let l1 = UInt64(i > 0 ? labels[i - 1] : 99), l2 = UInt64(i > 1 ? labels[i - 2] : 99)
        out.append(f(1, 0))
        out.append(f(2, w.word))
        out.append(f(3, w.lower))
        out.append(f(4, w.shape))
        out.append(f(5, w.prefixes.0)); out.append(f(6, w.prefixes.1)); out.append(f(7, w.prefixes.2)); out.append(f(8, w.prefixes.3))
        out.append(f(9, w.suffixes.0)); out.append(f(10, w.suffixes.1)); out.append(f(11, w.suffixes.2)); out.append(f(12, w.suffixes.3))
        out.append(f(13, p1?.lower ?? none))
        out.append(f(14, n1?.lower ?? none))
        out.append(f(15, p2?.lower ?? none))
        out.append(f(16, n2?.lower ?? none))
        out.append(f(17, FeatureHash.combine(p1?.short ?? none, w.shape)))
        out.append(f(18, FeatureHash.combine(w.shape, n1?.short ?? none)))
        out.append(f(19, l1))
        out.append(f(20, FeatureHash.combine(l2, l1)))
        out.append(f(21, FeatureHash.combine(l1, w.lower)))
        out.append(f(22, FeatureHash.combine(l1, w.shape)))
        out.append(f(23, FeatureHash.combine(UInt64(min(i, 2)), w.short)))
        if s.allCaps {
            out.append(f(24, w.short))
            out.append(f(25, w.lower))
        }
        out.append(f(26, w.gazetteer))
        out.append(f(27, FeatureHash.combine(p1?.gazetteer ?? none, n1?.gazetteer ?? none)))
        if w.capitalised || s.allCaps {
            out.append(f(29, history.majority(w.lower, excluding: own)))
        }
        out.append(f(45, FeatureHash.combine(p1?.word ?? none, w.word)))
        out.append(f(46, FeatureHash.combine(w.word, n1?.word ?? none)))
        out.append(f(30, FeatureHash.combine(p1?.lower ?? none, w.lower)))
        out.append(f(31, FeatureHash.combine(w.lower, n1?.lower ?? none)))
        out.append(f(32, FeatureHash.combine(p1?.short ?? none, FeatureHash.combine(w.short, n1?.short ?? none))))
        out.append(f(33, FeatureHash.combine(p1?.word ?? none, w.short)))
        out.append(f(34, FeatureHash.combine(n1?.word ?? none, w.short)))
        out.append(f(35, FeatureHash.combine(l1, FeatureHash.combine(p1?.lower ?? none, w.short))))
        out.append(f(36, FeatureHash.combine(w.suffixes.2, n1?.short ?? none)))
        if s.hasPOS {
            out.append(f(40, w.pos))
            out.append(f(41, FeatureHash.combine(p1?.pos ?? none, w.pos)))
            out.append(f(42, FeatureHash.combine(w.pos, n1?.pos ?? none)))
            out.append(f(43, FeatureHash.combine(w.pos, w.short)))
            out.append(f(44, FeatureHash.combine(l1, w.pos)))
        }
    }

    /// Is `next` allowed after `previous` in BILOU?
    @inline(__always)
    static func valid(_ previous: Int, _ next: Int) -> Bool {
        let prevOpen = previous != 0 && (previous - 1) % 4 < 2 // B or I
        if next == 0 { return !prevOpen }
        let kind = (next - 1) % 4, type = (next - 1) / 4
        if prevOpen {
            return (kind == 1 || kind == 2) && type == (previous - 1) / 4
        }
        return kind == 0 || kind == 3
    }

    static func bestValid(_ scores: [Float], previous: Int) -> Int {
        var best = -1
        for c in 0..<scores.count where valid(previous, c) {
            if best < 0 || scores[c] > scores[best] { best = c }
        }
        return best
    }
}
