import Foundation
import LedeCore
import LedeHTTP
import LedeService
import LedeTestSupport
import Testing

/// One real service on 127.0.0.1 (ephemeral port), shared by the tests: the extractor loads once.
final class LiveService: Sendable {
    static let shared: LiveService = try! LiveService()
    let service: ServiceServer
    let extractor: Extractor

    init(_ adjust: (inout Configuration) -> Void = { _ in }) throws {
        var configuration = Configuration()
        configuration.server.port = 0
        configuration.limits.maxBatchItems = 5
        configuration.logging.accessLog = false
        adjust(&configuration)
        extractor = try Extractor()
        service = try ServiceServer(configuration: configuration, extractor: extractor)
        try service.start()
    }

    /// Sends one request on a fresh connection and reads the response.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> TestClient.Response {
        let client = try TestClient(port: service.port, timeout: 20)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method == "POST" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        try client.send(Array((head + "\r\n").utf8) + body)
        return try client.readResponse(head: method == "HEAD")
    }

    func postJSON(_ target: String, _ json: String, extraHeaders: [(String, String)] = []) throws -> TestClient.Response {
        try send("POST", target, headers: [("Content-Type", "application/json")] + extraHeaders, body: Array(json.utf8))
    }
}

func schemaErrors(_ body: [UInt8], _ definition: String?) throws -> [String] {
    try JSONSchemaValidator.ledeV1().validate(Data(body), against: definition)
}

func errorCode(_ response: TestClient.Response) throws -> String? {
    let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
    return (object?["error"] as? [String: Any])?["code"] as? String
}

func jsonString(_ text: String) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self)
        .dropFirst().dropLast().description
}

@Suite("HTTP service, over real sockets")
struct ServiceHTTPTests {
    let live = LiveService.shared
    static let article = try! String(contentsOf: RepoPaths.sharedFile("examples/moscow-iran-2025-06-23.txt"), encoding: .utf8)

