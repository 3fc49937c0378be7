import Foundation

/// Trains the dependency parser's two models on a UD treebank with gold tokens and the tags the
/// bundled tagger predicts, so the parser learns from tags as wrong as the ones it gets at run time.
///
/// Transitions learn with the arc-hybrid dynamic oracle (Goldberg & Nivre 2012, 2013): from the
/// second iteration on, training follows the model's own (possibly wrong) transitions 90 % of the
/// time and learns the best move from the configurations its mistakes lead to. Non-projective
/// trees cannot be built by arc-hybrid; they are skipped in training (and scored in evaluation).
///
/// Deterministic: a seeded shuffle and seeded exploration, sorted classes, features written sorted.
public struct ParserTrainer {
    /// One sentence: analysis forms, predicted tags and lemmas, and the gold tree.
    public struct Sentence: Sendable {
        public var forms: [String]
        public var xpos: [String]
        public var upos: [String]
        public var lemmas: [String]
        /// Gold heads, 1-based (0 = root), one per word.
        public var heads: [Int]
        public var deprels: [String]
    }

    /// Attachment scores over all words, punctuation included (CoNLL 2018 style: LAS compares the
    /// universal relation, without subtypes; `labelledFull` compares the full label).
    public struct Score: Sendable, CustomStringConvertible {
        public var words = 0, unlabelled = 0, labelled = 0, labelledFull = 0
        public var uas: Double { Double(unlabelled) / Double(max(words, 1)) }
        public var las: Double { Double(labelled) / Double(max(words, 1)) }
        public var lasFull: Double { Double(labelledFull) / Double(max(words, 1)) }
        public var description: String { String(format: "UAS %.4f LAS %.4f (full labels %.4f, %d words)", uas, las, lasFull, words) }
    }

    public var iterations = 12
    public var seed: UInt64 = 20_250_705
    /// From this iteration on, training follows the model's prediction with probability `explore`.
    public var exploreFrom = 2
    public var explore = 0.9
    /// Relations with a subtype seen fewer times are merged into their universal relation.
    public var minLabelCount = 20
    /// Transition features kept after training (the strongest): parsing speed is bound by their
    /// ~100 lookups a word, so the table is sized to stay near the caches (12 MB on disk) rather than
    /// to fill the 30 MB a model may take. Relations are scored once an arc, from a sparse table, so
    /// every relation feature is kept (pruning them to 20,000 cost 0.007 LAS).
    public var transitionFeatures = 600_000
    public var labelFeatures = Int.max
    /// Perceptrons averaged per model (see `train`).
    public var ensemble = 3
    /// Training sentences get tags from this many taggers, each trained without them (jackknifing).
    public static let jackknifeFolds = 5
    /// Iterations of each jackknife tagger: fewer than the bundled tagger's, so their errors on
    /// held-out treebank text are about as frequent as the bundled tagger's on news.
    public static let jackknifeIterations = 5

    public init() {}

    /// Sentences of a treebank, tagged by `tagger` (gold tags when nil), forms folded like `Token.norm`.
    public static func sentences(_ documents: [CoNLLU.Document], tagger: PartOfSpeechTagger?) -> [Sentence] {
        documents.flatMap(\.sentences).map { s in
            let forms = s.words.map { TaggerTrainer.fold($0.form) }
            var sentence = Sentence(forms: forms, xpos: s.words.map(\.xpos), upos: s.words.map(\.upos),
                                    lemmas: s.words.map { TaggerTrainer.fold($0.lemma) }, heads: s.words.map(\.head),
                                    deprels: s.words.map(\.deprel))
            if let tagger {
                let tagged = tagger.tag(forms)
                sentence.xpos = tagged.map(\.xpos)
                sentence.upos = tagged.map(\.upos)
                sentence.lemmas = tagged.map(\.lemma)
            }
            return sentence
        }
    }

