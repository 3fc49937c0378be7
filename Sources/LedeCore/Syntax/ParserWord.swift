/// One word as the parser sees it: stable hashes of its form, tags and lemma, computed once per
/// word so that feature extraction is integer arithmetic only.
///
/// A sentence of n words is held as n + 2 `ParserWord`s: index 0 is the artificial root, 1…n the
/// words, n + 1 stands for "no word" (an empty stack slot, a missing child), so feature templates
/// read fixed positions without branching on absence.
struct ParserWord: Sendable {
    var lower: UInt64
    /// Penn tag (XPOS): finer than UPOS (VBD/VBN/VBG, NNP, WDT…), which decides many attachments.
    var tag: UInt64
    var upos: UInt64
    var lemma: UInt64
    var suffix: UInt64
    /// Word and tag together (the most used conjunction, computed once).
    var wordTag: UInt64

    static let root = ParserWord(marker: 0x524f_4f54_0000_0001)
    static let none = ParserWord(marker: 0x4e4f_4e45_0000_0002)

    private init(marker h: UInt64) {
        lower = h; tag = h; upos = h; lemma = h; suffix = h; wordTag = h
    }

    /// - Parameters:
    ///   - form: the analysis form (`Token.norm`, or a treebank form folded the same way).
    ///   - xpos, upos, lemma: the tagger's output for the word.
    init(form: String, xpos: String, upos: String, lemma: String) {
        let w = TaggerWord(form)
        lower = w.lower
        suffix = w.suffix3
        tag = FeatureHash.string(xpos)
        self.upos = FeatureHash.string(upos)
        self.lemma = FeatureHash.string(lemma)
        wordTag = FeatureHash.combine(lower, tag)
    }

    /// The padded word list of one sentence.
    static func sentence(forms: [String], xpos: [String], upos: [String], lemmas: [String]) -> [ParserWord] {
        var words: [ParserWord] = [.root]
        words.reserveCapacity(forms.count + 2)
        for i in forms.indices {
            words.append(ParserWord(form: forms[i], xpos: xpos[i], upos: upos[i], lemma: lemmas[i]))
        }
        words.append(.none)
        return words
    }
}
