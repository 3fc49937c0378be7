import Testing
@testable import LedeCore

/// A comma ends a sentence only in e-mail greetings and sign-offs; news commas never do.
@Suite struct SentenceCommaTests {
    @Test func emailGreeting_endsItsSentence() {
        #expect(SentenceSplitterTests.sentences("Hi John, Please see the attached file. Best regards, Debra Perlingiere") ==
                ["Hi John,", "Please see the attached file.", "Best regards, Debra Perlingiere"])
    }

    @Test func newsCommas_neverEndASentence() {
        let text = "In Moscow, Putin said the talks went well. Hey, Rubio is right about one thing. "
            + "“Paul Singer, I challenge you to come here,” he said. Moscow, Russia and Iran agreed. "
            + "Yesterday, Iran’s foreign minister arrived. Thanks, officials said, to Russian mediation."
        for sentence in SentenceSplitterTests.sentences(text) {
            #expect(!sentence.hasSuffix(","), "split after a comma: \(sentence)")
        }
    }

    /// The packed margin table scores exactly what the model's own table scores.
    @Test func marginTable_matchesTheModel() throws {
        var store = ModelStore()
        let model = try store.load(SentenceSplitter.modelName)
        let splitter = SentenceSplitter(model: model)
        #expect(splitter.bidirectional)
        let document = Fixtures.extract(Fixtures.exampleArticle)
        let scalars = document.source.scalars
        let features = document.tokens.map { TokenFeatures(norm: $0.norm, kind: $0.kind, source: scalars[$0.span.start]) }
        let (ortho, classes) = splitter.lexicon(features)
        #expect(ortho.contains { $0 != 0 } && classes.contains { $0 != 0 })
        let paragraph = SentenceSplitter.Paragraph(features, spaceAfter: document.tokens.map(\.spaceAfter), ortho: ortho, classes: classes)
        var buffer: [UInt64] = []
        var state = SentenceSplitter.State()
        for i in 0..<(features.count - 1) {
            state.enter(features[i])
            // Both decoders' features: the shipped model holds the left-to-right classes, then the
            // right-to-left ones, and one lookup gives both margins.
            for backward in [false, true] {
                SentenceSplitter.extract(paragraph, at: i, state, backward: backward, into: &buffer)
                var scores: [Float] = [0, 0, 0, 0]
                model.accumulate(buffer, into: &scores)
                #expect(scores[0..<2] != [0, 0] && scores[2..<4] != [0, 0])
                var scratch = FingerprintTable.Scratch()
                let packed = splitter.margins.margins(buffer, &scratch)
                #expect(abs(packed.forward - (scores[1] - scores[0])) < 1e-3)
                #expect(abs(packed.backward - (scores[3] - scores[2])) < 1e-3)
            }
            state.leave(boundary: features[i].isFinal)
        }
    }
}
