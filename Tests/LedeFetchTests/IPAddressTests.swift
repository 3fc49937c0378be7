import Testing
@testable import LedeFetch

struct IPAddressTests {
    /// Every spelling `inet_aton` (and browsers) accept for 127.0.0.1.
    @Test(arguments: [
        "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.0.0.1", "0X7F.0.0.1", "0x7F000001", "017700000001",
        "127.1", "127.0.1", "0x7f.1", "0177.1", "127.0.0.1.", "0x7f.0x0.0x0.0x1", "0000177.0.0.1",
    ])
    func parseIPv4_anySpellingOfLoopback_isLoopback(_ spelling: String) {
        #expect(IPAddress.parseIPv4(spelling) == 0x7F00_0001)
    }

    @Test(arguments: [
        ("0", UInt32(0)), ("0x", 0), ("0.0.0.0", 0), ("4294967295", 0xFFFF_FFFF), ("10.1", 0x0A00_0001),
        ("169.254.43518", 0xA9FE_A9FE), ("3232235521", 0xC0A8_0001), ("0xa9.0xfe.0xa9.0xfe", 0xA9FE_A9FE),
        ("192.168.257", 0xC0A8_0101), ("8.8.8.8", 0x0808_0808),
    ])
    func parseIPv4_shortAndNumericForms_denoteTheSameAddress(_ spelling: String, _ value: UInt32) {
        #expect(IPAddress.parseIPv4(spelling) == value)
    }

    @Test(arguments: [
        "", ".", "256.0.0.1", "1.2.3.256", "1.2.3.4.5", "08.0.0.1", "0x1g.0.0.1", "1..2.3", "4294967296",
        "1.2.65536", "1.16777216", "127.0.0.0x100", "１２７.0.0.1", "-1.0.0.1", "+1.0.0.1", "1.2.3.4 ", "example.com",
    ])
    func parseIPv4_malformed_isNil(_ spelling: String) {
        #expect(IPAddress.parseIPv4(spelling) == nil)
    }

    @Test func parseIPv6_literals_parseWithAndWithoutBrackets_butNotZones() {
        #expect(IPAddress.parseIPv6("::1") == [UInt8](repeating: 0, count: 15) + [1])
        #expect(IPAddress.parseIPv6("[::1]") == [UInt8](repeating: 0, count: 15) + [1])
        #expect(IPAddress.parseIPv6("fe80::1%eth0") == nil)
        #expect(IPAddress.parseIPv6("1.2.3.4") == nil)
        #expect(IPAddress.parseIPv6(":::") == nil)
    }

    @Test func description_isCanonical() {
        #expect(IPAddress.v4(0x7F00_0001).description == "127.0.0.1")
        #expect(IPAddress("0:0:0:0:0:0:0:1")?.description == "::1")
        #expect(IPAddress("::FFFF:127.0.0.1")?.description == "::ffff:127.0.0.1")
        #expect(IPAddress("2001:DB8:0:0:1::1")?.description == "2001:db8::1:0:0:1")
    }
}
