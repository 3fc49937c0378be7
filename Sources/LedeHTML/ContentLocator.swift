/// Finds the element that holds the article: an ordered list of container rules (trafilatura's approach),
/// each tried in turn until one yields enough text, then a readability-style score as the fallback.
enum ContentLocator {
    /// One container rule: element types it applies to and what its class/id/itemprop must say.
    struct Rule {
        var substrings: [[UInt8]] = []
        var exactTokens: Set<String> = []
        var exactIDs: Set<String> = []
        var prefixes: [[UInt8]] = []
        var itemprop: String? = nil
        var role: String? = nil
        var tags: Set<Tag> = [.div, .section, .article, .main, .other, .span, .td]
        var anyOfTag: Tag? = nil

        func matches(_ tag: Tag, _ attributes: DOMTree.Attributes?) -> Bool {
            if let anyOfTag, tag == anyOfTag { return true }
            guard tags.contains(tag), let attributes else { return false }
            return matches(Subject(attributes))
        }

        /// An element's attributes prepared once for all rules: bytes of class and id, class tokens.
        struct Subject {
            var attributes: DOMTree.Attributes
            var values: [[UInt8]]
            var tokens: [String]

            init(_ attributes: DOMTree.Attributes) {
                self.attributes = attributes
                values = [attributes.className, attributes.id].filter { !$0.isEmpty }.map { Array($0.utf8) }
                tokens = attributes.className.split(separator: " ").map(String.init)
                if !attributes.id.isEmpty { tokens.append(attributes.id) }
            }
        }

        func matches(_ subject: Subject) -> Bool {
            let attributes = subject.attributes
            if let itemprop, attributes.itemprop == itemprop { return true }
            if let role, attributes.role == role { return true }
            if !exactIDs.isEmpty, exactIDs.contains(attributes.id) { return true }
            for bytes in subject.values {
                for needle in substrings where BoilerplateRules.contains(bytes, needle) { return true }
                for prefix in prefixes where bytes.starts(with: prefix) { return true }
            }
            return !exactTokens.isEmpty && subject.tokens.contains { exactTokens.contains($0) }
        }
    }

    static func bytes(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }

    /// The rules in order of trust.
    static let rules: [Rule] = [
        Rule(substrings: bytes([
            "article-body", "article__body", "articlebody", "article_body", "article-content", "article__content",
            "articlecontent", "article_content", "article-text", "articletext", "article__text", "article_text",
            "story-body", "storybody", "story__body", "story_body", "story-content", "storycontent",
            "story__content", "story-text", "storytext", "post-content", "post_content", "postcontent",
            "post-body", "post__body", "postbody", "post-text", "posttext", "post-entry", "postentry",
            "entry-content", "entry_content", "entrycontent", "entry-body", "body-text", "bodytext",
            "field-body", "field-name-body", "fulltext", "full-text", "article-copy", "body-copy", "bodycopy",
            "content__article-body", "rich-text", "richtext", "article-detail", "articledetail", "news-body",
            "news-content", "newscontent", "news-text", "single-content", "entry-text", "blog-content",
            "blog-post-content", "text-body", "textbody", "post-article", "main-text", "maintext",
        ]), itemprop: "articlebody"),
        Rule(anyOfTag: .article),
        Rule(exactTokens: ["story", "post", "entry", "article", "text", "post-bodycopy", "single-post", "main-column",
                           "theme-content", "section-content", "postarea", "art-postcontent", "wpb_text_column"],
             exactIDs: ["story", "article", "post", "entry"], role: "article"),
        Rule(substrings: bytes([
            "content-main", "content_main", "main-content", "maincontent", "main_content", "content-body",
            "contentbody", "content__body", "content_body", "page-content", "pagecontent",
        ]), exactTokens: ["content"], exactIDs: ["content"]),
        Rule(prefixes: bytes(["main"]), role: "main", anyOfTag: .main),
    ]

    /// Which rules an element matches, as a bit set, cached per distinct class/id pair of a page.
    struct Matcher {
        private var cache: [String: UInt8] = [:]

        mutating func rules(for tag: Tag, _ attributes: DOMTree.Attributes?) -> UInt8 {
            var mask: UInt8 = 0
            if let attributes {
                let key = attributes.className + "#" + attributes.id + "#" + attributes.itemprop + "#" + attributes.role
                if let cached = cache[key] {
                    mask = cached
                } else {
                    let subject = Rule.Subject(attributes)
                    for (index, rule) in ContentLocator.rules.enumerated() where rule.matches(subject) {
                        mask |= 1 << index
                    }
                    cache[key] = mask
                }
                // Attribute rules apply to container-like elements only.
                if !ContentLocator.rules[0].tags.contains(tag) { mask = 0 }
            }
            for (index, rule) in ContentLocator.rules.enumerated() where rule.anyOfTag == tag { mask |= 1 << index }
            return mask
        }
    }

