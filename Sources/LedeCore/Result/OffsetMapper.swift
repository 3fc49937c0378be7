/// Converts scalar offsets to the unit the caller asked for (`"offsets": "utf16"` for JavaScript).
struct OffsetMapper {
    private let utf16Prefix: [Int32]?

    init(scalars: [Unicode.Scalar], unit: ExtractionOptions.OffsetUnit) {
        guard unit == .utf16 else { utf16Prefix = nil; return }
        var prefix = [Int32](repeating: 0, count: scalars.count + 1)
        var total: Int32 = 0
        for (i, s) in scalars.enumerated() {
            prefix[i] = total
            total += s.value > 0xFFFF ? 2 : 1
        }
        prefix[scalars.count] = total
        utf16Prefix = prefix
    }

    func callAsFunction(_ offset: Int) -> Int {
        guard let prefix = utf16Prefix else { return offset }
        return Int(prefix[offset])
    }
}
