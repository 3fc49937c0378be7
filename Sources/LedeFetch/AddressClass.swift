/// Why the SSRF guard refuses an address. `nil` from ``AddressClass/classify(_:)`` means "public, allowed".
public enum AddressClass: String, Sendable, Equatable, CaseIterable {
    case unspecified        // 0.0.0.0/8, ::
    case loopback           // 127.0.0.0/8, ::1
    case privateUse         // 10/8, 172.16/12, 192.168/16
    case sharedAddressSpace // 100.64.0.0/10 (CGNAT, RFC 6598)
    case linkLocal          // 169.254/16 (incl. 169.254.169.254 cloud metadata), fe80::/10
    case multicast          // 224/4, ff00::/8
    case broadcast          // 255.255.255.255
    case reserved           // 240/4, and IPv6 outside 2000::/3 that is not an IPv4 embedding handled below
    case uniqueLocal        // fc00::/7
    case documentation      // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20
    case benchmarking       // 198.18/15, 2001:2::/48
    case protocolAssignment // 192.0.0/24, 192.88.99/24 (6to4 relay), 2001::/23 (except Teredo), 64:ff9b:1::/48, 100::/64

    /// Classifies an address; `nil` means it is an ordinary public unicast address.
    ///
    /// IPv6 forms that carry an IPv4 address — IPv4-mapped `::ffff:a.b.c.d`, SIIT `::ffff:0:a.b.c.d`,
    /// IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002:AABB:CCDD::/48` and Teredo `2001::/32`
    /// (server and obfuscated client) — are refused when the embedded IPv4 address is.
    public static func classify(_ address: IPAddress) -> AddressClass? {
        switch address {
        case .v4(let value): return classify(v4: value)
        case .v6(let bytes): return classify(v6: bytes)
        }
    }

    static func classify(v4 value: UInt32) -> AddressClass? {
        func within(_ prefix: UInt32, _ length: UInt32) -> Bool {
            let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << (32 - length)
            return value & mask == prefix & mask
        }
        if value == 0xFFFF_FFFF { return .broadcast }
        if within(0x0000_0000, 8) { return .unspecified }
        if within(0x7F00_0000, 8) { return .loopback }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return .privateUse }
        if within(0x6440_0000, 10) { return .sharedAddressSpace }
        if within(0xA9FE_0000, 16) { return .linkLocal }
        if within(0xE000_0000, 4) { return .multicast }
        if within(0xF000_0000, 4) { return .reserved }
        if within(0xC000_0200, 24) || within(0xC633_6400, 24) || within(0xCB00_7100, 24) { return .documentation }
        if within(0xC612_0000, 15) { return .benchmarking }
        if within(0xC000_0000, 24) || within(0xC058_6300, 24) { return .protocolAssignment }
        return nil
    }

    static func classify(v6 bytes: [UInt8]) -> AddressClass? {
        precondition(bytes.count == 16, "an IPv6 address has 16 bytes")
        func embeddedV4(at offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        func startsWith(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        let zero12 = [UInt8](repeating: 0, count: 12)

        // ::/128, ::1/128, then the IPv4-compatible ::a.b.c.d (deprecated, RFC 4291 §2.5.5.1).
        if bytes == [UInt8](repeating: 0, count: 16) { return .unspecified }
        if bytes == zero12 + [0, 0, 0, 1] { return .loopback }
        if startsWith(zero12) { return classify(v4: embeddedV4(at: 12)) ?? .reserved }
        // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (SIIT, RFC 7915).
        if startsWith([UInt8](repeating: 0, count: 10) + [0xFF, 0xFF]) { return classify(v4: embeddedV4(at: 12)) }
        if startsWith([UInt8](repeating: 0, count: 8) + [0xFF, 0xFF, 0, 0]) { return classify(v4: embeddedV4(at: 12)) }
        // 64:ff9b::/96 well-known NAT64 prefix (RFC 6052); 64:ff9b:1::/48 local-use NAT64 (RFC 8215).
        if startsWith([0x00, 0x64, 0xFF, 0x9B] + [UInt8](repeating: 0, count: 8)) { return classify(v4: embeddedV4(at: 12)) }
        if startsWith([0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01]) { return .protocolAssignment }
        // 100::/64 discard-only (RFC 6666).
        if startsWith([0x01, 0x00] + [UInt8](repeating: 0, count: 6)) { return .protocolAssignment }
        if bytes[0] == 0xFF { return .multicast }
        if bytes[0] & 0xFE == 0xFC { return .uniqueLocal }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return .linkLocal }
        // Everything else outside global unicast 2000::/3 (incl. deprecated site-local fec0::/10) is not routable.
        if bytes[0] & 0xE0 != 0x20 { return .reserved }
        // 6to4 2002::/16 embeds an IPv4 address in bytes 2–5 (RFC 3056).
        if startsWith([0x20, 0x02]) { return classify(v4: embeddedV4(at: 2)) }
        // Teredo 2001::/32 (RFC 4380): server IPv4 in bytes 4–7, client IPv4 obfuscated (xor 0xFFFFFFFF) in 12–15.
        if startsWith([0x20, 0x01, 0x00, 0x00]) {
            return classify(v4: embeddedV4(at: 4)) ?? classify(v4: ~embeddedV4(at: 12))
        }
        if startsWith([0x20, 0x01, 0x0D, 0xB8]) || (bytes[0] == 0x3F && bytes[1] == 0xFF && bytes[2] & 0xF0 == 0) {
            return .documentation
        }
        if startsWith([0x20, 0x01, 0x00, 0x02, 0x00, 0x00]) { return .benchmarking }
        // The rest of 2001::/23 (IETF protocol assignments: ORCHID, AMT, AS112-v6, …).
        if bytes[0] == 0x20, bytes[1] == 0x01, bytes[2] & 0xFE == 0 { return .protocolAssignment }
        return nil
    }
}
