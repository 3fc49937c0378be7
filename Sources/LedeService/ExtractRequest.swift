import Foundation
import LedeCore

/// One extraction request, as the body of `POST /v1/extract`, a batch item or a `lede batch` line.
public struct ExtractRequest: Sendable, Equatable {
    /// What to analyse.
    public enum Input: Sendable, Equatable {
        case text(String)
        case html(String, url: String?)
        case url(String)
        /// Page bytes as received (a `text/html` body or a fetched page), decoded by the HTML layer.
        case page(Page)
    }

    /// An HTML page as bytes, with what the transport said about it.
    public struct Page: Sendable, Equatable {
        public var bytes: [UInt8]
        public var charset: String?
        public var url: String?
        public var finalURL: String?

        public init(bytes: [UInt8], charset: String?, url: String?, finalURL: String?) {
            self.bytes = bytes
            self.charset = charset
            self.url = url
            self.finalURL = finalURL
        }
    }

    public var input: Input
    public var options: ExtractionOptions

    public init(input: Input, options: ExtractionOptions = ExtractionOptions()) {
        self.input = input
        self.options = options
    }

    static let fields: Set<String> = ["text", "html", "url", "published", "language", "include", "offsets", "id"]

    /// Decodes a JSON body (bytes): invalid UTF-8 → `invalid_utf8`, not JSON → `invalid_json`, anything the
    /// contract does not allow → `invalid_request` naming the field.
    public static func decode(json bytes: some Collection<UInt8>) throws(APIError) -> ExtractRequest {
        try decode(object: parseJSON(bytes))
    }

    /// Parses JSON text strictly as UTF-8; any top-level value is returned (objects are checked by the caller).
    static func parseJSON(_ bytes: some Collection<UInt8>) throws(APIError) -> Any {
        guard UTF8Input.decode(bytes) != nil else { throw APIError(.invalidUTF8, "the body is not valid UTF-8") }
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw APIError(.invalidJSON, "the body is not valid JSON")
        }
    }

    /// The `id` of a request object, when it has a string one (for failed batch items).
    static func id(of object: Any) -> String? {
        (object as? [String: Any])?["id"] as? String
    }

    /// Decodes one already parsed request object.
    public static func decode(object: Any) throws(APIError) -> ExtractRequest {
        guard let object = object as? [String: Any] else { throw APIError(.invalidRequest, "the request must be a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
            throw APIError(.invalidRequest, "unknown field '\(unknown)' (allowed: id, text, html, url, published, language, include, offsets)")
        }
        func string(_ name: String) throws(APIError) -> String? {
            guard let value = object[name] else { return nil }
            guard let text = value as? String, !isBoolOrNumber(value) else { throw APIError(.invalidRequest, "'\(name)' must be a string") }
            return text
        }
        let text = try string("text"), html = try string("html"), url = try string("url")
        let input: Input
        switch (text, html, url) {
        case (let text?, nil, nil): input = .text(text)
        case (nil, let html?, let url): input = .html(html, url: url)
        case (nil, nil, let url?): input = .url(url)
        case (nil, nil, nil): throw APIError(.invalidRequest, "the request needs one of 'text', 'html' or 'url'")
        default: throw APIError(.invalidRequest, "give exactly one of 'text', 'html' or 'url' ('url' may come with 'html')")
        }
        var include: [String]?
        if let value = object["include"] {
            guard let list = value as? [Any], !isBoolOrNumber(value) else { throw APIError(.invalidRequest, "'include' must be an array of strings") }
            var names: [String] = []
            for item in list {
                guard let name = item as? String, !isBoolOrNumber(item) else { throw APIError(.invalidRequest, "'include' must be an array of strings") }
                names.append(name)
            }
            include = names
        }
        let options = try options(id: string("id"), published: string("published"), language: string("language"),
                                  include: include, offsets: string("offsets"), source: "")
        return ExtractRequest(input: input, options: options)
    }

    /// Builds and checks the options shared by JSON bodies and query parameters (`source` prefixes messages).
    static func options(id: String?, published: String?, language: String?, include: [String]?, offsets: String?,
                        source: String) throws(APIError) -> ExtractionOptions {
        var options = ExtractionOptions(id: id)
        if let published {
            guard let date = CalendarDate(parsing: published) else {
                throw APIError(.invalidRequest, "\(source)'published': '\(published)' is not YYYY-MM-DD or an RFC 3339 date-time")
            }
            options = ExtractionOptions(id: id, published: date)
        }
        if let language {
            let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
            guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw APIError(.invalidRequest, "\(source)'language': '\(language)' is not an ISO 639 code")
            }
            options.language = primary.lowercased()
        }
        if let include {
            switch ExtractionOptions.layers(include) {
            case .success(let layers): options.include = layers
            case .failure(let error):
                throw APIError(.invalidRequest, "\(source)'include': unknown layer '\(error.value)' (tokens, event_mentions, timings)")
            }
        }
        if let offsets {
            guard let unit = ExtractionOptions.OffsetUnit(rawValue: offsets) else {
                throw APIError(.invalidRequest, "\(source)'offsets': '\(offsets)' must be scalar or utf16")
            }
            options.offsets = unit
        }
        return options
    }

    /// JSONSerialization on Linux gives numbers and booleans as NSNumber; a String never is one.
    static func isBoolOrNumber(_ value: Any) -> Bool {
        value is NSNumber
    }
}
