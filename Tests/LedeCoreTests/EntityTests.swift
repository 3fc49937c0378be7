import Testing
@testable import LedeCore

/// Entities of the real scraped article (published 2025-06-23): body repeated, Arabic boilerplate.
@Suite struct EntityTests {
    let document = Fixtures.extract(Fixtures.exampleArticle, ExtractionOptions(published: CalendarDate(parsing: "2025-06-23")))

    func entity(_ name: String) -> Entity? {
        document.entities.first { $0.name == name || $0.aliases.contains(name) }
    }

    @Test func putin_isOnePersonWithAliasAndTitle() throws {
        let putin = try #require(entity("Putin"))
        #expect(putin.type == "PERSON")
        #expect(putin.name == "Vladimir Putin")
        #expect(putin.aliases.contains("Putin"))
        #expect(putin.titles.contains("Russian President"))
        #expect(putin.mentions.filter { $0.kind == .name }.count == 8)
        #expect(document.entities.filter { $0.type == "PERSON" && $0.mentions.contains { $0.text == "Putin" } }.count == 1)
        #expect(putin.id == "e1" || putin.salience > 0.5)
    }

    @Test func araqchi_isForeignMinister() throws {
        let araqchi = try #require(entity("Araqchi"))
        #expect(araqchi.type == "PERSON")
        #expect(araqchi.name == "Abbas Araqchi")
        #expect(araqchi.titles.contains("Iranian Foreign Minister"))
        #expect(araqchi.mentions.contains { $0.kind == .title && $0.text.lowercased() == "foreign minister" })
    }

    @Test func trump_isUSPresident() throws {
        let trump = try #require(entity("Trump"))
        #expect(trump.type == "PERSON")
        #expect(trump.name == "Donald Trump")
        #expect(trump.titles.contains("U.S. President"))
    }

    @Test func peskov_isKremlinSpokesman() throws {
        let peskov = try #require(entity("Dmitry Peskov"))
        #expect(peskov.type == "PERSON")
        #expect(peskov.titles.contains { $0.contains("spokesman") })
    }

    @Test(arguments: [("Iran", "IR"), ("Russia", "RU"), ("United States", "US"), ("Israel", "IL")])
    func countries_areLocationsWithCodes(name: String, code: String) throws {
        let country = try #require(entity(name))
        #expect(country.type == "LOCATION")
        #expect(country.subtype == "country")
        #expect(country.country == code)
    }

    @Test func unitedStates_clustersUS() throws {
        let us = try #require(entity("United States"))
        #expect(us.aliases.contains("U.S."))
        #expect(us.mentions.contains { $0.kind == .demonym && $0.text == "American" })
    }

    @Test func iranian_isADemonymMentionOfIran() throws {
        let iran = try #require(entity("Iran"))
        #expect(iran.mentions.contains { $0.kind == .demonym && $0.text == "Iranian" })
        #expect(!document.entities.contains { $0.name == "Iranian" })
    }

    @Test func kremlin_andIDF_areOrganisations() throws {
        let kremlin = try #require(entity("Kremlin"))
        #expect(kremlin.type == "ORGANIZATION")
        #expect(kremlin.country == "RU")
        let idf = try #require(entity("IDF"))
        #expect(idf.type == "ORGANIZATION")
        #expect(idf.name == "Israel Defense Forces")
        #expect(idf.mentions.filter { $0.text == "IDF" }.count == 2)
    }

    @Test func mentions_areKeptTextOnly_andConsistent() {
        #expect(!document.entities.isEmpty)
        for e in document.entities {
            #expect(e.salience >= 0 && e.salience <= 1)
            for m in e.mentions {
                #expect(!document.removed.contains { $0.span.start < m.span.end && m.span.start < $0.span.end })
                #expect(document.text(m.span) == m.text)
                #expect(document.sentences[m.sentence].span.start <= m.span.start && m.span.end <= document.sentences[m.sentence].span.end)
            }
        }
        #expect(document.entities.map(\.id) == (1...document.entities.count).map { "e\($0)" })
        let saliences = document.entities.map(\.salience)
        #expect(saliences == saliences.sorted(by: >))
    }

    @Test func extraction_isDeterministic() {
        let again = Fixtures.extract(Fixtures.exampleArticle, ExtractionOptions(published: CalendarDate(parsing: "2025-06-23")))
        #expect(again.entities == document.entities)
    }

    @Test func otherLanguages_getNoEntities() {
        var d = document
        d.language = "de"
        d.entities = []
        let stage = Fixtures.extractor.pipeline.stages.first { $0.name == "entities" }
        stage?.apply(to: &d)
        #expect(d.entities.isEmpty)
    }

    @Test func bilou_roundTrip() {
        let tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]
        let labels = NERTrainer.bilou(tags).map { NamedEntityTagger.classes[$0] }
        #expect(labels == ["B-PER", "L-PER", "O", "U-LOC", "U-LOC", "U-MISC"])
        #expect(NamedEntityTagger.mentions(labels).map(\.tokens) == [0..<2, 3..<4, 4..<5, 5..<6])
    }
}

/// Rules the entity stage applies after the tagger, on news sentences written for the tests.
@Suite struct EntityRuleTests {
    static func mentions(_ text: String) -> [(type: String, text: String)] {
        let document = Fixtures.extract(text, ExtractionOptions(language: "en"))
        return document.entities.flatMap { e in e.mentions.map { (e.type, $0.text) } }
    }

    /// The tagger ran one mention through "said of" (typed LOCATION); dropped, the honorifics find both people.
    @Test func aMentionRunningOnThroughAVerb_isDropped_andTheNamesInsideFound() {
        let found = Self.mentions("“This guy is for real. He's one of us,” Mr. English said of Mr. Cruz. He said he had called fellow pastors.")
        #expect(!found.contains { $0.text.contains("said") }, "\(found)")
        #expect(found.contains { $0 == ("PERSON", "English") } && found.contains { $0 == ("PERSON", "Cruz") }, "\(found)")
    }

    @Test func aNameAfterAnHonorific_isAPerson() {
        let found = Self.mentions("There's always resistance, said Mr. Schmidt, who bought the property ten years ago.")
        #expect(found.contains { $0 == ("PERSON", "Schmidt") }, "\(found)")
    }

    /// Name particles join a person's name ("al-Assad"), but a spaced dash separates two names.
    @Test func aSpacedDash_doesNotJoinTwoNames() {
        let found = Self.mentions("The goals were scored for Lithuania - Danius Gleveckas and for Romania - Cosmin Contra on Sunday.")
        #expect(found.contains { $0 == ("LOCATION", "Lithuania") } && found.contains { $0 == ("PERSON", "Danius Gleveckas") }, "\(found)")
    }

    /// A title abbreviation is no entity of its own; the name after it is a person's, whole.
    @Test func aTitleAbbreviation_makesTheWholeNameAfterItAPerson() {
        let found = Self.mentions("Sen. Ted Cruz (R-Texas) said on Monday that he would vote against the bill.")
        #expect(found.map(\.text) == ["Ted Cruz"] && found.first?.type == "PERSON", "\(found)")
    }
}
