import Foundation

/// Punkt-style orthographic context (Kiss & Strunk 2006): for each lower-cased word, how often it
/// is written capitalised or lower-case in the middle of a sentence, and how often it starts one.
///
/// A capitalised word that is usually lower-case mid-sentence ("Thanks", "Attached", "These")
/// signals a sentence start even without final punctuation before it; one that is always
/// capitalised (a name) does not. The counts come from UD training sentences, CoNLL-2003 training
/// tokens and article bodies (never from the dev set), and ship folded into the sentence model:
/// one extra row per word, keyed by `orthographyKey(lower)`, whose class-0 weight is the code.
public struct OrthographyLexicon: Sendable {
    struct Counts: Sendable, Equatable {
        var upperMid: Int32 = 0
        var lowerMid: Int32 = 0
        var upperStart: Int32 = 0
        var lowerStart: Int32 = 0

        static func - (a: Counts, b: Counts) -> Counts {
            Counts(upperMid: a.upperMid - b.upperMid, lowerMid: a.lowerMid - b.lowerMid,
                   upperStart: a.upperStart - b.upperStart, lowerStart: a.lowerStart - b.lowerStart)
        }
    }

    private(set) var counts: [UInt64: Counts] = [:]
    /// Per word, how often it carries each coarse part-of-speech class (`wordClass(ptb:)`).
    private(set) var tags: [UInt64: [Int32]] = [:]

    public init() {}

    /// The model row under which a word's code is stored (a template no extracted feature uses).
    @inline(__always)
    static func key(_ lower: UInt64) -> UInt64 { FeatureTable.nonZero(FeatureHash.feature(0x0A7_0000, lower)) }

    // MARK: - Codes

    /// A small code (0 = unknown) combining the mid-sentence case class and how often the word
    /// starts a sentence.
    static func code(_ c: Counts) -> UInt8 {
        let mid = Int(c.upperMid) + Int(c.lowerMid)
        let starts = Int(c.upperStart) + Int(c.lowerStart)
        let caseClass: Int
        if mid == 0 {
            caseClass = starts == 0 ? 0 : 1
        } else if c.lowerMid == 0 {
            caseClass = c.upperMid >= 3 ? 2 : 3  // always capitalised: a name
        } else if c.upperMid == 0 {
            caseClass = c.lowerMid >= 3 ? 4 : 5  // never capitalised mid-sentence
        } else {
            caseClass = c.upperMid * 2 > mid ? 6 : 7
        }
        let starter: Int
        if starts == 0 {
            starter = 0
        } else {
            let ratio = Double(starts) / Double(starts + mid)
            starter = ratio < 0.05 ? 1 : ratio < 0.25 ? 2 : ratio < 0.6 ? 3 : 4
        }
        return UInt8(caseClass * 5 + starter)
    }

    /// The mid-sentence case class of a code (0 unknown … 7 mixed, mostly lower).
    @inline(__always)
    static func caseClass(_ code: UInt8) -> UInt8 { code / 5 }

    func code(_ lower: UInt64, excluding own: [UInt64: Counts]? = nil) -> UInt8 {
        guard var c = counts[lower] else { return 0 }
        if let mine = own?[lower] { c = c - mine }
        return Self.code(c)
    }

    /// Codes and word classes of all known words, as `(key, code, class)` rows sorted by key, for
    /// the model file.
    func rows() -> [(key: UInt64, code: UInt8, wordClass: UInt8)] {
        Set(counts.keys).union(tags.keys).compactMap { lower in
            let code = counts[lower].map(Self.code) ?? 0
            let wordClass = self.wordClass(lower)
            return code == 0 && wordClass == 0 ? nil : (Self.key(lower), code, wordClass)
        }.sorted { $0.key < $1.key }
    }

    // MARK: - Word classes

    static let wordClassCount = 20
    /// `wordClass(ptb:)` of NNP/NNPS and of UH (hello, thanks, hi).
    static let properNoun: UInt8 = 2, interjection: UInt8 = 17

    /// A coarse class of a Penn Treebank tag (1…19); what kind of word can end or start a sentence.
    static func wordClass(ptb tag: Substring) -> UInt8 {
        switch tag {
        case "NN", "NNS": return 1
        case "NNP", "NNPS": return 2
        case "PRP": return 3
        case "PRP$": return 4
        case "VB", "VBP", "VBZ": return 5
        case "VBD", "VBN": return 6
        case "VBG": return 7
        case "MD": return 8
        case "JJ", "JJR", "JJS": return 9
        case "RB", "RBR", "RBS", "RP": return 10
        case "DT", "PDT", "WDT": return 11
        case "IN": return 12
        case "TO": return 13
        case "CC": return 14
        case "WP", "WP$", "WRB": return 15
        case "CD": return 16
        case "UH": return 17
        case "EX": return 18
        default: return 19
        }
    }

    /// Counts one tagged word (lower-cased hash, `wordClass`).
    static func countTag(_ lower: UInt64, _ wordClass: UInt8, into table: inout [UInt64: [Int32]]) {
        table[lower, default: [Int32](repeating: 0, count: wordClassCount)][Int(wordClass)] += 1
    }

    mutating func addTag(_ lower: UInt64, _ wordClass: UInt8) { Self.countTag(lower, wordClass, into: &tags) }

