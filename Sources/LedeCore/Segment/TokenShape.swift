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
    var isComma: Bool
    /// Punctuation with `.`, `!`, `?` or `…` in it (not an abbreviation's period).
    var isFinal: Bool
    /// 0 no leading letter, 1 lower-case initial, 2 capitalised, 3 all capitals (two letters or more).
    var caseClass: UInt8
    var kind: UInt8

    init(norm: String, kind: Token.Kind, source: Unicode.Scalar) {
        self.kind = kind.rawValue
        // One pass over the scalars (this runs for every token of every document).
        var lowerHash = FeatureHash.offsetBasis
        var shapeHash = FeatureHash.offsetBasis
        var lastShape: UInt32 = 0
        var run = 0
        // The last three lower-cased scalars, oldest first, for the suffix hash.
        var tail: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = (" ", " ", " ")
        var count = 0
        var letters = 0, uppers = 0
        var firstIsLetter = false, firstIsUpper = false
        var alphanumeric = false, final = false
        var only: Unicode.Scalar = " ", last: Unicode.Scalar = " "
        for s in norm.unicodeScalars {
            let isUpper = ScalarClass.isUppercase(s)
            let isLetter = ScalarClass.isLetter(s)
            let isDigit = !isLetter && ScalarClass.isDigit(s)
            if count == 0 {
                firstIsUpper = isUpper
                firstIsLetter = isUpper || isLetter
                only = s
            }
            let l = ScalarClass.lowercased(s)
            tail = (tail.1, tail.2, l)
            count += 1
            last = s
            lowerHash = (lowerHash ^ UInt64(l.value)) &* FeatureHash.prime
            let c: UInt32 = isUpper ? 88 : isLetter ? 120 : isDigit ? 100 : s.value
            if c == 88 { letters += 1; uppers += 1 } else if c == 120 { letters += 1 }
            if c == lastShape { run += 1 } else { run = 0; lastShape = c }
            if run < 3 { shapeHash = (shapeHash ^ UInt64(c)) &* FeatureHash.prime }
            if isLetter || isDigit { alphanumeric = true } else if ScalarClass.isSentenceFinal(s) { final = true }
        }
        lower = lowerHash
        shape = shapeHash
        var suffix = FeatureHash.offsetBasis  // FeatureHash.scalars of the last three, without an array
        if count >= 3 { suffix = (suffix ^ UInt64(tail.0.value)) &* FeatureHash.prime }
        if count >= 2 { suffix = (suffix ^ UInt64(tail.1.value)) &* FeatureHash.prime }
        if count >= 1 { suffix = (suffix ^ UInt64(tail.2.value)) &* FeatureHash.prime }
        suffix3 = suffix
        startsUpper = firstIsUpper
        caseClass = !firstIsLetter ? 0 : !firstIsUpper ? 1 : (letters >= 2 && uppers == letters) ? 3 : 2
        isComma = count == 1 && only == ","
        isSoftPunctuation = isComma || (count == 1 && only == ";")
        endsWithPeriod = count > 0 && last == "."
        isPunctuation = !alphanumeric
        isFinal = isPunctuation && final
        switch source {
        case "“", "„", "«", "‹", "‘", "(", "[", "{", "「", "『": quoteSide = 1
        case "”", "»", "›", "’", ")", "]", "}", "」", "』": quoteSide = 2
        case "\"", "'": quoteSide = 3
        default: quoteSide = 0
        }
    }
}
