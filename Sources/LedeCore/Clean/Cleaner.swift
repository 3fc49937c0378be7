import Foundation

/// The first stage: finds paragraphs and takes out of analysis what is not article text —
/// stray markup, page furniture and repeated copies of the body — recording each removal.
public struct Cleaner: Stage {
    public let name = "clean"
    let boilerplate: BoilerplateDetector

    /// - Throws: `LexiconError` when the bundled phrase list is missing or malformed.
    public init(resources: URL = LedeResources.directory) throws(LexiconError) {
        self.boilerplate = BoilerplateDetector(phrases: try .bundled(in: resources))
    }

    public func apply(to document: inout Document) {
        let scalars = document.source.scalars
        var removed: [RemovedSpan] = []
        var candidates: [(text: ParagraphText, markup: [TextSpan])] = []

        for span in ParagraphSplitter.split(scalars) {
            let markup = MarkupScanner.tags(in: scalars, within: span)
            let text = ParagraphText(source: scalars, span: span, markup: markup)
            if !text.hasText, !markup.isEmpty {
                removed.append(RemovedSpan(span: span, reason: .markup))
            } else if boilerplate.isBoilerplate(text) {
                removed.append(RemovedSpan(span: span, reason: .boilerplate))
            } else {
                candidates.append((text, markup))
            }
        }

        let copyOf = duplicates(candidates.map(\.text))
        for (index, candidate) in candidates.enumerated() {
            if let first = copyOf[index] {
                removed.append(RemovedSpan(span: candidate.text.span, reason: .duplicate,
                                           duplicateOf: candidates[first].text.span))
            } else {
                document.paragraphs.append(Paragraph(span: candidate.text.span))
                removed += candidate.markup.map { RemovedSpan(span: $0, reason: .markup) }
            }
        }
        document.removed = removed.sorted { $0.span < $1.span }
    }

    /// For each paragraph, the index of the earlier paragraph it copies, if it is to be removed.
    ///
    /// Real articles repeat lines on purpose (interview questions, recipe steps, product boxes,
    /// pull quotes), while a scraper repeats a *block*: the whole body or a large part of it. So
    /// copies are removed by runs — consecutive copies of paragraphs in the same order — and only
    /// a run that holds a real share of the article's words.
    private func duplicates(_ paragraphs: [ParagraphText]) -> [Int?] {
        var detector = DuplicateDetector()
        var copyOf = [Int?](repeating: nil, count: paragraphs.count)
        for (index, paragraph) in paragraphs.enumerated() {
            copyOf[index] = detector.firstCopy(of: paragraph, index: index)
        }
        // Paragraphs of one group are copies of the same first paragraph (exactly or nearly).
        let group = copyOf.enumerated().map { $0.element ?? $0.offset }
        let totalWords = paragraphs.reduce(0) { $0 + $1.words.count }
        var result = [Int?](repeating: nil, count: paragraphs.count)
        var runStart = 0
        while runStart < paragraphs.count {
            guard let first = copyOf[runStart] else { runStart += 1; continue }
            // Follow the copy alongside its original: the next paragraph continues the run when it
            // copies a later paragraph, or repeats the one that followed the original (a line the
            // article itself repeats maps back to its first occurrence, not to its place in the block).
            var runEnd = runStart + 1
            var original = first
            while runEnd < paragraphs.count, let next = copyOf[runEnd] {
                if next > original {
                    original = next
                } else if original + 1 < runStart, group[original + 1] == group[runEnd] {
                    original += 1
                } else {
                    break
                }
                runEnd += 1
            }
            let run = runStart..<runEnd
            if Self.isScrapedRepeat(words: run.reduce(0) { $0 + paragraphs[$1].words.count }, paragraphs: run.count, of: totalWords) {
                for i in run { result[i] = copyOf[i] }
            }
            runStart = runEnd
        }
        return result
    }

    /// Whether a run of copies is a scraper's repeat rather than the article repeating itself:
    /// it holds a real share of the words, and it is prose (list-like runs of short lines — recipe
    /// steps, product boxes, a meal plan's days — repeat legitimately) unless it is most of the page.
    static func isScrapedRepeat(words: Int, paragraphs: Int, of totalWords: Int) -> Bool {
        let share = Double(words) / Double(max(totalWords, 1))
        guard share >= DuplicateDetector.minRunShare else { return false }
        guard paragraphs >= 2 || words >= DuplicateDetector.minRunWords else { return false }
        return Double(words) / Double(paragraphs) >= DuplicateDetector.minProseWords || share >= DuplicateDetector.dominantShare
    }
}
