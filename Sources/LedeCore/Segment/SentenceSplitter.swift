/// Decides after which tokens a sentence ends, with an averaged-perceptron classifier trained on
/// UD English-EWT (`lede train sentences`).
///
/// Every token is a candidate, not only `.!?`: web and news text has headlines, list items and
/// quotes that end sentences without a period. A paragraph end always ends a sentence.
/// Two greedy decoders, one left to right and one right to left, each with "tokens since the last
/// boundary it decided" as a feature (so very short sentences are rare); a sentence ends where the
/// sum of their margins passes the threshold. The right-to-left one knows how long the following
/// sentence would be, which a title or a signature line before a long sentence gives away. The
/// model file also carries a word lexicon (`OrthographyLexicon`): how each word is capitalised
/// mid-sentence and its usual word class.
public struct SentenceSplitter: Sendable {
    public static let modelName = "sentences"
    let model: LinearModel
    /// The model's weights packed for fast scoring.
    let margins: MarginTable
    /// Margin (boundary score minus no-boundary score) above which a sentence ends; chosen on
    /// held-out training documents by the trainer and stored in the model's metadata.
    let threshold: Float
    /// Whether the model also holds a right-to-left decoder (two more classes), whose margin is
    /// added to the left-to-right one's.
    var bidirectional: Bool { model.classes.count == 4 }
    /// Lower-cased first names (hashed like `TokenFeatures.lower`) for `isInsideName`; empty in
    /// training, so that the model learns from every position.
    let firstNames: Set<UInt64>

    /// - Parameter firstNames: lower-case first names (`FirstNameLexicon.names`); none turns `isInsideName` off for
    ///   first names.
    public init(model: LinearModel, threshold: Float? = nil, firstNames: [String] = []) {
        self.model = model
        self.margins = MarginTable(model)
        self.threshold = threshold ?? model.metadata["threshold"].flatMap(Float.init) ?? 0
        self.firstNames = Set(firstNames.map(Self.lowerHash))
    }

    private init(model: LinearModel, margins: MarginTable, threshold: Float, firstNames: Set<UInt64>) {
        self.model = model
        self.margins = margins
        self.threshold = threshold
        self.firstNames = firstNames
    }

    /// The same model with another decision threshold (the trainer tries many).
    func with(threshold: Float) -> SentenceSplitter {
        SentenceSplitter(model: model, margins: margins, threshold: threshold, firstNames: firstNames)
    }

    /// For each token of one paragraph, whether a sentence ends after it.
    /// - Parameter punctuatedOnly: only after sentence-final punctuation (see `Segmenter.isEditedProse`).
    func boundaries(_ features: [TokenFeatures], spaceAfter: [Bool], punctuatedOnly: Bool = false) -> [Bool] {
        let (ortho, classes) = lexicon(features)
        var paragraph = Paragraph(features, spaceAfter: spaceAfter, ortho: ortho, classes: classes)
        paragraph.punctuatedOnly = punctuatedOnly
        return boundaries(paragraph)
    }

    func boundaries(_ p: Paragraph) -> [Bool] {
        let count = p.tokens.count
        guard count > 0 else { return [] }
        guard bidirectional else {
            var ends = forwardMargins(p, threshold: threshold).margins.map { $0.map { $0 > threshold } ?? false }
            ends[count - 1] = true
            return ends
        }
        // Each decoder decides its own state at half the threshold the summed margin must pass.
        let forward = forwardMargins(p, threshold: threshold / 2)
        let backward = backwardMargins(p, scored: forward, threshold: threshold / 2)
        var ends = zip(forward.margins, backward).map { f, b in f.map { $0 + b > threshold } ?? false }
        ends[count - 1] = true
        return ends
    }

