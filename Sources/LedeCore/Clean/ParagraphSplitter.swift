/// Splits text into paragraphs: runs of text between line breaks, trimmed of white space.
/// The contract says a paragraph ends at one or more line breaks, so a single `\n` ends one too.
enum ParagraphSplitter {
    static func split(_ scalars: [Unicode.Scalar]) -> [TextSpan] {
        var spans: [TextSpan] = []
        var lineStart = 0
        var i = 0
        let n = scalars.count
        while i <= n {
            if i == n || ScalarClass.isLineBreak(scalars[i]) {
                if let trimmed = trim(scalars, TextSpan(start: lineStart, end: i)) { spans.append(trimmed) }
                lineStart = i + 1
            }
            i += 1
        }
        return spans
    }

    /// The span without leading/trailing white space and ignorable scalars, or nil if nothing is left.
    static func trim(_ scalars: [Unicode.Scalar], _ span: TextSpan) -> TextSpan? {
        var start = span.start
        var end = span.end
        while start < end, isBlank(scalars[start]) { start += 1 }
        while end > start, isBlank(scalars[end - 1]) { end -= 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }

    private static func isBlank(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isWhitespace(s) || TextNormalizer.isIgnorable(s)
    }
}
