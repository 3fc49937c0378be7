#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as the SSRF guard sees it: plain numbers, no zone, no port.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IPv4 address, most significant byte first (`127.0.0.1` is `0x7F00_0001`).
    case v4(UInt32)
    /// An IPv6 address as its 16 bytes in network order.
    case v6([UInt8])

    /// Parses a dotted-quad IPv4 address in any spelling `inet_aton` accepts (see ``parseIPv4(_:)``)
    /// or an IPv6 address (with or without brackets, no zone id).
    public init?(_ text: String) {
        if let v4 = IPAddress.parseIPv4(text) {
            self = .v4(v4)
        } else if let v6 = IPAddress.parseIPv6(text) {
            self = .v6(v6)
        } else {
            return nil
        }
    }

    /// The canonical text form: dotted quad for IPv4, RFC 5952 (`inet_ntop`) for IPv6.
    public var description: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\((value >> 16) & 0xFF).\((value >> 8) & 0xFF).\(value & 0xFF)"
        case .v6(let bytes):
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { raw in
                for index in 0..<16 { raw[index] = bytes[index] }
            }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// How the address is written inside a URL or a `CURLOPT_RESOLVE` entry (`[…]` around IPv6).
    var urlHost: String {
        switch self {
        case .v4: return description
        case .v6: return "[\(description)]"
        }
    }

    /// Parses an IPv4 address with `inet_aton` semantics, as browsers (WHATWG URL) and libc do:
    /// 1–4 dot-separated parts, each decimal, octal (leading `0`) or hex (`0x`); the last part fills
    /// the remaining bytes (`127.1` is `127.0.0.1`, `2130706433` is `127.0.0.1`). One trailing dot is allowed.
    /// Returns `nil` for anything else, including out-of-range parts.
    public static func parseIPv4(_ text: String) -> UInt32? {
        var host = Substring(text)
        if host.hasSuffix(".") { host = host.dropLast() }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseIPv4Part(part) else { return nil }
            numbers.append(number)
        }
        var result: UInt64 = 0
        for (index, number) in numbers.enumerated() {
            if index < numbers.count - 1 {
                guard number <= 0xFF else { return nil }
                result |= number << (8 * UInt64(3 - index))
            } else {
                let remainingBytes = UInt64(4 - index)
                guard number < (1 << (8 * remainingBytes)) else { return nil }
                result |= number
            }
        }
        return UInt32(result)
    }

    /// One part of an IPv4 address: `0x…` hex (empty digits mean 0, as in WHATWG), `0…` octal, else decimal.
    static func parseIPv4Part(_ part: Substring) -> UInt64? {
        guard !part.isEmpty, part.utf8.count <= 32 else { return nil }
        var digits = part
        var radix: UInt64 = 10
        if digits.count >= 2, digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
            if digits.isEmpty { return 0 }
        } else if digits.count >= 2, digits.hasPrefix("0") {
            radix = 8
            digits = digits.dropFirst()
        }
        var value: UInt64 = 0
        for byte in digits.utf8 {
            // ASCII only: `Character.hexDigitValue` would also accept fullwidth digits.
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            value = value * radix + digit
            if value > UInt64(UInt32.max) { return nil }
        }
        return value
    }

    /// Parses an IPv6 literal with `inet_pton`; brackets are optional, zone ids (`%eth0`) are refused.
    public static func parseIPv6(_ text: String) -> [UInt8]? {
        var literal = Substring(text)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = literal.dropFirst().dropLast() }
        guard !literal.isEmpty, !literal.contains("%"), literal.contains(":") else { return nil }
        var address = in6_addr()
        guard inet_pton(AF_INET6, String(literal), &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// Reads an address out of a `sockaddr` (AF_INET or AF_INET6), as libcurl and getaddrinfo hand them over.
    static func from(sockaddr pointer: UnsafeRawPointer) -> IPAddress? {
        let family = pointer.load(as: sockaddr.self).sa_family
        switch Int32(family) {
        case AF_INET:
            let address = pointer.load(as: sockaddr_in.self)
            return .v4(UInt32(bigEndian: address.sin_addr.s_addr))
        case AF_INET6:
            var address = pointer.load(as: sockaddr_in6.self).sin6_addr
            return .v6(withUnsafeBytes(of: &address) { Array($0) })
        default:
            return nil
        }
    }
}
