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
    /// A comma or semicolon: punctuation inside a sentence.
    var isSoftPunctuation: Bool
    /// Punctuation with `.`, `!`, `?` or `…` in it (not an abbreviation's period).
    var isFinal: Bool
    /// 0 no leading letter, 1 lower-case initial, 2 capitalised, 3 all capitals (two letters or more).
    var caseClass: UInt8
    var kind: UInt8

    init(norm: String, kind: Token.Kind, source: Unicode.Scalar) {
        self.kind = kind.rawValue
        var lowerHash = FeatureHash.offsetBasis
        var shapeHash = FeatureHash.offsetBasis
        var lastShape: UInt32 = 0
        var run = 0
        var lowered: [Unicode.Scalar] = []
        lowered.reserveCapacity(16)
        var letters = 0, uppers = 0
        var firstIsLetter = false, firstIsUpper = false, first = true
        for s in norm.unicodeScalars {
            let isUpper = ScalarClass.isUppercase(s)
            if first {
                firstIsUpper = isUpper
                firstIsLetter = isUpper || ScalarClass.isLetter(s)
                first = false
            }
            let l = ScalarClass.lowercased(s)
            lowered.append(l)
            lowerHash = (lowerHash ^ UInt64(l.value)) &* FeatureHash.prime
            let c: UInt32 = isUpper ? 88 : ScalarClass.isLetter(s) ? 120 : ScalarClass.isDigit(s) ? 100 : s.value
            if c == 88 { letters += 1; uppers += 1 } else if c == 120 { letters += 1 }
            if c == lastShape { run += 1 } else { run = 0; lastShape = c }
            if run < 3 { shapeHash = (shapeHash ^ UInt64(c)) &* FeatureHash.prime }
        }
        lower = lowerHash
        shape = shapeHash
        suffix3 = FeatureHash.scalars(lowered.suffix(3))
        startsUpper = firstIsUpper
        caseClass = !firstIsLetter ? 0 : !firstIsUpper ? 1 : (letters >= 2 && uppers == letters) ? 3 : 2
        isSoftPunctuation = norm == "," || norm == ";"
        endsWithPeriod = norm.unicodeScalars.last == "."
        isPunctuation = norm.unicodeScalars.allSatisfy { !ScalarClass.isAlphanumeric($0) }
        isFinal = isPunctuation && norm.unicodeScalars.contains(where: ScalarClass.isSentenceFinal)
        switch source {
        case "“", "„", "«", "‹", "‘", "(", "[", "{", "「", "『": quoteSide = 1
        case "”", "»", "›", "’", ")", "]", "}", "」", "』": quoteSide = 2
        case "\"", "'": quoteSide = 3
        default: quoteSide = 0
        }
    }
}
