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
        case .unsupportedVersion(let f, let v):
            return "model file \(f) has format version \(v); this build reads \(ModelFile.denseFormat) and \(ModelFile.sparseFormat)"
        case .checksumMismatch(let f): return "model file \(f) is corrupt (checksum mismatch)"
        case .malformedHeader(let f): return "model file \(f) has a malformed header"
        case .wrongModel(let e, let f): return "expected a '\(e)' model, found '\(f)'"
        }
    }
}

/// The on-disk form of a `LinearModel`: little-endian, versioned, checksummed.
///
///     "LEDEMDL\0" | u32 format | u32 header length | header JSON (sorted keys) | u64 × features
///     | format 1 (dense):  f32 × features × classes
///     | format 2 (sparse): u8 × features (non-zero weights per row) | u8 × non-zero (class) | f32 × non-zero
///     | u64 FNV-1a of everything before
///
/// A perceptron row holds weights only for the classes its feature was ever confused between: a
/// tagger row has ~6 of 67, so the sparse layout stores 7× more features in the same bytes, while a
/// parser transition row (3 classes) is smaller dense. The encoder writes whichever layout is smaller,
/// so a model's bytes still depend on its weights alone. Both decode to the same dense `LinearModel`.
public enum ModelFile {
    static let magic: [UInt8] = Array("LEDEMDL\0".utf8)
    public static let denseFormat: UInt32 = 1
    public static let sparseFormat: UInt32 = 2

    public static func encode(_ model: LinearModel) -> [UInt8] {
        let sparse = sparseBytes(model).map { $0 < model.weights.count * 4 } ?? false
        var out = magic
        append(sparse ? sparseFormat : denseFormat, to: &out)
        let header: [String: Any] = [
            "name": model.name, "classes": model.classes, "metadata": model.metadata, "features": model.features.count,
        ]
        let json = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data()
        append(UInt32(json.count), to: &out)
        out.append(contentsOf: json)
        out.reserveCapacity(out.count + model.features.count * 8 + model.weights.count * 4 + 8)
        for f in model.features { append(f, to: &out) }
        if sparse {
            let n = model.classes.count
            let rows = model.features.indices.map { row in (0..<n).filter { model.weights[row * n + $0] != 0 } }
            for classes in rows { out.append(UInt8(classes.count)) }
            for classes in rows { for c in classes { out.append(UInt8(c)) } }
            for (row, classes) in rows.enumerated() { for c in classes { append(model.weights[row * n + c].bitPattern, to: &out) } }
        } else {
            for w in model.weights { append(w.bitPattern, to: &out) }
        }
        append(checksum(out, count: out.count), to: &out)
        return out
    }

    /// Bytes of the sparse weight section, or nil when a row's count of non-zero weights (up to the
    /// number of classes) might not fit its byte.
    private static func sparseBytes(_ model: LinearModel) -> Int? {
        guard model.classes.count < 256 else { return nil }
        return model.features.count + 5 * model.weights.reduce(0) { $1 != 0 ? $0 + 1 : $0 }
    }

    public static func decode(_ bytes: [UInt8], file: String, expectedName: String? = nil) throws(ModelError) -> LinearModel {
        var reader = ByteReader(bytes: bytes, file: file)
        guard bytes.count >= magic.count + 16 else { throw .truncated(file) }
        guard Array(bytes[0..<magic.count]) == magic else { throw .badMagic(file) }
        let stored = UInt64(littleEndianBytes: bytes[(bytes.count - 8)...])
        guard checksum(bytes, count: bytes.count - 8) == stored else { throw .checksumMismatch(file) }
        reader.offset = magic.count
        let version: UInt32 = try reader.read()
        guard version == denseFormat || version == sparseFormat else { throw .unsupportedVersion(file, version) }
        let headerLength: UInt32 = try reader.read()
        let headerBytes = try reader.bytes(Int(headerLength))
        guard let header = try? JSONSerialization.jsonObject(with: Data(headerBytes)) as? [String: Any],
              let name = header["name"] as? String, let classes = header["classes"] as? [String],
              let metadata = header["metadata"] as? [String: String], let count = header["features"] as? Int,
              classes.count >= 2, count >= 0 else { throw .malformedHeader(file) }
        if let expectedName, expectedName != name { throw .wrongModel(expected: expectedName, found: name) }
        guard reader.remaining >= count * 8 + 8 else { throw .truncated(file) }
        // Bulk copies: tens of megabytes read value by value take seconds in unoptimised (test) builds.
        let features = load(UInt64.self, from: bytes, at: reader.offset, count: count)
        reader.offset += count * 8
        let weights = version == denseFormat
            ? try denseWeights(bytes, reader, rows: count, classes: classes.count)
            : try sparseWeights(bytes, reader, rows: count, classes: classes.count)
        return LinearModel(name: name, classes: classes, metadata: metadata, features: features, weights: weights)
    }

    private static func denseWeights(_ bytes: [UInt8], _ reader: ByteReader, rows: Int, classes: Int) throws(ModelError) -> [Float] {
        guard reader.remaining == rows * classes * 4 + 8 else { throw .truncated(reader.file) }
        return load(UInt32.self, from: bytes, at: reader.offset, count: rows * classes).map(Float.init(bitPattern:))
    }

    private static func sparseWeights(_ bytes: [UInt8], _ reader: ByteReader, rows: Int, classes: Int) throws(ModelError) -> [Float] {
        guard reader.remaining >= rows + 8 else { throw .truncated(reader.file) }
        let counts = bytes[reader.offset..<(reader.offset + rows)]
        let nonZero = counts.reduce(0) { $0 + Int($1) }
        guard reader.remaining == rows + nonZero * 5 + 8 else { throw .truncated(reader.file) }
        let classOffset = reader.offset + rows
        let values = load(UInt32.self, from: bytes, at: classOffset + nonZero, count: nonZero)
        var weights = [Float](repeating: 0, count: rows * classes)
        var k = 0
        for (row, n) in counts.enumerated() {
            for _ in 0..<Int(n) {
                let c = Int(bytes[classOffset + k])
                guard c < classes else { throw .malformedHeader(reader.file) }
                weights[row * classes + c] = Float(bitPattern: values[k])
                k += 1
            }
        }
        return weights
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
