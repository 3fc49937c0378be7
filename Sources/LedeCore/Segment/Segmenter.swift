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
        // About one token per five scalars of news text: one allocation instead of a dozen
        // doublings of a large array (a Token is ~150 bytes).
        tokens.reserveCapacity(document.paragraphs.reduce(0) { $0 + $1.span.length } / 5 + 16)
        var paragraphTokens: [Range<Int>] = []
        for (index, paragraph) in document.paragraphs.enumerated() {
            while markupCursor < markup.count, markup[markupCursor].end <= paragraph.span.start { markupCursor += 1 }
            var inside: [TextSpan] = []
            var k = markupCursor
            while k < markup.count, markup[k].start < paragraph.span.end {
                inside.append(markup[k])
                k += 1
            }
            // Tokens go straight into the document's array: copying each paragraph's tokens (a
            // String and optional annotations each) cost more than tokenizing them.
            let first = tokens.count
            Self.tokenize(scalars, segments: Self.segments(of: paragraph.span, without: inside), paragraph: index, into: &tokens)
            paragraphTokens.append(first..<tokens.count)
        }
        let punctuatedOnly = Self.isEditedProse(tokens, paragraphs: paragraphTokens)
        var sentences: [Sentence] = []
        for (index, paragraph) in paragraphTokens.enumerated() {
            let ranges = sentenceRanges(tokens[paragraph], scalars, punctuatedOnly: punctuatedOnly)  // its own statement: the slice is gone before the writes
            for range in ranges {
                for t in range { tokens[t].sentence = sentences.count }
                sentences.append(Sentence(span: TextSpan(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end),
                                          paragraph: index, tokens: range))
            }
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
        var tokens: [Token] = []
        tokenize(scalars, segments: segments, paragraph: paragraph, into: &tokens)
        return tokens
    }

    /// Appends the tokens of the given source segments to `tokens`.
    static func tokenize(_ scalars: [Unicode.Scalar], segments: [TextSpan], paragraph: Int, into tokens: inout [Token]) {
        var aligned = AlignedText()
        for segment in segments {
            aligned.append(scalars, span: segment)
            aligned.appendBreak(at: segment.end)
        }
        let a = aligned.scalars
        for piece in Tokenizer().tokenize(a, 0..<a.count) {
            var norm = ScalarString.make(a[piece.range])
            if a[piece.range].contains(where: ScalarClass.isMark) {
                norm = norm.precomposedStringWithCanonicalMapping
            }
            let spaceAfter = piece.range.upperBound >= a.count || Tokenizer.isBreak(a[piece.range.upperBound])
            tokens.append(Token(span: aligned.sourceSpan(piece.range), norm: norm, kind: piece.kind,
                                paragraph: paragraph, spaceAfter: spaceAfter))
        }
    }

    /// Whether the text is edited prose — news, not e-mail or chat: at least three paragraphs of six
    /// words or more, and 80 % of them end with sentence-final punctuation (closing quotes aside).
    /// Then a sentence ends only after such punctuation. The splitter learnt from EWT's e-mails and
    /// forums that a capitalised word may open a sentence unpunctuated, which in news split names and
    /// clauses ("Tennis great Billie Jean ‖ King remembered Ali", "Ali rebuked ‖ Trump"); a headline
    /// or a list item stands on its own line, so a paragraph end still ends it.
    static func isEditedProse(_ tokens: [Token], paragraphs: [Range<Int>]) -> Bool {
        var long = 0, punctuated = 0
        for range in paragraphs where tokens[range].lazy.filter({ $0.kind == .word }).count >= 6 {
            long += 1
            let last = tokens[range].last { !Self.closers.contains($0.norm) }
            if let last, let end = last.norm.unicodeScalars.last, ScalarClass.isSentenceFinal(end) { punctuated += 1 }
        }
        return long >= 3 && punctuated * 5 >= long * 4
    }

    static let closers: Set<String> = ["\"", "”", "’", "'", "»", ")", "]", "''"]

    /// The token ranges (indices of `tokens`' base array) of one paragraph's sentences.
    private func sentenceRanges(_ tokens: ArraySlice<Token>, _ scalars: [Unicode.Scalar], punctuatedOnly: Bool) -> [Range<Int>] {
        let features = tokens.map { TokenFeatures(norm: $0.norm, kind: $0.kind, source: scalars[$0.span.start]) }
        let ends = splitter.boundaries(features, spaceAfter: tokens.map(\.spaceAfter), punctuatedOnly: punctuatedOnly)
        var ranges: [Range<Int>] = []
        var start = tokens.startIndex
        for (i, isEnd) in ends.enumerated() where isEnd {
            ranges.append(start..<(tokens.startIndex + i + 1))
            start = tokens.startIndex + i + 1
        }
        return ranges
    }
}