    /// The left-to-right decoder's margin after each token but the last (nil where the rules close
    /// the position), deciding its own state at `threshold`; and the right-to-left decoder's margin
    /// from the same context features, which the same lookups give.
    func forwardMargins(_ p: Paragraph, threshold: Float) -> (margins: [Float?], backwardContext: [Float]) {
        let count = p.tokens.count
        var result = [Float?](repeating: nil, count: count)
        var backwardContext = [Float](repeating: 0, count: count)
        var state = State()
        var buffer: [UInt64] = []
        buffer.reserveCapacity(48)
        var scratch = FingerprintTable.Scratch()
        for i in 0..<(count - 1) {
            state.enter(p.tokens[i])
            // News never ends a sentence on a comma or semicolon; e-mail greetings and sign-offs do
            // ("Thanks, ‖ Renee"). Positions the rules close are not scored at all.
            // Nor does a title before a capitalised word ("U.S. Sen. ‖ John Doe" was split), nor a
            // name go on in a new sentence.
            var end = false
            if (!p.tokens[i].isSoftPunctuation || Self.mayEndOnComma(p, at: i, state)) && !Self.isTitleBeforeName(p, at: i)
                && !isInsideName(p, at: i) && (!p.punctuatedOnly || Self.isPunctuatedEnd(p, at: i)) {
                buffer.removeAll(keepingCapacity: true)
                Self.extractContext(p, at: i, into: &buffer)
                let context = margins.margins(buffer, &scratch)
                buffer.removeAll(keepingCapacity: true)
                Self.extractState(p, at: i, state, backward: false, into: &buffer)
                let m = context.forward + margins.margins(buffer, &scratch).forward
                result[i] = m
                backwardContext[i] = context.backward
                end = m > threshold
            }
            state.leave(boundary: end)
        }
        return (result, backwardContext)
    }

    /// The right-to-left decoder's margins at the positions the forward decoder scored: its state
    /// counts the tokens after the candidate up to the next boundary it has decided, so it sees how
    /// long the following sentence would be.
    func backwardMargins(_ p: Paragraph, scored forward: (margins: [Float?], backwardContext: [Float]), threshold: Float) -> [Float] {
        let count = p.tokens.count
        var result = [Float](repeating: 0, count: count)
        var state = State()
        var buffer: [UInt64] = []
        buffer.reserveCapacity(8)
        var scratch = FingerprintTable.Scratch()
        for i in stride(from: count - 2, through: 0, by: -1) {
            state.enter(p.tokens[i + 1])
            var end = false
            if forward.margins[i] != nil {
                buffer.removeAll(keepingCapacity: true)
                Self.extractState(p, at: i, state, backward: true, into: &buffer)
                result[i] = forward.backwardContext[i] + margins.margins(buffer, &scratch).backward
                end = result[i] > threshold
            }
            state.leave(boundary: end)
        }
        return result
    }

    /// E-mail greetings and sign-offs, the one place a comma ends a sentence. A salutation ("Renee,
    /// ‖ I would like…", "Dear Dr. Vincent Kaminski, ‖ Hi.") is one to four names or unknown words,
    /// perhaps after a greeting, before a known capitalised word that is not a name; a valediction
    /// ("Best regards, ‖ Debra") is a closing word before a capitalised one. Only words may come
    /// before the comma, so a vocative inside a quotation ("“Paul Singer, I challenge you") stays
    /// whole. News never ends a sentence on a comma otherwise: "In Moscow, Putin said" opens with a
    /// preposition and "Moscow, Putin…" or "Hey, Rubio…" go on with a name, so none qualifies; the
    /// model still has to be confident.
    static func mayEndOnComma(_ p: Paragraph, at i: Int, _ state: State) -> Bool {
        let n = state.sinceBoundary
        let word = Token.Kind.word.rawValue
        guard p.tokens[i].isComma, (1...4).contains(n), state.titleRun, i + 1 < p.tokens.count,
              p.tokens[i + 1].startsUpper, p.tokens[i + 1].kind == word,
              ((i - n)..<i).allSatisfy({ p.tokens[$0].kind == word }) else { return false }
        if n <= 3, valedictions.contains(p.tokens[i - 1].lower) { return true }
        guard isKnown(p, i + 1), !isName(p, i + 1) else { return false }
        for k in (i - n)..<i {
            let greeting = k == i - n && (greetings.contains(p.tokens[k].lower) || p.classes[k] == OrthographyLexicon.interjection)
            // A capitalised word the lexicon has never seen is most likely a name ("Renee").
            guard greeting || isName(p, k) || !isKnown(p, k) else { return false }
        }
        return true
    }

