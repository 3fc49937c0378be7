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
        for (index, paragraph) in paragraphs.enumerated() where paragraph.hasText {
            copyOf[index] = detector.firstCopy(of: paragraph, index: index)
        }
        let totalWords = paragraphs.reduce(0) { $0 + $1.words.count }
        var result = [Int?](repeating: nil, count: paragraphs.count)
        var runStart = 0
        while runStart < paragraphs.count {
            guard let first = copyOf[runStart] else { runStart += 1; continue }
            var runEnd = runStart + 1
            var previous = first
            while runEnd < paragraphs.count, let next = copyOf[runEnd], next > previous {
                previous = next
                runEnd += 1
            }
            let run = runStart..<runEnd
            let words = run.reduce(0) { $0 + paragraphs[$1].words.count }
            if Double(words) >= DuplicateDetector.minRunShare * Double(totalWords),
               words >= DuplicateDetector.minRunWords || run.count >= 2 {
                for i in run { result[i] = copyOf[i] }
            }
            runStart = runEnd
        }
        return result
    }
}
