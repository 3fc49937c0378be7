import Testing
@testable import LedeCore

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2025-06-23", "2025-06-23"), ("2025-06-23T23:30:00Z", "2025-06-23"), ("2025-06-23T01:30:00+03:00", "2025-06-23"),
        ("2025-06-23T22:00:00-07:00", "2025-06-23"), ("2024-02-29T10:00:00.123Z", "2024-02-29"), ("2025-06-23T10:00", "2025-06-23"),
    ])
    func parses(_ input: String, _ expected: String) {
        #expect(CalendarDate(parsing: input)?.description == expected)
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "25-06-23", "2025-06-23T25:00:00Z", "2025-06-23T10:00:00+3", "yesterday", "", "2025-06-23X"])
    func rejects(_ input: String) {
        #expect(CalendarDate(parsing: input) == nil)
    }
}
