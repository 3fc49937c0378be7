/// Identifies the document's language (ISO 639-1) from its kept tokens: the dominant script, then,
/// for Latin script, which language's function words occur most.
///
/// Runs after cleaning, so scraped furniture in another script (the example's Arabic comment line)
/// never decides it. Without evidence it answers nil, and the pipeline then runs no
/// language-specific model rather than guess.
public struct LanguageIdentifier: Stage {
    public let name = "language"
    /// Below this many words, a Latin-script text without function words is taken to be the default language.
    static let minWordsForVerdict = 20
    let defaultLanguage: String

    public init(defaultLanguage: String = "en") { self.defaultLanguage = defaultLanguage }

    public func apply(to document: inout Document) {
        if document.language == nil { document.language = identify(document.tokens) }
    }

    func identify(_ tokens: [Token]) -> String? {
        var scripts: [Script: Int] = [:]
        var votes: [String: Int] = [:]
        var words = 0
        for token in tokens where token.kind == .word {
            words += 1
            if let script = token.norm.unicodeScalars.lazy.compactMap(Script.init).first { scripts[script, default: 0] += 1 }
            let lower = token.norm.lowercased()
            for (language, list) in FunctionWords.byLanguage where list.contains(lower) { votes[language, default: 0] += 1 }
        }
        guard let (script, _) = scripts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }) else {
            return nil
        }
        if script != .latin { return script.language(kana: scripts[.kana] ?? 0 > 0) }
        // Ties go to the alphabetically first code so the answer never depends on dictionary order.
        let best = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
        // One function word proves nothing ("Putin met Trump": Dutch "met"); two do.
        if let best, best.value >= 2 { return best.key }
        return words < Self.minWordsForVerdict ? defaultLanguage : nil
    }
}

enum Script: String, Hashable {
    case latin, cyrillic, arabic, hebrew, greek, han, kana, hangul, devanagari, thai

    init?(_ s: Unicode.Scalar) {
        guard ScalarClass.isLetter(s) else { return nil }
        switch s.value {
        case 0x41...0x24F, 0x1E00...0x1EFF: self = .latin
        case 0x370...0x3FF: self = .greek
        case 0x400...0x52F: self = .cyrillic
        case 0x590...0x5FF: self = .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
        case 0x900...0x97F: self = .devanagari
        case 0xE00...0xE7F: self = .thai
        case 0x3040...0x30FF: self = .kana
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: self = .han
        case 0xAC00...0xD7AF, 0x1100...0x11FF: self = .hangul
        default: return nil
        }
    }

    func language(kana: Bool) -> String? {
        switch self {
        case .latin: return nil
        case .cyrillic: return "ru"
        case .arabic: return "ar"
        case .hebrew: return "he"
        case .greek: return "el"
        case .han: return kana ? "ja" : "zh"
        case .kana: return "ja"
        case .hangul: return "ko"
        case .devanagari: return "hi"
        case .thai: return "th"
        }
    }
}

/// The most frequent function words of the Latin-script languages Lede tells apart.
enum FunctionWords {
    static let byLanguage: [(String, Set<String>)] = [
        ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "sich", "auf",
                "dem", "des", "für", "auch", "im", "wird", "hat", "wurde", "aus", "bei", "nach", "werden", "sind", "oder"]),
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as", "said", "at",
                "by", "his", "from", "are", "have", "has", "be", "this", "an", "they", "were", "not", "but", "which",
                "will", "their", "its", "who", "been", "had", "would", "she", "her", "we", "you", "i", "or", "after"]),
        ("es", ["el", "los", "las", "que", "y", "en", "una", "por", "con", "para", "es", "se", "del", "al", "lo",
                "como", "más", "pero", "sus", "fue", "ha", "este", "esta", "son", "también", "entre"]),
        ("fr", ["le", "la", "les", "des", "et", "est", "une", "un", "du", "que", "qui", "dans", "pour", "pas", "sur",
                "au", "avec", "il", "elle", "ce", "sont", "par", "mais", "ont", "été", "aux", "cette", "ses", "leur", "nous"]),
        ("it", ["il", "di", "che", "è", "per", "non", "con", "della", "gli", "sono", "anche", "nel", "ma", "come",
                "più", "questo", "alla", "dei", "delle", "stato", "essere"]),
        ("nl", ["het", "een", "en", "van", "dat", "op", "te", "niet", "met", "voor", "zijn", "er", "aan", "die",
                "ook", "als", "bij", "door", "maar", "wordt", "worden", "naar"]),
        ("pt", ["os", "que", "do", "da", "em", "um", "uma", "para", "com", "não", "por", "no", "na", "dos", "das",
                "é", "mais", "ao", "foi", "ele", "pelo", "pela", "também", "são"]),
    ]
}
