import Testing
@testable import LedeCore

/// Quotations and their speakers: the example article (every quote, none from its duplicated copy)
/// and unit cases for each mark style and quote shape.
@Suite struct QuoteTests {
    static let english = ExtractionOptions(language: "en")

    struct Seen: Equatable, CustomStringConvertible {
        var kind: Quote.Kind
        var text: String
        var speaker: String?
        var method: Quote.Method?
        var cue: String?
        var description: String { "\(kind) \(text.prefix(40)) ← \(speaker ?? "nil") (\(method?.rawValue ?? "nil"), \(cue ?? "nil"))" }
    }

    static func quotes(_ text: String) -> (Document, [Seen]) {
        let document = Fixtures.extract(text, english)
        return (document, document.quotes.map { q in
            Seen(kind: q.kind, text: document.text(q.span), speaker: q.speaker.map { document.text($0.span) },
                 method: q.method, cue: q.cue.map { document.text($0) })
        })
    }

    func segments(_ document: Document, _ quote: Quote) -> [String] { quote.segments.map { document.text($0) } }

    // MARK: The example article

    @Test func exampleArticle_everyQuotation_withSpeaker() throws {
        let document = Fixtures.extract(Fixtures.exampleArticle, ExtractionOptions(published: CalendarDate(parsing: "2025-06-23")))
        let quotes = document.quotes
        let texts = quotes.map { document.text($0.span) }
        #expect(quotes.count == 7, "\(texts)")
        func find(_ prefix: String) throws -> Quote {
            try #require(quotes.first { document.text($0.span).hasPrefix(prefix) }, "no quote starting \(prefix)")
        }
        func speaker(_ q: Quote) -> String? { q.speaker.map { document.text($0.span) } }

        let effort = try find("“For our part, we are making efforts")
        #expect(effort.kind == .direct)
        #expect(speaker(effort) == "Putin")
        #expect(effort.cue.map(document.text) == "told")
        #expect(effort.addressee.map { document.text($0.span) } == "Araqchi")
        #expect(effort.method == .cueSubject)
        #expect(segments(document, effort) == ["For our part, we are making efforts to assist the Iranian people,"])

        let aggression = try find("“unprovoked aggression")
        #expect(aggression.kind == .partial)
        #expect(speaker(aggression) == "Putin")

        let glad = try find("“I am very glad")
        #expect(glad.kind == .direct)
        #expect(speaker(glad) == "Putin")
        #expect(glad.addressee.map { document.text($0.span) } == "the foreign minister")

        let topic = try find("“topic of Iran itself")
        #expect(topic.kind == .partial || topic.kind == .direct)
        #expect(speaker(topic).map { $0.hasSuffix("Dmitry Peskov") } == true)

        let better = try find("“it is better not to get ahead")
        #expect(speaker(better) == "Putin")

        let mediate = try find("“We are not seeking to mediate")
        #expect(mediate.kind == .direct)
        #expect(speaker(mediate) == "he")
        #expect(mediate.method == .pronoun)
        #expect(mediate.cue.map(document.text) == "said")
        #expect(document.text(mediate.span).contains("we'll be happy"), "an apostrophe does not end the quote")

        let options = try find("“all options“")
        #expect(document.text(options.span) == "“all options“", "the wrong closing mark closes")
        #expect(speaker(options) == "the foreign minister")
        #expect(options.method == .title)

        // None from the duplicated copy of the body, and every quote lies in kept text.
        let firstCopyEnd = try #require(document.paragraphs.last).span.end
        for q in quotes {
            #expect(q.span.end <= firstCopyEnd)
            #expect(!document.removed.contains { $0.span.overlaps(q.span) })
            #expect(document.text(q.span) == String(document.source.string.unicodeScalars.dropFirst(q.span.start).prefix(q.span.length)))
            #expect(q.method == nil || q.speaker != nil)
        }
    }

    @Test func exampleArticle_rendersQuotesInTheContractShape() throws {
        let options = ExtractionOptions(language: "en")
        let extraction = try Fixtures.extractor.extract(text: Fixtures.exampleArticle, options: options)
        let json = String(decoding: ResultRenderer(extraction, options: options).bytes(), as: UTF8.self)
        #expect(json.contains(#""quotes":[{"id":"q1","type":"direct","text":"“For our part,"#))
        // Speakers link to entities: Putin is e1 (the most salient entity), and "he" resolves to him too.
        #expect(json.contains(#""speaker":{"entity":"e1","text":"Putin""#))
        #expect(json.contains(#""speaker":{"entity":"e1","text":"he""#))
        #expect(json.contains(#""method":"pronoun""#))
    }

