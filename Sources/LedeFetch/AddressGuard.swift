#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SSRF guard: decides which addresses a hop may connect to.
///
/// For each hop ``check(_:)`` resolves the host (A and AAAA), refuses the hop if *any* address is
/// non-public (see ``AddressClass``), and returns the addresses; ``Fetcher`` then pins libcurl to exactly
/// those (`CURLOPT_RESOLVE`) and refuses, at socket-open time, any connection to another address — so a DNS
/// answer that changes between the check and the connect (rebinding) cannot reach a forbidden address.
public struct AddressGuard: Sendable {
    /// Resolves a host name to its addresses; the default uses `getaddrinfo`.
    public typealias Resolver = @Sendable (_ host: String) throws(FetchError) -> [IPAddress]

    /// Exact `host:port` entries (as ``FetchURL/hostPort``) exempt from the classification.
    public var allowHosts: Set<String>
    let resolver: Resolver

    /// - Parameters:
    ///   - allowHosts: exact `host:port` entries exempt from the classification (still resolved and pinned).
    ///   - resolver: how names are resolved; tests inject a table instead of DNS.
    public init(allowHosts: Set<String> = [], resolver: @escaping Resolver = AddressGuard.systemResolver) {
        self.allowHosts = allowHosts
        self.resolver = resolver
    }

    /// The addresses `url` may be fetched from.
    /// - Throws: ``FetchError/blocked(host:address:)`` naming the first forbidden address, or
    ///   ``FetchError/failed(_:)`` when the name does not resolve.
    public func check(_ url: FetchURL) throws(FetchError) -> [IPAddress] {
        let addresses: [IPAddress]
        if let literal = url.literalAddress {
            addresses = [literal]
        } else {
            addresses = try resolver(url.host)
            guard !addresses.isEmpty else { throw .failed("DNS: no address for \(url.host)") }
        }
        if allowHosts.contains(url.hostPort) { return addresses }
        for address in addresses where AddressClass.classify(address) != nil {
            throw .blocked(host: url.host, address: address.description)
        }
        return addresses
    }

    /// Resolves with `getaddrinfo` (AF_UNSPEC, so both A and AAAA records), deduplicated, in resolver order.
    public static let systemResolver: Resolver = { (host: String) throws(FetchError) -> [IPAddress] in
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            let message = String(cString: gai_strerror(status))
            throw .failed("DNS: \(host): \(message)")
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            if let raw = current.pointee.ai_addr, let address = IPAddress.from(sockaddr: UnsafeRawPointer(raw)),
               !addresses.contains(address) {
                addresses.append(address)
            }
            node = current.pointee.ai_next
        }
        return addresses
    }
}
