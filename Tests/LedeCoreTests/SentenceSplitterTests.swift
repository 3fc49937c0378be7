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
