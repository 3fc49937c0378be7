import FoundationEssentials

/// The article fields of a page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, … at top level, in arrays or
/// in `@graph`). Malformed scripts are skipped.
struct JSONLDArticle {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var dateModified: String?
    var publisher: String?
    var image: String?
    /// The full text some sites put in JSON-LD (often the only copy on script-rendered pages).
    var articleBody: String?

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting", "liveblogposting", "scholarlyarticle",
        "techarticle", "report", "posting", "webpage",
    ]

    /// Types that describe the site or a person, never the article.
    private static let siteTypes: Set<String> = [
        "website", "organization", "newsmediaorganization", "person", "breadcrumblist", "listitem", "imageobject",
        "videoobject", "sitenavigationelement", "searchaction", "corporation", "localbusiness", "wpheader", "wpfooter",
    ]

    init(scripts: [String]) {
        var items: [[String: JSONValue]] = []
        for script in scripts {
            guard let object = JSONValue.parse(script) else { continue }
            Self.collect(object, into: &items)
        }
        // Article types first, then other typed items (ClaimReview, Recipe, …), WebPage and its subtypes
        // (MedicalWebPage, …) last: a page node sometimes carries the site's dates rather than the article's.
        func rank(_ item: [String: JSONValue]) -> Int? {
            let types = Self.types(of: item)
            if types.contains(where: { $0 != "webpage" && Self.articleTypes.contains($0) }) { return 0 }
            if types.contains(where: { $0.hasSuffix("page") }) { return 2 }
            if types.contains(where: { Self.siteTypes.contains($0) }) || types.isEmpty { return nil }
            return 1
        }
        let ranked = items.compactMap { item in rank(item).map { (item, $0) } }
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
        for item in ranked {
            if headline == nil { headline = item["headline"]?.string }
            if datePublished == nil { datePublished = item["datePublished"]?.string }
            if dateModified == nil { dateModified = item["dateModified"]?.string }
            if authors.isEmpty { authors = Self.names(item["author"] ?? item["creator"]) }
            if publisher == nil { publisher = Self.names(item["publisher"]).first }
            if image == nil { image = Self.url(item["image"] ?? item["thumbnailUrl"]) }
            if articleBody == nil { articleBody = item["articleBody"]?.string ?? item["text"]?.string }
        }
    }

    private static func collect(_ value: JSONValue, into items: inout [[String: JSONValue]]) {
        switch value {
        case .array(let elements):
            for element in elements { collect(element, into: &items) }
        case .object(let members):
            items.append(members)
            if let graph = members["@graph"] { collect(graph, into: &items) }
        default:
            break
        }
    }

    private static func types(of item: [String: JSONValue]) -> [String] {
        switch item["@type"] {
        case .string(let type)?: return [type.lowercased()]
        case .array(let types)?: return types.compactMap { $0.string?.lowercased() }
        default: return []
        }
    }

    private static func names(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let name)?: return [name]
        case .object(let members)?: return members["name"]?.string.map { [$0] } ?? []
        case .array(let elements)?: return elements.flatMap { names($0) }
        default: return []
        }
    }

    private static func url(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let link)?: return link
        case .object(let members)?: return members["url"]?.string ?? members["@id"]?.string
        case .array(let elements)?: return elements.lazy.compactMap { url($0) }.first
        default: return nil
        }
    }
}
