import Testing
@testable import LedeCore

/// Real article bodies (AEB dev gold) made messy the way scrapers do: repeated in full or in part,
/// furniture lines inserted. The junk must go and no article text may.
@Suite struct MessyArticleTests {
    /// Furniture lines in the languages the cleaner covers, written as real sites write them.
    static let furniture = [
        "Share this article", "Advertisement", "Read more: Markets rally as inflation cools",
        "Sign up for our newsletter", "Follow us on Twitter", "12 Comments", "Share | Tweet | Email",
        "© 2024 Example Media Group. All rights reserved.", "Related articles", "We use cookies to improve your experience.",
        "إرسال تعليق", "اقرأ أيضا", "Laisser un commentaire", "Lire aussi : la réforme des retraites", "Partager",
        "Kommentar schreiben", "Lesen Sie auch", "Оставить комментарий", "Читайте также", "Suscríbete", "Lee también",
    ]

    /// Bodies with at least four paragraphs and no rights notice of their own.
    static let bodies: [(id: String, paragraphs: [String])] = Fixtures.goldBodies.compactMap { item in
        let paragraphs = item.body.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard paragraphs.count >= 4, !item.body.lowercased().contains("rights reserved") else { return nil }
        return (item.id, paragraphs)
    }

    @Test func cleanBodies_loseNothing() {
        var lost: [String] = []
        for (id, paragraphs) in Self.bodies {
            let document = Fixtures.extract(paragraphs.joined(separator: "\n"))
            lost += document.removed.map { "\(id.prefix(8)): \(document.text($0.span).prefix(60))" }
        }
        #expect(lost.isEmpty, "removed article text: \(lost.prefix(10))")
    }

    @Test func repeatedBody_keepsFirstCopyOnly() {
        for (id, paragraphs) in Self.bodies {
            let document = Fixtures.extract((paragraphs + paragraphs).joined(separator: "\n"))
            let kept = document.paragraphTexts
            #expect(kept.count <= paragraphs.count, "\(id): a repeated paragraph survived")
            #expect(ParagraphKey.allKept(paragraphs, in: kept), "\(id): article text lost")
        }
    }

    /// A partial copy of prose goes; list-like runs of short lines (recipe steps, product boxes)
    /// repeat legitimately and are kept unless they dominate the page (see `Cleaner.isScrapedRepeat`).
    @Test func partlyRepeatedBody_losesOnlyTheCopy() {
        for (id, paragraphs) in Self.bodies {
            let repeated = Array(paragraphs.suffix(max(2, paragraphs.count / 2)))
            let words = repeated.reduce(0) { $0 + $1.split(separator: " ").count }
            guard Double(words) / Double(repeated.count) >= 12 else { continue }
            let document = Fixtures.extract((paragraphs + repeated).joined(separator: "\n"))
            #expect(document.paragraphs.count <= paragraphs.count, "\(id): the partial copy survived")
            #expect(ParagraphKey.allKept(paragraphs, in: document.paragraphTexts), "\(id): article text lost")
        }
    }

    @Test func insertedFurniture_isRemoved_articleTextKept() {
        for (n, (id, paragraphs)) in Self.bodies.enumerated() {
            var messy: [String] = [Self.furniture[n % Self.furniture.count]]
            for (i, paragraph) in paragraphs.enumerated() {
                messy.append(paragraph)
                if i % 3 == 1 { messy.append(Self.furniture[(n + i) % Self.furniture.count]) }
            }
            messy.append(Self.furniture[(n + 7) % Self.furniture.count])
            let document = Fixtures.extract(messy.joined(separator: "\n"))
            let kept = Set(document.paragraphTexts)
            let survivors = Self.furniture.filter { kept.contains($0) && !paragraphs.contains($0) }
            #expect(survivors.isEmpty, "\(id): furniture kept: \(survivors)")
            #expect(ParagraphKey.allKept(paragraphs, in: document.paragraphTexts), "\(id): article text lost")
        }
    }
}

/// Paragraphs made only of punctuation or invisible characters are not article text to keep.
enum ParagraphKey {
    /// Whether every gold paragraph with words survives in the kept text (compared without white
    /// space and control characters, where Python's and Lede's line splitting may differ).
    static func allKept(_ gold: [String], in kept: [String]) -> Bool {
        let keptText = squash(kept.joined())
        return gold.filter(hasWords).allSatisfy { keptText.contains(squash($0)) }
    }

    static func squash(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 && $0.properties.generalCategory != .format }))
    }

    static func hasWords(_ paragraph: String) -> Bool {
        paragraph.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}
