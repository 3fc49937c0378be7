/// Removes page furniture before the article container is chosen: furniture elements (`nav`, `aside`, `header`,
/// `footer`, `form`) and elements whose class or id names a widget (share, related, newsletter, comments, ads, …).
///
/// An element is kept anyway when it holds most of the page's text or encloses a strong article-body marker,
/// because wrappers such as `<div class="page has-sidebar">` or ASP.NET's page-wide `<form>` match the rules too.
enum BoilerplateRules {
    /// Whole class/id tokens (split on anything but letters and digits) that name furniture.
    static let tokens: Set<String> = [
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "adunit", "dfp", "banner",
        "sponsor", "sponsored", "promo", "promotion", "share", "sharing", "shares", "social", "comments",
        "comment", "tags", "tag", "taglist", "menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs",
        "sidebar", "footer", "related", "recommended", "recommendations", "popular", "trending", "newsletter",
        "subscribe", "subscription", "cookie", "cookies", "consent", "modal", "popup", "overlay", "byline",
        "author", "authors", "meta", "widget", "widgets", "toolbar", "pagination", "pager", "print",
        "sr", "screenreader", "skip", "login", "signin", "search", "rail", "outbrain",
        "taboola", "masthead", "disqus", "signup", "dateline", "timestamp", "date", "infobox",
        "more", "next", "prev", "latest", "previous", "topics", "keywords", "caption", "credit", "credits",
    ]

    /// Substrings of the lowercased class or id that name furniture (catching "sharedaddy", "socialbar", …).
    static let substrings: [[UInt8]] = [
        "share", "social", "related", "newsletter", "subscri", "advert", "sponsor", "promo", "cookie",
        "breadcrumb", "sidebar", "footer", "comment", "outbrain", "taboola", "byline", "navbar", "navigation",
        "recirc", "mostpopular", "most-popular", "readmore", "read-more", "author-bio", "authorbio", "signup",
        "sign-up", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader", "-ad-", "ad-slot", "adslot",
        "ad-container", "ad-wrapper", "ad-unit", "inline-ad", "gallery", "slideshow", "carousel",
        "more-stories", "morestories", "also-read", "further-reading", "toolbar", "tooltip", "skip-link",
        "caption", "credit",
    ].map { Array($0.utf8) }

    /// Substrings that clear a match (an opinion column is "commentary", not comments).
    static let exceptions: [[UInt8]] = ["commentary", "shareable-body", "article-body", "articlebody", "story-body"]
        .map { Array($0.utf8) }

    /// Marks furniture as removed and recomputes lengths.
    static func apply(to tree: inout DOMTree, protecting protected: [Bool]) {
        guard tree.body >= 0 else { return }
        tree.computeLengths()
        let bodyLength = Int(tree.nodes[tree.body].length)
        var cache: [String: Bool] = [:]
        var index = tree.body + 1
        let end = Int(tree.nodes[tree.body].end)
        while index < end {
            let node = tree.nodes[index]
            guard node.tag != .text else { index += 1; continue }
            var furniture = node.tag.isFurniture
            if !furniture, let attributes = tree.attributes(of: index) {
                let key = attributes.className + "#" + attributes.id
                if let known = cache[key] { furniture = known } else {
                    furniture = matches(attributes.className) || matches(attributes.id)
                    cache[key] = furniture
                }
                if attributes.role == "navigation" || attributes.role == "complementary" || attributes.role == "banner"
                    || attributes.role == "contentinfo" || attributes.role == "search" { furniture = true }
                if attributes.itemprop == "articlebody" { furniture = false }
            }
            let dominant = bodyLength > 500 && Int(node.length) * 10 > bodyLength * 6
            if furniture, !dominant, !protected[index] {
                tree.removed[index] = true
                index = Int(node.end)
                continue
            }
            index += 1
        }
        tree.computeLengths()
    }

    /// Whether a lowercased class or id string names furniture.
    static func matches(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        let bytes = Array(value.utf8)
        for exception in exceptions where contains(bytes, exception) { return false }
        for needle in substrings where contains(bytes, needle) { return true }
        var start = 0
        for position in 0...bytes.count {
            let isWordByte = position < bytes.count
                && ((bytes[position] >= 0x61 && bytes[position] <= 0x7A) || (bytes[position] >= 0x30 && bytes[position] <= 0x39))
            if !isWordByte {
                if position > start, position - start <= 16,
                   tokens.contains(String(decoding: bytes[start..<position], as: UTF8.self)) { return true }
                start = position + 1
            }
        }
        return false
    }

    /// Whether `needle` occurs in `haystack` (a naive scan: class names are short).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                let last = hay.count - pattern.count
                var index = 0
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < pattern.count, hay[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