    // MARK: Unit cases

    @Test func interruptedQuote_isOneQuote_twoSegments() {
        let (document, seen) = Self.quotes("“For our part,” Putin said, “we are making efforts to assist the Iranian people.”")
        #expect(seen.count == 1)
        let quote = document.quotes[0]
        #expect(segments(document, quote) == ["For our part,", "we are making efforts to assist the Iranian people."])
        #expect(seen.first?.speaker == "Putin")
        #expect(seen.first?.cue == "said")
    }

    @Test func twoAttributedQuotes_inASentenceEach_areTwoQuotes() {
        let (_, seen) = Self.quotes("“We will win the war,” Ivanov said on Monday. “They have lost,” Petrov told reporters.")
        #expect(seen.map(\.text) == ["“We will win the war,”", "“They have lost,”"], "\(seen)")
        #expect(seen.map(\.speaker) == ["Ivanov", "Petrov"], "\(seen)")
    }

    @Test func multiParagraphQuote_isOneQuote_withASegmentPerParagraph() {
        let text = """
        The senator spoke at length about the budget on Tuesday. She said: “We have to cut spending now, before it is too late for all of us.

        “Nobody in this chamber wants to raise taxes again, and nobody will.

        “That is the promise we made to the voters last year.”

        The vote is expected next week.
        """
        let (document, seen) = Self.quotes(text)
        #expect(seen.count == 1)
        let quote = document.quotes[0]
        #expect(quote.segments.count == 3)
        #expect(seen.first?.speaker == "She")
        #expect(seen.first?.kind == .direct)
    }

    @Test func apostrophesAndInches_areNotQuotes() {
        let (_, seen) = Self.quotes("Iran's minister said we'll see. The 6'2\" forward didn't play, and the team's coach wasn't happy about the players' form.")
        #expect(seen.isEmpty, "\(seen)")
    }

    @Test func nytDoubleApostrophes() {
        let (document, seen) = Self.quotes("''We regularly survey advertisers about their spending plans for the year,'' Mr. Mahaney said. ''Google ranks first.''")
        #expect(seen.count >= 1)
        #expect(seen.first?.speaker == "Mr. Mahaney")
        #expect(document.quotes.first.map { segments(document, $0) }?.first == "We regularly survey advertisers about their spending plans for the year,")
    }

    @Test func guillemets() {
        let (document, seen) = Self.quotes("« We will not give up on the talks with our neighbours, » the minister said on Monday.")
        #expect(seen.count == 1)
        #expect(seen.first?.speaker == "the minister")
        #expect(seen.first?.method == .title)
        #expect(document.quotes.first.map { segments(document, $0) } == ["We will not give up on the talks with our neighbours,"])
    }

    @Test func straightQuotes_invertedCue_andAccordingTo() {
        let (_, seen) = Self.quotes("\"The economy is in much better shape than the critics claim,\" said Dmitry Peskov, a spokesman for the Kremlin.")
        #expect(seen.first?.speaker?.hasPrefix("Dmitry Peskov") == true)
        let (_, according) = Self.quotes("According to a Reuters transcript, \"the talks will resume in Geneva next month after the holidays.\"")
        #expect(according.first?.speaker == "a Reuters transcript")
        #expect(according.first?.method == .accordingTo)
    }

    @Test func scareQuotesAndNicknames_areNotSpeech() {
        let (_, seen) = Self.quotes("The so-called “deal of the century” was shelved, and Earvin “Magic” Johnson watched from the stands.")
        #expect(seen.isEmpty, "\(seen)")
    }

    @Test func nestedQuote_staysInsideTheOuterQuote() {
        let (document, seen) = Self.quotes("“Other countries just say, ‘do this, do that,’ and we listen every single time,” Potts said.")
        #expect(seen.count == 1)
        #expect(seen.first?.speaker == "Potts")
        #expect(document.quotes.first.map { segments(document, $0) }?.first?.hasSuffix("every single time,") == true)
    }

    @Test func linker_mapsSpeakerSpanToEntity() {
        var quotes = [Quote(kind: .direct, span: TextSpan(start: 0, end: 10), segments: [TextSpan(start: 1, end: 9)],
                            speaker: Quote.Mention(span: TextSpan(start: 20, end: 56)), method: .cueSubject)]
        QuoteLinker.link(&quotes, mentions: [(TextSpan(start: 0, end: 5), "e3"), (TextSpan(start: 43, end: 56), "e1")])
        #expect(quotes[0].speaker?.entity == "e1")
    }
}