    /// Training sentences tagged by jackknifing: sentence k gets its tags and lemmas from a tagger
    /// trained on the other folds, so the parser learns from tags as wrong as unseen text gets
    /// (the bundled tagger, trained on these very sentences, would tag them almost perfectly).
    public static func jackknifed(_ documents: [CoNLLU.Document], progress: (String) -> Void) throws -> [Sentence] {
        var sentences = Self.sentences(documents, tagger: nil)
        let tagging = TaggerTrainer.sentences(documents)
        let folds = jackknifeFolds
        var tagger = TaggerTrainer()
        tagger.iterations = jackknifeIterations
        // One perceptron per pass: the ensemble's gain (~0.03 UPOS) is below the folds' own noise
        // and would triple the jackknife's training time.
        tagger.ensemble = 1
        var right = 0
        for fold in 0..<folds {
            let model = try tagger.train(tagging.indices.filter { $0 % folds != fold }.map { tagging[$0] }, dev: [], progress: { _ in })
            let t = try PartOfSpeechTagger(model: model)
            for k in sentences.indices where k % folds == fold {
                let tagged = t.tag(sentences[k].forms)
                right += zip(tagged, tagging[k].upos).filter { $0.upos == $1 }.count
                sentences[k].xpos = tagged.map(\.xpos)
                sentences[k].upos = tagged.map(\.upos)
                sentences[k].lemmas = tagged.map(\.lemma)
            }
            progress("jackknife tagger \(fold + 1)/\(folds) done")
        }
        let words = sentences.reduce(0) { $0 + $1.forms.count }
        progress(String(format: "jackknifed training tags: UPOS %.4f", Double(right) / Double(max(words, 1))))
        return sentences
    }

    static func words(_ s: Sentence) -> [ParserWord] {
        ParserWord.sentence(forms: s.forms, xpos: s.xpos, upos: s.upos, lemmas: s.lemmas)
    }

    /// The label classes: every relation but `root`, rare subtypes merged into their universal relation.
    func labelClasses(_ train: [Sentence]) -> (classes: [String], map: [String: Int]) {
        var counts: [String: Int] = [:]
        for s in train { for d in s.deprels where d != DependencyParser.rootLabel { counts[d, default: 0] += 1 } }
        func merged(_ d: String) -> String {
            guard counts[d, default: 0] < minLabelCount, let colon = d.firstIndex(of: ":") else { return d }
            return String(d[..<colon])
        }
        let classes = Set(counts.keys.map(merged)).sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var map: [String: Int] = [:]
        for d in counts.keys { map[d] = index[merged(d)] ?? index[Self.universal(d)] }
        return (classes, map)
    }

    static func universal(_ d: String) -> String {
        d.firstIndex(of: ":").map { String(d[..<$0]) } ?? d
    }

