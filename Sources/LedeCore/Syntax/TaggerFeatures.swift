/// One token as the tagger sees it: stable hashes of its form, computed once per token so that
/// feature extraction is integer arithmetic only (no `String` is built per feature).
struct TaggerWord: Sendable {
    /// FNV-1a over the folded form's scalars (case kept): the tag dictionary's key.
    var word: UInt64
    var lower: UInt64
    var prefix1: UInt64
    /// Prefixes of 2 and 3 lower-cased scalars (the whole word when shorter): unknown words'
    /// derivational morphology (un-, re-, over-) and capitalised stems.
    var prefix2: UInt64
    var prefix3: UInt64
    /// Suffixes of the lower-cased form, 1 to 5 scalars (the whole word when shorter).
    var suffix1: UInt64
    var suffix2: UInt64
    var suffix3: UInt64
    var suffix4: UInt64
    var suffix5: UInt64
    /// Length in scalars, capped at 12 (short unknown words are abbreviations, names or typos).
    var length: UInt64
    /// spaCy-style shape: X, x, d, other scalars as themselves, runs cut after four.
    var shape: UInt64
    /// `Flags` bits.
    var flags: UInt8
    /// The word's ambiguity class (the set of classes the treebank gives it) and its most frequent
    /// class, both as hashes; 0 for a word the lexicon does not know. Set from `AmbiguityLexicon`.
    var ambiguity: UInt64 = 0
    var mode: UInt64 = 0
    /// Distributional classes (fine and coarse) and casing profile from unlabelled text; 0 for a
    /// word too rare there. Set from `TaggerWordClasses`.
    var cluster: UInt64 = 0
    var coarseCluster: UInt64 = 0
    var casing: UInt64 = 0

    enum Flags {
        static let title: UInt8 = 1, upper: UInt8 = 2, digit: UInt8 = 4, hyphen: UInt8 = 8
    }

    /// The padding before the first and after the last token of a sentence.
    static let start = TaggerWord(padding: 0x5354_4152_5400_0001)
    static let end = TaggerWord(padding: 0x454e_4400_0000_0002)

    private init(padding h: UInt64) {
        word = h; lower = h; prefix1 = h; prefix2 = h; prefix3 = h; suffix1 = h; suffix2 = h; suffix3 = h; suffix4 = h
        suffix5 = h; length = h; shape = h; flags = 0
        ambiguity = h; mode = h; cluster = h; coarseCluster = h; casing = h
    }

    /// - Parameter form: the token's analysis form (`Token.norm`, or a treebank form folded the same way).
    init(_ form: String) {
        let prime = FeatureHash.prime
        var word = FeatureHash.offsetBasis, lower = word, shape = word
        var prefix: UInt32 = 0
        var prefixes = (FeatureHash.offsetBasis, FeatureHash.offsetBasis)
        var count = 0, letters = 0, uppers = 0
        var firstUpper = false, digit = false, hyphen = false
        var lastShape: UInt32 = 0, run = 0
        for s in form.unicodeScalars {
            let l = ScalarClass.lowercased(s)
            word = (word ^ UInt64(s.value)) &* prime
            lower = (lower ^ UInt64(l.value)) &* prime
            if count == 0 { prefix = l.value }
            if count < 2 { prefixes.0 = (prefixes.0 ^ UInt64(l.value)) &* prime }
            if count < 3 { prefixes.1 = (prefixes.1 ^ UInt64(l.value)) &* prime }
            let isUpper = ScalarClass.isUppercase(s)
            let c: UInt32
            if isUpper {
                c = 88; letters += 1; uppers += 1
                if count == 0 { firstUpper = true }
            } else if ScalarClass.isLetter(s) {
                c = 120; letters += 1
            } else if ScalarClass.isDigit(s) {
                c = 100; digit = true
            } else {
                c = s.value
                if s == "-" { hyphen = true }
            }
            if c == lastShape { run += 1 } else { run = 0; lastShape = c }
            if run < 4 { shape = (shape ^ UInt64(c)) &* prime }
            count += 1
        }
        self.word = word
        self.lower = lower
        self.shape = shape
        self.prefix1 = UInt64(prefix)
        (prefix2, prefix3) = prefixes
        length = UInt64(min(count, 12))
        var suffixes: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var h = FeatureHash.offsetBasis
        var k = 0
        // Suffixes are hashed right to left: consistent between training and inference, no copy.
        for s in form.unicodeScalars.reversed() {
            h = (h ^ UInt64(ScalarClass.lowercased(s).value)) &* prime
            k += 1
            switch k {
            case 1: suffixes.0 = h
            case 2: suffixes.1 = h
            case 3: suffixes.2 = h
            case 4: suffixes.3 = h
            default: suffixes.4 = h
            }
            if k == 5 { break }
        }
        if k < 2 { suffixes.1 = suffixes.0 }
        if k < 3 { suffixes.2 = suffixes.1 }
        if k < 4 { suffixes.3 = suffixes.2 }
        if k < 5 { suffixes.4 = suffixes.3 }
        (suffix1, suffix2, suffix3, suffix4, suffix5) = suffixes
        var flags: UInt8 = 0
        if firstUpper && uppers == 1 && letters > 1 { flags |= Flags.title }
        if letters > 0 && uppers == letters { flags |= Flags.upper }
        if digit { flags |= Flags.digit }
        if hyphen { flags |= Flags.hyphen }
        self.flags = flags
    }

