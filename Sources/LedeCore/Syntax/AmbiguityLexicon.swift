/// Which classes the treebank gives each known word (its *ambiguity class*, as in SVMTool and
/// Morče), and its most frequent class. The tagger reads them for the word and the two words to its
/// right, which it has not tagged yet: a cheap look-ahead that a greedy left-to-right tagger lacks.
///
/// Keyed by the lower-cased form's hash; stored in the model's metadata as
/// `lower<TAB>class,class…<TAB>most frequent class` lines.
struct AmbiguityLexicon: Sendable {
    /// A class belongs to a word's ambiguity class when it has at least this share of its occurrences.
    static let minShare = 0.05
    /// Words seen fewer times are unknown (their counts say little).
    static let minCount = 2

    private(set) var entries: [UInt64: (ambiguity: UInt64, mode: UInt64)] = [:]

    init() {}

    /// From per-word class counts (word → class index → count).
    init(counts: [String: [Int: Int]]) {
        for (word, byClass) in counts {
            guard let entry = Self.entry(byClass) else { continue }
            entries[FeatureHash.scalars(word.unicodeScalars)] = entry
        }
    }

    /// Parses the metadata lines, given the model's class names.
    init(_ text: String, classIndex: [String: Int]) {
        for fields in MetadataTable.rows(text) {
            guard fields.count == 3, let mode = classIndex[fields[2]] else { continue }
            let members = Self.classNames(fields[1]).compactMap { classIndex[$0] }
            entries[FeatureHash.scalars(fields[0].unicodeScalars)] = (Self.hash(members.sorted()), UInt64(mode + 1))
        }
    }

    /// The class names of a comma-joined list. The comma class itself (`PUNCT|,`) contains the
    /// separator: a piece ending in `|` gets its comma back and the empty piece after it is dropped,
    /// so the lexicon read from a model file is the one the tagger was trained with.
    static func classNames(_ list: String) -> [String] {
        var names: [String] = []
        var pieces = list.split(separator: ",", omittingEmptySubsequences: false)[...]
        while let piece = pieces.popFirst() {
            if piece.hasSuffix("|") {
                names.append(piece + ",")
                if pieces.first?.isEmpty == true { pieces.removeFirst() }
            } else if !piece.isEmpty {
                names.append(String(piece))
            }
        }
        return names
    }

    static func entry(_ byClass: [Int: Int]) -> (ambiguity: UInt64, mode: UInt64)? {
        let total = byClass.values.reduce(0, +)
        guard total >= minCount else { return nil }
        let members = byClass.filter { Double($0.value) >= minShare * Double(total) }.keys.sorted()
        guard let mode = byClass.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { return nil }
        return (hash(members), UInt64(mode + 1))
    }

    /// The metadata line of one word, or nil when it is not known.
    static func line(_ word: String, _ byClass: [Int: Int], classes: [String]) -> String? {
        let total = byClass.values.reduce(0, +)
        guard total >= minCount,
              let mode = byClass.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { return nil }
        let members = byClass.filter { Double($0.value) >= minShare * Double(total) }.keys.sorted()
        return word + "\t" + members.map { classes[$0] }.joined(separator: ",") + "\t" + classes[mode]
    }

    static func hash(_ members: [Int]) -> UInt64 {
        var h = FeatureHash.offsetBasis
        for m in members { h = (h ^ UInt64(m + 1)) &* FeatureHash.prime }
        return h
    }

    /// Sets the ambiguity fields of padded `words` (padding keeps its own markers).
    func annotate(_ words: inout [TaggerWord]) {
        for i in 2..<(words.count - 2) {
            if let e = entries[words[i].lower] {
                words[i].ambiguity = e.ambiguity
                words[i].mode = e.mode
            }
        }
    }
}

/// Tab-separated rows of a table stored in a model's metadata, split on scalars: splitting on
/// `Character`s would glue a line break to a following combining mark and lose the row.
enum MetadataTable {
    static func rows(_ text: String) -> [[String]] {
        text.unicodeScalars.split(separator: "\n").map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        }
    }
}
