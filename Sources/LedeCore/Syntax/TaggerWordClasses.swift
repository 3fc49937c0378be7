/// Distributional word classes and casing profiles learnt from unlabelled text, for the tagger.
///
/// The treebank has 200k words; news text at hand has a million more. A word the treebank never
/// shows (or shows twice) still has neighbours there, and words with the same neighbours tend to
/// share a tag (Brown et al. 1992; Koo et al. 2008). Each word seen `minCount` times gets a fine and
/// a coarse class (spherical k-means over its left and right neighbour profiles, see
/// `TaggerClustering`) and a casing profile (how it is written away from a sentence start), which
/// separates proper nouns from capitalised common words.
///
/// Keyed by the lower-cased form's hash, like `AmbiguityLexicon`; stored in the model's metadata as
/// `lower<TAB>fine<TAB>coarse<TAB>casing` lines, so inference needs no corpus.
struct TaggerWordClasses: Sendable {
    static let metadataKey = "word_classes"
    /// Words seen fewer times in the unlabelled text have no class (too few neighbours to judge).
    static let minCount = 3
    static let fineClasses = 512
    static let coarseClasses = 64

    struct Entry: Sendable {
        var cluster: UInt64, coarse: UInt64, casing: UInt64
    }

    private(set) var entries: [UInt64: Entry] = [:]

    init() {}

    /// Parses the metadata lines.
    init(_ text: String) {
        for fields in MetadataTable.rows(text) {
            guard fields.count == 4, let fine = UInt64(fields[1]), let coarse = UInt64(fields[2]),
                  let casing = UInt64(fields[3]) else { continue }
            // +1 (and the casing's own 1-based codes) keep 0 for "no class".
            entries[FeatureHash.scalars(fields[0].unicodeScalars)] = Entry(cluster: fine + 1, coarse: coarse + 1, casing: casing)
        }
    }

    /// Sets the class fields of padded `words` (padding keeps its own markers).
    func annotate(_ words: inout [TaggerWord]) {
        for i in 2..<(words.count - 2) {
            if let e = entries[words[i].lower] {
                words[i].cluster = e.cluster
                words[i].coarseCluster = e.coarse
                words[i].casing = e.casing
            }
        }
    }

    /// Learns the metadata lines from tokenized sentences (analysis forms, case kept), sorted.
    static func learn(_ sentences: [[String]], seed: UInt64, fine fineCount: Int = fineClasses,
                      coarse coarseCount: Int = coarseClasses) -> [String] {
        var index: [String: Int] = [:]
        var words: [String] = []
        var counts: [Int] = []
        var casing: [[Int]] = []
        var encoded: [[Int]] = []
        encoded.reserveCapacity(sentences.count)
        for sentence in sentences {
            var ids: [Int] = []
            ids.reserveCapacity(sentence.count)
            for (position, form) in sentence.enumerated() {
                let lower = TaggerTrainer.lower(form)
                let id: Int
                if let known = index[lower] {
                    id = known
                } else {
                    id = words.count
                    index[lower] = id
                    words.append(lower)
                    counts.append(0)
                    casing.append([0, 0, 0])
                }
                counts[id] += 1
                if position > 0, let c = Casing.of(form) { casing[id][c] += 1 }
                ids.append(id)
            }
            encoded.append(ids)
        }
        // Vocabulary by frequency (ties by form): the order fixes every index below.
        let ranked = words.indices.filter { counts[$0] >= minCount && !words[$0].unicodeScalars.contains { $0 == "\t" || $0 == "\n" } }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : words[$0] < words[$1] }
        var rank = [Int](repeating: -1, count: words.count)
        for (r, id) in ranked.enumerated() { rank[id] = r }
        let clustering = TaggerClustering(sentences: encoded, rank: rank, vocabulary: ranked.count)
        let fine = clustering.cluster(fineCount, seed: seed)
        let coarse = clustering.cluster(coarseCount, seed: seed &+ 1)
        var lines: [String] = []
        lines.reserveCapacity(ranked.count)
        for (r, id) in ranked.enumerated() {
            lines.append("\(words[id])\t\(fine[r])\t\(coarse[r])\t\(Casing.profile(casing[id]))")
        }
        return lines.sorted()
    }

    /// How a word is written away from a sentence start.
    enum Casing {
        /// 0 lower, 1 capitalised, 2 all capitals; nil for a form without letters.
        static func of(_ form: String) -> Int? {
            var letters = 0, uppers = 0, firstUpper = false
            for s in form.unicodeScalars where ScalarClass.isLetter(s) {
                if ScalarClass.isUppercase(s) {
                    uppers += 1
                    if letters == 0 { firstUpper = true }
                }
                letters += 1
            }
            guard letters > 0 else { return nil }
            if uppers == letters && letters > 1 { return 2 }
            return firstUpper ? 1 : 0
        }

        /// 1 unseen mid-sentence, 2 nearly always lower, 3 nearly always capitalised, 4 mostly
        /// capitals, 5 mixed lower and capitalised.
        static func profile(_ counts: [Int]) -> Int {
            let total = counts.reduce(0, +)
            guard total > 0 else { return 1 }
            let share = counts.map { Double($0) / Double(total) }
            if share[0] >= 0.9 { return 2 }
            if share[1] >= 0.9 { return 3 }
            if share[2] >= 0.5 { return 4 }
            return 5
        }
    }
}
