/// Stable 64-bit hashes for features and shingles.
///
/// Swift's `Hasher` is seeded per process, which would make models and output differ between runs;
/// models are trained once and loaded everywhere, so their feature hashes must never change.
public enum FeatureHash {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    /// FNV-1a over the string's UTF-8 bytes.
    @inlinable
    public static func string(_ s: String) -> UInt64 {
        var h = offsetBasis
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h &*= prime
        }
        return h
    }

    /// FNV-1a over Unicode scalars (avoids building a String on hot paths).
    public static func scalars<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var h = offsetBasis
        for s in scalars {
            h ^= UInt64(s.value)
            h &*= prime
        }
        return h
    }

    /// Mixes two hashes (splitmix64 finaliser on a rotated xor), order-sensitive.
    @inlinable
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9e37_79b9_7f4a_7c15 &+ (b << 6 | b >> 58) ^ b
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A feature: template id combined with a value hash.
    @inlinable
    public static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 { combine(template &* 0x2545_f491_4f6c_dd1d, value) }
}