    /// A title or rank abbreviation (`Abbreviations.titles`: "Sen.", "Gen.", "Dr.") before a
    /// capitalised word: never a sentence end. "Jr.", "Sr." and "St." (also "Street") can end one.
    static func isTitleBeforeName(_ p: Paragraph, at i: Int) -> Bool {
        i + 1 < p.tokens.count && p.tokens[i + 1].startsUpper && titles.contains(p.tokens[i].lower)
    }

    /// Inside a name, no sentence ends: a capitalised first name before a capitalised word that
    /// looks like a surname — one the lexicon does not know, or knows as capitalised — and is not a
    /// first name itself ("Bernie ‖ Sanders", "Madeleine ‖ Albright"); or a title word before a
    /// capitalised name ("House Speaker ‖ Paul Ryan", "Senator ‖ Ben Cardin"). EWT's e-mail
    /// signatures taught the model that a capitalised word may open a sentence without punctuation
    /// before it, and news paid for it inside names (125 such splits in PolNeAR dev's 169 articles).
    /// A signature still ends where a first name meets a common word or another first name
    /// ("Thanks, Sean ‖ Here you go", "Vince ‖ Vince Kaminski").
    func isInsideName(_ p: Paragraph, at i: Int) -> Bool {
        let word = Token.Kind.word.rawValue
        guard i + 1 < p.tokens.count, p.tokens[i].kind == word, p.tokens[i + 1].kind == word,
              p.tokens[i].startsUpper, p.tokens[i + 1].startsUpper else { return false }
        let nextIsFirstName = firstNames.contains(p.tokens[i + 1].lower)
        let nextLooksLikeName = Self.isName(p, i + 1) || !Self.isKnown(p, i + 1)
        if Self.titleWords.contains(p.tokens[i].lower) { return nextLooksLikeName || nextIsFirstName }
        return firstNames.contains(p.tokens[i].lower) && nextLooksLikeName && !nextIsFirstName
    }

    /// Sentence-final punctuation, an abbreviation's period ("… in the U.S."), or a closing quote or
    /// bracket after either.
    static func isPunctuatedEnd(_ p: Paragraph, at i: Int) -> Bool {
        func final(_ t: TokenFeatures) -> Bool { t.isFinal || t.endsWithPeriod }
        return final(p.tokens[i]) || (p.tokens[i].quoteSide >= 2 && i > 0 && final(p.tokens[i - 1]))
    }

    static let titles = Set(Abbreviations.titles.map { lowerHash($0 + ".") })
    /// Titles written out, which stand before a name.
    static let titleWords = Set([
        "senator", "speaker", "governor", "president", "secretary", "minister", "chancellor", "judge", "justice", "general",
        "admiral", "mayor", "representative", "congressman", "congresswoman", "ambassador", "sheriff", "commissioner",
        "chairman", "chairwoman", "prince", "princess", "king", "queen", "pope", "rabbi", "reverend", "professor", "coach",
        "detective", "sergeant", "captain", "lieutenant", "colonel", "actor", "actress",
    ].map(lowerHash))
    static let greetings = Set(["dear", "hi", "hello", "hey", "greetings"].map(lowerHash))
    static let valedictions = Set(["regards", "thanks", "sincerely", "cheers", "best", "thx", "you", "yours", "love"].map(lowerHash))
    static func lowerHash(_ word: String) -> UInt64 { TokenFeatures(norm: word, kind: .word, source: word.unicodeScalars.first!).lower }

    static func isKnown(_ p: Paragraph, _ k: Int) -> Bool { p.ortho[k] != 0 || p.classes[k] != 0 }

    /// A word usually tagged as a proper noun, or always capitalised mid-sentence.
    static func isName(_ p: Paragraph, _ k: Int) -> Bool {
        let caseClass = OrthographyLexicon.caseClass(p.ortho[k])
        return p.tokens[k].kind == Token.Kind.word.rawValue
            && (p.classes[k] == OrthographyLexicon.properNoun || caseClass == 2 || caseClass == 3)
    }

