import Testing
@testable import LedeCore

@Suite struct SentenceSplitterTests {
    static func sentences(_ text: String) -> [String] {
        let document = Fixtures.extract(text)
        return document.sentences.map { document.text($0.span) }
    }

    @Test func quoteEndingASentence_staysWithIt() {
        #expect(Self.sentences("“We are ready,” he said. “It is over.” Then he left.") ==
                ["“We are ready,” he said.", "“It is over.”", "Then he left."])
    }

    @Test func titleBeforeAName_doesNotEndASentence() {
        #expect(Self.sentences("U.S. Sen. John Doe arrived on Monday. Rep. Jane Roe met Dr. Smith.") ==
                ["U.S. Sen. John Doe arrived on Monday.", "Rep. Jane Roe met Dr. Smith."])
    }

    @Test func abbreviationsAndInitials_doNotSplit() {
        #expect(Self.sentences("Gen. Mark Milley met Sen. J. D. Vance in St. Louis on Jan. 5. They talked.") ==
                ["Gen. Mark Milley met Sen. J. D. Vance in St. Louis on Jan. 5.", "They talked."])
    }

    /// The decoders share their context features; the right-to-left one's state features count the
    /// following sentence, except after `.!?` (a short one after a date was merged: "on Jan. 5. ‖
    /// They talked.").
    @Test func backwardDecoder_weighsTheFollowingLengthOnlyWithoutAFullStop() {
        let words = ["Talks", "ended", "on", "Monday", ".", "They", "talked", "."]
        let tokens = words.map { TokenFeatures(norm: $0, kind: Tokenizer.kind(of: Array($0.unicodeScalars)), source: $0.unicodeScalars.first!) }
        let zeros = [UInt8](repeating: 0, count: words.count)
        let paragraph = SentenceSplitter.Paragraph(tokens, spaceAfter: words.map { _ in true }, ortho: zeros, classes: zeros)
        func features(at i: Int, backward: Bool, following: Int) -> [UInt64] {
            var buffer: [UInt64] = []
            SentenceSplitter.extract(paragraph, at: i, SentenceSplitter.State(sinceBoundary: following, titleRun: false), backward: backward, into: &buffer)
            return buffer
        }
        #expect(features(at: 3, backward: false, following: 20) == features(at: 3, backward: true, following: 20))
        #expect(features(at: 4, backward: true, following: 2) == features(at: 4, backward: true, following: 20))
        #expect(features(at: 3, backward: true, following: 2) != features(at: 3, backward: true, following: 20))
        #expect(features(at: 4, backward: false, following: 2) != features(at: 4, backward: false, following: 20))
    }

    /// News (several paragraphs that end with punctuation): no sentence ends without punctuation, so
    /// a name or a clause is never cut ("Billie Jean ‖ King remembered" was split).
    @Test func editedProse_endsSentencesOnlyAtPunctuation() {
        let text = "Ali died on Friday at age 74, his family said in a statement.\n"
            + "Tennis great Billie Jean King remembered Ali as fun to be around. She saw him fight in 1971.\n"
            + "Before his death, Ali rebuked Trump in December when the businessman called for a ban.\n"
            + "Fans gathered outside his childhood home in Louisville on Saturday."
        let sentences = Self.sentences(text)
        #expect(sentences.contains("Tennis great Billie Jean King remembered Ali as fun to be around."), "\(sentences)")
        #expect(sentences.contains("Before his death, Ali rebuked Trump in December when the businessman called for a ban."), "\(sentences)")
    }

    @Test func editedProse_needsMostLongParagraphsPunctuated() {
        func prose(_ paragraphs: [String]) -> Bool {
            let document = Fixtures.extract(paragraphs.joined(separator: "\n"))
            let ranges = (0..<document.paragraphs.count).map { p in
                let tokens = document.tokens.indices.filter { document.tokens[$0].paragraph == p }
                return tokens.first!..<(tokens.last! + 1)
            }
            return Segmenter.isEditedProse(document.tokens, paragraphs: ranges)
        }
        let news = ["Ali died on Friday at age 74, his family said.", "“He was the greatest,” a fan said outside the house.",
                    "Mourners gathered in Louisville on Saturday morning.", "Short headline"]
        #expect(prose(news))
        // A hard-wrapped e-mail: its lines end mid-sentence.
        #expect(!prose(["Please find attached the revised schedule for the", "meeting on Monday and let me know if the",
                        "times work for everyone on the team before", "Friday. Thanks, Debra"]))
        #expect(!prose(Array(news.prefix(2))), "two paragraphs are too few to tell")
    }

    /// A capitalised first name before a surname-like word, or a title word before a name, is never a
    /// sentence end, even in one paragraph (the model split each of these before the rule).
    @Test func insideAName_noSentenceEnds() {
        for sentence in ["For a short time, Vanessa Iampaglia considered selling her home and moving away.",
                         "It is not clear whether House Speaker Paul Ryan will attend the dinner on Thursday.",
                         "As the LinkedIn chief executive, Jeff Weiner, put it in his memo to staff, the deal is big.",
                         "Former Secretary of State Madeleine Albright recently urged women to vote for Hillary Clinton."] {
            #expect(Self.sentences(sentence) == [sentence])
        }
    }

    @Test func decimalsAndTimes_doNotSplit() {
        #expect(Self.sentences("Prices rose 3.5 percent by 10.30 a.m. on Friday. Markets fell.") ==
                ["Prices rose 3.5 percent by 10.30 a.m. on Friday.", "Markets fell."])
    }

    @Test func headlineWithoutPunctuation_isItsOwnSentence() {
        let document = Fixtures.extract("Putin hosts Iran's foreign minister\nMoscow is ready to help, he said.")
        #expect(document.sentences.count == 2)
        #expect(document.sentences.map(\.paragraph) == [0, 1])
    }

    @Test func everyTokenBelongsToExactlyOneSentence() {
        let document = Fixtures.extract(Fixtures.exampleArticle)
        var covered = 0
        for (index, sentence) in document.sentences.enumerated() {
            #expect(sentence.tokens.lowerBound == covered)
            for t in sentence.tokens { #expect(document.tokens[t].sentence == index) }
            covered = sentence.tokens.upperBound
        }
        #expect(covered == document.tokens.count)
    }
}
