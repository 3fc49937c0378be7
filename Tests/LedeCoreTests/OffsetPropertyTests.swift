import Foundation
import Testing
@testable import LedeCore

/// Offsets are Unicode scalar offsets into the caller's exact text. On random text mixing scripts,
/// emoji, combining marks, RTL, entities, tags and every kind of space and line break:
/// tokens are ordered, disjoint, never start or end in white space, reproduce their `norm` from the
/// caller's text, and together cover every visible scalar of the kept text; sentences start and
/// end on token boundaries inside one paragraph.
@Suite struct OffsetPropertyTests {
    static let pieces: [String] = [
        "Putin", "Iran’s", "U.S.", "«Bonjour»", "“quoted,”", "''NYT''", "don't", "Israel–Iran", "3.5", "10:30",
        "2025-06-23", "👨‍👩‍👧", "🇺🇦", "👍🏽", "e\u{301}", "café", "قال", "الرئيس", "שלום", "Привет", "東京", "한국",
        "&amp;", "&nbsp;", "&#8217;", "<br>", "</p>", "x<y", "...", "…", "?!", "—", "(", ")", "\"", "'", "-", ".",
        "https://example.com/x.", "a@b.org", "\u{200B}", "\u{FEFF}", "\u{00AD}", "St.", "Jan.", "A.", "n't",
    ]
    static let separators: [String] = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u{A0}", "\u{2028}", ""]

    static func randomText(_ rng: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int(rng.next() % 60 + 1) {
            text += pieces[Int(rng.next() % UInt64(pieces.count))]
            text += separators[Int(rng.next() % UInt64(separators.count))]
        }
        return text
    }

    @Test func tokensAndSentences_mapBackToTheCallersText() {
        var rng = SeededGenerator(seed: 42)
        var checked = 0
        for _ in 0..<400 {
            let text = Self.randomText(&rng)
            guard let extraction = try? Fixtures.extractor.extract(text: text, options: ExtractionOptions()) else { continue }
            let document = extraction.document
            let scalars = document.source.scalars
            #expect(scalars.count == text.unicodeScalars.count)
            var previousEnd = 0
            for token in document.tokens {
                #expect(token.span.start >= previousEnd && token.span.start < token.span.end, "\(text.debugDescription)")
                previousEnd = token.span.end
                #expect(!ScalarClass.isWhitespace(scalars[token.span.start]) && !ScalarClass.isWhitespace(scalars[token.span.end - 1]))
                var aligned = AlignedText()
                aligned.append(scalars, span: token.span)
                #expect(String(String.UnicodeScalarView(aligned.scalars)).precomposedStringWithCanonicalMapping
                        == token.norm.precomposedStringWithCanonicalMapping, "\(text.debugDescription)")
            }
            #expect(visibleScalarsOfKeptText(document) == coveredByTokens(document), "\(text.debugDescription)")
            for sentence in document.sentences {
                let paragraph = document.paragraphs[sentence.paragraph].span
                #expect(paragraph.contains(sentence.span))
                #expect(sentence.span.start == document.tokens[sentence.tokens.lowerBound].span.start)
                #expect(sentence.span.end == document.tokens[sentence.tokens.upperBound - 1].span.end)
            }
            checked += 1
        }
        #expect(checked > 300)
    }

    /// Source offsets behind every visible normalised scalar of the kept text (outside markup):
    /// an entity such as `&amp;` counts with all its scalars, `&nbsp;` and spaces not at all.
    private func visibleScalarsOfKeptText(_ document: Document) -> Set<Int> {
        let markup = document.removed.filter { $0.reason == .markup }.map(\.span)
        var offsets = Set<Int>()
        for paragraph in document.paragraphs {
            var aligned = AlignedText()
            for segment in Segmenter.segments(of: paragraph.span, without: markup.filter { paragraph.span.contains($0) }) {
                aligned.append(document.source.scalars, span: segment)
            }
            for i in 0..<aligned.count where !ScalarClass.isWhitespace(aligned.scalars[i]) {
                offsets.formUnion(aligned.sourceSpan(i..<(i + 1)).start..<aligned.sourceSpan(i..<(i + 1)).end)
            }
        }
        return offsets
    }

    /// Source offsets inside token spans, less the invisible scalars analysis skips (soft hyphens, ZWSP).
    private func coveredByTokens(_ document: Document) -> Set<Int> {
        var offsets = Set<Int>()
        for token in document.tokens {
            for i in token.span.start..<token.span.end where !TextNormalizer.isIgnorable(document.source.scalars[i]) {
                offsets.insert(i)
            }
        }
        return offsets
    }
}
