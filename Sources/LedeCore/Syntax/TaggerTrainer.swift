import Foundation

/// Trains the part-of-speech model (`pos.lmdl`) on a UD treebank with gold tokens.
///
/// Deterministic: sentences are shuffled with a seeded generator, classes and dictionaries are
/// written sorted, and the perceptron averages without randomness. The dev set is only scored,
/// never tuned on.
public struct TaggerTrainer {
    /// One sentence: analysis forms (folded like `Token.norm`) and gold annotations.
    public struct Sentence: Sendable {
        public var forms: [String]
        public var upos: [String]
        public var xpos: [String]
        public var lemmas: [String]
        /// Index of the treebank document the sentence belongs to: jackknife folds split by
        /// document, so a held-out sentence's names are as unseen as they will be in new text.
        public var document = 0
    }

    /// Accuracy over words.
    public struct Score: Sendable, CustomStringConvertible {
        public var words = 0
        public var upos = 0, xpos = 0, joint = 0, lemma = 0
        public var uposAccuracy: Double { Double(upos) / Double(max(words, 1)) }
        public var xposAccuracy: Double { Double(xpos) / Double(max(words, 1)) }
        public var lemmaAccuracy: Double { Double(lemma) / Double(max(words, 1)) }
        public var description: String {
            String(format: "UPOS %.4f XPOS %.4f lemma %.4f (%d words)", uposAccuracy, xposAccuracy, lemmaAccuracy, words)
        }
    }

    public var iterations = 10
    public var seed: UInt64 = 20_250_701
    /// Joint classes seen fewer times are merged into the most frequent class with the same XPOS.
    public var minClassCount = 20
    /// Tag dictionary: words seen this often, with one class at least `dictionaryPurity` of the time.
    public var dictionaryMinCount = 20
    public var dictionaryPurity = 0.97
    /// Perceptrons averaged per pass (see `train`).
    public var ensemble = 3
    /// The model file must fit in this many bytes; rare features are pruned until it does.
    public var maxModelBytes = 29_000_000
    /// Train the first pass right to left (`PartOfSpeechTagger.firstPassReversed`).
    public var reversedFirstPass = true

    public init() {}

    /// The sentences of a CoNLL-U file, forms folded as the tokenizer folds them.
    public static func sentences(_ documents: [CoNLLU.Document]) -> [Sentence] {
        documents.enumerated().flatMap { d, document in
            document.sentences.map { s in
                Sentence(forms: s.words.map { fold($0.form) }, upos: s.words.map(\.upos), xpos: s.words.map(\.xpos),
                         lemmas: s.words.map { fold($0.lemma) }, document: d)
            }
        }
    }

    /// Lower-cased the way `TaggerWord.lower` hashes it.
    static func lower(_ form: String) -> String {
        var out = String.UnicodeScalarView()
        for s in form.unicodeScalars { out.append(ScalarClass.lowercased(s)) }
        return String(out)
    }

    static func fold(_ form: String) -> String {
        var out = String.UnicodeScalarView()
        for s in form.unicodeScalars where !TextNormalizer.isIgnorable(s) { out.append(TextNormalizer.fold(s)) }
        return String(out)
    }

