import Testing
@testable import LedeHTTP

@Suite struct HTTPHeadersTests {
    @Test func lookup_IsCaseInsensitive_AndKeepsOrder() {
        var headers: HTTPHeaders = ["Content-Type": "a", "X-A": "1"]
        headers.add(name: "x-a", value: "2")
        #expect(headers["content-TYPE"] == "a")
        #expect(headers.values(for: "X-a") == ["1", "2"])
        #expect(headers.map(\.name) == ["Content-Type", "X-A", "x-a"])
        #expect(headers.contains("CONTENT-type"))
        #expect(!headers.contains("Content-Typ"))
    }

    @Test func subscriptSet_ReplacesAllFieldsOfThatName() {
        var headers: HTTPHeaders = ["X-A": "1", "B": "b", "x-a": "2"]
        headers["X-A"] = "3"
        #expect(headers.values(for: "x-a") == ["3"])
        #expect(headers.map(\.name) == ["X-A", "B"])
        headers["b"] = nil
        #expect(headers.count == 1)
    }

    @Test func namesEqual_DoesNotFoldNonLetters() {
        #expect(!HTTPHeaders.namesEqual("a@", "a`"))
        #expect(HTTPHeaders.namesEqual("X-Request-ID", "x-request-id"))
    }
}
