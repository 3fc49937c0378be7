import Foundation

/// Tokenizes each kept paragraph and splits it into sentences.
public struct Segmenter: Stage {
    public let name = "segment"
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
            var paragraphTokens = Self.tokenize(scalars, segments: Self.segments(of: paragraph.span, without: inside), paragraph: index)
            for range in sentenceRanges(paragraphTokens, scalars) {
                for t in range { paragraphTokens[t].sentence = sentences.count }
                let span = TextSpan(start: paragraphTokens[range.lowerBound].span.start, end: paragraphTokens[range.upperBound - 1].span.end)
                sentences.append(Sentence(span: span, paragraph: index,
                                          tokens: (tokens.count + range.lowerBound)..<(tokens.count + range.upperBound)))
            }
            tokens += paragraphTokens
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
    static func tokenize(_ scalars: [Unicode.Scalar], segments: [TextSpan], paragraph: Int) -> [Token] {
        var aligned = AlignedText()
        for segment in segments {
            aligned.append(scalars, span: segment)
            aligned.appendBreak(at: segment.end)
        }
        let a = aligned.scalars
        return Tokenizer().tokenize(a, 0..<a.count).map { piece in
            var norm = String(String.UnicodeScalarView(a[piece.range]))
            if a[piece.range].contains(where: ScalarClass.isMark) {
                norm = norm.precomposedStringWithCanonicalMapping
            }
            let spaceAfter = piece.range.upperBound >= a.count || Tokenizer.isBreak(a[piece.range.upperBound])
            return Token(span: aligned.sourceSpan(piece.range), norm: norm, kind: piece.kind,
                         paragraph: paragraph, spaceAfter: spaceAfter)
        }
    }

    /// The token ranges of one paragraph's sentences.
    private func sentenceRanges(_ tokens: [Token], _ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let features = tokens.map { TokenFeatures(norm: $0.norm, kind: $0.kind, source: scalars[$0.span.start]) }
        let ends = splitter.boundaries(features, spaceAfter: tokens.map(\.spaceAfter))
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, isEnd) in ends.enumerated() where isEnd {
            ranges.append(start..<(i + 1))
            start = i + 1
        }
        return ranges
    }
}
