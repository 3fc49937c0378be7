import Foundation

/// Trains the BILOU named-entity model on CoNLL-2003 (IOB1, four columns), choosing the number of
/// passes on the dev set. Deterministic: documents are shuffled with a seeded generator.
public struct NERTrainer {
    public struct Sentence: Sendable {
        public var words: [String]
        /// Gold labels as indices into `NamedEntityTagger.classes` (BILOU).
        public var labels: [Int]
        /// Gold IOB1 tags as read.
        public var gold: [String]
        /// The file's part-of-speech column (automatic Penn Treebank tags in CoNLL-2003).
        public var pos: [String] = []
    }
    public typealias Document = [Sentence]

    public struct Score: CustomStringConvertible, Sendable {
        public var precision, recall, f1: Double
        public var description: String { String(format: "P %.4f R %.4f F1 %.4f", precision, recall, f1) }
    }

    public var iterations = 15
    public var seed: UInt64 = 20_250_623
    /// Averaged weights below this are dropped (keeps the model under 50 MB).
    public var pruneBelow: Float = 0.004
    /// Perceptrons trained on differently shuffled data, averaged into the model (less variance).
    public var bagging = 4
    /// Read the part-of-speech column (at inference: the tagger's Penn Treebank tags).
    public var partOfSpeech = true
    public init() {}

    /// Parses CoNLL-2003 text into documents (split at `-DOCSTART-`).
    public static func parse(_ content: String) -> [Document] {
        var documents: [Document] = []
        var document: Document = []
        var words: [String] = [], tags: [String] = [], pos: [String] = []
        func finishSentence() {
            if !words.isEmpty { document.append(Sentence(words: words, labels: bilou(tags), gold: tags, pos: pos)) }
            words = []; tags = []; pos = []
        }
        func finishDocument() {
            finishSentence()
            if !document.isEmpty { documents.append(document) }
            document = []
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let cols = line.split(separator: " ")
            if cols.isEmpty { finishSentence(); continue }
            if cols[0] == "-DOCSTART-" { finishDocument(); continue }
            words.append(String(cols[0]))
            tags.append(String(cols[cols.count - 1]))
            pos.append(cols.count >= 4 ? String(cols[1]) : "")
        }
        finishDocument()
        return documents
    }

    /// IOB1 (or IOB2) tags → BILOU class indices.
    public static func bilou(_ tags: [String]) -> [Int] {
        let chunks = spans(tags)
        var out = [Int](repeating: 0, count: tags.count)
        for (range, type) in chunks {
            guard let t = NamedEntityTagger.types.firstIndex(of: type) else { continue }
            let base = 1 + t * 4
            if range.count == 1 { out[range.lowerBound] = base + 3; continue }
            for i in range { out[i] = base + 1 }
            out[range.lowerBound] = base
            out[range.upperBound - 1] = base + 2
        }
        return out
    }

    /// Chunks of IOB1/IOB2 tags (conlleval rules).
    public static func spans(_ tags: [String]) -> [(Range<Int>, String)] {
        var result: [(Range<Int>, String)] = []
        var start = -1, type = ""
        for (i, tag) in tags.enumerated() {
            let prefix = tag.first ?? "O"
            let t = tag.count > 2 ? String(tag.dropFirst(2)) : ""
            let begins = prefix == "B" || (prefix == "I" && (start < 0 || t != type))
            if start >= 0 && (prefix == "O" || begins) { result.append((start..<i, type)); start = -1 }
            if begins { start = i; type = t }
        }
        if start >= 0 { result.append((start..<tags.count, type)) }
        return result
    }

