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
        var folded = String.UnicodeScalarView()
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for s in aligned.scalars {
            let lower = ScalarClass.lowercased(s)
            folded.append(lower)
            if ScalarClass.isMark(s) {
                continue  // Arabic harakat, decomposed accents: spelling variants, not words
            } else if ScalarClass.isAlphanumeric(s) {
                word.append(lower)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        self.words = words
        self.folded = String(folded)
    }

    var hasText: Bool { !words.isEmpty }
}
