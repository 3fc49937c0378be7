import Foundation

/// Why a model file could not be loaded. Loading fails loudly: a service with a silently
/// missing model would give plausible but wrong answers.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case truncated(String)
    case badMagic(String)
    case unsupportedVersion(String, UInt32)
    case checksumMismatch(String)
    case malformedHeader(String)
    case wrongModel(expected: String, found: String)

    public var description: String {
        switch self {
        case .missing(let f): return "model file \(f) not found"
        case .truncated(let f): return "model file \(f) is truncated"
        case .badMagic(let f): return "\(f) is not a Lede model file"
        case .unsupportedVersion(let f, let v): return "model file \(f) has format version \(v); this build reads \(ModelFile.formatVersion)"
        case .checksumMismatch(let f): return "model file \(f) is corrupt (checksum mismatch)"
        case .malformedHeader(let f): return "model file \(f) has a malformed header"
        case .wrongModel(let e, let f): return "expected a '\(e)' model, found '\(f)'"
        }
    }
}

/// The on-disk form of a `LinearModel`: little-endian, versioned, checksummed.
///
///     "LEDEMDL\0" | u32 format | u32 header length | header JSON (sorted keys)
///     | u64 × features | f32 × features × classes | u64 FNV-1a of everything before
public enum ModelFile {
    static let magic: [UInt8] = Array("LEDEMDL\0".utf8)
    public static let formatVersion: UInt32 = 1

    public static func encode(_ model: LinearModel) -> [UInt8] {
        var out = magic
        append(formatVersion, to: &out)
        let header: [String: Any] = [
            "name": model.name, "classes": model.classes, "metadata": model.metadata, "features": model.features.count,
        ]
        let json = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data()
        append(UInt32(json.count), to: &out)
        out.append(contentsOf: json)
        out.reserveCapacity(out.count + model.features.count * 8 + model.weights.count * 4 + 8)
        for f in model.features { append(f, to: &out) }
        for w in model.weights { append(w.bitPattern, to: &out) }
        append(checksum(out, count: out.count), to: &out)
        return out
    }

    public static func decode(_ bytes: [UInt8], file: String, expectedName: String? = nil) throws(ModelError) -> LinearModel {
        var reader = ByteReader(bytes: bytes, file: file)
        guard bytes.count >= magic.count + 16 else { throw .truncated(file) }
        guard Array(bytes[0..<magic.count]) == magic else { throw .badMagic(file) }
        let stored = UInt64(littleEndianBytes: bytes[(bytes.count - 8)...])
        guard checksum(bytes, count: bytes.count - 8) == stored else { throw .checksumMismatch(file) }
        reader.offset = magic.count
        let version: UInt32 = try reader.read()
        guard version == formatVersion else { throw .unsupportedVersion(file, version) }
        let headerLength: UInt32 = try reader.read()
        let headerBytes = try reader.bytes(Int(headerLength))
        guard let header = try? JSONSerialization.jsonObject(with: Data(headerBytes)) as? [String: Any],
              let name = header["name"] as? String, let classes = header["classes"] as? [String],
              let metadata = header["metadata"] as? [String: String], let count = header["features"] as? Int,
              classes.count >= 2, count >= 0 else { throw .malformedHeader(file) }
        if let expectedName, expectedName != name { throw .wrongModel(expected: expectedName, found: name) }
        guard reader.remaining == count * 8 + count * classes.count * 4 + 8 else { throw .truncated(file) }
        // Bulk copies: tens of megabytes read value by value take seconds in unoptimised (test) builds.
        let features = load(UInt64.self, from: bytes, at: reader.offset, count: count)
        let weights = load(UInt32.self, from: bytes, at: reader.offset + count * 8, count: count * classes.count).map(Float.init(bitPattern:))
        return LinearModel(name: name, classes: classes, metadata: metadata, features: features, weights: weights)
    }

    /// `count` little-endian values starting at byte `offset` (bounds checked by the caller).
    private static func load<T: FixedWidthInteger>(_: T.Type, from bytes: [UInt8], at offset: Int, count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                let source = UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count * MemoryLayout<T>.size)])
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            #if _endian(big)
            for i in 0..<count { buffer[i] = T(littleEndian: buffer[i]) }
            #endif
            initialized = count
        }
    }

    /// FNV-1a over the first `count` bytes, on a raw buffer (fast in every build configuration).
    private static func checksum(_ bytes: [UInt8], count: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var h = FeatureHash.offsetBasis
            for byte in UnsafeBufferPointer(rebasing: buffer[..<count]) {
                h ^= UInt64(byte)
                h &*= FeatureHash.prime
            }
            return h
        }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0

    var remaining: Int { bytes.count - offset }

    mutating func read<T: FixedWidthInteger>() throws(ModelError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw .truncated(file) }
        var value: T = 0
        for k in 0..<size { value |= T(bytes[offset + k]) << (8 * k) }
        offset += size
        return value
    }

    mutating func bytes(_ count: Int) throws(ModelError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw .truncated(file) }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }
}

extension UInt64 {
    init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        var value: UInt64 = 0
        for (k, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << (8 * k) }
        self = value
    }
}