    @Test func exampleArticleMatchesTheRendererByteForByte() throws {
        let response = try live.postJSON("/v1/extract", #"{"text":\#(jsonString(Self.article)),"published":"2025-06-23"}"#)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        let options = ExtractionOptions(published: CalendarDate(parsing: "2025-06-23"))
        let expected = ResultRenderer(try live.extractor.extract(text: Self.article, options: options), options: options).bytes()
        #expect(response.body == expected)
        #expect(try schemaErrors(response.body, nil) == [])
        let timing = try #require(response.header("Server-Timing"))
        #expect(timing.hasPrefix("clean;dur="))
        #expect(timing.contains("segment;dur="))
        #expect(response.header("X-Request-ID")?.isEmpty == false)
    }

    @Test func textPlainBodyWithQueryParameters() throws {
        let response = try live.send("POST", "/v1/extract?published=2025-06-23&include=tokens,timings&offsets=utf16",
                                     headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(Self.article.utf8))
        #expect(response.status == 200)
        #expect(try schemaErrors(response.body, nil) == [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(object["offsets"] as? String == "utf16")
        #expect(object["timings_ms"] != nil)
        #expect((object["document"] as? [String: Any])?["published"] as? String == "2025-06-23")
    }

    @Test(arguments: [
        ("{\"text\": ", "invalid_json"),
        (#"{"text":"a","url":"https://example.com/"}"#, "invalid_request"),
        (#"{"text":"Hello there.","colour":"red"}"#, "invalid_request"),
        (#"{"text":42}"#, "invalid_request"),
        (#"{"text":"Hi.","include":["tokens","bogus"]}"#, "invalid_request"),
        (#"{"text":"Hi.","published":"yesterday"}"#, "invalid_request"),
        (#"["text"]"#, "invalid_request"),
        (#"{"text":"   "}"#, "invalid_request"),
    ])
    func badRequestsAreJSONErrors(body: String, code: String) throws {
        let response = try live.postJSON("/v1/extract", body, extraHeaders: [("X-Request-ID", "req-\(code)")])
        #expect(response.status == APIError.Code(rawValue: code)!.status)
        #expect(try errorCode(response) == code)
        #expect(try schemaErrors(response.body, "Error") == [])
        #expect(response.header("X-Request-ID") == "req-\(code)")
        #expect(response.text.contains(#""request_id":"req-\#(code)""#))
    }

    @Test func invalidUTF8IsInvalidUTF8() throws {
        for contentType in ["application/json", "text/plain"] {
            let response = try live.send("POST", "/v1/extract", headers: [("Content-Type", contentType)],
                                         body: Array(#"{"text":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
            #expect(response.status == 400)
            #expect(try errorCode(response) == "invalid_utf8")
            #expect(try schemaErrors(response.body, "Error") == [])
        }
    }

    @Test func unsupportedMediaType() throws {
        let response = try live.send("POST", "/v1/extract", headers: [("Content-Type", "application/xml")], body: Array("<a/>".utf8))
        #expect(response.status == 415)
        #expect(try errorCode(response) == "unsupported_media_type")
        #expect(try schemaErrors(response.body, "Error") == [])
    }

    @Test func notFoundAndMethodNotAllowed() throws {
        let missing = try live.send("GET", "/nope")
        #expect(missing.status == 404)
        #expect(try errorCode(missing) == "not_found")
        #expect(try schemaErrors(missing.body, "Error") == [])
        #expect(missing.header("X-Request-ID")?.isEmpty == false)

        let wrong = try live.send("GET", "/v1/extract")
        #expect(wrong.status == 405)
        #expect(wrong.header("Allow") == "POST")
        #expect(try errorCode(wrong) == "method_not_allowed")
        #expect(try schemaErrors(wrong.body, "Error") == [])

        let wrongGet = try live.send("DELETE", "/healthz")
        #expect(wrongGet.status == 405)
        #expect(wrongGet.header("Allow") == "GET, HEAD")
    }

    @Test func healthReadinessVersion() throws {
        let health = try live.send("GET", "/healthz")
        #expect(health.status == 200 && health.text == #"{"status":"ok"}"#)
        #expect(try schemaErrors(health.body, "Health") == [])
        let ready = try live.send("GET", "/readyz")
        #expect(ready.status == 200 && ready.text == #"{"status":"ready"}"#)
        #expect(try schemaErrors(ready.body, "Health") == [])
        let version = try live.send("GET", "/version")
        #expect(version.status == 200)
        #expect(try schemaErrors(version.body, "Version") == [])
        let head = try live.send("HEAD", "/healthz")
        #expect(head.status == 200 && head.body.isEmpty)
    }

    @Test func metricsAndOpenAPI() throws {
        _ = try live.send("GET", "/healthz")
        let metrics = try live.send("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains(#"lede_http_requests_total{route="/healthz",method="GET",status="200"}"#))
        #expect(metrics.text.contains("lede_http_connections_open"))
        let openAPI = try live.send("GET", "/v1/openapi.json")
        #expect(openAPI.status == 200)
        let object = try JSONSerialization.jsonObject(with: Data(openAPI.body)) as? [String: Any]
        #expect((object?["openapi"] as? String)?.hasPrefix("3.1") == true)
    }

    @Test func ndjsonBatchKeepsOrderAndReportsBadLines() throws {
        let body = #"{"id":"one","text":"Putin met Araqchi in Moscow on Monday.","published":"2025-06-23"}"# + "\n"
            + "this is not json\n\n"
            + #"{"id":"three","text":"Hello.","colour":"red"}"# + "\r\n"
            + #"{"text":"The minister spoke on Tuesday."}"# + "\n"
        let response = try live.send("POST", "/v1/extract/batch", headers: [("Content-Type", "application/x-ndjson"), ("X-Request-ID", "batch-1")],
                                     body: Array(body.utf8))
        #expect(response.status == 200)
        let lines = response.body.split(separator: UInt8(ascii: "\n")).map { Array($0) }
        try #require(lines.count == 4)
        let options = ExtractionOptions(id: "one", published: CalendarDate(parsing: "2025-06-23"))
        let first = ResultRenderer(try live.extractor.extract(text: "Putin met Araqchi in Moscow on Monday.", options: options), options: options).bytes()
        #expect(lines[0] == first)
        #expect(try schemaErrors(lines[0], nil) == [])
        #expect(String(decoding: lines[1], as: UTF8.self) == #"{"error":{"code":"invalid_json","message":"the body is not valid JSON","request_id":"batch-1"}}"#)
        #expect(try schemaErrors(lines[1], "BatchItemError") == [])
        #expect(String(decoding: lines[2], as: UTF8.self).hasPrefix(#"{"id":"three","error":{"code":"invalid_request""#))
        #expect(try schemaErrors(lines[2], "BatchItemError") == [])
        #expect(try schemaErrors(lines[3], nil) == [])
    }

    @Test func jsonArrayBatchAndItemLimit() throws {
        let response = try live.postJSON("/v1/extract/batch", #"[{"text":"One sentence here."},{"text":""}]"#)
        #expect(response.status == 200)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [Any])
        #expect(items.count == 2)
        for item in items {
            let data = try JSONSerialization.data(withJSONObject: item)
            #expect(try schemaErrors(Array(data), "BatchItem") == [])
        }
        let tooMany = try live.postJSON("/v1/extract/batch", "[" + Array(repeating: #"{"text":"x"}"#, count: 6).joined(separator: ",") + "]")
        #expect(tooMany.status == 400)
        #expect(try errorCode(tooMany) == "invalid_request")
        #expect(try schemaErrors(tooMany.body, "Error") == [])
    }

    @Test func generatedRequestIDWhenTheCallersIsUnusable() throws {
        let response = try live.send("GET", "/healthz", headers: [("X-Request-ID", String(repeating: "x", count: 300))])
        let id = try #require(response.header("X-Request-ID"))
        #expect(id.count == 16)
    }
}
