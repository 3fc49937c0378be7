import FoundationEssentials

/// Reads the `article` object's metadata from a page: JSON-LD first, then `<meta>` tags, then markup
/// (`<time>`, `rel=author`, bylines), then the URL. Dates are reported only as found — a date or an RFC 3339
/// date-time — with ``ArticleMetadata/dateSource`` naming the source; nothing is guessed.
enum MetadataExtractor {
    /// Fills `article`'s metadata; returns the JSON-LD `articleBody`, if any, for pages whose markup has no text.
    @discardableResult
    static func extract(from tree: DOMTree, url: String?, into article: inout ArticleMetadata) -> String? {
        let raw = tree.metadata
        let linkedData = JSONLDArticle(scripts: raw.jsonLD)
        let siteName = raw.meta("og:site_name", "application-name") ?? linkedData.publisher
        article.siteName = siteName.map(clean)
        article.title = raw.meta("og:title", "twitter:title").map { dropSiteName(clean($0), siteName: siteName) }
            ?? raw.titleTag.map { trimSiteName(clean($0), siteName: siteName) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? linkedData.headline.map(clean)
            ?? firstHeading(in: tree)
        article.authors = authors(raw: raw, linkedData: linkedData, tree: tree)
        (article.published, article.dateSource) = published(raw: raw, linkedData: linkedData, url: url)
        article.modified = linkedData.dateModified.flatMap(metadataDate)
            ?? raw.meta("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")
                .flatMap(metadataDate)
        article.language = raw.language ?? raw.meta("content-language", "dc.language")
        article.image = (raw.meta("og:image", "og:image:url", "twitter:image", "twitter:image:src") ?? linkedData.image)
            .map { resolve($0, against: url) }
        article.canonicalURL = (raw.linkRels.first { $0.rel.split(separator: " ").contains("canonical") }?.href
            ?? raw.meta("og:url")).map { resolve($0, against: url) }
        article.charset = raw.charset
        return linkedData.articleBody
    }

    // MARK: - Fields

    private static func published(raw: RawMetadata, linkedData: JSONLDArticle, url: String?) -> (String?, String?) {
        if let date = linkedData.datePublished.flatMap(metadataDate) { return (date, "json_ld") }
        if let date = raw.meta("article:published_time", "og:published_time", "datepublished", "pubdate",
                                 "publishdate", "publish-date", "publish_date", "article.published", "dc.date.issued",
                                 "dcterms.created", "dc.date", "date", "sailthru.date", "parsely-pub-date",
                                 "original-publish-date", "article:published").flatMap(metadataDate) {
            return (date, "meta")
        }
        let times = raw.times.filter { $0.itemprop == "datepublished" } + raw.times
        if let date = times.lazy.compactMap({ metadataDate($0.datetime) }).first { return (date, "time") }
        if let url, let date = dateInURL(url) { return (date, "url") }
        return (nil, nil)
    }

    private static func authors(raw: RawMetadata, linkedData: JSONLDArticle, tree: DOMTree) -> [String] {
        var names = linkedData.authors
        if names.isEmpty, let meta = raw.meta("author", "article:author", "byl", "parsely-author", "sailthru.author",
                                                "dc.creator", "twitter:creator") {
            names = splitNames(meta)
        }
        if names.isEmpty {
            for index in raw.authorLinks + raw.bylines {
                names = splitNames(rawText(of: index, in: tree))
                if !names.isEmpty { break }
            }
        }
        var seen = Set<String>()
        return names.map(clean).filter { name in
            !name.isEmpty && name.count <= 80 && !name.contains("://") && !name.hasPrefix("@") && seen.insert(name).inserted
        }
    }

    private static func splitNames(_ value: String) -> [String] {
        var text = clean(value)
        for prefix in ["By ", "by ", "BY "] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
        return text.split(separator: " and ").flatMap { $0.split(separator: ",") }
            .map { clean(String($0)) }.filter { !$0.isEmpty }
    }

    private static func firstHeading(in tree: DOMTree) -> String? {
        guard tree.body >= 0 else { return nil }
        for index in tree.body..<Int(tree.nodes[tree.body].end) where tree.nodes[index].tag == .h1 {
            let text = rawText(of: index, in: tree)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// Text of a subtree ignoring removals (metadata is read from the whole page).
    static func rawText(of root: Int, in tree: DOMTree) -> String {
        var out = TextAccumulator()
        for index in root..<Int(tree.nodes[root].end) {
            let node = tree.nodes[index]
            if node.text >= 0 { out.append(tree.texts[Int(node.text)], inLink: false) } else if node.tag.isBlock { out.space() }
        }
        return out.finish().text
    }

    /// Drops a " | Site" part from a title only when it is exactly the site's name (og:title is usually clean).
    static func dropSiteName(_ title: String, siteName: String?) -> String {
        guard let siteName, !siteName.isEmpty else { return title }
        let site = clean(siteName).lowercased()
        for separator in titleSeparators where title.contains(separator) {
            let parts = title.split(separator: separator).map { clean(String($0)) }
            let kept = parts.filter { $0.lowercased() != site }
            if kept.count < parts.count, !kept.isEmpty { return kept.joined(separator: separator) }
        }
        return title
    }

    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "]

    /// Drops a trailing (or leading) " | Site" / " - Site" part from a `<title>`: the site's name when known,
    /// else every part but the longest.
    static func trimSiteName(_ title: String, siteName: String?) -> String {
        for separator in titleSeparators where title.contains(separator) {
            let parts = title.split(separator: separator).map { clean(String($0)) }
            if let siteName, parts.count > 1 {
                let kept = parts.filter { $0.lowercased() != clean(siteName).lowercased() }
                if kept.count < parts.count { return kept.joined(separator: separator) }
            }
            return parts.max { $0.count < $1.count } ?? title
        }
        return title
    }

    static func clean(_ value: String) -> String {
        var accumulator = TextAccumulator()
        accumulator.append(value, inLink: false)
        return accumulator.finish().text
    }

    static func resolve(_ link: String, against base: String?) -> String {
        let trimmed = clean(link)
        guard let base, let baseURL = URL(string: base), !trimmed.contains("://"),
              let resolved = URL(string: trimmed, relativeTo: baseURL) else { return trimmed }
        return resolved.absoluteString
    }

    // MARK: - Dates

    /// `YYYY-MM-DD` or an RFC 3339 date-time, from an ISO-8601-like value; nil for anything else.
    /// A date-time without an offset is reported as its date only (its instant is unknown).
    static func normalizeDate(_ value: String) -> String? {
        let bytes = Array(clean(value).utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var number = 0
            for index in range {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                number = number * 10 + Int(bytes[index] - 0x30)
            }
            return number
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/"), bytes[7] == bytes[4],
              (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = digits(11..<13), let minute = digits(14..<16), bytes[13] == UInt8(ascii: ":"),
              hour < 24, minute < 60 else { return date }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":"), let parsed = digits(17..<19), parsed < 61 {
            second = parsed
            index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            }
        }
        let time = date + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count else { return date }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") { return time + "Z" }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
              let offsetHours = digits(index + 1..<index + 3), offsetHours < 24 else { return date }
        var offsetMinutes = 0
        if let colonMinutes = index + 3 < bytes.count && bytes[index + 3] == UInt8(ascii: ":") ? digits(index + 4..<index + 6) : nil {
            offsetMinutes = colonMinutes
        } else if let plainMinutes = digits(index + 3..<index + 5) {
            offsetMinutes = plainMinutes
        }
        guard offsetMinutes < 60 else { return date }
        let sign = bytes[index] == UInt8(ascii: "+") ? "+" : "-"
        return time + sign + pad(offsetHours, 2) + ":" + pad(offsetMinutes, 2)
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A date written with a month name in a metadata value ("November 19, 2019, 07:47 PM EST",
    /// "19 Nov 2019 07:09 GMT", "Tue Nov 19 2019 05:44:06 GMT+0000"), as `YYYY-MM-DD` (the time and zone
    /// are dropped: abbreviations like EST are ambiguous). Needs exactly one month name and a day before the year.
    static func dateWithMonthName(_ value: String) -> String? {
        let tokens = value.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var month: Int?
        var day: Int?
        for token in tokens {
            if token.allSatisfy(\.isLetter) {
                if token.count >= 3, let index = months.firstIndex(of: String(token.prefix(3))),
                   token.count == 3 || token.hasPrefix(monthNames[index]) || token == "sept" {
                    if month != nil { return nil }
                    month = index + 1
                }
                continue
            }
            guard let number = Int(token), token.allSatisfy(\.isASCII) else { continue }
            if token.count == 4 {
                guard let month, let day, (1990...2100).contains(number) else { return nil }
                return normalizeDate(String(number) + "-" + pad(month, 2) + "-" + pad(day, 2))
            }
            if token.count <= 2, day == nil, (1...31).contains(number) { day = number }
        }
        return nil
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]

    /// An ISO-like date (``normalizeDate(_:)``) or one with a month name (``dateWithMonthName(_:)``).
    static func metadataDate(_ value: String) -> String? {
        normalizeDate(value) ?? dateWithMonthName(value)
    }

    /// A date written into the URL path as `/2019/05/03/` or `/2019-05-03/`.
    static func dateInURL(_ url: String) -> String? {
        let path = URL(string: url)?.path ?? url
        let parts = path.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            if part.count == 10, let date = normalizeDate(part) { return date }
            guard part.count == 4, Int(part) != nil, index + 2 < parts.count,
                  let month = Int(parts[index + 1]) ?? months.firstIndex(of: parts[index + 1].lowercased()).map({ $0 + 1 }),
                  (1...2).contains(parts[index + 2].count), let day = Int(parts[index + 2]) else { continue }
            if let date = normalizeDate(part + "-" + pad(month, 2) + "-" + pad(day, 2)) { return date }
        }
        return nil
    }
}
