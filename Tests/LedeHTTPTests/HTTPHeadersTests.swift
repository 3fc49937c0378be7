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

@Suite struct HTTPResponseEncodingTests {
    private func encode(_ response: HTTPResponse, head: Bool = false, close: Bool = false, keepAlive: Bool = false) -> String {
        var buffer: [UInt8] = []
        response.encode(into: &buffer, framing: .init(isHead: head, close: close, announceKeepAlive: keepAlive),
                        dateLine: Array("Date: D\r\n".utf8))
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test func response_IsEncodedWithLengthAndDate() {
        let text = encode(HTTPResponse(text: "hi"))
        #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nDate: D\r\n\r\nhi")
    }

    @Test func head_KeepsLength_DropsBody() {
        #expect(encode(HTTPResponse(text: "hi"), head: true).hasSuffix("Content-Length: 2\r\nDate: D\r\n\r\n"))
        let declared = HTTPResponse(status: 200, headers: ["Content-Length": "42"])
        #expect(encode(declared, head: true).contains("Content-Length: 42\r\n"))
    }

    @Test func handlerFramingHeaders_AreReplaced() {
        let response = HTTPResponse(status: 200, headers: ["Content-Length": "99", "Transfer-Encoding": "chunked",
                                                           "Connection": "keep-alive", "Date": "Mine"], body: [65])
        let text = encode(response, close: true)
        #expect(text == "HTTP/1.1 200 OK\r\nDate: Mine\r\nContent-Length: 1\r\nConnection: close\r\n\r\nA")
    }

    @Test func noContent_HasNoLengthOrBody() {
        #expect(encode(HTTPResponse(status: 204, body: [1, 2])) == "HTTP/1.1 204 No Content\r\nDate: D\r\n\r\n")
    }

    @Test func headerInjection_IsNeutralised() {
        let response = HTTPResponse(status: 200, headers: ["X-Evil": "a\r\nSet-Cookie: x", "Bad Name": "v"])
        let text = encode(response)
        #expect(text.contains("X-Evil: a  Set-Cookie: x\r\n"))
        #expect(!text.contains("Bad Name"))
    }

    @Test func keepAlive_IsAnnouncedForHTTP10() {
        #expect(encode(HTTPResponse(), keepAlive: true).contains("Connection: keep-alive\r\n"))
    }

    @Test func date_IsIMFFixdate() {
        #expect(HTTPDateCache.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}

@Suite struct HTTPServerErrorTests {
    @Test func defaultResponder_EmitsLedeErrorShape() {
        let response = HTTPServer.defaultErrorResponder(.bodyTooLarge, "req-\"1\"")
        #expect(response.status == 413)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["X-Request-ID"] == "req-\"1\"")
        let json = String(decoding: response.body, as: UTF8.self)
        #expect(json == #"{"error":{"code":"body_too_large","message":"The request body is too large.","request_id":"req-\"1\""}}"#)
    }

    @Test func defaultResponder_GeneratesRequestID_AndRetryAfterOn503() {
        let response = HTTPServer.defaultErrorResponder(.overloaded, nil)
        #expect(response.status == 503)
        #expect(response.headers["Retry-After"] == "1")
        #expect(response.headers["X-Request-ID"]?.count == 16)
    }

    @Test(arguments: [
        (HTTPServerError.badRequest("x"), 400, "invalid_request"), (.lengthRequired, 411, "length_required"),
        (.bodyTooLarge, 413, "body_too_large"), (.headersTooLarge, 431, "headers_too_large"),
        (.requestTimeout, 408, "request_timeout"), (.overloaded, 503, "overloaded"),
        (.deadlineExceeded, 504, "deadline_exceeded"), (.handlerFailed, 500, "internal"),
    ])
    func errors_HaveStatusAndCode(error: HTTPServerError, status: Int, code: String) {
        #expect(error.status == status)
        #expect(error.code == code)
    }
}
