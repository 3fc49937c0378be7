import Foundation
import Testing
@testable import LedeCore

/// Inputs built to make a careless pipeline go quadratic or crash (issue #10): one word repeated, one endless
/// token, endless digits, a flood of capitalised names, a sentence that never ends, nothing but quote marks.
/// Each runs the whole pipeline at a modest size and must return a well-formed Result. Speed is not asserted
/// here (CI machines vary): `bench/pathological/run.py` times the same shapes at 1–10 MB in release.
@Suite struct PathologicalInputTests {
    static func repeated(_ unit: String, scalars: Int) -> String {
        String(String(repeating: unit, count: scalars / unit.unicodeScalars.count + 1).unicodeScalars.prefix(scalars))
    }

    /// Runs the pipeline and checks what every Result must satisfy: spans inside the text and in order,
    /// sentences on token boundaries, and JSON that parses.
    @discardableResult
    static func extractValid(_ text: String) throws -> Document {
        let options = ExtractionOptions(published: CalendarDate(year: 2025, month: 6, day: 23))
        let extraction = try Fixtures.extractor.extract(text: text, options: options)
        let document = extraction.document
        let length = text.unicodeScalars.count
        func inside(_ span: TextSpan) -> Bool { 0 <= span.start && span.start <= span.end && span.end <= length }
        var previousEnd = 0
        for token in document.tokens {
            #expect(inside(token.span) && token.span.start >= previousEnd && !token.span.isEmpty)
            previousEnd = token.span.end
        }
        for sentence in document.sentences {
            #expect(inside(sentence.span) && sentence.tokens.upperBound <= document.tokens.count)
        }
        #expect(document.paragraphs.allSatisfy { inside($0.span) })
        #expect(document.entities.allSatisfy { $0.mentions.allSatisfy { inside($0.span) } })
        #expect(document.quotes.allSatisfy { inside($0.span) && $0.segments.allSatisfy(inside) })
        #expect(document.times.allSatisfy { inside($0.span) })
        let json = ResultRenderer(extraction, options: options).bytes()
        #expect((try? JSONSerialization.jsonObject(with: Data(json))) is [String: Any])
        return document
    }

    @Test func oneWordRepeated_IsOneParagraphOfTokens() throws {
        let document = try Self.extractValid(Self.repeated("lede ", scalars: 50_000))
        #expect(document.tokens.count == 10_000)
    }

    @Test func textWithoutSpaces_IsOneToken() throws {
        let document = try Self.extractValid(Self.repeated("abcdefghij", scalars: 50_000))
        #expect(document.tokens.count <= 2)
    }

    @Test func onlyDigits_GiveNoBogusDates() throws {
        let document = try Self.extractValid(Self.repeated("0123456789", scalars: 50_000))
        #expect(document.times.isEmpty)
    }

    @Test func floodOfCapitalisedWords_Finishes() throws {
        // Mostly distinct made-up names, so entity clustering sees thousands of candidates.
        let syllables: [String] = ["ka", "ro", "mi", "tes", "lan", "vor", "qui", "zen", "bal", "dor", "ex", "ny", "pha", "sil", "tu", "gar"]
        var words: [String] = []
        for i in 0..<8_000 {
            let name: String = syllables[i % 16] + syllables[(i / 16) % 16] + syllables[(i / 256) % 16]
            words.append(name.capitalized)
        }
        try Self.extractValid(words.joined(separator: " "))
    }

    @Test func sentenceThatNeverEnds_Finishes() throws {
        let document = try Self.extractValid(Self.repeated("the minister said that the talks would go on and ", scalars: 50_000))
        #expect(!document.sentences.isEmpty)
    }

    @Test func onlyQuoteMarks_GiveNoQuotesWithoutText() throws {
        for mark in ["\u{201C}", "\"", "«", "'"] {
            let document = try Self.extractValid(String(repeating: mark, count: 20_000))
            #expect(document.quotes.allSatisfy { $0.segments.allSatisfy { !$0.isEmpty } })
        }
    }

    @Test func manyShortQuotesWithCues_GiveDisjointQuotes() throws {
        let text = String(repeating: "\u{201C}Yes,\u{201D} Ivanov said. ", count: 2_000)
        let document = try Self.extractValid(text)
        // One quote per repetition, each Ivanov's, in order, never overlapping (each has its own attribution,
        // so none is joined to the one before; see docs/reliability.md).
        #expect(document.quotes.count == 2_000)
        #expect(document.quotes.allSatisfy { $0.speaker.map { document.text($0.span) } == "Ivanov" })
        for (earlier, later) in zip(document.quotes, document.quotes.dropFirst()) {
            #expect(earlier.span.end <= later.span.start)
        }
    }

    @Test func textPastTheLimit_IsRefusedBeforeAnyWork() throws {
        let extractor = try Extractor(maxTextLength: 1_000)
        #expect(throws: ExtractionError.textTooLong(length: 1_001, limit: 1_000)) {
            try extractor.extract(text: Self.repeated("lede ", scalars: 1_001), options: ExtractionOptions())
        }
    }
}
