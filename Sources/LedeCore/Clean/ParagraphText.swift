/// The analysis view of one paragraph that the cleaning rules compare: its lower-cased words
/// (letters and digits only), so that white space, quote style, punctuation and entities never
/// make two copies of a paragraph look different.
struct ParagraphText {
    let span: TextSpan
    /// Kept pieces of the paragraph once stray tags are cut out.
    let segments: [TextSpan]
    let words: [String]
    /// The folded text (entities decoded, quotes and dashes folded), lower-cased.
    let folded: String

    init(source: [Unicode.Scalar], span: TextSpan, markup: [TextSpan]) {
        self.span = span
        var segments: [TextSpan] = []
        var cursor = span.start
        for tag in markup {
            if tag.start > cursor { segments.append(TextSpan(start: cursor, end: tag.start)) }
            cursor = max(cursor, tag.end)
        }
        if cursor < span.end { segments.append(TextSpan(start: cursor, end: span.end)) }
        self.segments = segments

        var aligned = AlignedText()
        for segment in segments {
            aligned.append(source, span: segment)
            aligned.appendBreak(at: segment.end)
        }
        // Scalars are gathered in arrays and made into strings once (`ScalarString`): appending
        // to a `String.UnicodeScalarView` scalar by scalar was half of this initialiser.
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(aligned.scalars.count)
        var words: [String] = []
        var word: [Unicode.Scalar] = []
        for s in aligned.scalars {
            let lower = ScalarClass.lowercased(s)
            folded.append(lower)
            if ScalarClass.isMark(s) {
                continue  // Arabic harakat, decomposed accents: spelling variants, not words
            } else if ScalarClass.isAlphanumeric(s) {
                word.append(lower)
            } else if !word.isEmpty {
                words.append(ScalarString.make(word[...]))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(ScalarString.make(word[...])) }
        self.words = words
        self.folded = ScalarString.make(folded[...])
    }

    var hasText: Bool { !words.isEmpty }
}
