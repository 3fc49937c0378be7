import Foundation
import LedeCore
import LedeHTTP
import Logging

/// Where `/readyz` reads the server's state; the server is created after the router, so it is set late.
public final class ServerStateSource: @unchecked Sendable {
    // @unchecked Sendable: `server` is only touched under `lock`.
    private let lock = NSLock()
    private var server: HTTPServer?

    public init() {}

    public func attach(_ server: HTTPServer) {
        lock.withLock { self.server = server }
    }

    public var state: HTTPServer.State {
        lock.withLock { server?.state } ?? .starting
    }
}

/// The service's routes as one ``HTTPHandler``: routing, request ids, errors, CORS, API keys, metrics, access log.
public struct ServiceRouter: HTTPHandler {
    public let service: ExtractionService
    public let configuration: Configuration
    public let metrics: ServiceMetrics
    public let stateSource: ServerStateSource
    let openAPI: [UInt8]
    /// The viewer page served at `/`; nil only if the build lacks the resource (then `/` answers 404).
    let viewer: ViewerPage?
    let version: [UInt8]
    let logger: Logger
    let rateLimiter: RateLimiter

    typealias Route = @Sendable (ServiceRouter, HTTPRequest, String) async throws(APIError) -> HTTPResponse

    /// Path → method → handler. HEAD is answered by every GET route (the server drops the body).
    static let routes: [String: [String: Route]] = [
        "/v1/extract": ["POST": { r, q, id async throws(APIError) in try await r.extract(q, requestID: id) }],
        "/v1/extract/batch": ["POST": { r, q, id async throws(APIError) in try await r.batch(q, requestID: id) }],
        "/healthz": ["GET": { r, _, _ in r.json(#"{"status":"ok"}"#) }],
        "/readyz": ["GET": { r, _, _ in r.readiness() }],
        "/metrics": ["GET": { r, _, _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"], body: r.metrics.exposition())
        }],
        "/v1/openapi.json": ["GET": { r, _, _ in HTTPResponse(status: 200, json: r.openAPI) }],
        "/version": ["GET": { r, _, _ in HTTPResponse(status: 200, json: r.version) }],
        "/": ["GET": { r, q, _ async throws(APIError) in try r.viewerPage(q) }],
    ]

    public init(service: ExtractionService, configuration: Configuration, metrics: ServiceMetrics = ServiceMetrics(),
                stateSource: ServerStateSource = ServerStateSource(), logger: Logger = Logger(label: "lede.access")) {
        self.service = service
        self.configuration = configuration
        self.metrics = metrics
        self.stateSource = stateSource
        self.logger = logger
        self.openAPI = OpenAPIDocument.bytes()
        self.viewer = try? ViewerPage.bundled()
        self.version = JSONWriter.bytes(VersionInfo(models: service.extractor.models).json)
        self.rateLimiter = RateLimiter(keys: configuration.auth.apiKeys, ratePerSecond: configuration.auth.ratePerSecond,
                                       burst: configuration.auth.burst)
    }

    /// Probes and metrics answer from memory: they skip the worker pool so a busy server still answers them.
    static let fastPaths: Set<String> = ["/healthz", "/readyz", "/metrics", "/version"]

    public func needsWorkerPool(_ request: HTTPRequest) -> Bool {
        !(request.method == "GET" || request.method == "HEAD") || !Self.fastPaths.contains(request.path)
    }

    public func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        let requestID = RequestID.accept(request.headers["X-Request-ID"]) ?? HTTPServer.generateRequestID()
        metrics.inFlight.increment()
        defer { metrics.inFlight.decrement() }
        let methods = Self.routes[request.path]
        let route = methods == nil ? "unmatched" : request.path
        var keyName: String?
        var response: HTTPResponse
        do throws(APIError) {
            guard let methods else { throw APIError(.notFound, "no route for \(request.path)") }
            let allowed = Self.allowedMethods(methods)
            if request.method == "OPTIONS", !configuration.cors.allowedOrigins.isEmpty {
                response = HTTPResponse(status: 204, headers: ["Allow": allowed.joined(separator: ", ")])
            } else {
                let method = request.method == "HEAD" ? "GET" : request.method
                guard let handler = methods[method] else {
                    throw APIError(.methodNotAllowed, "\(request.method) is not allowed on \(request.path)", allow: allowed)
                }
                if request.path.hasPrefix("/v1/") { keyName = try authorize(request) }
                response = try await handler(self, request, requestID)
            }
        } catch {
            response = error.response(requestID: requestID)
        }
        response.headers.replaceOrAdd(name: "X-Request-ID", value: requestID)
        addCORS(request, to: &response)
        ResponseCompression.apply(request, to: &response)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.requestFinished(route: route, method: request.method, status: response.status, seconds: seconds)
        if configuration.logging.accessLog {
            var metadata: Logger.Metadata = [
                "method": .string(request.method), "path": .string(request.path), "status": .stringConvertible(response.status),
                "duration_ms": .stringConvertible((seconds * 1_000_000).rounded() / 1000), "request_id": .string(requestID),
                "bytes": .stringConvertible(response.body.count),
            ]
            if let keyName { metadata["key"] = .string(keyName) }
            logger.info("request", metadata: metadata)
        }
        return response
    }

    static func allowedMethods(_ methods: [String: Route]) -> [String] {
        var names = methods.keys.sorted()
        if methods["GET"] != nil { names.append("HEAD") }
        return names
    }

    func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, json: text)
    }

