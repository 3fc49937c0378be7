import Foundation

/// Furniture phrases by kind, read from `Resources/lexicons/boilerplate.tsv` (see its header for
/// sources). Kept as data so the list can grow without touching code.
struct BoilerplatePhrases: Sendable {
    /// Lines that are furniture when they are the whole line.
    var exact: [String] = []
    /// Leads that make a short line furniture whatever follows ("Follow us on …").
    var leads: [String] = []
    /// Share-bar labels; a short line made only of these is a share bar.
    var buttonWords: [String] = []
    /// Substrings of a lower-cased line that mark a rights notice.
    var rightsReserved: [String] = []

    static let resourceName = "lexicons/boilerplate.tsv"

    /// Parses `kind \t language \t phrase` lines; `#` starts a comment.
    init(tsv: String) throws(LexiconError) {
        for (number, line) in tsv.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, !columns[2].isEmpty else { throw .malformed(Self.resourceName, line: number + 1) }
            let phrase = String(columns[2])
            switch columns[0] {
            case "exact": exact.append(phrase)
            case "lead": leads.append(phrase)
            case "button": buttonWords.append(phrase)
            case "rights": rightsReserved.append(phrase.lowercased())
            default: throw .malformed(Self.resourceName, line: number + 1)
            }
        }
    }

    /// The bundled list.
    static func bundled(in directory: URL = LedeResources.directory) throws(LexiconError) -> BoilerplatePhrases {
        try BoilerplatePhrases(tsv: LedeResources.text(resourceName, in: directory))
    }
}

/// A lexicon resource that is missing or malformed.
public enum LexiconError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case malformed(String, line: Int)

    public var description: String {
        switch self {
        case .missing(let path): return "lexicon \(path) not found"
        case .malformed(let name, let line): return "lexicon \(name) line \(line) is malformed"
        }
    }
}

/// Where LedeCore's bundled resources live.
public enum LedeResources {
    /// The copied `Resources` folder; `url(forResource:)` finds it whether the platform's bundle
    /// layout puts resources at the bundle root (Linux) or in `Contents/Resources` (macOS).
    public static var directory: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources", isDirectory: true)
    }

    /// A bundled text resource (a lexicon), as UTF-8.
    static func text(_ name: String, in directory: URL) throws(LexiconError) -> String {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw .missing(url.path)
        }
        return text
    }
}