    /// One paragraph's tokens with what the features need to look ahead.
    struct Paragraph {
        let tokens: [TokenFeatures]
        let spaceAfter: [Bool]
        /// Orthographic codes (see `OrthographyLexicon`).
        let ortho: [UInt8]
        /// Word classes (see `OrthographyLexicon.wordClass`), 0 when unknown.
        let classes: [UInt8]
        /// The first token that is sentence-final punctuation (`count` when there is none).
        let firstFinal: Int
        /// Whether a sentence may end only after sentence-final punctuation (edited prose).
        var punctuatedOnly = false

        init(_ tokens: [TokenFeatures], spaceAfter: [Bool], ortho: [UInt8], classes: [UInt8]) {
            self.tokens = tokens
            self.classes = classes
            self.spaceAfter = spaceAfter
            self.ortho = ortho
            firstFinal = tokens.firstIndex(where: \.isFinal) ?? tokens.count
        }
    }

    /// What greedy decoding remembers: tokens since the last boundary, and whether the current
    /// sentence so far is a run of capitalised words and punctuation (a title).
    struct State {
        var sinceBoundary = 0
        var titleRun = true

        mutating func enter(_ t: TokenFeatures) {
            titleRun = (sinceBoundary == 0 || titleRun) && SentenceSplitter.isTitleLike(t)
        }

        mutating func leave(boundary: Bool) {
            sinceBoundary = boundary ? 0 : sinceBoundary + 1
        }
    }

    /// Each token's orthographic code and word class (see `OrthographyLexicon`), stored in the
    /// model; 0 when unknown.
    func lexicon(_ features: [TokenFeatures]) -> (ortho: [UInt8], classes: [UInt8]) {
        var ortho = [UInt8](repeating: 0, count: features.count)
        var classes = [UInt8](repeating: 0, count: features.count)
        for (i, t) in features.enumerated() where t.kind != Token.Kind.punctuation.rawValue {
            guard let entry = margins.lexiconEntry(OrthographyLexicon.key(t.lower)) else { continue }
            if t.kind == Token.Kind.word.rawValue { ortho[i] = entry.code }
            classes[i] = entry.wordClass
        }
        return (ortho, classes)
    }

    /// Capitalised words and punctuation: a run of these from the sentence start looks like a title.
    static func isTitleLike(_ t: TokenFeatures) -> Bool { t.startsUpper || t.isPunctuation }

    /// The features of "a sentence ends after token `i`" for the decoder reading in the given direction.
    static func extract(_ p: Paragraph, at i: Int, _ state: State, backward: Bool = false, into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        extractContext(p, at: i, into: &f)
        extractState(p, at: i, state, backward: backward, into: &f)
    }

    /// The features that depend on the decoder's state: how long the sentence is (before the
    /// candidate for the left-to-right decoder, after it for the right-to-left one) and whether it
    /// is a title run. Appended to `f`.
    static func extractState(_ p: Paragraph, at i: Int, _ state: State, backward: Bool, into f: inout [UInt64]) {
        let t = p.tokens
        let none: UInt64 = 0x5EED
        let cur = t[i]
        let next = i + 1 < t.count ? t[i + 1] : nil
        let next2 = i + 2 < t.count ? t[i + 2] : nil
        // After `.!?` the right-to-left decoder does not weigh how long the following sentence is:
        // EWT taught it that a short one is unlikely, which merged "… on Jan. 5. ‖ They talked."
        let length = UInt64(backward && cur.isFinal ? 9 : bucket(state.sinceBoundary))
        let titleRun: UInt64 = state.titleRun ? 1 : 0
        let curCase = UInt64(cur.caseClass), nextCase = UInt64(next?.caseClass ?? 9), next2Case = UInt64(next2?.caseClass ?? 9)
        @inline(__always) func add(_ template: UInt64, _ value: UInt64) { f.append(FeatureHash.feature(template, value)) }
        add(17, FeatureHash.combine(length, cur.shape))
        add(18, FeatureHash.combine(length, next?.startsUpper == true ? 1 : 0))
        add(24, FeatureHash.combine(cur.lower, length))
        add(27, FeatureHash.combine(titleRun, FeatureHash.combine(length, next?.shape ?? none)))
        add(51, FeatureHash.combine(FeatureHash.combine(titleRun, length),
                                    FeatureHash.combine(FeatureHash.combine(curCase, nextCase), next2Case)))
    }

