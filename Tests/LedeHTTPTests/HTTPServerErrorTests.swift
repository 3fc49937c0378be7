import Testing
@testable import LedeHTTP

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