    /// The word's most frequent class (0 when unknown); ties go to the lower class.
    func wordClass(_ lower: UInt64, excluding own: [UInt64: [Int32]]? = nil) -> UInt8 {
        guard let counts = tags[lower] else { return 0 }
        let mine = own?[lower]
        var best = 0
        var bestCount: Int32 = 0
        for c in 1..<Self.wordClassCount {
            let n = counts[c] - (mine?[c] ?? 0)
            if n > bestCount { best = c; bestCount = n }
        }
        return UInt8(best)
    }

    // MARK: - Counting

    /// Counts one token stream. `starts[i]` is true where a sentence is known to start, false where
    /// it is known not to, nil where it is unknown (unlabelled text after `.!?`).
    static func count(_ tokens: [TokenFeatures], sentenceStart: (Int) -> Bool?, into table: inout [UInt64: Counts]) {
        for (i, t) in tokens.enumerated() where t.kind == Token.Kind.word.rawValue {
            let upper: Bool
            switch t.caseClass {
            case 1: upper = false
            case 2: upper = true
            default: continue  // all capitals or not starting with a letter: no case evidence
            }
            guard let start = sentenceStart(i) else { continue }
            if start {
                if upper { table[t.lower, default: Counts()].upperStart += 1 } else { table[t.lower, default: Counts()].lowerStart += 1 }
            } else {
                // Mid-sentence only after a word, a number or a comma-like mark: capitals after
                // colons, quotes and dashes are often sentence-like starts.
                guard i > 0 else { continue }
                let p = tokens[i - 1]
                let clear = p.kind == Token.Kind.word.rawValue || p.kind == Token.Kind.number.rawValue || p.isSoftPunctuation
                guard clear else { continue }
                if upper { table[t.lower, default: Counts()].upperMid += 1 } else { table[t.lower, default: Counts()].lowerMid += 1 }
            }
        }
    }

    /// Adds labelled sentences: `ends[i]` says a sentence ends after token `i`.
    static func countLabelled(_ tokens: [TokenFeatures], ends: [Bool], into table: inout [UInt64: Counts]) {
        var isStart = [Bool?](repeating: false, count: tokens.count)
        var atStart = true
        for i in tokens.indices {
            let t = tokens[i]
            if atStart, t.kind == Token.Kind.word.rawValue || t.kind == Token.Kind.number.rawValue {
                isStart[i] = true
                atStart = false
            }
            if ends[i] { atStart = true }
        }
        count(tokens, sentenceStart: { isStart[$0] }, into: &table)
    }

    /// Adds an unlabelled paragraph: its first word starts a sentence; a word after a token that
    /// may end a sentence (a period, `!`, `?`, a closing quote) is left out.
    static func countUnlabelled(_ tokens: [TokenFeatures], into table: inout [UInt64: Counts]) {
        var firstWord = -1
        for i in tokens.indices where tokens[i].kind == Token.Kind.word.rawValue || tokens[i].kind == Token.Kind.number.rawValue {
            firstWord = i
            break
        }
        count(tokens, sentenceStart: { i in
            if i == firstWord { return true }
            guard i > 0 else { return nil }
            let p = tokens[i - 1]
            if p.endsWithPeriod || (p.isPunctuation && !p.isSoftPunctuation) { return nil }
            return false
        }, into: &table)
    }

    // MARK: - Sources

    mutating func addLabelled(_ tokens: [TokenFeatures], ends: [Bool]) {
        Self.countLabelled(tokens, ends: ends, into: &counts)
    }

    mutating func addUnlabelled(_ tokens: [TokenFeatures]) {
        Self.countUnlabelled(tokens, into: &counts)
    }

    /// CoNLL-2003 columns (`token POS chunk NER`, blank line between sentences, `-DOCSTART-`).
    /// All-capital sentences (headlines, datelines) carry no case evidence and are skipped.
    public mutating func addCoNLL2003(_ content: String) {
        var sentence: [String] = []
        var sentenceTags: [UInt8] = []
        func finish() {
            defer { sentence.removeAll(keepingCapacity: true); sentenceTags.removeAll(keepingCapacity: true) }
            guard !sentence.isEmpty, sentence.contains(where: { $0.unicodeScalars.contains(where: ScalarClass.isLowercase) }) else { return }
            let features = sentence.map { word -> TokenFeatures in
                let scalars = Array(word.unicodeScalars)
                return TokenFeatures(norm: word, kind: Tokenizer.kind(of: scalars), source: scalars[0])
            }
            for (t, tag) in zip(features, sentenceTags) where t.caseClass != 3 { addTag(t.lower, tag) }
            var ends = [Bool](repeating: false, count: features.count)
            ends[features.count - 1] = true
            addLabelled(features, ends: ends)
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let token = line.prefix(while: { $0 != " " && $0 != "\t" })
            if token.isEmpty || token == "-DOCSTART-" { finish(); continue }
            sentence.append(String(token))
            let tag = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).dropFirst().first ?? ""
            sentenceTags.append(Self.wordClass(ptb: tag))
        }
        finish()
    }

    /// Plain text (article bodies): every non-empty line is a paragraph.
    public mutating func addPlainText(_ text: String) {
        let tokenizer = Tokenizer()
        for line in text.split(whereSeparator: \.isNewline) {
            let scalars = Array(line.unicodeScalars)
            let pieces = tokenizer.tokenize(scalars, 0..<scalars.count)
            let features = pieces.map { piece in
                TokenFeatures(norm: String(String.UnicodeScalarView(scalars[piece.range])), kind: piece.kind,
                              source: scalars[piece.range.lowerBound])
            }
            addUnlabelled(features)
        }
    }
}