    /// Entity-level exact-match micro P/R/F1 of the tagger on gold-tokenised documents.
    public static func score(_ tagger: NamedEntityTagger, _ documents: [Document]) -> Score {
        var tp = 0, predicted = 0, gold = 0
        for document in documents {
            let labels = tagger.tag(document: document.map(\.words), tags: document.map(\.pos))
            for (sentence, predictedLabels) in zip(document, labels) {
                let g = Set(spans(sentence.gold).map { "\($0.0.lowerBound):\($0.0.upperBound):\($0.1)" })
                let p = Set(NamedEntityTagger.mentions(predictedLabels).map { "\($0.tokens.lowerBound):\($0.tokens.upperBound):\($0.type)" })
                tp += g.intersection(p).count; predicted += p.count; gold += g.count
            }
        }
        let p = Double(tp) / Double(max(predicted, 1)), r = Double(tp) / Double(max(gold, 1))
        return Score(precision: p, recall: r, f1: p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    /// Trains for up to `iterations` passes and returns the averaged model of the pass with the best dev F1.
    public func train(_ train: [Document], dev: [Document], gazetteer: Gazetteer, progress: (String) -> Void) -> LinearModel {
        let classes = NamedEntityTagger.classes
        let prepared = train.map { doc in doc.map { NERFeatures.Sentence($0.words, gazetteer: gazetteer, tags: partOfSpeech ? $0.pos : nil) } }
        var runs = (0..<bagging).map { k in
            (perceptron: AveragedPerceptron(classes: classes), order: Array(train.indices), rng: SeededGenerator(seed: seed &+ UInt64(k)))
        }
        var buffer: [UInt64] = []
        var best: (model: LinearModel?, iteration: Int, score: Score) = (nil, 0, Score(precision: 0, recall: 0, f1: -1))
        let flag = ["pos": partOfSpeech ? "1" : "0"]
        for iteration in 1...iterations {
            var errors = 0, total = 0
            for r in runs.indices {
                var order = runs[r].order, rng = runs[r].rng
                rng.shuffle(&order)
                runs[r].order = order
                runs[r].rng = rng
                for d in runs[r].order {
                    // Pass 1 (no updates) fills the document history, pass 2 learns with it (as `tag` does).
                    var history = NERFeatures.History()
                    var first: [[Int]] = []
                    for sentence in prepared[d] {
                        var labels = [Int](repeating: 0, count: sentence.words.count)
                        for i in 0..<sentence.words.count {
                            NERFeatures.extract(sentence, i, labels, history, into: &buffer)
                            labels[i] = NERFeatures.bestValid(runs[r].perceptron.scores(buffer), previous: i > 0 ? labels[i - 1] : 0)
                        }
                        history.record(sentence, labels)
                        first.append(labels)
                    }
                    for (s, (sentence, gold)) in zip(prepared[d], train[d]).enumerated() {
                        var labels = [Int](repeating: 0, count: gold.words.count)
                        for i in 0..<gold.words.count {
                            NERFeatures.extract(sentence, i, labels, history,
                                                own: sentence.words[i].capitalised || sentence.allCaps ? first[s][i] : -1, into: &buffer)
                            let scores = runs[r].perceptron.scores(buffer)
                            let guess = NERFeatures.bestValid(scores, previous: i > 0 ? labels[i - 1] : 0)
                            runs[r].perceptron.update(features: buffer, truth: gold.labels[i], guess: guess)
                            if guess != gold.labels[i] { errors += 1 }
                            total += 1
                            labels[i] = guess
                        }
                    }
                }
            }
            let model = runs.map { $0.perceptron.averaged(name: NamedEntityTagger.modelName, metadata: flag, pruneBelow: pruneBelow) }
                .mean(metadata: flag)
            let score = Self.score(NamedEntityTagger(model: model, gazetteer: gazetteer), dev)
            progress(String(format: "iteration %d: train token error %.4f, dev %@, %d features", iteration,
                            Double(errors) / Double(max(total, 1)), score.description, model.features.count))
            if score.f1 > best.score.f1 { best = (model, iteration, score) }
        }
        progress("chose iteration \(best.iteration) (dev \(best.score))")
        let model = best.model!
        let metadata = ["trained_on": "CoNLL-2003 English train (eng.train)", "selected_on": "CoNLL-2003 English dev (eng.testa)",
                        "iterations": String(best.iteration), "seed": String(seed), "prune_below": String(pruneBelow),
                        "dev_f1": String(format: "%.4f", best.score.f1), "labels": "BILOU",
                        "gazetteer": "lexicons/gazetteer.tsv", "bagging": String(bagging), "pos": partOfSpeech ? "1" : "0"]
        return LinearModel(name: model.name, classes: model.classes, metadata: metadata, features: model.features, weights: model.weights)
    }
}