    /// Trains the tagger and learns the lemma exceptions; `progress` gets one line per pass.
    /// - Parameter unlabelled: tokenized text (`TaggerCorpus`) for the word classes, beside the
    ///   training sentences' own words.
    public func train(_ train: [Sentence], dev: [Sentence], unlabelled: [[String]] = [],
                      progress: (String) -> Void) throws -> LinearModel {
        let started = Date()
        // Classes: joint UPOS|XPOS, rare ones merged.
        var counts: [String: Int] = [:]
        for s in train { for (u, x) in zip(s.upos, s.xpos) { counts[u + "|" + x, default: 0] += 1 } }
        let kept = counts.filter { $0.value >= minClassCount }.keys.sorted()
        var merge: [String: String] = [:]
        for (name, _) in counts where counts[name]! < minClassCount {
            let xpos = name.split(separator: "|", maxSplits: 1).last.map(String.init) ?? ""
            let upos = name.split(separator: "|", maxSplits: 1).first.map(String.init) ?? ""
            let candidates = kept.filter { $0.hasSuffix("|" + xpos) }
            let fallback = candidates.isEmpty ? kept.filter { $0.hasPrefix(upos + "|") } : candidates
            merge[name] = (fallback.isEmpty ? kept : fallback).max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0 > $1) }!
        }
        let classIndex = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        func label(_ s: Sentence, _ i: Int) -> Int {
            let name = s.upos[i] + "|" + s.xpos[i]
            return classIndex[merge[name] ?? name]!
        }
        progress("\(train.count) training sentences, \(train.reduce(0) { $0 + $1.forms.count }) words, \(kept.count) classes (\(merge.count) rare merged)")

        // Tag dictionary of frequent unambiguous words.
        var wordClasses: [String: [Int: Int]] = [:]
        for s in train { for i in s.forms.indices { wordClasses[s.forms[i], default: [:]][label(s, i), default: 0] += 1 } }
        var dictionaryLines: [String] = []
        var dictionary: [UInt64: Int] = [:]
        for (form, byClass) in wordClasses.sorted(by: { $0.key < $1.key }) {
            let total = byClass.values.reduce(0, +)
            guard total >= dictionaryMinCount, !form.contains("\t"), !form.contains("\n"),
                  let (c, n) = byClass.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
                  Double(n) / Double(total) >= dictionaryPurity else { continue }
            dictionaryLines.append(form + "\t" + kept[c])
            dictionary[FeatureHash.scalars(form.unicodeScalars)] = c
        }
        progress("tag dictionary: \(dictionary.count) words")

        let lemmaLines = Self.lemmaExceptions(train)
        let lemmatizer = Lemmatizer(exceptions: Lemmatizer.parseExceptions(lemmaLines.joined(separator: "\n")))
        progress("lemma exceptions: \(lemmaLines.count)")

        // Ambiguity classes: the model sees jackknifed ones in training (each tenth of the documents
        // gets the lexicon of the other nine), so it does not learn to trust a word's own tag.
        let folds = 10
        var foldCounts = [[String: [Int: Int]]](repeating: [:], count: folds)
        var allCounts: [String: [Int: Int]] = [:]
        for s in train {
            for i in s.forms.indices {
                let lower = Self.lower(s.forms[i])
                foldCounts[s.document % folds][lower, default: [:]][label(s, i), default: 0] += 1
                allCounts[lower, default: [:]][label(s, i), default: 0] += 1
            }
        }
        let ambiguity = AmbiguityLexicon(counts: allCounts)
        func lines(_ counts: [String: [Int: Int]]) -> [String] {
            counts.keys.sorted().compactMap { word -> String? in
                word.unicodeScalars.contains { $0 == "\t" || $0 == "\n" } ? nil : AmbiguityLexicon.line(word, counts[word]!, classes: kept)
            }
        }
        let ambiguityLines = lines(allCounts)
        progress("ambiguity classes: \(ambiguityLines.count) words")
        let classLines = TaggerWordClasses.learn(unlabelled + train.map(\.forms), seed: seed)
        let distributional = TaggerWordClasses(classLines.joined(separator: "\n"))
        progress(String(format: "word classes: %d words from %d unlabelled units  %.1f s", classLines.count, unlabelled.count,
                        Date().timeIntervalSince(started)))
        let examples = train.map { s in
            var words = TaggerWord.padded(s.forms)
            distributional.annotate(&words)
            let own = foldCounts[s.document % folds]
            for i in s.forms.indices {
                let lower = Self.lower(s.forms[i])
                var counts = allCounts[lower]!
                for (c, n) in own[lower] ?? [:] { counts[c]! -= n }
                if let e = AmbiguityLexicon.entry(counts.filter { $0.value > 0 }) {
                    words[i + 2].ambiguity = e.ambiguity
                    words[i + 2].mode = e.mode
                }
            }
            return (words: words, labels: s.forms.indices.map { label(s, $0) })
        }
        let name = PartOfSpeechTagger.modelName
        func tagger(_ model: LinearModel, passes: Int) throws -> PartOfSpeechTagger {
            try PartOfSpeechTagger(model: model, tagDictionary: dictionary, ambiguity: ambiguity, wordClasses: distributional,
                                   lemmatizer: lemmatizer, passes: passes, firstPassReversed: reversedFirstPass)
        }
        // The first pass reads its sentences in its own direction.
        let firstExamples = reversedFirstPass
            ? examples.map { (words: Array($0.words.reversed()), labels: Array($0.labels.reversed())) } : examples
        /// One averaged perceptron over `indices`, shuffled each pass; `firstPass` makes it a second-pass model.
        func fit(_ indices: [Int], firstPass: [[Int]]?, seed: UInt64,
                 report: (Int, AveragedPerceptron, Double) throws -> Void) rethrows -> AveragedPerceptron {
            var perceptron = AveragedPerceptron(classes: kept)
            var order = indices
            var rng = SeededGenerator(seed: seed)
            var features: [UInt64] = []
            features.reserveCapacity(TaggerFeatures.capacity)
            for iteration in 1...iterations {
                rng.shuffle(&order)
                var correct = 0, total = 0
                for index in order {
                    let example = firstPass == nil ? firstExamples[index] : examples[index]
                    let first = firstPass?[index]
                    var p1 = -1, p2 = -2
                    example.words.withUnsafeBufferPointer { w in
                        for i in 2..<(w.count - 2) {
                            let truth = example.labels[i - 2]
                            let guess: Int
                            if let known = dictionary[w[i].word] {
                                guess = known
                            } else {
                                let next = first.map { TaggerFeatures.lookahead($0, at: i) }
                                TaggerFeatures.extract(w, at: i, previous: p1, p2, next: next, into: &features)
                                guess = perceptron.predict(features)
                                perceptron.update(features: features, truth: truth, guess: guess)
                            }
                            if guess == truth { correct += 1 }
                            total += 1
                            p2 = p1
                            p1 = guess
                        }
                    }
                }
                try report(iteration, perceptron, Double(correct) / Double(max(total, 1)))
            }
            return perceptron
        }
        func elapsed() -> Double { Date().timeIntervalSince(started) }

        // First pass, jackknifed: the second pass must learn from first-pass classes as wrong as they
        // will be on unseen text, not from those of a model that saw the very sentence.
        let jackknife = 5
        var firstPass = [[Int]](repeating: [], count: examples.count)
        for fold in 0..<jackknife {
            let held = examples.indices.filter { train[$0].document % jackknife == fold }
            let model = fit(examples.indices.filter { train[$0].document % jackknife != fold }, firstPass: nil, seed: seed &+ UInt64(fold + 1),
                            report: { _, _, _ in })
            let t = try tagger(model.averaged(name: name, metadata: [:]), passes: 1)
            var right = 0, total = 0
            for index in held {
                firstPass[index] = t.classes(examples[index].words)
                right += zip(firstPass[index], examples[index].labels).filter { $0 == $1 }.count
                total += examples[index].labels.count
            }
            progress(String(format: "first pass, jackknife fold %d: held-out accuracy %.4f  %.1f s", fold + 1,
                            Double(right) / Double(total), elapsed()))
        }
        let all = Array(examples.indices)
        // Each pass is the mean of `ensemble` perceptrons trained in different orders: their errors
        // differ, and a mean of linear models is one linear model, so inference costs the same (and
        // margins keep their scale for `PartOfSpeechTagger.confidentMargin`).
        func member(_ k: Int) -> String { ensemble > 1 ? " (model \(k + 1)/\(ensemble))" : "" }
        let firstModel = try (0..<ensemble).map { k in
            try fit(all, firstPass: nil, seed: seed &+ UInt64(1000 * k), report: { iteration, p, train in
                let score = Self.score(try tagger(p.averaged(name: name, metadata: [:]), passes: 1), dev)
                progress(String(format: "first pass%@ iteration %d  train %.4f  dev %@  %.1f s", member(k), iteration, train,
                                score.description, elapsed()))
            }).averaged(name: name, metadata: [:])
        }.mean()
        let second = try (0..<ensemble).map { k in
            try fit(all, firstPass: firstPass, seed: seed &+ 100 &+ UInt64(1000 * k), report: { iteration, p, train in
                let merged = [firstModel, p.averaged(name: name, metadata: [:])].sum()
                let score = Self.score(try tagger(merged, passes: 2), dev)
                progress(String(format: "second pass%@ iteration %d  train %.4f  dev %@  %.1f s", member(k), iteration, train,
                                score.description, elapsed()))
            }).averaged(name: name, metadata: [:])
        }.mean()

        // Keep the features with the largest weights that fit in the size budget.
        // Both passes in one model: their keys are disjoint by construction (`TaggerFeatures`).
        let full = [firstModel, second].sum()
        // The metadata tables share the file: JSON writes each tab and line break as two bytes.
        let tableBytes = [dictionaryLines, lemmaLines, ambiguityLines, classLines].joined().reduce(0) {
            $0 + $1.utf8.count + 2 + 2 * $1.utf8.filter { $0 == 9 }.count
        }
        let (keep, prune) = Self.strongest(full, bytes: maxModelBytes - tableBytes - 100_000)
        func build(_ metadata: [String: String]) -> LinearModel { Self.subset(full, keep, metadata: metadata) }
        let model = build([:])
        let final = Self.score(try tagger(model, passes: 2), dev)
        let goldTags = Self.lemmaScore(lemmatizer, dev)
        progress(String(format: "pruned below %.4f: %d of %d features, ~%d bytes; dev %@, lemma with gold tags %.4f",
                        prune, model.features.count, full.features.count, ModelFile.encode(model).count + tableBytes,
                        final.description, goldTags))
        let metadata = [
            "trained_on": "UD English-EWT train", "iterations": String(iterations), "seed": String(seed), "passes": "2",
            PartOfSpeechTagger.firstPassKey: reversedFirstPass ? PartOfSpeechTagger.rightToLeft : "left-to-right",
            PartOfSpeechTagger.featureVersionKey: String(PartOfSpeechTagger.featureVersion),
            "prune_below": String(format: "%.5f", prune),
            "dev_upos": String(format: "%.4f", final.uposAccuracy), "dev_xpos": String(format: "%.4f", final.xposAccuracy),
            "dev_lemma": String(format: "%.4f", final.lemmaAccuracy),
            PartOfSpeechTagger.tagDictionaryKey: dictionaryLines.joined(separator: "\n"),
            PartOfSpeechTagger.lemmaKey: lemmaLines.joined(separator: "\n"),
            PartOfSpeechTagger.ambiguityKey: ambiguityLines.joined(separator: "\n"),
            TaggerWordClasses.metadataKey: classLines.joined(separator: "\n"),
        ]
        return build(metadata)
    }

    /// Rows of the `count` features with the largest absolute weight (ties: lower key first), and that weight.
    static func strongest(_ model: LinearModel, count: Int) -> (rows: [Int], weight: Float) {
        guard model.features.count > count else { return (Array(model.features.indices), 0) }
        let (ranked, strength) = rankedByStrength(model)
        let kept = ranked.prefix(count)
        return (kept.sorted(), kept.last.map { strength[$0] } ?? .infinity)
    }

    /// The strongest rows whose sparse encoding (`ModelFile`: key, count, then a class byte and a
    /// weight per non-zero weight) fits in `bytes`.
    static func strongest(_ model: LinearModel, bytes: Int) -> (rows: [Int], weight: Float) {
        let n = model.classes.count
        var used = 0, count = 0
        for row in rankedByStrength(model).rows {
            used += 9 + 5 * (0..<n).reduce(0) { model.weights[row * n + $1] != 0 ? $0 + 1 : $0 }
            if used > bytes { break }
            count += 1
        }
        return strongest(model, count: count)
    }

    private static func rankedByStrength(_ model: LinearModel) -> (rows: [Int], strength: [Float]) {
        let n = model.classes.count
        let strength = model.features.indices.map { row in (0..<n).reduce(Float(0)) { max($0, abs(model.weights[row * n + $1])) } }
        let ranked = model.features.indices.sorted {
            strength[$0] != strength[$1] ? strength[$0] > strength[$1] : model.features[$0] < model.features[$1]
        }
        return (ranked, strength)
    }

    static func subset(_ model: LinearModel, _ rows: [Int], metadata: [String: String]) -> LinearModel {
        let n = model.classes.count
        return LinearModel(name: model.name, classes: model.classes, metadata: metadata, features: rows.map { model.features[$0] },
                           weights: rows.flatMap { model.weights[($0 * n)..<(($0 + 1) * n)] })
    }

    /// `lower<TAB>XPOS<TAB>lemma` for every (form, tag) whose most frequent treebank lemma is
    /// right more often than the rules are.
    static func lemmaExceptions(_ sentences: [Sentence]) -> [String] {
        struct Key: Hashable { var lower: String; var xpos: String }
        var lemmas: [Key: [String: Int]] = [:]
        var ruleRight: [Key: Int] = [:]
        for s in sentences {
            for i in s.forms.indices {
                let lower = s.forms[i].lowercased()
                let key = Key(lower: lower, xpos: s.xpos[i])
                lemmas[key, default: [:]][s.lemmas[i], default: 0] += 1
                if Lemmatizer.rules(s.forms[i], lower: lower, xpos: s.xpos[i]) == s.lemmas[i] { ruleRight[key, default: 0] += 1 }
            }
        }
        var lines: [String] = []
        for (key, byLemma) in lemmas {
            guard let (lemma, n) = byLemma.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
                  n > ruleRight[key, default: 0], lemma != "_",
                  !(key.lower + key.xpos + lemma).contains(where: { $0 == "\t" || $0 == "\n" }) else { continue }
            lines.append(key.lower + "\t" + key.xpos + "\t" + lemma)
        }
        return lines.sorted()
    }

    /// Tagging (and lemma) accuracy with gold tokens.
    public static func score(_ tagger: PartOfSpeechTagger, _ sentences: [Sentence]) -> Score {
        var score = Score()
        for s in sentences {
            for (i, tagged) in tagger.tag(s.forms).enumerated() {
                score.words += 1
                if tagged.upos == s.upos[i] { score.upos += 1 }
                if tagged.xpos == s.xpos[i] { score.xpos += 1 }
                if tagged.upos == s.upos[i] && tagged.xpos == s.xpos[i] { score.joint += 1 }
                if tagged.lemma == s.lemmas[i] { score.lemma += 1 }
            }
        }
        return score
    }

    /// Lemma accuracy given gold XPOS tags.
    public static func lemmaScore(_ lemmatizer: Lemmatizer, _ sentences: [Sentence]) -> Double {
        var right = 0, total = 0
        for s in sentences {
            for i in s.forms.indices {
                total += 1
                if lemmatizer.lemma(s.forms[i], xpos: s.xpos[i]) == s.lemmas[i] { right += 1 }
            }
        }
        return Double(right) / Double(max(total, 1))
    }
}
