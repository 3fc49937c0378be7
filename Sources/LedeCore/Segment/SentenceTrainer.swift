import Foundation

/// Trains the sentence-boundary model on UD treebanks: each document's sentences are joined by
/// single spaces (the hardest case: no line break helps), tokenized by Lede's own tokenizer, and
/// each token is labelled by whether a gold sentence ends with it.
public struct SentenceTrainer {
    public struct Example {
        let features: [TokenFeatures]
        let spaceAfter: [Bool]
        let ends: [Bool]
        /// Gold sentence spans in the joined text (for scoring).
        let gold: Set<TextSpan>
        let tokenSpans: [TextSpan]
    }

    public struct Score: CustomStringConvertible {
        public let precision, recall, f1: Double
        public var description: String { String(format: "P %.4f R %.4f F1 %.4f", precision, recall, f1) }
    }

    public var iterations = 12
    public var seed: UInt64 = 20_250_623
    public init() {}

    /// Builds examples from a CoNLL-U file's documents.
    public static func examples(_ documents: [CoNLLU.Document]) -> [Example] {
        let segmenter = Segmenter(splitter: SentenceSplitter(model: LinearModel(name: "", classes: ["0", "1"], metadata: [:], features: [], weights: [])))
        return documents.compactMap { document in
            let sentences = document.sentences.map(\.text).filter { !$0.isEmpty }
            guard !sentences.isEmpty else { return nil }
            let text = sentences.joined(separator: " ")
            var gold = Set<TextSpan>()
            var goldEnds = Set<Int>()
            var offset = 0
            for s in sentences {
                let length = s.unicodeScalars.count
                gold.insert(TextSpan(start: offset, end: offset + length))
                goldEnds.insert(offset + length)
                offset += length + 1
            }
            let scalars = Array(text.unicodeScalars)
            let tokens = segmenter.tokenize(scalars, segments: [TextSpan(start: 0, end: scalars.count)], paragraph: 0)
            guard !tokens.isEmpty else { return nil }
            return Example(features: tokens.map { TokenFeatures(norm: $0.norm, kind: $0.kind, source: scalars[$0.span.start]) },
                           spaceAfter: tokens.map(\.spaceAfter),
                           ends: tokens.map { goldEnds.contains($0.span.end) },
                           gold: gold, tokenSpans: tokens.map(\.span))
        }
    }

    /// Trains and returns the averaged model; `progress` receives one line per iteration.
    ///
    /// The decision threshold is calibrated first: a model trained on four fifths of the training
    /// documents picks the margin that maximises sentence F1 on the remaining fifth; the final model
    /// is then trained on all of them. The dev set is only reported, never tuned on.
    public func train(_ train: [Example], dev: [Example], progress: (String) -> Void) -> LinearModel {
        let heldOut = train.indices.filter { $0 % 5 == 4 }.map { train[$0] }
        let fitted = train.indices.filter { $0 % 5 != 4 }.map { train[$0] }
        let calibration = perceptron(fitted, progress: { _, _ in })
        let model = calibration.averaged(name: SentenceSplitter.modelName, metadata: [:])
        var best: (threshold: Float, f1: Double) = (0, -1)
        for step in -40...20 {
            let threshold = Float(step) / 10
            let f1 = Self.score(SentenceSplitter(model: model, threshold: threshold), heldOut).f1
            if f1 > best.f1 { best = (threshold, f1) }
        }
        progress(String(format: "calibrated threshold %.1f (held-out sentence F1 %.4f)", best.threshold, best.f1))

        let final = perceptron(train, progress: { iteration, perceptron in
            let snapshot = SentenceSplitter(model: perceptron.averaged(name: SentenceSplitter.modelName, metadata: [:]),
                                            threshold: best.threshold)
            progress("iteration \(iteration)  dev sentence \(Self.score(snapshot, dev))")
        })
        var metadata = ["trained_on": "UD English-EWT train", "iterations": String(iterations), "seed": String(seed),
                        "threshold": String(format: "%.1f", best.threshold)]
        let unscored = final.averaged(name: SentenceSplitter.modelName, metadata: metadata)
        metadata["dev_sentence_f1"] = String(format: "%.4f", Self.score(SentenceSplitter(model: unscored), dev).f1)
        return final.averaged(name: SentenceSplitter.modelName, metadata: metadata)
    }

    private func perceptron(_ examples: [Example], progress: (Int, AveragedPerceptron) -> Void) -> AveragedPerceptron {
        var perceptron = AveragedPerceptron(classes: ["0", "1"])
        var order = Array(examples.indices)
        var rng = SeededGenerator(seed: seed)
        var buffer: [UInt64] = []
        for iteration in 1...iterations {
            Self.shuffle(&order, &rng)
            for index in order {
                let example = examples[index]
                var since = 0
                var titleRun = true
                for i in 0..<(example.features.count - 1) {
                    titleRun = (since == 0 || titleRun) && SentenceSplitter.isTitleLike(example.features[i])
                    SentenceSplitter.extract(example.features, example.spaceAfter, at: i, sinceBoundary: since,
                                             titleRun: titleRun, into: &buffer)
                    let truth = example.ends[i] ? 1 : 0
                    perceptron.update(features: buffer, truth: truth, guess: perceptron.predict(buffer))
                    since = example.ends[i] ? 0 : since + 1
                }
            }
            progress(iteration, perceptron)
        }
        return perceptron
    }

    /// Sentence-span F1: a predicted sentence counts when its start and end both match a gold one.
    public static func score(_ splitter: SentenceSplitter, _ examples: [Example]) -> Score {
        var tp = 0, predicted = 0, gold = 0
        for example in examples {
            let ends = splitter.boundaries(example.features, spaceAfter: example.spaceAfter)
            var start = 0
            for (i, isEnd) in ends.enumerated() where isEnd {
                let span = TextSpan(start: example.tokenSpans[start].start, end: example.tokenSpans[i].end)
                if example.gold.contains(span) { tp += 1 }
                predicted += 1
                start = i + 1
            }
            gold += example.gold.count
        }
        let p = Double(tp) / Double(max(predicted, 1)), r = Double(tp) / Double(max(gold, 1))
        return Score(precision: p, recall: r, f1: p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    /// Fisher–Yates with our own generator: the standard library's shuffle may change between releases.
    static func shuffle<T>(_ array: inout [T], _ rng: inout SeededGenerator) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
}