    /// The sentence's words with two padding words on each side (feature windows need no bounds checks).
    static func padded(_ forms: some Sequence<String>) -> [TaggerWord] {
        var words: [TaggerWord] = [.start, .start]
        for form in forms { words.append(TaggerWord(form)) }
        words.append(.end)
        words.append(.end)
        return words
    }
}

/// The tagger's feature templates (Honnibal 2013, "A good part-of-speech tagger in about 200
/// lines of Python", plus prefix, suffixes 1–4, shape and flags as in spaCy's tagger).
enum TaggerFeatures {
    /// Template ids: part of every feature hash, so they must never be renumbered.
    private enum T {
        static let bias: UInt64 = 1, word: UInt64 = 2, lower: UInt64 = 3, prefix1: UInt64 = 4
        static let suffix1: UInt64 = 5, suffix2: UInt64 = 6, suffix3: UInt64 = 7, suffix4: UInt64 = 8
        static let shape: UInt64 = 9, flag: UInt64 = 10
        static let tag1: UInt64 = 11, tags12: UInt64 = 12, tag2: UInt64 = 13, tag1Lower: UInt64 = 14
        static let lowerL1: UInt64 = 15, suffixL1: UInt64 = 16, lowerL2: UInt64 = 17
        static let lowerR1: UInt64 = 18, suffixR1: UInt64 = 19, lowerR2: UInt64 = 20
        static let shapeL1: UInt64 = 21, shapeR1: UInt64 = 22, lowerR1Lower: UInt64 = 23, tag1Suffix: UInt64 = 24
        static let lowerL1Lower: UInt64 = 25, tag1LowerR1: UInt64 = 26, suffixR2: UInt64 = 27, suffix2R1: UInt64 = 28, flagsStart: UInt64 = 29
        static let amb: UInt64 = 30, ambR1: UInt64 = 31, ambR2: UInt64 = 32, modeR1: UInt64 = 33, ambPair: UInt64 = 34, tag1AmbR1: UInt64 = 35, ambL1: UInt64 = 36
        static let secondPass: UInt64 = 37, next1: UInt64 = 38, next12: UInt64 = 39, tag1Next1: UInt64 = 40, next1Lower: UInt64 = 41, next2: UInt64 = 42, next1Suffix: UInt64 = 43
        static let prefix2: UInt64 = 44, prefix3: UInt64 = 45, suffix5: UInt64 = 46, length: UInt64 = 47
        static let cluster: UInt64 = 48, coarse: UInt64 = 49, casing: UInt64 = 50, casingStart: UInt64 = 51
        static let clusterL1: UInt64 = 52, clusterR1: UInt64 = 53, coarseR2: UInt64 = 54, tag1Coarse: UInt64 = 55
        static let coarseR1Cluster: UInt64 = 56, own: UInt64 = 57, ownNext1: UInt64 = 58, ownLower: UInt64 = 59
        static let clusterR2: UInt64 = 60, coarseL1Cluster: UInt64 = 61, casingCluster: UInt64 = 62, clusterSuffix: UInt64 = 63
    }

    static let capacity = 96

    /// Class marker for "past the sentence end" in second-pass look-ahead features.
    static let end = -3

    /// The first pass's classes of the word at padded position `i` and of the next two words (the
    /// word list carries two padding slots at each end, so word `i + 1` is `firstPass[i - 1]`);
    /// `end` past the sentence.
    @inline(__always)
    static func lookahead(_ firstPass: [Int], at i: Int) -> (own: Int, next1: Int, next2: Int) {
        (firstPass[i - 2], i - 1 < firstPass.count ? firstPass[i - 1] : end, i < firstPass.count ? firstPass[i] : end)
    }

