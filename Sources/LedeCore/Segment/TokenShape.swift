/// Word shapes and lower-cased forms as stable hashes, computed once per token for the models.
struct TokenFeatures: Sendable {
    var lower: UInt64
    var shape: UInt64
    var suffix3: UInt64
    /// 0 plain, 1 opening quote or bracket, 2 closing, 3 ambiguous straight quote.
    var quoteSide: UInt8
    var startsUpper: Bool
    var endsWithPeriod: Bool
    var isPunctuation: Bool
    var kind: UInt8

    init(norm: String, kind: Token.Kind, source: Unicode.Scalar) {
        self.kind = kind.rawValue
        var lowerHash = FeatureHash.offsetBasis
        var shapeHash = FeatureHash.offsetBasis
        var lastShape: UInt32 = 0
        var run = 0
        var lowered: [Unicode.Scalar] = []
        lowered.reserveCapacity(16)
        for s in norm.unicodeScalars {
            let l = s.value < 0x80 ? (ScalarClass.isUppercase(s) ? Unicode.Scalar(s.value | 0x20)! : s)
                : (s.properties.lowercaseMapping.unicodeScalars.first ?? s)
            lowered.append(l)
            lowerHash = (lowerHash ^ UInt64(l.value)) &* FeatureHash.prime
            let c: UInt32 = ScalarClass.isUppercase(s) ? 88 : ScalarClass.isLetter(s) ? 120 : ScalarClass.isDigit(s) ? 100 : s.value
            if c == lastShape { run += 1 } else { run = 0; lastShape = c }
            if run < 3 { shapeHash = (shapeHash ^ UInt64(c)) &* FeatureHash.prime }
        }
        lower = lowerHash
        shape = shapeHash
        suffix3 = FeatureHash.scalars(lowered.suffix(3))
        startsUpper = norm.unicodeScalars.first.map(ScalarClass.isUppercase) ?? false
        endsWithPeriod = norm.unicodeScalars.last == "."
        isPunctuation = norm.unicodeScalars.allSatisfy { !ScalarClass.isAlphanumeric($0) }
        switch source {
        case "“", "„", "«", "‹", "‘", "(", "[", "{", "「", "『": quoteSide = 1
        case "”", "»", "›", "’", ")", "]", "}", "」", "』": quoteSide = 2
        case "\"", "'": quoteSide = 3
        default: quoteSide = 0
        }
    }
}
