import Testing
@testable import LedeFetch

/// The classifier on parsed addresses only: nothing here touches the network.
struct AddressClassTests {
    @Test(arguments: [
        ("0.0.0.0", AddressClass.unspecified), ("0.1.2.3", .unspecified),
        ("127.0.0.1", .loopback), ("127.255.255.254", .loopback),
        ("10.0.0.1", .privateUse), ("10.255.255.255", .privateUse), ("172.16.0.1", .privateUse),
        ("172.31.255.255", .privateUse), ("192.168.0.1", .privateUse),
        ("169.254.169.254", .linkLocal), ("169.254.0.1", .linkLocal),
        ("100.64.0.1", .sharedAddressSpace), ("100.127.255.255", .sharedAddressSpace),
        ("224.0.0.1", .multicast), ("239.255.255.250", .multicast),
        ("255.255.255.255", .broadcast),
        ("240.0.0.1", .reserved), ("254.1.2.3", .reserved),
        ("192.0.2.1", .documentation), ("198.51.100.7", .documentation), ("203.0.113.9", .documentation),
        ("198.18.0.1", .benchmarking), ("198.19.255.255", .benchmarking),
        ("192.0.0.8", .protocolAssignment), ("192.88.99.1", .protocolAssignment),
    ])
    func classify_nonPublicIPv4_isRefused(_ text: String, _ expected: AddressClass) {
        #expect(AddressClass.classify(IPAddress(text)!) == expected)
    }

    @Test(arguments: [
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0",
        "169.253.255.255", "192.167.255.255", "11.0.0.0", "223.255.255.255", "198.20.0.0",
    ])
    func classify_publicIPv4_isAllowed(_ text: String) {
        #expect(AddressClass.classify(IPAddress(text)!) == nil)
    }

    @Test(arguments: [
        ("::", AddressClass.unspecified), ("::1", .loopback),
        ("fe80::1", .linkLocal), ("febf:ffff::1", .linkLocal),
        ("fc00::1", .uniqueLocal), ("fd12:3456::1", .uniqueLocal),
        ("ff02::1", .multicast), ("ff0e::1", .multicast),
        // IPv4-mapped, SIIT, IPv4-compatible and NAT64 forms of forbidden IPv4 addresses
        ("::ffff:127.0.0.1", .loopback), ("::ffff:7f00:1", .loopback), ("::ffff:10.0.0.1", .privateUse),
        ("::ffff:169.254.169.254", .linkLocal), ("::ffff:0:192.168.1.1", .privateUse),
        ("::127.0.0.1", .loopback), ("::10.0.0.1", .privateUse), ("::8.8.8.8", .reserved),
        ("64:ff9b::127.0.0.1", .loopback), ("64:ff9b::a9fe:a9fe", .linkLocal), ("64:ff9b:1::1", .protocolAssignment),
        // 6to4 embedding a forbidden IPv4, Teredo with a forbidden server or client
        ("2002:7f00:1::", .loopback), ("2002:a00:1::1", .privateUse), ("2002:a9fe:a9fe::", .linkLocal),
        ("2001:0:7f00:1::1", .loopback), ("2001:0:808:808::80ff:fffe", .loopback),
        ("2001:db8::1", .documentation), ("3fff::1", .documentation), ("2001:2::1", .benchmarking),
        ("2001:10::1", .protocolAssignment), ("100::1", .protocolAssignment),
        ("fec0::1", .reserved), ("4000::1", .reserved), ("::2:3:4:5", .reserved), ("1::", .reserved),
    ])
    func classify_nonPublicIPv6_isRefused(_ text: String, _ expected: AddressClass) {
        #expect(AddressClass.classify(IPAddress(text)!) == expected)
    }

    @Test(arguments: [
        "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::200e", "::ffff:8.8.8.8",
        "64:ff9b::808:808", "2002:808:808::1", "2001:0:808:808::f7f7:f7f7",
    ])
    func classify_publicIPv6_isAllowed(_ text: String) {
        #expect(AddressClass.classify(IPAddress(text)!) == nil)
    }

    @Test(arguments: ["2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "0x7f000001"])
    func classify_alternativeLoopbackSpellings_areLoopback(_ spelling: String) {
        #expect(AddressClass.classify(IPAddress(spelling)!) == .loopback)
    }
}