    /// Writes the features of the word at padded index `i` given the two previous predicted classes
    /// (-1 and -2 stand for the sentence start). In the second pass, `next` holds the first pass's
    /// classes of the two following words (`end` past the sentence), and every feature is keyed apart
    /// from the first pass's, so both passes live in one `LinearModel`.
    @inline(__always)
    static func extract(_ w: UnsafeBufferPointer<TaggerWord>, at i: Int, previous p1: Int, _ p2: Int,
                        next: (own: Int, next1: Int, next2: Int)? = nil, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let c = w[i], l1 = w[i - 1], l2 = w[i - 2], r1 = w[i + 1], r2 = w[i + 2]
        let t1 = UInt64(bitPattern: Int64(p1)), t2 = UInt64(bitPattern: Int64(p2))
        func f(_ template: UInt64, _ value: UInt64) -> UInt64 { FeatureHash.feature(template, value) }
        out.append(f(T.bias, 0))
        out.append(f(T.word, c.word))
        out.append(f(T.lower, c.lower))
        out.append(f(T.prefix1, c.prefix1))
        out.append(f(T.suffix1, c.suffix1))
        out.append(f(T.suffix2, c.suffix2))
        out.append(f(T.suffix3, c.suffix3))
        out.append(f(T.suffix4, c.suffix4))
        out.append(f(T.shape, c.shape))
        var bits = c.flags
        var bit: UInt64 = 0
        while bits != 0 {
            if bits & 1 == 1 { out.append(f(T.flag, bit)) }
            bits >>= 1
            bit += 1
        }
        out.append(f(T.tag1, t1))
        out.append(f(T.tags12, FeatureHash.combine(t1, t2)))
        out.append(f(T.tag2, t2))
        out.append(f(T.tag1Lower, FeatureHash.combine(t1, c.lower)))
        out.append(f(T.tag1Suffix, FeatureHash.combine(t1, c.suffix3)))
        out.append(f(T.lowerL1, l1.lower))
        out.append(f(T.suffixL1, l1.suffix3))
        out.append(f(T.lowerL2, l2.lower))
        out.append(f(T.lowerR1, r1.lower))
        out.append(f(T.suffixR1, r1.suffix3))
        out.append(f(T.lowerR2, r2.lower))
        out.append(f(T.shapeL1, l1.shape))
        out.append(f(T.shapeR1, r1.shape))
        out.append(f(T.lowerR1Lower, FeatureHash.combine(c.lower, r1.lower)))
        out.append(f(T.lowerL1Lower, FeatureHash.combine(l1.lower, c.lower)))
        out.append(f(T.tag1LowerR1, FeatureHash.combine(t1, r1.lower)))
        out.append(f(T.suffixR2, r2.suffix3))
        out.append(f(T.suffix2R1, r1.suffix2))
        out.append(f(T.flagsStart, UInt64(c.flags) << 1 | (p1 == -1 ? 1 : 0)))
        out.append(f(T.amb, c.ambiguity))
        out.append(f(T.ambR1, r1.ambiguity))
        out.append(f(T.ambR2, r2.ambiguity))
        out.append(f(T.modeR1, r1.mode))
        out.append(f(T.ambPair, FeatureHash.combine(c.ambiguity, r1.ambiguity)))
        out.append(f(T.tag1AmbR1, FeatureHash.combine(t1, r1.ambiguity)))
        out.append(f(T.ambL1, l1.ambiguity))
        out.append(f(T.prefix2, c.prefix2))
        out.append(f(T.prefix3, c.prefix3))
        out.append(f(T.suffix5, c.suffix5))
        out.append(f(T.length, c.length))
        out.append(f(T.cluster, c.cluster))
        out.append(f(T.coarse, c.coarseCluster))
        out.append(f(T.casing, c.casing))
        out.append(f(T.casingStart, c.casing << 1 | (p1 == -1 ? 1 : 0)))
        out.append(f(T.clusterL1, l1.cluster))
        out.append(f(T.clusterR1, r1.cluster))
        out.append(f(T.coarseR2, r2.coarseCluster))
        out.append(f(T.tag1Coarse, FeatureHash.combine(t1, c.coarseCluster)))
        out.append(f(T.coarseR1Cluster, FeatureHash.combine(c.cluster, r1.coarseCluster)))
        out.append(f(T.clusterR2, r2.cluster))
        out.append(f(T.coarseL1Cluster, FeatureHash.combine(l1.coarseCluster, c.cluster)))
        out.append(f(T.casingCluster, FeatureHash.combine(c.casing, c.cluster)))
        out.append(f(T.clusterSuffix, FeatureHash.combine(c.cluster, c.suffix3)))
        guard let (own, n1, n2) = next else { return }
        for k in out.indices { out[k] = FeatureHash.combine(out[k], T.secondPass) }
        let u1 = UInt64(bitPattern: Int64(n1)), u2 = UInt64(bitPattern: Int64(n2))
        out.append(f(T.next1, u1))
        out.append(f(T.next2, u2))
        out.append(f(T.next12, FeatureHash.combine(u1, u2)))
        out.append(f(T.tag1Next1, FeatureHash.combine(t1, u1)))
        out.append(f(T.next1Lower, FeatureHash.combine(u1, c.lower)))
        out.append(f(T.next1Suffix, FeatureHash.combine(u1, c.suffix3)))
        let o = UInt64(bitPattern: Int64(own))
        out.append(f(T.own, o))
        out.append(f(T.ownNext1, FeatureHash.combine(o, u1)))
        out.append(f(T.ownLower, FeatureHash.combine(o, c.lower)))
    }
}
