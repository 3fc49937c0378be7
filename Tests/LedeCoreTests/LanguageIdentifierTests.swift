import Testing
@testable import LedeCore

@Suite struct LanguageIdentifierTests {
    @Test(arguments: [
        ("The president said on Monday that the talks with Iran would continue in Geneva next week.", "en"),
        ("Le président a déclaré lundi que les discussions avec l'Iran se poursuivront à Genève la semaine prochaine.", "fr"),
        ("El presidente dijo el lunes que las conversaciones con Irán continuarán en Ginebra la próxima semana.", "es"),
        ("Der Präsident sagte am Montag, dass die Gespräche mit dem Iran in Genf fortgesetzt werden.", "de"),
        ("Президент заявил в понедельник, что переговоры с Ираном продолжатся в Женеве.", "ru"),
        ("قال الرئيس يوم الاثنين إن المحادثات مع إيران ستستمر في جنيف الأسبوع المقبل.", "ar"),
    ])
    func identifies(_ text: String, _ expected: String) {
        #expect(Fixtures.extract(text).language == expected)
    }

    @Test(arguments: ["Putin met Trump.", "Putin hosted Iranian Foreign Minister Abbas Araqchi in Moscow on Monday."])
    func shortEnglishWithFewFunctionWords_isEnglish(_ text: String) {
        let document = Fixtures.extract(text)
        #expect(document.language == "en")
        #expect(document.warnings.isEmpty)
    }

    @Test func uncoveredLanguage_getsStructureAndAWarning() {
        let document = Fixtures.extract("Президент заявил в понедельник, что переговоры продолжатся.")
        #expect(document.sentences.count == 1)
        #expect(document.warnings.map(\.code) == ["unsupported_language"])
    }

    @Test func callerDeclaredLanguage_wins() {
        #expect(Fixtures.extract("The talks continue.", ExtractionOptions(language: "fr")).language == "fr")
    }

    @Test func longLatinTextWithoutFunctionWords_isUnidentified() {
        let document = Fixtures.extract("""
            Habari za asubuhi rafiki yangu mpendwa karibu nyumbani kwetu leo jioni tafadhali sana. Serikali ya Kenya \
            imetangaza mpango mpya wa elimu kwa shule zote za msingi nchini kote mwaka ujao.
            """)
        #expect(document.language == nil)
        #expect(document.warnings.map(\.code) == ["language_unidentified"])
    }
}
