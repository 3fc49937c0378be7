/// A normalised copy of some spans of the caller's text, where every scalar remembers the source
/// span it came from.
///
/// The analysis stages read normalised scalars (HTML entities decoded, quote/dash/space variants
/// folded), yet every offset they report must point into the caller's exact text. Like
/// huggingface/tokenizers' `NormalizedString`, each normalised scalar carries its source range,
/// so a token's offsets are the start of its first scalar and the end of its last.
struct AlignedText {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var sourceStart: [Int32] = []
    private(set) var sourceEnd: [Int32] = []

    init() {}

    /// Appends the normalised form of `source[span]`.
    mutating func append(_ source: [Unicode.Scalar], span: TextSpan) {
        scalars.reserveCapacity(scalars.count + span.length)
        var i = span.start
        while i < span.end {
            let s = source[i]
            if s == "&", let (decoded, length) = HTMLEntity.decode(source, at: i, limit: span.end) {
                push(TextNormalizer.fold(decoded), from: i, to: i + length)
                i += length
                continue
            }
            if !TextNormalizer.isIgnorable(s) {
                push(TextNormalizer.fold(s), from: i, to: i + 1)
            }
            i += 1
        }
    }

    /// Ends the current run so that a later append never glues onto it (paragraph boundary).
    mutating func appendBreak(at offset: Int) {
        push("\n", from: offset, to: offset)
    }

    private mutating func push(_ s: Unicode.Scalar, from: Int, to: Int) {
        scalars.append(s)
        sourceStart.append(Int32(from))
        sourceEnd.append(Int32(to))
    }

    var count: Int { scalars.count }

    /// The source span covered by normalised scalars `range`.
    func sourceSpan(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: Int(sourceStart[range.lowerBound]), end: Int(sourceEnd[range.upperBound - 1]))
    }
}
