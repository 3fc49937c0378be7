/// A successfully fetched page: a 2xx HTML or text response after following redirects.
public struct FetchResult: Sendable, Equatable {
    /// The URL of the last hop (after redirects), as sent to the server.
    public var finalURL: String
    /// The HTTP status of the last hop (2xx).
    public var status: Int
    /// The media type from `Content-Type`, lowercased, without parameters (`text/html`); `nil` if absent.
    public var contentType: String?
    /// The `charset` parameter of `Content-Type`, as sent (`nil` if absent). See ``CharsetDecoder``.
    public var charset: String?
    /// The body after content decoding (gzip/deflate/br/zstd), at most ``FetchConfiguration/maxBodyBytes``.
    public var body: [UInt8]
    /// The response headers of the last hop, in order, names as sent.
    public var headers: [HeaderField]

    /// One response header line.
    public struct HeaderField: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(finalURL: String, status: Int, contentType: String?, charset: String?, body: [UInt8], headers: [HeaderField]) {
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.charset = charset
        self.body = body
        self.headers = headers
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body decoded to text with ``CharsetDecoder`` (header charset, BOM, `<meta>`, then sniffing).
    public func decodedText() -> DecodedText {
        CharsetDecoder.decode(body, headerCharset: charset)
    }
}

/// Splits a `Content-Type` value into its lowercased media type and its `charset` parameter.
enum ContentType {
    static func parse(_ value: String) -> (mediaType: String, charset: String?) {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts.first.map { $0.trimmingCharacters(in: " \t").lowercased() } ?? ""
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: " \t").lowercased() == "charset" else { continue }
            var raw = pair[1].trimmingCharacters(in: " \t")
            if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 { raw = String(raw.dropFirst().dropLast()) }
            if !raw.isEmpty { charset = raw }
        }
        return (mediaType, charset)
    }

    /// HTML, XHTML and any `text/*`; a missing type is accepted (the HTML parser sniffs).
    static func isSupported(_ mediaType: String) -> Bool {
        mediaType.isEmpty || mediaType.hasPrefix("text/") || mediaType == "application/xhtml+xml"
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let end = lastIndex(where: { !characters.contains($0) })!
        return String(self[start...end])
    }
}
