/// What the tree builder notices about metadata on its way through the page, before anything is removed.
struct RawMetadata {
    /// `<meta>` pairs in page order, keys lowercased (`og:title`, `author`, `article:published_time`, …).
    var metas: [(key: String, value: String)] = []
    var linkRels: [(rel: String, href: String)] = []
    var times: [(datetime: String, itemprop: String, node: Int)] = []
    var authorLinks: [Int] = []
    var bylines: [Int] = []
    var jsonLD: [String] = []
    var titleTag: String?
    var language: String?
    var charset: String?

    mutating func observe(tag: Tag, attributes: [(String, String)], index: Int) {
        func value(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }
        switch tag {
        case .html:
            if language == nil, let lang = value("lang") ?? value("xml:lang"), !lang.isEmpty { language = lang }
        case .meta:
            if charset == nil, let declared = value("charset"), !declared.isEmpty { charset = declared }
            let content = value("content") ?? ""
            if let equiv = value("http-equiv")?.lowercased() {
                if equiv == "content-type", charset == nil,
                   let declared = content.lowercased().split(separator: "charset=", maxSplits: 1).dropFirst().first {
                    charset = MetadataExtractor.clean(String(declared))
                }
                metas.append((equiv, content))
            }
            for key in ["property", "name", "itemprop"] {
                if let name = value(key), !name.isEmpty { metas.append((name.lowercased(), content)) }
            }
        case .link:
            if let rel = value("rel"), let href = value("href") { linkRels.append((rel.lowercased(), href)) }
        case .time:
            if let datetime = value("datetime") { times.append((datetime, value("itemprop")?.lowercased() ?? "", index)) }
        case .a:
            if value("rel")?.lowercased().contains("author") == true { authorLinks.append(index) }
        default:
            break
        }
    }

    private static let bylineMarkers: [[UInt8]] = ["byline", "author-name", "author_name", "authorname"].map { Array($0.utf8) }

    /// Notes elements that look like a byline (by class) or an author (by itemprop), from lowercased attributes.
    mutating func observeByline(className: String, itemprop: String, index: Int) {
        if itemprop == "author", authorLinks.count < 4 { authorLinks.append(index) }
        guard bylines.count < 4, !className.isEmpty else { return }
        let bytes = Array(className.utf8)
        if Self.bylineMarkers.contains(where: { BoilerplateRules.contains(bytes, $0) }) { bylines.append(index) }
    }

    func meta(_ keys: String...) -> String? {
        for key in keys {
            for (candidate, value) in metas where candidate == key {
                let cleaned = MetadataExtractor.clean(value)
                if !cleaned.isEmpty { return cleaned }
            }
        }
        return nil
    }
}
