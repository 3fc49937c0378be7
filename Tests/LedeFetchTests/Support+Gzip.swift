/// A minimal gzip writer for fixtures (no zlib in this test target): fixed-Huffman deflate, literals only,
/// plus runs of zeros as length-258/distance-1 matches — enough for ordinary pages and decompression bombs.
enum Gzip {
    /// `bytes` as a gzip member (literal codes only, correct CRC-32 and size).
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.beginFixedBlock()
        for byte in bytes { writer.literal(byte) }
        writer.endOfBlock()
        return header + writer.finish() + littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// `count` zero bytes as gzip, ~13 bits per 258 bytes (50 MB → ~315 KB). The trailer CRC is only computed
    /// for small counts; the cap tests abort long before a decoder would check it.
    static func zeros(_ count: Int) -> [UInt8] {
        precondition(count >= 1)
        var writer = BitWriter()
        writer.beginFixedBlock()
        writer.literal(0)
        var remaining = count - 1
        while remaining >= 258 {
            writer.huffman(0xC5, length: 8)  // length symbol 285 = 258 bytes, no extra bits
            writer.huffman(0, length: 5)     // distance code 0 = distance 1
            remaining -= 258
        }
        for _ in 0..<remaining { writer.literal(0) }
        writer.endOfBlock()
        let crc = count <= 2_000_000 ? crc32([UInt8](repeating: 0, count: count)) : 0
        return header + writer.finish() + littleEndian(crc) + littleEndian(UInt32(truncatingIfNeeded: count))
    }

    private static let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var table = [UInt32](repeating: 0, count: 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            table[index] = value
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private struct BitWriter {
        var bytes: [UInt8] = []
        var accumulator: UInt64 = 0
        var bitCount = 0

        /// Plain bits, least significant first (headers, extra bits).
        mutating func bits(_ value: UInt32, count: Int) {
            accumulator |= UInt64(value) << UInt64(bitCount)
            bitCount += count
            while bitCount >= 8 {
                bytes.append(UInt8(accumulator & 0xFF))
                accumulator >>= 8
                bitCount -= 8
            }
        }

        /// A Huffman code, most significant bit first (RFC 1951 §3.1.1).
        mutating func huffman(_ code: UInt32, length: Int) {
            var reversed: UInt32 = 0
            for bit in 0..<length where code & (1 << UInt32(bit)) != 0 { reversed |= 1 << UInt32(length - 1 - bit) }
            bits(reversed, count: length)
        }

        mutating func beginFixedBlock() { bits(1, count: 1); bits(1, count: 2) }  // BFINAL=1, BTYPE=01

        mutating func literal(_ byte: UInt8) {
            if byte < 144 { huffman(0x30 + UInt32(byte), length: 8) } else { huffman(0x190 + UInt32(byte) - 144, length: 9) }
        }

        mutating func endOfBlock() { huffman(0, length: 7) }  // symbol 256

        mutating func finish() -> [UInt8] {
            if bitCount > 0 { bytes.append(UInt8(accumulator & 0xFF)) }
            return bytes
        }
    }
}