    /// The features that depend only on the tokens around `i`, the same for both decoders.
    /// Appended to `f`.
    static func extractContext(_ p: Paragraph, at i: Int, into f: inout [UInt64]) {
        let t = p.tokens, spaceAfter = p.spaceAfter, ortho = p.ortho
        let none: UInt64 = 0x5EED
        let cur = t[i]
        let next = i + 1 < t.count ? t[i + 1] : nil
        let next2 = i + 2 < t.count ? t[i + 2] : nil
        let prev = i > 0 ? t[i - 1] : nil
        let nextLower = next?.lower ?? none, nextShape = next?.shape ?? none
        let prevLower = prev?.lower ?? none
        @inline(__always) func add(_ template: UInt64, _ value: UInt64) { f.append(FeatureHash.feature(template, value)) }
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
        add(19, FeatureHash.combine(prevLower, FeatureHash.combine(cur.lower, nextShape)))
        // Sentences without final punctuation (headlines, titles, sign-offs): what follows decides.
        add(20, FeatureHash.combine(cur.shape, nextLower))
        add(21, FeatureHash.combine(cur.isPunctuation ? 1 : 0, nextLower))
        add(22, FeatureHash.combine(nextLower, next2?.shape ?? none))
        add(23, next2?.lower ?? none)
        add(25, FeatureHash.combine(prev?.shape ?? none, cur.lower))
        add(26, FeatureHash.combine(UInt64(bucket(i)), FeatureHash.combine(cur.shape, nextShape)))
        add(28, FeatureHash.combine(UInt64(cur.kind), UInt64(next?.kind ?? 99)))
        // Orthographic context: is the next word capitalised although it is usually lower-case?
        let nextOrtho = UInt64(i + 1 < t.count ? ortho[i + 1] : 255), curOrtho = UInt64(ortho[i])
        let nextCase = UInt64(next?.caseClass ?? 9), curCase = UInt64(cur.caseClass)
        add(30, FeatureHash.combine(nextOrtho, nextCase))
        add(31, FeatureHash.combine(nextOrtho / 5, FeatureHash.combine(nextCase, cur.shape)))
        add(32, FeatureHash.combine(curOrtho / 5, FeatureHash.combine(curCase, nextCase)))
        // Word classes (the most frequent Penn tag class of each word): "the" or "of" cannot end a
        // sentence, a pronoun often starts one.
        let cc = UInt64(p.classes[i]), nc = UInt64(i + 1 < t.count ? p.classes[i + 1] : 99)
        let pc = UInt64(i > 0 ? p.classes[i - 1] : 99), nnc = UInt64(i + 2 < t.count ? p.classes[i + 2] : 99)
        add(40, FeatureHash.combine(cc, nc))
        add(41, FeatureHash.combine(FeatureHash.combine(cc, nc), FeatureHash.combine(cur.shape, nextShape)))
        add(42, FeatureHash.combine(FeatureHash.combine(pc, cc), nc))
        add(43, FeatureHash.combine(FeatureHash.combine(cc, nc), nnc))
        add(44, FeatureHash.combine(cur.lower, nc))
        add(45, FeatureHash.combine(cc, nextLower))
        // Titles and headings without final punctuation, above all at the start of a document.
        let noFinalYet: UInt64 = i <= p.firstFinal ? 1 : 0
        add(50, FeatureHash.combine(FeatureHash.combine(UInt64(bucket(i)), noFinalYet),
                                    FeatureHash.combine(FeatureHash.combine(curCase, nextCase), nextOrtho / 5)))
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
