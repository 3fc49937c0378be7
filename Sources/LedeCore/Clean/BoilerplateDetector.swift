/// Recognises page furniture lines (comment, share, read-more, related, cookie, subscribe, follow-us,
/// advertisement, copyright) in several languages.
///
/// A line is furniture only when it is short and *is* such a phrase (or a run of them, "Share |
/// Tweet | Email"), or starts with a furniture lead ("Follow us on …", "Read more: …"). Article
/// sentences that merely mention a word ("Share prices fell") are never matched: a false removal
/// loses article text, which is worse than keeping a stray line.
struct BoilerplateDetector: Sendable {
    /// Lines longer than this (in words) are article text, whatever they say.
    static let maxWords = 14
    /// Copyright and legal lines run longer.
    static let maxCopyrightWords = 30

    private let exact: Set<String>
    private let leads: [[String]]
    private let buttonWords: Set<String>
    /// "All rights reserved" phrases as UTF-8, searched byte-wise: `String.contains` went through
    /// Foundation's locale-aware search, a quarter of the cleaner's time.
    private let rightsReserved: [[UInt8]]

    init(phrases: BoilerplatePhrases) {
        exact = Set(phrases.exact.map(Self.key))
        leads = phrases.leads.map { Self.key($0).split(separator: " ").map(String.init) }
        buttonWords = Set(phrases.buttonWords.map(Self.key))
        rightsReserved = phrases.rightsReserved.map { Array($0.utf8) }
    }

    func isBoilerplate(_ paragraph: ParagraphText) -> Bool {
        let words = paragraph.words
        guard !words.isEmpty else { return false }
        if isCopyright(paragraph) { return true }
        guard words.count <= Self.maxWords else { return false }
        let line = words.map(Self.digitsFolded).joined(separator: " ")
        if exact.contains(line) { return true }
        if words.count <= 8, words.allSatisfy({ buttonWords.contains($0) || Self.isNumber($0) }),
           words.contains(where: { !Self.isNumber($0) }) {
            return true
        }
        return leads.contains { lead in lead.count <= words.count && words.starts(with: lead) }
    }

    /// "© 2025 Reuters", "Copyright 2024 … All rights reserved." — needs the rights phrase, or a
    /// © sign or the word copyright *and* a year, so a sentence about copyright law or a photo
    /// credit ("© Reuters", which annotators keep with the article) is not taken for a notice.
    private func isCopyright(_ paragraph: ParagraphText) -> Bool {
        guard paragraph.words.count <= Self.maxCopyrightWords else { return false }
        let text = paragraph.folded
        let bytes = Array(text.utf8)
        if rightsReserved.contains(where: { Self.contains(bytes, $0) }) { return true }
        let opensNotice = text.hasPrefix("©") || text.hasPrefix("(c) ") || paragraph.words.first == "copyright"
        return opensNotice && paragraph.words.count <= 12 && paragraph.words.contains { $0.count == 4 && Self.isNumber($0) }
    }

    static func contains(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard let first = phrase.first, phrase.count <= text.count else { return phrase.isEmpty }
        var i = 0
        while i <= text.count - phrase.count {
            if text[i] == first, text[i..<(i + phrase.count)].elementsEqual(phrase) { return true }
            i += 1
        }
        return false
    }

    static func key(_ phrase: String) -> String {
        let text = ParagraphText(source: Array(phrase.unicodeScalars),
                                 span: TextSpan(start: 0, end: phrase.unicodeScalars.count), markup: [])
        return text.words.map(digitsFolded).joined(separator: " ")
    }

    /// "12 comments" and "3 comments" are the same furniture.
    static func digitsFolded(_ word: String) -> String { isNumber(word) ? "0" : word }

    static func isNumber(_ word: String) -> Bool { word.unicodeScalars.allSatisfy(ScalarClass.isDigit) }
}
