/// A greedy arc-hybrid dependency parser producing Universal Dependencies relations.
///
/// Two averaged-perceptron `LinearModel`s: `parser` picks the transition (3 classes) and
/// `parser-labels` names each arc as it is built (one class per UD relation). Splitting them keeps
/// the files small: a joint labelled-transition model would store ~100 weights per feature instead
/// of 3, so the size budget would hold thirty times fewer transition features.
public struct DependencyParser: Sendable {
    public static let modelName = "parser"
    public static let labelModelName = "parser-labels"
    static let transitionClasses = ["SHIFT", "LEFT", "RIGHT"]
    static let rootLabel = "root"

    /// One parsed word: its head (0-based word index within the sentence, -1 for the root) and relation.
    public struct Arc: Equatable, Sendable {
        public var head: Int
        public var dep: String
    }

    let weights: TransitionWeights
    /// Relation names; index `labelClasses.count` stands for the root.
    let labelClasses: [String]
    /// The relation model without its zeros (a row holds a few of 48 relations).
    let labelWeights: SparseWeights

    /// The feature templates' version, stored in the models' metadata: a model trained on other
    /// templates would load fine and parse nonsense, so it is refused.
    static let featureVersion = "2"

    /// - Throws: `ModelError.malformedHeader` when the models do not have the parser's classes,
    ///   `.wrongModel` when they were trained on other feature templates.
    public init(transitions: LinearModel, labels: LinearModel) throws(ModelError) {
        for (model, name) in [(transitions, Self.modelName), (labels, Self.labelModelName)] {
            let found = model.metadata["features"] ?? "1"
            guard found == Self.featureVersion else {
                throw .wrongModel(expected: "\(name) (features \(Self.featureVersion))", found: "\(name) (features \(found))")
            }
        }
        try self.init(unchecked: transitions, labels: labels)
    }

    /// For models being trained (no metadata yet).
    init(unchecked transitions: LinearModel, labels: LinearModel) throws(ModelError) {
        guard transitions.classes == Self.transitionClasses else { throw .malformedHeader(Self.modelName) }
        // Label indices are kept in 64-bit sets; one index is reserved for the root.
        guard labels.classes.count < 63, !labels.classes.contains(Self.rootLabel) else { throw .malformedHeader(Self.labelModelName) }
        self.weights = TransitionWeights(transitions)
        self.labelClasses = labels.classes
        self.labelWeights = SparseWeights(labels)
    }

    /// Parses one tagged sentence (analysis forms, Penn tags, UPOS, lemmas; all the same length).
    public func parse(forms: [String], xpos: [String], upos: [String], lemmas: [String]) -> [Arc] {
        guard !forms.isEmpty else { return [] }
        let words = ParserWord.sentence(forms: forms, xpos: xpos, upos: upos, lemmas: lemmas)
        let state = parse(words)
        let root = labelClasses.count
        return (1...forms.count).map { d in
            let label = state.labels[d]
            return Arc(head: state.heads[d] - 1, dep: label == root || label < 0 ? Self.rootLabel : labelClasses[label])
        }
    }

    /// The final configuration for a padded word list.
    func parse(_ words: [ParserWord]) -> ParserState {
        var state = ParserState(count: words.count - 2)
        var features: [UInt64] = []
        features.reserveCapacity(ParserFeatures.capacity)
        var labelScores = [Float](repeating: 0, count: labelClasses.count)
        var scratch = FingerprintTable.Scratch()
        words.withUnsafeBufferPointer { w in
            while !state.isTerminal {
                ParserFeatures.transitions(w, state, into: &features)
                let (shift, left, right) = weights.scores(features, &scratch)
                let t = Self.best((shift, left, right), state)
                var label = -1
                if let arc = state.arc(t) {
                    if arc.head == 0 {
                        label = labelClasses.count
                    } else {
                        ParserFeatures.label(w, state, head: arc.head, dependent: arc.dependent, into: &features)
                        label = labelWeights.best(features, scores: &labelScores, &scratch)
                    }
                }
                state.apply(t, label: label)
            }
        }
        return state
    }

    /// The best-scoring legal transition (ties to the lower index: deterministic). Shift is legal
    /// whenever the buffer is not empty, and right whenever it is (until the end), so one always is.
    @inline(__always)
    static func best(_ scores: (Float, Float, Float), _ state: ParserState) -> ParserState.Transition {
        var best: ParserState.Transition = state.isLegal(.shift) ? .shift : .right
        var top = best == .shift ? scores.0 : scores.2
        if state.isLegal(.left) && scores.1 > top { best = .left; top = scores.1 }
        if best != .right && state.isLegal(.right) && scores.2 > top { best = .right }
        return best
    }
}
