import Foundation
import LedeCore
import LedeFetch
import LedeHTML

/// Request → Result bytes: the one path shared by `POST /v1/extract`, the HTTP batch and `lede batch`, so every
/// entry point gives byte-identical JSON for the same input.
public struct ExtractionService: Sendable {
    public let extractor: Extractor
    /// Fetches `url` inputs; nil where fetching is not wanted (then `url` input is refused).
    public let fetcher: Fetcher?

    /// One finished extraction: the Result bytes and the stage timings (for `Server-Timing` and metrics).
    public struct Output: Sendable {
        public let body: [UInt8]
        public let timings: [(stage: String, milliseconds: Double)]
    }

    public init(extractor: Extractor, fetcher: Fetcher? = nil) {
        self.extractor = extractor
        self.fetcher = fetcher
    }

    /// Fetches a `url` input and hands back the page as bytes; other inputs pass through. Fetching is
    /// I/O and runs on the fetcher's own threads; extraction (`run`) is CPU work on the caller's.
    public func resolve(_ request: ExtractRequest) async throws(APIError) -> ExtractRequest {
        guard case .url(let url) = request.input else { return request }
        guard let fetcher else { throw APIError(.invalidRequest, "url input is not enabled here; send text or html") }
        do throws(FetchError) {
            let page = try await fetcher.fetch(url)
            return ExtractRequest(input: .page(.init(bytes: page.body, charset: page.charset, url: url, finalURL: page.finalURL)),
                                  options: request.options)
        } catch {
            throw APIError(error)
        }
    }

    /// Runs one request whose input is text or HTML (a `url` input must be `resolve`d first).
    public func run(_ request: ExtractRequest, pretty: Bool = false) throws(APIError) -> Output {
        var options = request.options
        let article: ArticleMetadata?
        switch request.input {
        case .text:
            article = nil
        case .html(let html, let url):
            article = ArticleExtractor.extract(html: html, url: url)
        case .page(let page):
            var metadata = ArticleExtractor.extract(bytes: page.bytes, charset: page.charset, url: page.url)
            metadata.finalURL = page.finalURL
            article = metadata
        case .url:
            throw APIError(.internal, "a url request reached extraction unresolved")
        }
        // The page's own date stands in when the caller gave none; the Result says where it came from.
        if options.published == nil, let published = article?.published.flatMap(CalendarDate.init(parsing:)) {
            options.published = published
            options.publishedSource = .html
        }
        let text: String
        if case .text(let value) = request.input { text = value } else { text = article?.text ?? "" }
        let extraction: Extraction
        do throws(ExtractionError) {
            extraction = try extractor.extract(text: text, options: options)
        } catch {
            throw APIError(error)
        }
        let body = ResultRenderer(extraction, options: options).bytes(article: article.map(ArticleJSON.json), pretty: pretty)
        return Output(body: body, timings: extraction.timings)
    }

    /// `resolve` then `run`: the whole path for one request.
    public func process(_ request: ExtractRequest, pretty: Bool = false) async throws(APIError) -> Output {
        try run(await resolve(request), pretty: pretty)
    }

    /// One batch item (an already parsed JSON value, or a parse failure) → its Result bytes or its error object.
    /// `requestID` goes into the error's `request_id`.
    public func runItem(_ parsed: Result<Any, APIError>, requestID: String) async -> (line: [UInt8], failed: Bool) {
        var id: String?
        do throws(APIError) {
            let object = try parsed.get()
            id = ExtractRequest.id(of: object)
            return (try await process(ExtractRequest.decode(object: object)).body, false)
        } catch {
            return (Self.failedItem(id: id, error: error, requestID: requestID), true)
        }
    }

    /// A failed batch item: `{"id"?, "error": {…}}`.
    public static func failedItem(id: String?, error: APIError, requestID: String) -> [UInt8] {
        var fields: [(String, JSONValue)] = []
        if let id { fields.append(("id", .string(id))) }
        fields.append(("error", error.errorObject(requestID: requestID)))
        return JSONWriter.bytes(.object(fields))
    }

    /// One NDJSON line (without its newline) parsed as a request: invalid UTF-8 and invalid JSON fail as such.
    public static func parseLine(_ line: some Collection<UInt8>) -> Result<Any, APIError> {
        do throws(APIError) {
            return .success(try ExtractRequest.parseJSON(line))
        } catch {
            return .failure(error)
        }
    }

    /// Splits NDJSON into lines, dropping a trailing `\r` and blank lines.
    public static func ndjsonLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            var line = line
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            return line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) ? nil : line
        }
    }
}
