/// Trains the event-trigger model on documents the pipeline has already annotated (tokens, tags,
/// lemmas, parse, quotes), each with its gold TimeML EVENT spans. Deterministic: documents are
/// shuffled with a seeded generator and the number of passes is chosen on a fixed held-out fifth.
public struct EventMentionTrainer {
    /// A gold EVENT: scalar offsets into the document's text and its class.
    public struct GoldEvent: Sendable {
        public var start: Int
        public var end: Int
        public var eventClass: EventMention.Class
        public init(start: Int, end: Int, eventClass: EventMention.Class) {
            self.start = start
            self.end = end
            self.eventClass = eventClass
        }
    }

    public struct Example: Sendable {
        public var document: Document
        public var gold: [GoldEvent]
        public init(document: Document, gold: [GoldEvent]) {
            self.document = document
            self.gold = gold
        }
    }

    /// Trigger detection (span match) and class accuracy over matched triggers.
    public struct Score: CustomStringConvertible, Sendable {
        public var precision = 0.0, recall = 0.0, f1 = 0.0, classAccuracy = 0.0
        public var description: String {
            String(format: "P %.4f R %.4f F1 %.4f class %.4f", precision, recall, f1, classAccuracy)
        }
    }

    public var maxIterations = 15
    public var seed: UInt64 = 20_250_623
    public var pruneBelow: Float = 0.002
    public init() {}

    /// Trains on `examples`: passes are chosen on every fifth example, then the model is retrained on all.
    public func train(_ examples: [Example], lexicon: EventTypeLexicon, progress: (String) -> Void) -> LinearModel {
        let prepared = examples.map { Prepared($0, lexicon: lexicon) }
        let heldOut = prepared.indices.filter { $0 % 5 == 4 }
        let fit = prepared.indices.filter { $0 % 5 != 4 }
        var best = (iteration: 1, score: Score(f1: -1))
        _ = run(prepared, on: fit, iterations: maxIterations) { iteration, model in
            let score = Self.score(EventMentionTagger(checked: model, lexicon: lexicon), heldOut.map { examples[$0] })
            progress("iteration \(iteration): held-out fifth \(score)")
            if score.f1 > best.score.f1 { best = (iteration, score) }
        }
        progress("chose \(best.iteration) passes (held-out fifth \(best.score)); retraining on all \(examples.count) documents")
        let model = run(prepared, on: Array(prepared.indices), iterations: best.iteration) { _, _ in }
        let metadata = ["trained_on": "TimeBank 1.2 (TBAQ-cleaned), every file whose sorted index % 5 != 4",
                        "iterations": String(best.iteration), "seed": String(seed), "prune_below": String(pruneBelow),
                        "held_out_f1": String(format: "%.4f", best.score.f1)]
        return LinearModel(name: model.name, classes: model.classes, metadata: metadata, features: model.features, weights: model.weights)
    }

    /// Detection P/R/F1 of exact trigger spans and class accuracy over them.
    public static func score(_ tagger: EventMentionTagger, _ examples: [Example]) -> Score {
        var matched = 0, correctClass = 0, predicted = 0, gold = 0
        for example in examples {
            let found = tagger.mentions(in: example.document)
            let goldBySpan = Dictionary(example.gold.map { ("\($0.start):\($0.end)", $0.eventClass) }, uniquingKeysWith: { a, _ in a })
            for mention in found {
                guard let goldClass = goldBySpan["\(mention.span.start):\(mention.span.end)"] else { continue }
                matched += 1
                if goldClass == mention.eventClass { correctClass += 1 }
            }
            predicted += found.count
            gold += example.gold.count
        }
        let p = Double(matched) / Double(max(predicted, 1)), r = Double(matched) / Double(max(gold, 1))
        return Score(precision: p, recall: r, f1: p + r == 0 ? 0 : 2 * p * r / (p + r),
                     classAccuracy: Double(correctClass) / Double(max(matched, 1)))
    }

    /// A document's word tokens with their features and gold class, computed once.
    private struct Prepared {
        var features: [[UInt64]] = []
        var labels: [Int] = []

        init(_ example: Example, lexicon: EventTypeLexicon) {
            let document = example.document
            let tokens = document.tokens
            var labelOf = [Int](repeating: 0, count: tokens.count)
            for event in example.gold {
                // The trigger token is the first word token inside the gold span.
                guard let i = tokens.firstIndex(where: { $0.span.end > event.start && $0.span.start < event.end && $0.kind == .word }),
                      let c = EventMentionTagger.classes.firstIndex(of: event.eventClass.rawValue) else { continue }
                labelOf[i] = c
            }
            let children = EventMentionFeatures.children(tokens)
            let quoted = EventMentionFeatures.quoted(document)
            var buffer: [UInt64] = []
            for sentence in document.sentences {
                for i in sentence.tokens where tokens[i].kind == .word {
                    EventMentionFeatures.extract(tokens, i, sentence: sentence.tokens, children: children, inQuote: quoted[i], lexicon: lexicon, into: &buffer)
                    features.append(buffer)
                    labels.append(labelOf[i])
                }
            }
        }
    }

    private func run(_ prepared: [Prepared], on indices: [Int], iterations: Int,
                     after: (Int, LinearModel) -> Void) -> LinearModel {
        var perceptron = AveragedPerceptron(classes: EventMentionTagger.classes)
        var order = indices
        var rng = SeededGenerator(seed: seed)
        var model: LinearModel?
        for iteration in 1...iterations {
            rng.shuffle(&order)
            for d in order {
                for (features, label) in zip(prepared[d].features, prepared[d].labels) {
                    perceptron.update(features: features, truth: label, guess: perceptron.predict(features))
                }
            }
            let averaged = perceptron.averaged(name: EventMentionTagger.modelName, metadata: [:], pruneBelow: pruneBelow)
            after(iteration, averaged)
            model = averaged
        }
        return model!
    }
}
