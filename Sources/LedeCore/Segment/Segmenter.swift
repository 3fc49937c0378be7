import Foundation

/// Tokenizes each kept paragraph and splits it into sentences.
public struct Segmenter: Stage {
    public let name = "segment"
    let tokenizer = Tokenizer()
    let splitter: SentenceSplitter

    public init(splitter: SentenceSplitter) { self.splitter = splitter }

    public func apply(to document: inout Document) {
        let scalars = document.source.scalars
        let markup = document.removed.filter { $0.reason == .markup }.map(\.span)
        var markupCursor = 0
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        for (index, paragraph) in document.paragraphs.enumerated() {
            while markupCursor < markup.count, markup[markupCursor].end <= paragraph.span.start { markupCursor += 1 }
            var inside: [TextSpan] = []
            var k = markupCursor
            while k < markup.count, markup[k].start < paragraph.span.end {
                inside.append(markup[k])
                k += 1
            }
            let first = tokens.count
            tokens += tokenize(scalars, segments: Self.segments(of: paragraph.span, without: inside), paragraph: index)
            sentences += split(&tokens, scalars, from: first, paragraph: index, sentenceOffset: sentences.count)
        }
        document.tokens = tokens
        document.sentences = sentences
    }

    /// The paragraph's span cut around removed markup.
    static func segments(of span: TextSpan, without holes: [TextSpan]) -> [TextSpan] {
        var segments: [TextSpan] = []
        var cursor = span.start
        for hole in holes {
            if hole.start > cursor { segments.append(TextSpan(start: cursor, end: hole.start)) }
            cursor = max(cursor, hole.end)
        }
        if cursor < span.end { segments.append(TextSpan(start: cursor, end: span.end)) }
        return segments
    }

    /// Tokens of the given source segments, in order, with offsets into the caller's text.
    func tokenize(_ scalars: [Unicode.Scalar], segments: [TextSpan], paragraph: Int) -> [Token] {
        var aligned = AlignedText()
        for segment in segments {
            aligned.append(scalars, span: segment)
            aligned.appendBreak(at: segment.end)
        }
        let a = aligned.scalars
        return tokenizer.tokenize(a, 0..<a.count).map { piece in
            var norm = String(String.UnicodeScalarView(a[piece.range]))
            if a[piece.range].contains(where: ScalarClass.isMark) {
                norm = norm.precomposedStringWithCanonicalMapping
            }
            let spaceAfter = piece.range.upperBound >= a.count || Tokenizer.isBreak(a[piece.range.upperBound])
            return Token(span: aligned.sourceSpan(piece.range), norm: norm, kind: piece.kind,
                         paragraph: paragraph, spaceAfter: spaceAfter)
        }
    }

    /// Splits `tokens[first...]` (one paragraph) into sentences and numbers the tokens.
    private func split(_ tokens: inout [Token], _ scalars: [Unicode.Scalar], from first: Int, paragraph: Int, sentenceOffset: Int) -> [Sentence] {
        guard first < tokens.count else { return [] }
        let slice = tokens[first...]
        let features = slice.map { TokenFeatures(norm: $0.norm, kind: $0.kind, source: scalars[$0.span.start]) }
        let ends = splitter.boundaries(features, spaceAfter: slice.map(\.spaceAfter))
        var sentences: [Sentence] = []
        var start = first
        for (offset, isEnd) in ends.enumerated() where isEnd {
            let end = first + offset + 1
            for t in start..<end { tokens[t].sentence = sentenceOffset + sentences.count }
            sentences.append(Sentence(span: TextSpan(start: tokens[start].span.start, end: tokens[end - 1].span.end),
                                      paragraph: paragraph, tokens: start..<end))
            start = end
        }
        return sentences
    }
}
