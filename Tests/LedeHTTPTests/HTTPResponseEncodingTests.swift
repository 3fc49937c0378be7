import Testing
@testable import LedeHTTP

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
}
