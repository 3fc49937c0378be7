import Foundation

/// Trigger lemmas → event type and CAMEO code, read from `Resources/lexicons/event-types.tsv`
/// (see its header for sources). Data, not code, so the list can grow without a rebuild of logic.
public struct EventTypeLexicon: Sendable {
    public struct Entry: Hashable, Sendable {
        public var type: String
        public var cameo: String?
    }

    static let resourceName = "lexicons/event-types.tsv"
    private var verbs: [String: Entry] = [:]
    private var nouns: [String: Entry] = [:]

    /// Parses `lemma \t VERB|NOUN|* \t type \t cameo-or-dash` lines; `#` starts a comment.
    init(tsv: String) throws(LexiconError) {
        for (number, line) in tsv.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4, !columns[0].isEmpty, columns[2].contains("."),
                  columns[3] == "-" || columns[3].allSatisfy(\.isNumber) else {
                throw .malformed(Self.resourceName, line: number + 1)
            }
            let entry = Entry(type: columns[2], cameo: columns[3] == "-" ? nil : columns[3])
            switch columns[1] {
            case "VERB": verbs[columns[0]] = entry
            case "NOUN": nouns[columns[0]] = entry
            case "*": verbs[columns[0]] = entry; nouns[columns[0]] = entry
            default: throw .malformed(Self.resourceName, line: number + 1)
            }
        }
    }

    /// The bundled lexicon.
    public static func bundled(in directory: URL = LedeResources.directory) throws(LexiconError) -> EventTypeLexicon {
        try EventTypeLexicon(tsv: LedeResources.text(resourceName, in: directory))
    }

    /// The type of a trigger with this lemma and universal part of speech (proper nouns read as nouns).
    public func entry(lemma: String, pos: String?) -> Entry? {
        let lemma = lemma.lowercased()
        switch pos {
        case "VERB": return verbs[lemma]
        case "NOUN", "PROPN": return nouns[lemma]
        default: return nil
        }
    }
}
