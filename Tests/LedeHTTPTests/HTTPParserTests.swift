import Testing
@testable import LedeHTTP

/// One parsed message.
struct Parsed {
    var head: HTTPRequestHead
    var body: [UInt8]
    var trailers: HTTPHeaders
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

let testLimits = HTTPParser.Limits(maxHeaderBytes: 1_024, maxHeaderCount: 10, maxBodyBytes: 100)

/// Feeds `raw` (in pieces of `step` bytes, or all at once) and returns every complete message.
func parse(_ raw: String, step: Int? = nil, limits: HTTPParser.Limits = testLimits) throws(HTTPParseError) -> [Parsed] {
    var parser = HTTPParser(limits: limits)
    let bytes = Array(raw.utf8)
    var messages: [Parsed] = []
    var head: HTTPRequestHead?
    var offset = 0
    repeat {
        let end = step.map { min(bytes.count, offset + $0) } ?? bytes.count
        parser.append(bytes[offset..<end])
        offset = end
        while let event = try parser.next() {
            switch event {
            case let .head(parsed): head = parsed
            case let .end(body, trailers): messages.append(Parsed(head: head!, body: body, trailers: trailers))
            }
        }
    } while offset < bytes.count
    return messages
}

@Suite struct HTTPParserTests {
    @Test func requestLine_AndHeaders_AreParsed() throws {
        let message = try #require(try parse("GET /v1/x?a=1&b=two%20words HTTP/1.1\r\nHost: h\r\nX-Multi: 1\r\nx-multi: 2\r\n\r\n").first)
        #expect(message.head.method == "GET")
        #expect(message.head.target == "/v1/x?a=1&b=two%20words")
        #expect(message.head.version == .http1_1)
        #expect(message.head.headers["HOST"] == "h")
        #expect(message.head.headers.values(for: "x-multi") == ["1", "2"])
        #expect(message.head.headers.map(\.name) == ["Host", "X-Multi", "x-multi"])
        #expect(message.head.framing == .none)
        #expect(message.head.keepAlive)
        let request = HTTPRequest(method: "GET", target: message.head.target)
        #expect(request.path == "/v1/x")
        #expect(request.query == [QueryItem(name: "a", value: "1"), QueryItem(name: "b", value: "two words")])
    }

    @Test func fieldValue_OptionalWhitespace_IsTrimmed() throws {
        let message = try #require(try parse("GET / HTTP/1.1\r\nHost:h\r\nA: \t spaced value \t\r\n\r\n").first)
        #expect(message.head.headers["a"] == "spaced value")
        #expect(message.head.headers["host"] == "h")
    }

    @Test func leadingEmptyLines_BeforeRequestLine_AreIgnored() throws {
        #expect(try parse("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").count == 1)
    }

    @Test func request_FedOneByteAtATime_ParsesTheSame() throws {
        let raw = "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /q HTTP/1.1\r\nHost: h\r\n\r\n"
        let messages = try parse(raw, step: 1)
        #expect(messages.map(\.head.target) == ["/p", "/q"])
        #expect(messages[0].bodyText == "hello")
    }

    @Test func body_WithContentLength_IsRead() throws {
        let message = try #require(try parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world").first)
        #expect(message.head.framing == .length(11))
        #expect(message.bodyText == "hello world")
    }

    @Test func body_IsIncomplete_UntilAllBytesArrive() throws {
        #expect(try parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello").isEmpty)
    }

    @Test func contentLength_RepeatedWithSameValue_IsAccepted() throws {
        let raw = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 3, 3\r\n\r\nabc"
        #expect(try parse(raw).first?.bodyText == "abc")
    }

    @Test func chunkedBody_WithExtensionsAndTrailers_IsDecoded() throws {
        let raw = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1 ; quoted=\"a b\"\r\n \r\n5\r\nworld\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n"
        for step in [nil, 1, 3] as [Int?] {
            let message = try #require(try parse(raw, step: step).first)
            #expect(message.head.framing == .chunked)
            #expect(message.bodyText == "hello world")
            #expect(message.trailers["x-checksum"] == "abc")
            #expect(message.trailers.count == 2)
            #expect(message.head.headers["X-Checksum"] == nil)
        }
    }

