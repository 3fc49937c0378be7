import LedeTestSupport
import LedeHTTP
import Testing

extension LiveServerTests {
    /// Each ambiguous framing is answered 400 and the connection closed, so the bytes after it are never read
    /// as a second request.
    @Suite struct HTTPServerSmugglingTests {
        @Test(arguments: [
            "Content-Length: 4\r\nTransfer-Encoding: chunked",
            "Content-Length: 4\r\nContent-Length: 5",
            "Content-Length: -4",
            "Transfer-Encoding: gzip",
            "Transfer-Encoding: chunked, gzip",
            "Transfer-Encoding: chunked\r\nContent-Length: 4",
        ])
        func ambiguousFraming_Is400_AndNothingAfterItIsServed(fields: String) async throws {
            try await withServer { server in
                let client = try TestClient(port: server.port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\n\(fields)\r\n\r\n0\r\n\r\n" + get("/echo?smuggled"))
                let response = try client.readResponse()
                #expect(response.status == 400)
                #expect(response.text.contains(#""code":"invalid_request""#))
                #expect(response.header("Connection") == "close")
                #expect(client.waitForClose())
                #expect(!String(decoding: client.unread, as: UTF8.self).contains("smuggled"))
            }
        }
    }
}
