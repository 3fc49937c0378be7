/// A complete HTTP request: head, whole body and trailers, as handed to an ``HTTPHandler``.
public struct HTTPRequest: Sendable {
    /// The method exactly as sent (methods are case-sensitive, RFC 9110 §9.1), e.g. `GET`.
    public var method: String
    /// The request-target as sent, e.g. `/v1/extract?offsets=utf16`.
    public var target: String
    /// The path part of the target (before `?`; for absolute-form targets, after the authority). Not percent-decoded.
    public var path: String
    /// The query items in order, percent-decoded (`+` read as a space); empty when the target has no `?`.
    public var query: [QueryItem]
    /// The protocol version of the request.
    public var version: HTTPVersion
    /// The header fields, in order, with case-insensitive lookup.
    public var headers: HTTPHeaders
    /// The body bytes (de-chunked); empty when the request had none.
    public var body: [UInt8]
    /// Trailer fields sent after a chunked body (RFC 9112 §7.1.2); kept apart from ``headers`` on purpose.
    public var trailers: HTTPHeaders
    /// The peer address, `1.2.3.4:5678` or `[::1]:5678`.
    public var remoteAddress: String

    /// Creates a request; `path` and `query` are derived from `target`. Mostly useful for tests of handlers.
    public init(
        method: String, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [], trailers: HTTPHeaders = HTTPHeaders(), remoteAddress: String = ""
    ) {
        self.method = method
        self.target = target
        let (path, query) = Self.split(target: target)
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
        self.remoteAddress = remoteAddress
    }

    /// The first query value for `name`, or `nil`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Splits a request-target into path and query (RFC 9112 §3.2: origin-form or absolute-form).
    static func split(target: String) -> (path: String, query: [QueryItem]) {
        var pathPart = Substring(target)
        var queryPart: Substring?
        if let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            pathPart = target[..<mark]
            queryPart = target[target.utf8.index(after: mark)...]
        }
        // RFC 9112 §3.2.2 — absolute-form (`http://host/path`): the path starts after the authority.
        if !pathPart.hasPrefix("/"), let scheme = pathPart.firstRange(of: "://") {
            let afterAuthority = pathPart[scheme.upperBound...]
            pathPart = afterAuthority.firstIndex(of: "/").map { afterAuthority[$0...] } ?? "/"
        }
        return (String(pathPart), queryPart.map(QueryItem.parse) ?? [])
    }
}

/// One `name=value` pair of a query string.
public struct QueryItem: Sendable, Hashable {
    /// The decoded name.
    public var name: String
    /// The decoded value (empty for `?flag`).
    public var value: String

    /// Creates a query item.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Parses `a=1&b=x%20y&flag` (form-style: `+` is a space; malformed escapes are kept literally).
    static func parse(_ query: Substring) -> [QueryItem] {
        query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                return QueryItem(name: decode(pair[..<equals]), value: decode(pair[pair.index(after: equals)...]))
            }
            return QueryItem(name: decode(pair[...]), value: "")
        }
    }

    private static func decode(_ bytes: Substring.UTF8View.SubSequence) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(Substring(bytes))
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"),
                      let high = bytes.index(index, offsetBy: 1, limitedBy: bytes.endIndex), high < bytes.endIndex,
                      let low = bytes.index(index, offsetBy: 2, limitedBy: bytes.endIndex), low < bytes.endIndex,
                      let h = hexValue(bytes[high]), let l = hexValue(bytes[low]) {
                output.append(h << 4 | l)
                index = low
            } else {
                output.append(byte)
            }
            index = bytes.index(after: index)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
