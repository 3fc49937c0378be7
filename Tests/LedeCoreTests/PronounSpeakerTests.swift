import Testing
@testable import LedeCore

/// "…,” he said: which person the pronoun speaker resolves to (`PronounResolver`), and the first-name
/// lexicon and gender evidence it reads. Measured on hand-labelled PolNeAR cases by
/// `bench/quotes/pronoun_speakers.py`; these are the rules, on news sentences written for the tests.
@Suite struct PronounSpeakerTests {
    static let english = ExtractionOptions(language: "en")

    /// The name of the entity each pronoun-spoken quote resolves to ("nil" when it resolves to none), in order.
    static func speakers(_ text: String) -> [String] {
        let document = Fixtures.extract(text, english)
        return document.quotes.compactMap { quote -> String? in
            guard let speaker = quote.speaker, PersonGender(pronoun: document.text(speaker.span)) != nil else { return nil }
            return speaker.entity.flatMap { id in document.entities.first { $0.id == id }?.name } ?? "nil"
        }
    }

    @Test func theSubject_winsOverAMoreRecentName() {
        let text = "Paul Manafort said on Thursday that he agreed with Ted Cruz about the convention.\n\n"
            + "“We don't want a fractured convention,” he said."
        #expect(Self.speakers(text) == ["Paul Manafort"])
    }

    @Test func aPersonOfTheOtherGender_isSkipped() {
        let text = "Mrs. Clinton would do well to build bridges to her rival, said David Axelrod, a former strategist.\n\n"
            + "“It seems certain the race will run through the last primaries,” he said."
        #expect(Self.speakers(text) == ["David Axelrod"])
    }

    @Test func aResolvedPronoun_carriesThePersonForward() {
        let text = "Lesley Deutch, a vice president at John Burns Real Estate Consulting, said the old model was in decline.\n\n"
            + "“I don't think the industry is over,” she said. “I think it's just changing.”\n\n"
            + "The clubs have added pools and restaurants since then.\n\n"
            + "“Members expect more now,” she said."
        #expect(Self.speakers(text) == ["Lesley Deutch", "Lesley Deutch"])
    }

    @Test func nobodyCompatible_givesNoEntity_ratherThanAGuess() {
        let text = "The committee met on Monday, and the board issued a statement after the vote.\n\n"
            + "“We will decide soon,” she said."
        #expect(Self.speakers(text) == ["nil"])
    }

    /// "It" speaks for a report or an institution, "they" for a group: no person is guessed.
    @Test func itAndThey_getNoPerson() {
        let document = Fixtures.extract("The report, written by Jane Doe for the ministry, was released on Monday.\n\n"
                                        + "“The risks are growing,” it said.", Self.english)
        let quote = document.quotes.first { $0.speaker.map { document.text($0.span) } == "it" }
        #expect(quote != nil, "\(document.quotes)")
        #expect(quote?.speaker?.entity == nil)
    }

    /// The look back stops after `candidateWindow` candidates, so a paragraph full of names the pronoun cannot
    /// take costs a bounded amount per pronoun (it was quadratic: `bench/pathological`, names-then-pronouns).
    @Test func theLookBack_isBounded() {
        var pronoun = Token(span: TextSpan(start: 10_000, end: 10_002), norm: "he", kind: .word, paragraph: 0, spaceAfter: true)
        pronoun.sentence = 1
        let man = PronounResolver.Candidate(sentence: 0, paragraph: 0, entity: "e1", role: .mainSubject, distance: 1)
        let woman = PronounResolver.Candidate(sentence: 0, paragraph: 0, entity: "e2", role: .other, distance: 0)
        let genders: [String: PersonGender] = ["e1": .male, "e2": .female]
        let window = PronounResolver.candidateWindow
        #expect(PronounResolver.referent(of: pronoun, gender: .male, among: [man] + Array(repeating: woman, count: window - 1),
                                         genders: genders) == "e1")
        #expect(PronounResolver.referent(of: pronoun, gender: .male, among: [man] + Array(repeating: woman, count: window),
                                         genders: genders) == nil)
    }

    @Test func genderEvidence_comesFromHonorificsFirstNamesAndTitles() throws {
        let lexicon = try FirstNameLexicon(tsv: "# test\nlesley\tf\nchris\tm\n")
        func gender(_ text: String) -> PersonGender? {
            let document = Fixtures.extract(text, Self.english)
            guard let person = document.entities.first(where: { $0.type == "PERSON" }) else { return nil }
            return lexicon.gender(of: person, tokens: document.tokens)
        }
        #expect(gender("Lesley Deutch spoke to reporters in Boca Raton on Monday.") == .female)
        #expect(gender("Chris Matthews spoke to reporters in Boca Raton on Monday.") == .male)
        #expect(gender("The board met Mr. Schmidt in Tamarac on Monday to discuss the plan.") == .male)
        #expect(gender("Ms. Tanzer, a lawyer in Boca Raton, said the plan was sound.") == .female)
        #expect(gender("Robin Vachon said the plan was sound.") == nil, "no evidence")
    }

    @Test func firstNameLexicon_rejectsAMalformedLine() {
        #expect(throws: LexiconError.malformed(FirstNameLexicon.resourceName, line: 2)) {
            try FirstNameLexicon(tsv: "anna\tf\nbob\tx\n")
        }
        #expect(PersonGender(pronoun: "She") == .female)
        #expect(PersonGender(pronoun: "himself") == .male)
        #expect(PersonGender(pronoun: "they") == nil)
        #expect(PersonGender(pronoun: "shepherd") == nil)
    }
}