    @Test func chunkedBody_UppercaseHexAndCodingName_IsAccepted() throws {
        let raw = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"
        #expect(try parse(raw).first?.bodyText == "0123456789")
    }

    @Test func keepAlive_FollowsVersionAndConnectionHeader() throws {
        #expect(try parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")[0].head.keepAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\n\r\n")[0].head.keepAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")[0].head.keepAlive == true)
        #expect(try parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: upgrade, keep-alive\r\n\r\n")[0].head.keepAlive)
    }

    @Test func expectContinue_IsReported() throws {
        let raw = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx"
        #expect(try parse(raw)[0].head.expectsContinue)
    }

    @Test func higherMinorVersion_IsTreatedAsHTTP11() throws {
        #expect(try parse("GET / HTTP/1.2\r\nHost: h\r\n\r\n")[0].head.version == .http1_1)
    }

    // MARK: - Errors

    @Test(arguments: [
        "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 \r\n\r\n", "GET / http/1.1\r\n\r\n",
        "G(T / HTTP/1.1\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n", "GET / HTTP/11\r\n\r\n", " GET / HTTP/1.1\r\n\r\n",
        "GET /\u{7F} HTTP/1.1\r\nHost: h\r\n\r\n", "GET /\u{01} HTTP/1.1\r\nHost: h\r\n\r\n",
    ])
    func requestLine_Malformed_IsRejected(raw: String) {
        #expect(throws: HTTPParseError.invalidRequestLine) { try parse(raw) }
    }

    @Test func version_OtherThanHTTP1_IsRejected() {
        #expect(throws: HTTPParseError.unsupportedVersion) { try parse("GET / HTTP/2.0\r\nHost: h\r\n\r\n") }
    }

    @Test func bareLineFeed_IsRejected() {
        #expect(throws: HTTPParseError.invalidLineEnding) { try parse("GET / HTTP/1.1\nHost: h\n\n") }
        #expect(throws: HTTPParseError.invalidLineEnding) { try parse("GET / HTTP/1.1\r\nHost: h\n\r\n") }
    }

    @Test func bareCarriageReturn_InValue_IsRejected() {
        #expect(throws: HTTPParseError.invalidHeaderValue) { try parse("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n") }
    }

    @Test func nulInHeaderValue_IsRejected() {
        #expect(throws: HTTPParseError.invalidHeaderValue) { try parse("GET / HTTP/1.1\r\nHost: h\u{0}x\r\n\r\n") }
    }

    @Test func whitespaceBeforeColon_IsRejected() {
        #expect(throws: HTTPParseError.whitespaceBeforeColon) { try parse("GET / HTTP/1.1\r\nHost : h\r\n\r\n") }
    }

    @Test func obsoleteLineFolding_IsRejected() {
        #expect(throws: HTTPParseError.obsoleteLineFolding) {
            try parse("GET / HTTP/1.1\r\nHost: h\r\nX-Long: a\r\n  continued\r\n\r\n")
        }
    }

    @Test(arguments: ["Bad\"Name: x", "Bad(Name: x", ": empty name", "NoColon", "Ná: x"])
    func headerName_WithInvalidCharacters_IsRejected(line: String) {
        #expect(throws: HTTPParseError.invalidHeaderName) { try parse("GET / HTTP/1.1\r\nHost: h\r\n\(line)\r\n\r\n") }
    }

    @Test func host_MissingOnHTTP11_IsRejected() {
        #expect(throws: HTTPParseError.missingHost) { try parse("GET / HTTP/1.1\r\n\r\n") }
    }

    @Test func host_Repeated_IsRejected() {
        #expect(throws: HTTPParseError.multipleHosts) { try parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") }
    }

    @Test func contentLength_AndTransferEncoding_IsRejected() {
        let raw = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(throws: HTTPParseError.contentLengthWithTransferEncoding) { try parse(raw) }
    }

