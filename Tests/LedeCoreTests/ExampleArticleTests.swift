import Testing
@testable import LedeCore

/// The real scraped article in ../shared/examples: body repeated, Arabic "Post a comment" trailing.
@Suite struct ExampleArticleTests {
    let document = Fixtures.extract(Fixtures.exampleArticle, ExtractionOptions(published: CalendarDate(parsing: "2025-06-23")))

    @Test func repeatedBody_isRemoved_andEveryParagraphAppearsOnce() {
        let texts = document.paragraphTexts
        #expect(texts.count == 16)
        #expect(Set(texts).count == texts.count)
        let duplicates = document.removed.filter { $0.reason == .duplicate }
        #expect(duplicates.count == 15)
        for removed in duplicates {
            let first = try! #require(removed.duplicateOf)
            #expect(document.text(removed.span) == document.text(first))
            #expect(first.end <= removed.span.start)
        }
    }

    @Test func arabicCommentLine_isBoilerplate() {
        let boilerplate = document.removed.filter { $0.reason == .boilerplate }
        #expect(boilerplate.map { document.text($0.span) } == ["إرسال تعليق"])
    }

    @Test func language_isEnglish_despiteArabicFurniture() {
        #expect(document.language == "en")
        #expect(document.warnings.isEmpty)
    }

    @Test func sentences_followTheArticle() {
        let sentences = document.sentences.map { document.text($0.span) }
        #expect(sentences.count == 23)
        #expect(sentences.contains("That agreement did not include a mutual defense clause."))
        #expect(sentences.contains("Russia granted Assad asylum after he was deposed."))
        // "St. Petersburg" and "U.S." do not end sentences.
        #expect(sentences.contains { $0.hasPrefix("Last week, Putin told an economic forum in St. Petersburg") && $0.hasSuffix("common ground.”") })
        #expect(!sentences.contains { $0.hasSuffix("U.S.") })
    }

    @Test func possessives_andDashCompounds_areSplit() {
        let tokens = document.tokens.map { document.text($0.span) }
        let iranIndex = try! #require(tokens.firstIndex(of: "Iran"))
        #expect(tokens[iranIndex + 1] == "’s")
        let israel = try! #require(tokens.indices.first { tokens[$0] == "Israel" && tokens[$0 + 1] == "–" })
        #expect(tokens[israel + 2] == "Iran")
        #expect(tokens.contains("U.S."))
    }
}
