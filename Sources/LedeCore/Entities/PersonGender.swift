import Foundation

/// The gender "he" or "she" asks of the person it refers to.
enum PersonGender: Sendable, Equatable {
    case male, female

    /// The gender of a third-person singular pronoun; nil for every other word.
    init?(pronoun: String) {
        // Called on every word of a document: rule out most without lower-casing (an allocation).
        guard pronoun.utf8.count <= 7, let first = pronoun.utf8.first, first | 0x20 == UInt8(ascii: "h") || first | 0x20 == UInt8(ascii: "s") else {
            return nil
        }
        switch pronoun.lowercased() {
        case "he", "him", "his", "himself": self = .male
        case "she", "her", "hers", "herself": self = .female
        default: return nil
        }
    }

    /// Honorifics before a name, and the gender each gives ("Mr. Burman", "Ms. Sherry").
    static let honorifics: [String: PersonGender] = [
        "Mr.": .male, "Mr": .male, "Sir": .male, "Mrs.": .female, "Mrs": .female, "Ms.": .female, "Ms": .female, "Miss": .female,
    ]
}

/// First names that are clearly male or female (`Resources/lexicons/first-names.tsv`, built by
/// `scripts/build_first_names.py` from the 1990 US Census lists); names both sexes carry (Leslie,
/// Lee) are absent and so constrain nothing.
public struct FirstNameLexicon: Sendable {
    static let resourceName = "lexicons/first-names.tsv"
    private var genders: [String: PersonGender] = [:]

    /// Parses `name \t m|f` lines; `#` starts a comment.
    init(tsv: String) throws(LexiconError) {
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            guard columns.count == 2, let gender = ["m": PersonGender.male, "f": .female][String(columns[1])] else {
                throw .malformed(Self.resourceName, line: number + 1)
            }
            genders[String(columns[0])] = gender
        }
    }

    /// Every name, lower-case, sorted.
    public var names: [String] { genders.keys.sorted() }

    /// The bundled lexicon.
    public static func bundled(in directory: URL = LedeResources.directory) throws(LexiconError) -> FirstNameLexicon {
        try FirstNameLexicon(tsv: LedeResources.text(resourceName, in: directory))
    }

    /// What the document says of a person's gender: an honorific before a mention ("Mr. Burman",
    /// "Ms. Sherry"), a gendered title ("spokeswoman", "congressman"), or the first word of a name
    /// of two words or more ("Lesley Deutch"). Nil without evidence, or when it conflicts — an
    /// entity that merged two people ("Bill Clinton" and "Hillary Clinton") constrains nothing.
    func gender(of entity: Entity, tokens: [Token]) -> PersonGender? {
        var seen = Set<Bool>()  // true: male
        func note(_ gender: PersonGender?) { if let gender { seen.insert(gender == .male) } }
        for mention in entity.mentions {
            let first = tokens.partitioningIndex { $0.span.end > mention.span.start }
            guard first < tokens.count else { continue }
            if first > 0 { note(PersonGender.honorifics[tokens[first - 1].norm]) }
            let words = tokens[first...].prefix { $0.span.start < mention.span.end }
            if words.count >= 2, let name = words.first, name.kind == .word {
                note(genders[name.norm.lowercased()] ?? PersonGender.honorifics[name.norm])
            }
        }
        for title in entity.titles {
            // Only the title's own words: "spokesman for Mrs. Clinton" says nothing of Mrs. Clinton's spokesman.
            for word in title.lowercased().split(separator: " ").prefix(while: { !Self.titleEnds.contains(String($0)) }) {
                note(Self.titleGender(String(word)))
            }
        }
        return seen.count == 1 ? (seen.first! ? .male : .female) : nil
    }

    static let titleEnds: Set<String> = ["for", "of", "at", "to", "in", "with", "on", "and"]

    static func titleGender(_ word: String) -> PersonGender? {
        if word.hasSuffix("woman") || ["actress", "wife", "mother", "daughter", "sister", "queen", "princess", "widow", "mrs.", "ms."].contains(word) {
            return .female
        }
        // Not every "-man": "German", "Ottoman".
        if maleTitleEndings.contains(where: word.hasSuffix) || ["husband", "father", "son", "brother", "king", "prince", "widower", "mr."].contains(word) {
            return .male
        }
        return nil
    }

    static let maleTitleEndings = ["spokesman", "chairman", "congressman", "businessman", "councilman", "assemblyman", "alderman",
                                   "statesman", "policeman", "fireman", "salesman", "anchorman", "frontman"]
}