    @Test(arguments: [
        "Content-Length: 3\r\nContent-Length: 4", "Content-Length: 3, 4", "Content-Length: -1", "Content-Length: +3",
        "Content-Length: 3a", "Content-Length: 0x10", "Content-Length: 1 2", "Content-Length: 99999999999999999999",
        "Content-Length: ", "Content-Length: 3.0",
    ])
    func contentLength_Malformed_IsRejected(field: String) {
        #expect(throws: HTTPParseError.invalidContentLength) { try parse("POST / HTTP/1.1\r\nHost: h\r\n\(field)\r\n\r\n") }
    }

    @Test(arguments: [
        "Transfer-Encoding: gzip", "Transfer-Encoding: chunked, gzip", "Transfer-Encoding: gzip, chunked",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked", "Transfer-Encoding: identity",
        "Transfer-Encoding: xchunked", "Transfer-Encoding: ",
    ])
    func transferEncoding_OtherThanSingleChunked_IsRejected(field: String) {
        #expect(throws: HTTPParseError.unsupportedTransferEncoding) {
            try parse("POST / HTTP/1.1\r\nHost: h\r\n\(field)\r\n\r\n")
        }
    }

    @Test func transferEncoding_OnHTTP10_IsRejected() {
        #expect(throws: HTTPParseError.unsupportedTransferEncoding) {
            try parse("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        }
    }

    @Test func postWithoutLength_IsLengthRequired() {
        #expect(throws: HTTPParseError.lengthRequired) { try parse("POST / HTTP/1.1\r\nHost: h\r\n\r\n") }
        #expect(throws: HTTPParseError.lengthRequired) { try parse("PUT / HTTP/1.1\r\nHost: h\r\n\r\n") }
    }

    @Test func declaredBody_OverLimit_IsRejectedBeforeTheBody() {
        #expect(throws: HTTPParseError.bodyTooLarge) { try parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n") }
    }

    @Test func chunkedBody_OverLimit_IsRejectedAtTheChunkHeader() {
        let raw = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + String(repeating: "a", count: 64)
            + "\r\n40\r\n"
        #expect(throws: HTTPParseError.bodyTooLarge) { try parse(raw) }
    }

    @Test(arguments: ["zz\r\n", "\r\n", "5 5\r\n", "-5\r\n", "1234567890abcdef0\r\n", "5;ext\u{0}\r\n"])
    func chunkSize_Malformed_IsRejected(line: String) {
        #expect(throws: HTTPParseError.invalidChunk) {
            try parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\(line)hello\r\n0\r\n\r\n")
        }
    }

    @Test func chunkData_WithoutTrailingCRLF_IsRejected() {
        #expect(throws: HTTPParseError.invalidChunk) {
            try parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n")
        }
    }

    @Test func headerSection_OverByteLimit_IsRejected() {
        let raw = "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 2_000) + "\r\n\r\n"
        #expect(throws: HTTPParseError.headersTooLarge) { try parse(raw) }
        // Also without the terminator: the limit applies while the head is still incomplete.
        #expect(throws: HTTPParseError.headersTooLarge) { try parse(String(raw.dropLast(4)), step: 100) }
    }

    @Test func headerCount_OverLimit_IsRejected() {
        let fields = (0..<11).map { "X-\($0): v\r\n" }.joined()
        #expect(throws: HTTPParseError.tooManyHeaders) { try parse("GET / HTTP/1.1\r\n\(fields)\r\n") }
    }

    @Test func errors_MapToServerErrors() {
        #expect(HTTPParseError.tooManyHeaders.serverError == .headersTooLarge)
        #expect(HTTPParseError.headersTooLarge.serverError.status == 431)
        #expect(HTTPParseError.bodyTooLarge.serverError.status == 413)
        #expect(HTTPParseError.lengthRequired.serverError.status == 411)
        #expect(HTTPParseError.contentLengthWithTransferEncoding.serverError.status == 400)
    }
}
