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
    private func duplicates(_ paragraphs: [ParagraphText]) -> [Int?] {
        var detector = DuplicateDetector()
        var copyOf = [Int?](repeating: nil, count: paragraphs.count)
        var tentative = [Bool](repeating: false, count: paragraphs.count)
        for (index, paragraph) in paragraphs.enumerated() where paragraph.hasText {
            guard let first = detector.firstCopy(of: paragraph, index: index) else { continue }
            copyOf[index] = first
            tentative[index] = paragraph.words.count < DuplicateDetector.minStandaloneWords
        }
        // A short copy goes only as part of a repeated run: next to a copy that is sure.
        var result = copyOf
        for index in paragraphs.indices where tentative[index] {
            let sureNeighbour = [index - 1, index + 1].contains { i in
                paragraphs.indices.contains(i) && copyOf[i] != nil && !tentative[i]
            }
            if !sureNeighbour { result[index] = nil }
        }
        return result
    }
}
