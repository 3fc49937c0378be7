/// An absolute http(s) URL as LedeFetch parses it — by its own rules, not libcurl's — so the host the
/// guard checks is exactly the host libcurl connects to: the URL handed to libcurl is rebuilt from these parts.
public struct FetchURL: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`, lowercased.
    public let scheme: String
    /// Lowercased host name, dotted-quad IPv4 (whatever spelling was given), or IPv6 without brackets.
    public let host: String
    /// The explicit port, or 80/443.
    public let port: Int
    /// Path and query, percent-encoded where needed, never empty, without the fragment.
    public let pathAndQuery: String
    /// The address when the host is an IP literal; `nil` for a name that needs resolving.
    public let literalAddress: IPAddress?

    /// `host:port` as used by ``FetchConfiguration/allowHosts`` and `CURLOPT_RESOLVE` (`[v6]:port`).
    public var hostPort: String { "\(urlHost):\(port)" }

    /// The URL handed to libcurl.
    public var description: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return "\(scheme)://\(urlHost)\(port == defaultPort ? "" : ":\(port)")\(pathAndQuery)"
    }

    var urlHost: String { literalAddress?.urlHost ?? host }

    /// Parses `text`.
    /// - Throws: ``FetchError/invalidURL(_:)`` for a relative URL, a scheme other than http(s), userinfo
    ///   (`user@host`), a backslash or control character, a bad port, a non-ASCII or percent-encoded host,
    ///   or a host whose last label is numeric but is not a valid IPv4 address (`1.2.3.256`, `foo.0x1`).
    public init(_ text: String) throws(FetchError) {
        let trimmed = text.trimmingASCIIWhitespace()
        func invalid(_ why: String) -> FetchError { .invalidURL("\(why): \(text.prefix(200))") }
        guard !trimmed.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { throw invalid("control character") }
        guard let colon = trimmed.firstIndex(of: ":") else { throw invalid("not an absolute URL") }
        let scheme = trimmed[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { throw invalid("only http and https are fetched") }
        let afterScheme = trimmed[trimmed.index(after: colon)...]
        guard afterScheme.hasPrefix("//") else { throw invalid("expected // after the scheme") }
        let rest = afterScheme.dropFirst(2)
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        // `\` is a path separator to browsers but not to libcurl, and `@` splits userinfo from the host:
        // both are classic parser-differential tricks (`http://good.com\@evil`, `http://good.com@evil`).
        guard !authority.contains("@") else { throw invalid("userinfo is not allowed") }
        guard !authority.contains("\\") else { throw invalid("backslash in the authority") }

        var hostText: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unterminated IPv6 literal") }
            hostText = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("junk after the IPv6 literal") }
                portText = after.dropFirst()
            }
        } else if let portColon = authority.firstIndex(of: ":") {
            hostText = authority[..<portColon]
            portText = authority[authority.index(after: portColon)...]
        } else {
            hostText = authority
        }

        var port = scheme == "https" ? 443 : 80
        if let portText, !portText.isEmpty {
            guard portText.utf8.count <= 5, portText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  let number = Int(portText), (1...65_535).contains(number) else { throw invalid("bad port") }
            port = number
        }
        guard !hostText.isEmpty else { throw invalid("empty host") }

        let literal: IPAddress?
        let host: String
        if authority.hasPrefix("[") {
            guard let bytes = IPAddress.parseIPv6(String(hostText)) else { throw invalid("bad IPv6 literal") }
            literal = .v6(bytes)
            host = literal!.description
        } else {
            // Letters, digits, `-`, `_` and `.` only: no IDN (punycode it first), no `%`-encoding, no spaces.
            guard hostText.utf8.allSatisfy(FetchURL.isHostByte) else { throw invalid("unsupported host characters") }
            let lowered = hostText.lowercased()
            if FetchURL.endsInNumber(lowered) {
                // WHATWG URL §3.5: a host whose last label is a number is an IPv4 address or invalid.
                guard let value = IPAddress.parseIPv4(lowered) else { throw invalid("malformed IPv4 address") }
                literal = .v4(value)
                host = literal!.description
            } else {
                guard lowered.utf8.count <= 253, !lowered.hasPrefix(".") else { throw invalid("bad host name") }
                literal = nil
                host = lowered
            }
        }

        var path = rest[authorityEnd...]
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        var encodedPath = FetchURL.percentEncode(path)
        if !encodedPath.hasPrefix("/") { encodedPath = "/" + encodedPath }

        self.scheme = scheme
        self.host = host
        self.port = port
        self.pathAndQuery = encodedPath
        self.literalAddress = literal
    }

    static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// WHATWG "ends in a number": the last label (ignoring one trailing dot) is all digits or `0x` + hex digits.
    static func endsInNumber(_ host: String) -> Bool {
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.last == "" { labels.removeLast() }
        guard let last = labels.last, !last.isEmpty else { return false }
        if last.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return true }
        if last.hasPrefix("0x") { return last.dropFirst(2).utf8.allSatisfy { $0 < 0x80 && Character(Unicode.Scalar($0)).isHexDigit } }
        return false
    }

    /// Percent-encodes bytes libcurl would refuse or mangle in a path/query (space, non-ASCII, `"<>\^`{|}`).
    static func percentEncode(_ text: Substring) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x21...0x7E where !"\"<>\\^`{|}".utf8.contains(byte):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    /// Drops leading and trailing ASCII whitespace and C0 controls (WHATWG URL step 1).
    func trimmingASCIIWhitespace() -> Substring {
        let scalars = self[...]
        let start = scalars.firstIndex { !($0.isASCII && ($0.asciiValue! <= 0x20)) } ?? scalars.endIndex
        let end = scalars[start...].lastIndex { !($0.isASCII && ($0.asciiValue! <= 0x20)) }
        guard let end else { return Substring("") }
        return Substring(scalars[start...end])
    }
}
