import Testing
@testable import LedeCore

@Suite struct TaggerTests {
    /// The example article's first three paragraphs (real news text, tokenized and tagged by the full pipeline).
    static let document = Fixtures.extract(Fixtures.exampleArticle.split(separator: "\n").prefix(4).joined(separator: "\n"))

    /// (text, pos, tag, lemma) of the `occurrence`-th token with that text.
    static func token(_ text: String, _ occurrence: Int = 0) -> (pos: String?, tag: String?, lemma: String?)? {
        let matches = document.tokens.filter { document.text($0.span) == text }
        guard occurrence < matches.count else { return nil }
        let t = matches[occurrence]
        return (t.pos, t.tag, t.lemma)
    }

    @Test(arguments: [
        ("told", "VERB", "VBD", "tell"),
        ("Putin", "PROPN", "NNP", "Putin"),
        ("Iran", "PROPN", "NNP", "Iran"),
        ("’s", "PART", "POS", "'s"),
        ("minister", "NOUN", "NN", "minister"),
        ("is", "AUX", "VBZ", "be"),
        ("airstrikes", "NOUN", "NNS", "airstrike"),
        ("sites", "NOUN", "NNS", "site"),
        ("making", "VERB", "VBG", "make"),
        ("the", "DET", "DT", "the"),
    ])
    func exampleArticle_word_getsTagAndLemma(_ text: String, _ pos: String, _ tag: String, _ lemma: String) {
        let t = Self.token(text)
        #expect(t?.pos == pos)
        #expect(t?.tag == tag)
        #expect(t?.lemma == lemma)
    }

    /// "Putin hosted Iranian Foreign Minister …": the greedy model reads a past participle (VBN)
    /// before a capitalised noun phrase; UPOS and lemma are still right.
    @Test func hosted_afterSubjectName_isVerb() {
        let t = Self.token("hosted")
        #expect(t?.pos == "VERB")
        #expect(t?.lemma == "host")
        withKnownIssue("XPOS is VBN, not VBD (model error)") {
            #expect(t?.tag == "VBD")
        }
    }

    @Test func possessive_isSplitFromProperNoun() {
        let tokens = Self.document.tokens
        guard let i = tokens.firstIndex(where: { Self.document.text($0.span) == "Iran" && $0.spaceAfter == false }) else {
            Issue.record("no Iran’s in the example")
            return
        }
        #expect(tokens[i].pos == "PROPN")
        #expect(Self.document.text(tokens[i + 1].span) == "’s")
        #expect(tokens[i + 1].pos == "PART" && tokens[i + 1].tag == "POS")
    }

    @Test func speechVerbs_ofQuotes_areVerbs() {
        // “…,” Putin told Araqchi … ; Putin also told the foreign minister: “…”
        for (k, text) in ["told", "told", "told"].enumerated() {
            let t = Self.token(text, k)
            #expect(t?.pos == "VERB", "occurrence \(k) of \(text)")
            #expect(t?.tag == "VBD")
        }
    }

    @Test func everyEnglishToken_isTagged() {
        #expect(Self.document.language == "en")
        #expect(Self.document.tokens.allSatisfy { $0.pos != nil && $0.tag != nil && $0.lemma != nil })
    }

    @Test func guillemets_arePunctuation() {
        let doc = Fixtures.extract("« We will not give up, » the minister said on Monday.")
        let marks = doc.tokens.filter { ["«", "»"].contains(doc.text($0.span)) }
        #expect(marks.count == 2)
        #expect(marks.allSatisfy { $0.pos == "PUNCT" })
        #expect(doc.tokens.first { doc.text($0.span) == "said" }?.pos == "VERB")
    }

    @Test func otherLanguages_areNotTagged() {
        let doc = Fixtures.extract("Der Bundestag hat am Donnerstag das Gesetz beschlossen, und die Regierung ist dafür.")
        #expect(doc.language == "de")
        #expect(doc.tokens.allSatisfy { $0.pos == nil && $0.tag == nil && $0.lemma == nil })
    }

    @Test(arguments: [
        ("stopped", "VBD", "stop"), ("hoped", "VBD", "hope"), ("produced", "VBN", "produce"), ("tried", "VBD", "try"),
        ("running", "VBG", "run"), ("making", "VBG", "make"), ("boxes", "NNS", "box"), ("cities", "NNS", "city"),
        ("bigger", "JJR", "big"), ("n't", "RB", "not"), ("'s", "POS", "'s"), ("'s", "VBZ", "be"), ("them", "PRP", "they"),
        ("Americans", "NNPS", "American"), ("Putin", "NNP", "Putin"), ("The", "DT", "the"),
    ])
    func lemmaRules_withoutExceptions(_ form: String, _ xpos: String, _ lemma: String) {
        #expect(Lemmatizer().lemma(form, xpos: xpos) == lemma)
    }

    static let tinyTreebank = """
    # text = The dog barks.
    1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
    2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_
    3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No
    4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

    # text = Dogs ran home.
    1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
    2\tran\trun\tVERB\tVBD\t_\t0\troot\t_\t_
    3\thome\thome\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No
    4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

    """

    @Test func training_isDeterministic() throws {
        let sentences = TaggerTrainer.sentences(CoNLLU.parse(Self.tinyTreebank))
        var trainer = TaggerTrainer()
        trainer.minClassCount = 1
        trainer.dictionaryMinCount = 2
        trainer.iterations = 3
        let first = ModelFile.encode(try trainer.train(sentences, dev: sentences, progress: { _ in }))
        let second = ModelFile.encode(try trainer.train(sentences, dev: sentences, progress: { _ in }))
        #expect(first == second)
        let tagger = try PartOfSpeechTagger(model: ModelFile.decode(first, file: "tiny", expectedName: "pos"))
        #expect(tagger.tag(["The", "dog", "ran", "."]).map(\.xpos).first == "DT")
        #expect(tagger.tag(["Dogs", "ran", "."])[1].lemma == "run")
    }
}