    /// Candidate containers in rule order. Each is the first substantial match of its rule, together
    /// with the other matches of the rule that are its siblings or share its class (bodies split into several
    /// `article__body` parts around ads and embeds).
    static func candidates(in tree: DOMTree, matcher: inout Matcher) -> [[Int]] {
        guard tree.body >= 0 else { return [] }
        var matches = [[Int]](repeating: [], count: rules.count)
        var index = tree.body
        let end = Int(tree.nodes[tree.body].end)
        while index < end {
            if tree.removed[index] { index = Int(tree.nodes[index].end); continue }
            let node = tree.nodes[index]
            if node.tag != .text, node.length > 0 {
                let mask = matcher.rules(for: node.tag, tree.attributes(of: index))
                for ruleIndex in rules.indices where mask & (1 << ruleIndex) != 0 { matches[ruleIndex].append(index) }
            }
            index += 1
        }
        var result: [[Int]] = []
        for found in matches where !found.isEmpty {
            // The first match holding at least half the text of the longest: the page's own article comes before
            // an appended next article (infinite scroll), and outer wrappers before their inner parts.
            let longest = found.map { tree.nodes[$0].length }.max() ?? 0
            let best = found.first { tree.nodes[$0].length * 2 >= longest }!
            let parent = tree.nodes[best].parent
            let className = tree.attributes(of: best)?.className ?? ""
            var group: [Int] = []
            for candidate in found where candidate == best || tree.nodes[candidate].length > 0 && (
                tree.nodes[candidate].parent == parent
                    || (!className.isEmpty && tree.attributes(of: candidate)?.className == className)) {
                // Outermost only: a part nested in an earlier part is already inside it.
                if let last = group.last, candidate < Int(tree.nodes[last].end) { continue }
                group.append(candidate)
            }
            if !result.contains(group) { result.append(group) }
        }
        return result
    }

    /// Indices of elements that carry a strong article-body marker (rule 0), for protecting their ancestors.
    static func strongMarkers(in tree: DOMTree, matcher: inout Matcher) -> [Bool] {
        var protected = [Bool](repeating: false, count: tree.nodes.count)
        guard tree.body >= 0 else { return protected }
        for index in tree.body..<Int(tree.nodes[tree.body].end) where tree.nodes[index].tag != .text {
            guard tree.nodes[index].attributes >= 0,
                  matcher.rules(for: tree.nodes[index].tag, tree.attributes(of: index)) & 1 != 0 else { continue }
            var ancestor = index
            while ancestor >= 0, !protected[ancestor] {
                protected[ancestor] = true
                ancestor = Int(tree.nodes[ancestor].parent)
            }
        }
        return protected
    }

    /// Readability-style fallback: paragraphs score their parent (fully) and grandparent (half); the best
    /// element after a link-density penalty wins.
    static func bestScoring(in tree: DOMTree, within root: Int) -> Int {
        var score = [Double](repeating: 0, count: tree.nodes.count)
        let end = Int(tree.nodes[root].end)
        let direct = directLengths(in: tree, within: root)
        var index = root
        while index < end {
            if tree.removed[index] { index = Int(tree.nodes[index].end); continue }
            let node = tree.nodes[index]
            let isParagraph: Bool
            switch node.tag {
            case .p, .pre, .blockquote, .td, .li, .dd: isParagraph = true
            case .div, .section, .article, .other:
                isParagraph = direct[index] >= 25  // a div with its own text, not just its children's
            default: isParagraph = false
            }
            if isParagraph, node.length >= 25 {
                let linkDensity = Double(node.linkLength) / Double(max(node.length, 1))
                let value = (1 + min(Double(node.length) / 100, 3)) * (1 - linkDensity)
                let parent = Int(node.parent)
                if parent >= root {
                    score[parent] += value
                    let grandparent = Int(tree.nodes[parent].parent)
                    if grandparent >= root { score[grandparent] += value / 2 }
                }
            }
            index += 1
        }
        var best = root
        var bestScore = 0.0
        for candidate in root..<end where score[candidate] > 0 {
            let node = tree.nodes[candidate]
            let linkDensity = Double(node.linkLength) / Double(max(node.length, 1))
            let value = score[candidate] * (1 - linkDensity)
            if value > bestScore { bestScore = value; best = candidate }
        }
        return best
    }

    /// For each element, the text it holds directly: its text children and inline (non-block) child elements.
    static func directLengths(in tree: DOMTree, within root: Int) -> [Int32] {
        var direct = [Int32](repeating: 0, count: tree.nodes.count)
        var index = root + 1
        let end = Int(tree.nodes[root].end)
        while index < end {
            if tree.removed[index] { index = Int(tree.nodes[index].end); continue }
            let node = tree.nodes[index]
            if !node.tag.isBlock, node.parent >= 0 { direct[Int(node.parent)] += node.length }
            index += 1
        }
        return direct
    }
}
