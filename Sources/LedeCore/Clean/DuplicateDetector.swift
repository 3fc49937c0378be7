/// Finds paragraphs that repeat an earlier one: scraped bodies that appear twice, in full or in part.
///
/// Two paragraphs are copies when their words are equal (white space, quote style, punctuation and
/// entities already folded away by `ParagraphText`), or, for paragraphs of at least
/// `minNearWords` words, when their word-trigram sets overlap by `nearThreshold` (a re-scrape that
/// changed a word or cut a sentence short). Which copies are removed is the cleaner's decision.
struct DuplicateDetector {
    static let minNearWords = 8
    static let nearThreshold = 0.8
    /// A run of copies is a scraped repeat when it holds this share of the article's words…
    static let minRunShare = 0.1
    /// …and either this many words or at least two paragraphs…
    static let minRunWords = 40
    /// …and reads as prose (this many words per paragraph on average), unless it holds `dominantShare`.
    static let minProseWords = 10.0
    static let dominantShare = 0.3
    /// Bounds the candidate lists so a page of identical lines cannot turn this quadratic.
    static let maxPostings = 64

    private var firstByKey: [String: Int] = [:]
    /// Paragraphs holding each shingle: the first one, then any others (most shingles occur once,
    /// and an array per shingle was most of the cleaner's time). Not a `Dictionary`: it hashed
    /// every shingle, already a well-mixed hash, again with SipHash, a third of the cleaner's time
    /// on the 5 MB benchmark input.
    private var firstPosting = FeatureTable()
    private var morePostings: [UInt64: [Int]] = [:]
    /// Shingles of each remembered paragraph, by index (0 for the others).
    private var shingleCounts: [Int] = []
    /// Scratch for `nearCopy`: shingles shared with each earlier paragraph, and which are non-zero.
    /// Arrays, not a dictionary: hashing paragraph indices was most of the lookup time.
    private var sharedCounts: [Int] = []
    private var touched: [Int] = []

    /// Returns the index (among the paragraphs seen so far) that `paragraph` duplicates, if any,
    /// and remembers it otherwise.
    mutating func firstCopy(of paragraph: ParagraphText, index: Int) -> Int? {
        let key = Self.key(paragraph)
        if let first = firstByKey[key] { return first }
        let shingles = Self.shingles(paragraph.words)
        if paragraph.words.count >= Self.minNearWords, let near = nearCopy(shingles) {
            // Later exact copies of this paragraph then join the same group.
            firstByKey[key] = near
            return near
        }
        firstByKey[key] = index
        if shingleCounts.count <= index {
            shingleCounts += repeatElement(0, count: index + 1 - shingleCounts.count)
            sharedCounts += repeatElement(0, count: index + 1 - sharedCounts.count)
        }
        shingleCounts[index] = shingles.count
        for shingle in shingles {
            let isFirst = firstPosting.insert(FeatureTable.nonZero(shingle), row: index)
            if !isFirst, morePostings[shingle]?.count ?? 0 < Self.maxPostings - 1 {
                morePostings[shingle, default: []].append(index)
            }
        }
        return nil
    }

    private mutating func nearCopy(_ shingles: [UInt64]) -> Int? {
        func share(_ candidate: Int) {
            if sharedCounts[candidate] == 0 { touched.append(candidate) }
            sharedCounts[candidate] += 1
        }
        for shingle in shingles {
            guard let first = firstPosting.row(FeatureTable.nonZero(shingle)) else { continue }
            share(first)
            for candidate in morePostings[shingle] ?? [] { share(candidate) }
        }
        var best: (index: Int, score: Double)?
        for candidate in touched {
            let overlap = sharedCounts[candidate]
            sharedCounts[candidate] = 0
            let candidateCount = shingleCounts[candidate]
            let union = shingles.count + candidateCount - overlap
            var score = Double(overlap) / Double(max(union, 1))
            // A later copy cut short by the scraper is contained in the first one. Only the shorter,
            // later paragraph may go this way: a longer later one holds text the first copy lacks.
            if shingles.count <= candidateCount {
                score = max(score, Double(overlap) / Double(max(shingles.count, 1)) * 0.95)
            }
            if score >= Self.nearThreshold, best == nil || score > best!.score || (score == best!.score && candidate < best!.index) {
                best = (candidate, score)
            }
        }
        touched.removeAll(keepingCapacity: true)
        return best?.index
    }

    /// Words joined; a paragraph without words ("* * *", "—") is keyed by its folded text.
    static func key(_ paragraph: ParagraphText) -> String {
        paragraph.hasText ? paragraph.words.joined(separator: " ") : paragraph.folded
    }

    /// The paragraph's distinct word trigrams, hashed, in ascending order (sorting a paragraph's
    /// few dozen is cheaper than hashing them into a `Set`).
    static func shingles(_ words: [String]) -> [UInt64] {
        guard words.count >= 3 else { return [FeatureHash.string(words.joined(separator: " "))] }
        let hashes = words.map(FeatureHash.string)
        var shingles = (0..<(words.count - 2)).map { i in
            FeatureHash.combine(FeatureHash.combine(hashes[i], hashes[i + 1]), hashes[i + 2])
        }
        shingles.sort()
        var kept = 0
        for shingle in shingles where kept == 0 || shingles[kept - 1] != shingle {
            shingles[kept] = shingle
            kept += 1
        }
        shingles.removeLast(shingles.count - kept)
        return shingles
    }
}
