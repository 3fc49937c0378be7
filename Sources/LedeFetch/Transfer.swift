#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurl

/// One HTTP hop with libcurl: no redirects followed, connections only to the guard-checked addresses,
/// body capped while it streams. State for the C callbacks lives here; it is touched by one thread only.
final class Transfer {
    enum Outcome {
        case page(FetchResult)
        case redirect(location: String)
    }

    /// Why the transfer was stopped from a callback (libcurl then reports a write error).
    private enum Stop {
        case redirect
        case error(FetchError)
    }

    private let url: FetchURL
    private let addresses: [IPAddress]
    private let permitted: Set<IPAddress>
    private let configuration: FetchConfiguration
    private let cancellation: CancellationFlag
    private var body: [UInt8] = []
    private var status = 0
    private var headers: [FetchResult.HeaderField] = []
    private var headerBytes = 0
    private var headersComplete = false
    private var stop: Stop?
    private var refusedAddress: IPAddress?

    init(url: FetchURL, addresses: [IPAddress], configuration: FetchConfiguration, cancellation: CancellationFlag) {
        self.url = url
        self.addresses = addresses
        self.permitted = Set(addresses)
        self.configuration = configuration
        self.cancellation = cancellation
    }

    /// Runs the hop (blocking) with whatever time is left before `deadline`.
    func run(until deadline: ContinuousClock.Instant) throws(FetchError) -> Outcome {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { throw .timeout }
        let easy = try CurlEasy()
        try configure(easy, remaining: remaining)
        let code = withExtendedLifetime(self) { easy.perform() }
        return try finish(easy, code: code)
    }

