import Testing
@testable import LedeCore

/// Table-driven tokenizer cases: input → token surfaces (sliced from the caller's text by offset).
@Suite struct TokenizerTests {
    static func surfaces(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Segmenter.tokenize(scalars, segments: [TextSpan(start: 0, end: scalars.count)], paragraph: 0)
            .map { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) }
    }

    @Test(arguments: [
        ("Iran’s nuclear program", ["Iran", "’s", "nuclear", "program"]),
        ("the Israel–Iran conflict", ["the", "Israel", "–", "Iran", "conflict"]),
        ("multi-warhead missiles", ["multi", "-", "warhead", "missiles"]),
        ("U.S. President Donald Trump", ["U.S.", "President", "Donald", "Trump"]),
        ("a U.S airstrike", ["a", "U.S", "airstrike"]),
        ("Gen. Smith and J.R.R. Tolkien", ["Gen.", "Smith", "and", "J.R.R.", "Tolkien"]),
        ("we don't and can't", ["we", "do", "n't", "and", "ca", "n't"]),
        ("we'll be happy", ["we", "'ll", "be", "happy"]),
        ("“all options“ are", ["“", "all", "options", "“", "are"]),
        ("he said: ''We will.''", ["he", "said", ":", "''", "We", "will", ".", "''"]),
        ("«Bonjour», dit-il.", ["«", "Bonjour", "»", ",", "dit", "-", "il", "."]),
        ("$1,000.50 at 10:30 p.m.", ["$", "1,000.50", "at", "10:30", "p.m."]),
        ("on 2025-06-23 at noon", ["on", "2025-06-23", "at", "noon"]),
        ("see https://example.com/a?b=c, or mail a.b@example.org.", ["see", "https://example.com/a?b=c", ",", "or", "mail", "a.b@example.org", "."]),
        ("Wait... really?!", ["Wait", "...", "really", "?", "!"]),
        ("family 👨‍👩‍👧 flag 🇺🇦!", ["family", "👨‍👩‍👧", "flag", "🇺🇦", "!"]),
        ("قال الرئيس: «نحن مستعدون».", ["قال", "الرئيس", ":", "«", "نحن", "مستعدون", "»", "."]),
        ("R&amp;D spending", ["R&amp;D", "spending"]),
        ("Iran.The strikes", ["Iran", ".", "The", "strikes"]),
    ])
    func tokenizes(_ input: String, _ expected: [String]) {
        #expect(Self.surfaces(input) == expected)
    }

    @Test func entities_areDecodedInNorm_butOffsetsCoverTheSource() {
        let document = Fixtures.extract("R&amp;D&nbsp;spending rose.")
        #expect(document.tokens.map(\.norm) == ["R&D", "spending", "rose", "."])
        #expect(document.text(document.tokens[0].span) == "R&amp;D")
    }

    @Test func strayMarkup_isRemoved_asMarkup() {
        let text = "Putin met Araqchi.<br> <p>They spoke for an hour.</p>"
        let document = Fixtures.extract(text)
        #expect(document.removed.map { document.text($0.span) } == ["<br>", "<p>", "</p>"])
        #expect(document.removed.allSatisfy { $0.reason == .markup })
        #expect(!document.tokens.contains { document.text($0.span).contains("<") })
    }

    @Test func lessThan_inProse_isNotMarkup() {
        let document = Fixtures.extract("Inflation < 3% and x<y were reported.")
        #expect(document.removed.isEmpty)
    }
}
