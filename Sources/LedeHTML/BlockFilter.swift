/// Which of a container's blocks are article text.
enum BlockFilter {
    static func keep(_ blocks: [TextBlock], title: String?) -> [TextBlock] {
        let normalizedTitle = title.map(MetadataExtractor.clean)
        var kept = blocks.filter { block in
            if block.kind == .heading, let normalizedTitle, block.text == normalizedTitle { return false }
            if block.tag == .h1 { return false }  // the page's headline, not its text
            if block.kind == .caption { return false }
            if !hasWordCharacter(block.text) { return false }  // "​", "***", "—": no words, no paragraph
            if block.linkDensity > 0.6 { return false }
            if block.length < 40, isLabel(block.text) { return false }
            if block.linkDensity > 0.5, block.length < 60 { return false }
            return true
        }
        // A leading heading that repeats the title in other words ("Atendimento Domiciliar registra arrombamento"
        // under the title "Serviço de Atendimento Domiciliar registra arrombamento em dois veículos").
        if let first = kept.first, first.kind == .heading || first.length < 150, let normalizedTitle,
           repeatsTitle(first.text, normalizedTitle) {
            kept.removeFirst()
        }
        // Short blocks at the edges are bylines, datelines, labels and buttons, not text.
        while let first = kept.first, isEdgeNoise(first) || isBylineOrDateline(first) { kept.removeFirst() }
        while let last = kept.last, isEdgeNoise(last) || last.kind == .heading { kept.removeLast() }
        return kept
    }

    static func hasWordCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// Whether most (80 %) of a heading's words are words of the title.
    static func repeatsTitle(_ heading: String, _ title: String) -> Bool {
        func words(_ text: String) -> [Substring] { text.lowercased().split { !$0.isLetter && !$0.isNumber } }
        let titleWords = Set(words(title))
        let headingWords = words(heading)
        guard headingWords.count >= 3 else { return false }
        return headingWords.filter { titleWords.contains($0) }.count * 5 >= headingWords.count * 4
    }

    /// Widget labels that sit between paragraphs ("Advertisement", "Don't miss", "Read more").
    static let labels: Set<String> = [
        "advertisement", "advert", "ad", "ads", "sponsored", "sponsored links", "sponsored content", "promoted",
        "don't miss", "dont miss", "read more", "read next", "related", "related articles", "related stories",
        "related content", "more stories", "recommended", "recommended for you", "you may also like",
        "you may also be interested in", "you might also like", "trending", "most popular", "most read",
        "share this article", "share this", "share", "comments", "continue reading", "continue reading below",
        "story continues below", "article continues below", "scroll to continue with content", "watch", "video",
        "listen", "follow us", "more", "see also", "also read", "click here", "our latest stories", "latest stories",
        "subscribe", "sign up", "newsletter", "print", "email", "tweet",
    ]

    static func isLabel(_ text: String) -> Bool {
        var normalized = text.lowercased()
        while let last = normalized.last, last == "." || last == ":" || last == "…" || last == "!" || last == " " {
            normalized.removeLast()
        }
        normalized = normalized.replacingApostrophes()
        return labels.contains(normalized)
    }

    private static let bylinePrefixes = ["by ", "posted ", "published ", "updated ", "last updated", "written by"]

    /// A short leading block that is a byline or a date line ("By Reuters", "Nov. 20, 2019, 9:28 AM UTC",
    /// "Posted on October 27, 2015 by Admin").
    static func isBylineOrDateline(_ block: TextBlock) -> Bool {
        guard block.length < 80, block.kind != .heading else { return false }
        let lowered = block.text.lowercased()
        if bylinePrefixes.contains(where: { lowered.hasPrefix($0) }) { return true }
        // A date line: short, contains a plausible year, and ends without sentence punctuation.
        guard block.length < 50, !lowered.hasSuffix("."), let year = firstYear(in: lowered) else { return false }
        return (1990...2100).contains(year)
    }

    private static func firstYear(in text: String) -> Int? {
        var digits = 0
        var value = 0
        for scalar in text.unicodeScalars {
            if let digit = Int(String(scalar)), scalar.isASCII {
                digits += 1
                // Only a run of exactly four digits is a year: longer runs need no value, and would overflow Int
                // (found by fuzz/HTMLArticleFuzz.swift on a long run of 9s).
                if digits <= 4 { value = value * 10 + digit }
            } else {
                if digits == 4 { return value }
                digits = 0
                value = 0
            }
        }
        return digits == 4 ? value : nil
    }

    static func isEdgeNoise(_ block: TextBlock) -> Bool {
        if block.linkDensity > 0.2, block.length < 100 { return true }
        return block.length < 20 && block.kind != .heading
    }
}

extension String {
    /// The text with typographic apostrophes as ASCII ones.
    func replacingApostrophes() -> String {
        String(unicodeScalars.map { $0 == "\u{2019}" || $0 == "\u{2018}" ? Character("'") : Character($0) })
    }
}