    private func configure(_ easy: CurlEasy, remaining: Duration) throws(FetchError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_URL, url.description)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_FOLLOWLOCATION, 0)
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_PROXY, "")  // never an environment proxy: it would bypass the pinning
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        try easy.set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl decodes; the write callback sees decoded bytes
        try easy.set(CURLOPT_USERAGENT, configuration.userAgent)
        try easy.set(CURLOPT_HTTPHEADER, list: ["Accept: text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8"])
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Transfer.milliseconds(min(configuration.connectTimeout, remaining)))
        try easy.set(CURLOPT_TIMEOUT_MS, Transfer.milliseconds(remaining))
        // Early refusal when Content-Length already exceeds the cap; the write callback enforces it on decoded bytes.
        try easy.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(configuration.maxBodyBytes))
        if url.literalAddress == nil {
            // Pin the name to the addresses the guard checked (resolver order), so libcurl does not resolve it again.
            let pinned = addresses.map(\.urlHost).joined(separator: ",")
            try easy.set(CURLOPT_RESOLVE, list: ["\(url.host):\(url.port):\(pinned)"])
        }
        try easy.set(CURLOPT_WRITEDATA, pointer: context)
        try easy.set(CURLOPT_WRITEFUNCTION, writeFunction: { data, size, count, context in
            Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().receiveBody(data, size * count)
        })
        try easy.set(CURLOPT_HEADERDATA, pointer: context)
        try easy.set(CURLOPT_HEADERFUNCTION, writeFunction: { data, size, count, context in
            Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().receiveHeader(data, size * count)
        })
        try easy.set(CURLOPT_OPENSOCKETDATA, pointer: context)
        try easy.set(openSocketFunction: { context, _, address in
            Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().openSocket(address!)
        })
        try easy.set(CURLOPT_XFERINFODATA, pointer: context)
        try easy.set(transferInfoFunction: { context, _, _, _, _ in
            Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().cancellation.isCancelled ? 1 : 0
        })
        try easy.set(CURLOPT_NOPROGRESS, 0)
    }

    // MARK: - Callbacks (on the transfer thread, inside curl_easy_perform)

    /// Last line of defence: libcurl may only open sockets to the addresses the guard checked.
    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        // `addr` is the head of a sockaddr_in or sockaddr_in6 (larger than `struct sockaddr`): read it in place.
        let offset = MemoryLayout<curl_sockaddr>.offset(of: \.addr)!
        let target = IPAddress.from(sockaddr: UnsafeRawPointer(address) + offset)
        guard let target, permitted.contains(target) else {
            refusedAddress = target ?? .v4(0)
            return CURL_SOCKET_BAD
        }
        #if canImport(Glibc)
        let type = address.pointee.socktype | Int32(SOCK_CLOEXEC.rawValue)
        #else
        let type = address.pointee.socktype
        #endif
        return socket(address.pointee.family, type, address.pointee.protocol)
    }

    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        headerBytes += count
        guard headerBytes <= configuration.maxHeaderBytes else {
            stop = .error(.failed("response headers larger than \(configuration.maxHeaderBytes) bytes"))
            return 0
        }
        guard let data else { return count }
        let raw = UnsafeRawBufferPointer(start: data, count: count)
        let line = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: "\r\n")
        if line.hasPrefix("HTTP/") {
            // A new response head (after 1xx, or the first): start over.
            let fields = line.split(separator: " ", maxSplits: 2)
            status = fields.count >= 2 ? Int(fields[1]) ?? 0 : 0
            headers = []
            headersComplete = false
        } else if line.isEmpty {
            if status >= 200, !headersComplete {
                headersComplete = true
                decide()
                if stop != nil { return 0 }
            }
        } else if !headersComplete, let colon = line.firstIndex(of: ":") {
            headers.append(.init(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            ))
        }
        return count
    }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        if stop != nil { return 0 }
        guard body.count + count <= configuration.maxBodyBytes else {
            stop = .error(.tooLarge(limit: configuration.maxBodyBytes))
            return 0
        }
        if let data, count > 0 {
            body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        }
        return count
    }

    /// Once the final head is in: redirect, refuse, or read the body.
    private func decide() {
        if [301, 302, 303, 307, 308].contains(status), header("location") != nil {
            stop = .redirect
        } else if !(200...299).contains(status) {
            stop = .error(.upstreamStatus(status))
        } else {
            let mediaType = ContentType.parse(header("content-type") ?? "").mediaType
            if !ContentType.isSupported(mediaType) { stop = .error(.unsupportedContentType(mediaType)) }
        }
    }

    private func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name }?.value
    }

    // MARK: - Result

    private func finish(_ easy: CurlEasy, code: CURLcode) throws(FetchError) -> Outcome {
        switch stop {
        case .redirect:
            let location = header("location") ?? ""
            guard let resolved = Transfer.resolve(location, against: url.description) else {
                throw .invalidURL("unusable redirect Location: \(location.prefix(200))")
            }
            return .redirect(location: resolved)
        case .error(let error):
            throw error
        case nil:
            break
        }
        switch code {
        case CURLE_OK:
            if !headersComplete { decide() }
            if case .error(let error) = stop { throw error }
            if case .redirect = stop { throw .upstreamStatus(status) }
            let contentType = ContentType.parse(header("content-type") ?? "")
            return .page(FetchResult(
                finalURL: url.description,
                status: status,
                contentType: contentType.mediaType.isEmpty ? nil : contentType.mediaType,
                charset: contentType.charset,
                body: body,
                headers: headers
            ))
        case CURLE_OPERATION_TIMEDOUT:
            throw .timeout
        case CURLE_FILESIZE_EXCEEDED:
            throw .tooLarge(limit: configuration.maxBodyBytes)
        case CURLE_ABORTED_BY_CALLBACK:
            throw .failed("cancelled")
        case CURLE_COULDNT_CONNECT where refusedAddress != nil:
            throw .blocked(host: url.host, address: refusedAddress!.description)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            throw .invalidURL(url.description)
        default:
            throw .failed(easy.message(for: code))
        }
    }

    /// Resolves a `Location` value against the current URL (RFC 3986 §5.2) with libcurl's URL API — the same
    /// resolution libcurl itself would apply. The result is parsed and guarded again as a new hop.
    static func resolve(_ reference: String, against base: String) -> String? {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        let flags = UInt32(CURLU_URLENCODE) | UInt32(CURLU_NON_SUPPORT_SCHEME)
        guard curl_url_set(handle, CURLUPART_URL, base, 0) == CURLUE_OK,
              curl_url_set(handle, CURLUPART_URL, reference, flags) == CURLUE_OK else { return nil }
        var resolved: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, CURLUPART_URL, &resolved, 0) == CURLUE_OK, let resolved else { return nil }
        defer { curl_free(resolved) }
        return String(cString: resolved)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
