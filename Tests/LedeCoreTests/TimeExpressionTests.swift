import Testing
@testable import LedeCore

/// The time stage on the example article (published Monday 2025-06-23) and on small hand-written texts.
@Suite struct TimeExpressionTests {
    static let published = CalendarDate(parsing: "2025-06-23")
    let document = Fixtures.extract(Fixtures.exampleArticle, ExtractionOptions(published: Self.published))

    /// Values of the expressions whose text is `text`, in order.
    func values(_ text: String, in document: Document) -> [String] {
        document.times.filter { document.text($0.span) == text }.map(\.value)
    }

    func time(_ text: String, in document: Document) throws -> TimeExpression {
        try #require(document.times.first { document.text($0.span) == text })
    }

    @Test func exampleArticle_weekdays_resolveToThePublicationWeek() {
        #expect(values("Monday", in: document).allSatisfy { $0 == "2025-06-23" })
        #expect(values("Monday", in: document).count >= 3)
        #expect(values("Saturday", in: document) == ["2025-06-21"])
        #expect(values("Sunday", in: document) == ["2025-06-22", "2025-06-22"])
    }

    @Test func exampleArticle_datesAndRelatives_areNormalised() throws {
        #expect(values("June 13", in: document) == ["2025-06-13"])
        #expect(values("January", in: document) == ["2025-01"])
        #expect(values("January 2020", in: document) == ["2020-01"])
        #expect(values("2015", in: document) == ["2015"])
        #expect(values("today", in: document) == ["2025-06-23"])
        let lastWeek = try time("Last week", in: document)
        #expect(lastWeek.value == "2025-W25" && lastWeek.anchor == .published && lastWeek.resolved)
        let late = try time("late last year", in: document)
        #expect(late.value == "2024" && late.mod == .late)
        let twoDays = try time("two days", in: document)
        #expect(twoDays.type == .duration && twoDays.value == "P2D")
        #expect(try time("2015", in: document).anchor == nil)
    }

    @Test func exampleArticle_references_areTimexRefs() {
        #expect(values("currently", in: document) == ["PRESENT_REF"])
        #expect(values("now", in: document) == ["PRESENT_REF"])
        #expect(values("daily", in: document) == ["P1D"])
    }

    @Test func exampleArticle_removedDuplicateBody_givesNoTimes() {
        let kept = document.paragraphs.last.map(\.span.end) ?? 0
        let duplicates = document.removed.filter { $0.reason == .duplicate }
        #expect(!duplicates.isEmpty)
        for time in document.times {
            #expect(!duplicates.contains { $0.span.start <= time.span.start && time.span.end <= $0.span.end })
            #expect(time.span.end <= kept)
        }
        #expect(values("Saturday", in: document).count == 1)
    }

    @Test func exampleArticle_times_areInTextOrder() {
        let starts = document.times.map(\.span.start)
        #expect(starts == starts.sorted())
    }

    @Test func withoutPublicationDate_weekday_staysUnderspecified() throws {
        let doc = Fixtures.extract("Israel struck the sites on Saturday, officials said.")
        let saturday = try time("Saturday", in: doc)
        #expect(saturday.value == "XXXX-WXX-6" && !saturday.resolved && saturday.anchor == nil)
    }

    @Test func futureTense_weekday_isTheComingDay() {
        let doc = Fixtures.extract("The vote will be held on Thursday, the speaker said.", ExtractionOptions(published: Self.published))
        #expect(values("Thursday", in: doc) == ["2025-06-26"])
    }

    @Test func absoluteAndClockForms_areNormalised() {
        let doc = Fixtures.extract(
            "The talks began 13 June 2025 and resumed on 2025-06-23 at 10:30 a.m. The report covers 6/23/2025 and the 1990s. "
                + "Prices rose for three years and fell in 15 minutes. The board meets every week.",
            ExtractionOptions(published: Self.published))
        #expect(values("13 June 2025", in: doc) == ["2025-06-13"])
        #expect(values("2025-06-23", in: doc) == ["2025-06-23"])
        #expect(values("10:30 a.m.", in: doc) == ["2025-06-23T10:30"])
        #expect(values("6/23/2025", in: doc) == ["2025-06-23"])
        #expect(values("the 1990s", in: doc) == ["199"])
        #expect(values("three years", in: doc) == ["P3Y"])
        #expect(values("15 minutes", in: doc) == ["PT15M"])
        #expect(values("every week", in: doc) == ["P1W"])
    }

    @Test func calendarArithmetic_weekdaysAndIsoWeeks() throws {
        let day = try #require(Self.published)
        #expect(day.weekday == 1)
        #expect(day.isoWeekString == "2025-W26")
        #expect(try #require(CalendarDate(parsing: "2021-01-01")).isoWeekString == "2020-W53")
        #expect(day.adding(days: -2).description == "2025-06-21")
        #expect(try #require(CalendarDate(parsing: "2025-03-31")).adding(months: -1).description == "2025-02-28")
    }
}