    public func train(_ train: [Sentence], dev: [Sentence], progress: (String) -> Void) throws -> (transitions: LinearModel, labels: LinearModel) {
        let started = Date()
        func elapsed() -> Double { Date().timeIntervalSince(started) }
        let (labelClasses, labelIndex) = labelClasses(train)
        precondition(labelClasses.count < 63, "too many relations for the label sets")
        let rootLabel = labelClasses.count
        struct Example {
            var words: [ParserWord]
            var gold: [Int]
            var labels: [Int]
        }
        var examples: [Example] = []
        var skipped = 0
        for s in train {
            let gold = [-1] + s.heads
            guard ParserState.isProjective(gold) else { skipped += 1; continue }
            let labels = [-1] + s.deprels.map { $0 == DependencyParser.rootLabel ? rootLabel : labelIndex[$0] ?? -1 }
            examples.append(Example(words: Self.words(s), gold: gold, labels: labels))
        }
        progress("\(examples.count) projective training sentences (\(skipped) non-projective skipped), \(labelClasses.count) relations")

        /// One pair of averaged perceptrons trained in the order (and with the exploration) `seed` gives.
        func fit(seed: UInt64, member: String) throws -> (transitions: LinearModel, labels: LinearModel) {
            var transitions = AveragedPerceptron(classes: DependencyParser.transitionClasses)
            var labeller = AveragedPerceptron(classes: labelClasses)
            var rng = SeededGenerator(seed: seed)
            var order = Array(examples.indices)
            var features: [UInt64] = []
            features.reserveCapacity(ParserFeatures.capacity)
            let all = ParserState.Transition.allCases
            for iteration in 1...iterations {
                rng.shuffle(&order)
                var right = 0, steps = 0, labelRight = 0, labelled = 0
                let exploring = iteration >= exploreFrom
                for index in order {
                    let example = examples[index]
                    var state = ParserState(count: example.words.count - 2)
                    example.words.withUnsafeBufferPointer { w in
                        while !state.isTerminal {
                            ParserFeatures.transitions(w, state, into: &features)
                            let scores = transitions.scores(features)
                            var guess: ParserState.Transition?, truth: ParserState.Transition?
                            var minCost = Int.max
                            var costs = [Int](repeating: Int.max, count: 3)
                            for t in all where state.isLegal(t) {
                                costs[t.rawValue] = state.cost(t, gold: example.gold)
                                minCost = min(minCost, costs[t.rawValue])
                                if guess == nil || scores[t.rawValue] > scores[guess!.rawValue] { guess = t }
                            }
                            for t in all where costs[t.rawValue] == minCost {
                                if truth == nil || scores[t.rawValue] > scores[truth!.rawValue] { truth = t }
                            }
                            transitions.update(features: features, truth: truth!.rawValue, guess: guess!.rawValue)
                            steps += 1
                            if costs[guess!.rawValue] == minCost { right += 1 }
                            let followGuess = exploring && Double(rng.next() >> 11) / Double(1 << 53) < explore
                            let follow = followGuess ? guess! : truth!
                            var label = -1
                            if let arc = state.arc(follow) {
                                if arc.head == 0 {
                                    label = rootLabel
                                } else {
                                    ParserFeatures.label(w, state, head: arc.head, dependent: arc.dependent, into: &features)
                                    let predicted = labeller.predict(features)
                                    label = predicted
                                    let gold = example.labels[arc.dependent]
                                    if example.gold[arc.dependent] == arc.head, gold >= 0, gold < rootLabel {
                                        labeller.update(features: features, truth: gold, guess: predicted)
                                        labelled += 1
                                        if predicted == gold { labelRight += 1 }
                                        if !followGuess { label = gold }
                                    }
                                }
                            }
                            state.apply(follow, label: label)
                        }
                    }
                }
                let parser = try DependencyParser(unchecked: transitions.averaged(name: DependencyParser.modelName, metadata: [:]),
                                                  labels: labeller.averaged(name: DependencyParser.labelModelName, metadata: [:]))
                let score = Self.score(parser, dev)
                progress(String(format: "%@iteration %d  train transitions %.4f labels %.4f  dev %@  %.1f s", member, iteration,
                                Double(right) / Double(max(steps, 1)), Double(labelRight) / Double(max(labelled, 1)),
                                score.description, elapsed()))
            }
            return (transitions.averaged(name: DependencyParser.modelName, metadata: [:]),
                    labeller.averaged(name: DependencyParser.labelModelName, metadata: [:]))
        }

        // As for the tagger, each model is the mean of `ensemble` perceptrons trained in different
        // orders: one linear model, so parsing costs the same.
        let members = try (0..<ensemble).map { k in
            try fit(seed: seed &+ UInt64(1000 * k), member: ensemble > 1 ? "model \(k + 1)/\(ensemble) " : "")
        }
        let fullTransitions = members.map(\.transitions).mean()
        let fullLabels = members.map(\.labels).mean()
        let (keepT, pruneT) = TaggerTrainer.strongest(fullTransitions, count: transitionFeatures)
        let (keepL, pruneL) = TaggerTrainer.strongest(fullLabels, count: labelFeatures)
        let pruned = try DependencyParser(unchecked: TaggerTrainer.subset(fullTransitions, keepT, metadata: [:]),
                                          labels: TaggerTrainer.subset(fullLabels, keepL, metadata: [:]))
        let final = Self.score(pruned, dev)
        progress(String(format: "pruned: transitions %d of %d features (below %.4f), labels %d of %d (below %.4f); dev %@",
                        keepT.count, fullTransitions.features.count, pruneT, keepL.count, fullLabels.features.count, pruneL,
                        final.description))
        let metadata = [
            "trained_on": "UD English-EWT train, jackknifed tags (\(Self.jackknifeFolds) folds)", "iterations": String(iterations),
            "seed": String(seed), "features": DependencyParser.featureVersion, "system": "arc-hybrid, dynamic oracle, greedy", "non_projective": "skipped in training",
            "dev_uas": String(format: "%.4f", final.uas), "dev_las": String(format: "%.4f", final.las),
        ]
        return (TaggerTrainer.subset(fullTransitions, keepT, metadata: metadata), TaggerTrainer.subset(fullLabels, keepL, metadata: metadata))
    }

    /// Attachment scores with the sentences' own (predicted) tags.
    public static func score(_ parser: DependencyParser, _ sentences: [Sentence]) -> Score {
        var score = Score()
        for s in sentences {
            let arcs = parser.parse(forms: s.forms, xpos: s.xpos, upos: s.upos, lemmas: s.lemmas)
            for (i, arc) in arcs.enumerated() {
                score.words += 1
                guard arc.head + 1 == s.heads[i] else { continue }
                score.unlabelled += 1
                if universal(arc.dep) == universal(s.deprels[i]) { score.labelled += 1 }
                if arc.dep == s.deprels[i] { score.labelledFull += 1 }
            }
        }
        return score
    }
}
