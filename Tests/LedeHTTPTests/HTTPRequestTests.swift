import Testing
@testable import LedeHTTP

@Suite struct HTTPRequestTests {
    @Test func queryItems_AreDecoded() {
        let request = HTTPRequest(method: "GET", target: "/p?include=tokens%2Ctimings&q=a+b&flag&=v&bad=%zz")
        #expect(request.path == "/p")
        #expect(request.queryValue("include") == "tokens,timings")
        #expect(request.queryValue("q") == "a b")
        #expect(request.queryValue("flag") == "")
        #expect(request.queryValue("bad") == "%zz")
    }

    @Test func absoluteFormTarget_YieldsPath() {
        #expect(HTTPRequest(method: "GET", target: "http://example.com/a/b?x=1").path == "/a/b")
        #expect(HTTPRequest(method: "GET", target: "http://example.com").path == "/")
    }
}