    func readiness() -> HTTPResponse {
        switch stateSource.state {
        case .ready: return json(#"{"status":"ready"}"#)
        case .starting: return json(#"{"status":"starting"}"#, status: 503)
        case .draining, .stopped:
            return HTTPResponse(status: 503, headers: ["Retry-After": "1"], json: #"{"status":"draining"}"#)
        }
    }

    // MARK: - Extraction

    /// The request's media type (lowercased, without parameters) and its charset parameter.
    static func mediaType(_ request: HTTPRequest) -> (type: String, charset: String?) {
        let value = request.headers["Content-Type"] ?? ""
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let charset = parts.dropFirst().first { $0.lowercased().hasPrefix("charset=") }
            .map { String($0.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() }
        return ((parts.first ?? "").lowercased(), charset)
    }

    /// Options of a raw `text/plain` or `text/html` body come as query parameters.
    static func queryOptions(_ request: HTTPRequest) throws(APIError) -> ExtractionOptions {
        try ExtractRequest.options(
            id: request.queryValue("id"), published: request.queryValue("published"), language: request.queryValue("language"),
            include: request.queryValue("include").map { $0.split(separator: ",").map(String.init) },
            offsets: request.queryValue("offsets"), source: "query parameter ")
    }

    func decodeExtractRequest(_ request: HTTPRequest) throws(APIError) -> ExtractRequest {
        let (type, charset) = Self.mediaType(request)
        switch type {
        case "application/json":
            return try ExtractRequest.decode(json: request.body)
        case "text/plain":
            if let charset, !["utf-8", "utf8", "us-ascii"].contains(charset) {
                throw APIError(.unsupportedMediaType, "text/plain bodies must be UTF-8, not \(charset)")
            }
            guard let text = UTF8Input.decode(request.body) else { throw APIError(.invalidUTF8, "the body is not valid UTF-8") }
            let options = try Self.queryOptions(request)
            return ExtractRequest(input: .text(text), options: options)
        case "text/html", "application/xhtml+xml":
            let options = try Self.queryOptions(request)
            let page = ExtractRequest.Page(bytes: request.body, charset: charset, url: request.queryValue("url"), finalURL: nil)
            return ExtractRequest(input: .page(page), options: options)
        default:
            throw APIError(.unsupportedMediaType, type.isEmpty
                ? "a Content-Type is required: application/json, text/plain or text/html"
                : "Content-Type \(type) is not accepted here: send application/json, text/plain or text/html")
        }
    }

    func extract(_ request: HTTPRequest, requestID: String) async throws(APIError) -> HTTPResponse {
        let output = try await service.process(decodeExtractRequest(request))
        metrics.extractionFinished(output.timings)
        return HTTPResponse(status: 200, headers: ["Server-Timing": Self.serverTiming(output.timings)], json: output.body)
    }

    /// `clean;dur=1.2, segment;dur=0.4, …, total;dur=1.9`.
    static func serverTiming(_ timings: [(stage: String, milliseconds: Double)]) -> String {
        let total = timings.reduce(0) { $0 + $1.milliseconds }
        return (timings + [("total", total)]).map { "\($0.stage);dur=\(String(format: "%.3f", $0.milliseconds))" }
            .joined(separator: ", ")
    }

    func batch(_ request: HTTPRequest, requestID: String) async throws(APIError) -> HTTPResponse {
        let limit = configuration.limits.maxBatchItems
        switch Self.mediaType(request).type {
        case "application/x-ndjson", "application/jsonl", "application/json-seq":
            let lines = ExtractionService.ndjsonLines(request.body)
            guard lines.count <= limit else { throw APIError(.invalidRequest, "the batch has \(lines.count) items; the limit is \(limit)") }
            var body: [UInt8] = []
            for line in lines {
                body += await runItem(ExtractionService.parseLine(line), requestID: requestID)
                body.append(UInt8(ascii: "\n"))
            }
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/x-ndjson"], body: body)
        case "application/json":
            guard let items = try ExtractRequest.parseJSON(request.body) as? [Any] else {
                throw APIError(.invalidRequest, "a JSON batch must be an array of request objects")
            }
            guard items.count <= limit else { throw APIError(.invalidRequest, "the batch has \(items.count) items; the limit is \(limit)") }
            var body: [UInt8] = [UInt8(ascii: "[")]
            for (index, item) in items.enumerated() {
                if index > 0 { body.append(UInt8(ascii: ",")) }
                body += await runItem(.success(item), requestID: requestID)
            }
            body.append(UInt8(ascii: "]"))
            return HTTPResponse(status: 200, json: body)
        default:
            throw APIError(.unsupportedMediaType, "a batch is application/x-ndjson (one request per line) or application/json (an array)")
        }
    }

    private func runItem(_ parsed: Result<Any, APIError>, requestID: String) async -> [UInt8] {
        await service.runItem(parsed, requestID: requestID).line
    }

    // MARK: - API keys and CORS

    /// With API keys configured, `/v1/*` needs `Authorization: Bearer KEY` and passes the key's token bucket.
    func authorize(_ request: HTTPRequest) throws(APIError) -> String? {
        guard !configuration.auth.apiKeys.isEmpty else { return nil }
        let header = request.headers["Authorization"] ?? ""
        guard header.count > 7, header.prefix(7).lowercased() == "bearer ",
              let key = configuration.auth.apiKeys.first(where: { Self.constantTimeEqual($0.key, String(header.dropFirst(7))) }) else {
            throw APIError(.unauthorized, "this route needs an Authorization: Bearer API key")
        }
        if let wait = rateLimiter.take(key: key.key) {
            throw APIError(.rateLimited, "the rate limit for key '\(key.name)' is exhausted", retryAfter: wait)
        }
        return key.name
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func addCORS(_ request: HTTPRequest, to response: inout HTTPResponse) {
        let allowed = configuration.cors.allowedOrigins
        guard !allowed.isEmpty, let origin = request.headers["Origin"] else { return }
        if allowed.contains("*") {
            response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        } else if allowed.contains(origin) {
            response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: origin)
            response.headers.add(name: "Vary", value: "Origin")
        } else {
            return
        }
        response.headers.replaceOrAdd(name: "Access-Control-Expose-Headers", value: "X-Request-ID, Server-Timing, Retry-After")
        if request.method == "OPTIONS" {
            response.headers.replaceOrAdd(name: "Access-Control-Allow-Methods", value: response.headers["Allow"] ?? "GET, POST")
            response.headers.replaceOrAdd(name: "Access-Control-Allow-Headers", value: "Authorization, Content-Type, X-Request-ID")
            response.headers.replaceOrAdd(name: "Access-Control-Max-Age", value: "600")
        }
    }
}

/// Per-key token buckets (`auth.rate_per_second`, `auth.burst`).
final class RateLimiter: @unchecked Sendable {
    // @unchecked Sendable: `buckets` is only touched under `lock`.
    private let lock = NSLock()
    private var buckets: [String: (tokens: Double, at: ContinuousClock.Instant)] = [:]
    let rate: Double
    let burst: Double

    init(keys: [Configuration.APIKey], ratePerSecond: Double, burst: Int) {
        self.rate = ratePerSecond
        self.burst = Double(burst)
    }

    /// Takes a token; nil when one was available, else the whole seconds until one is.
    func take(key: String, now: ContinuousClock.Instant = .now) -> Int? {
        lock.withLock {
            var bucket = buckets[key] ?? (burst, now)
            let elapsed = now - bucket.at
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * rate)
            bucket.at = now
            defer { buckets[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }
}
