/// Finds stray HTML tags and comments that scrapers leave inside text (`<br>`, `</p>`, `<!-- -->`).
///
/// A `<` only opens a tag when a letter, `/` or `!` follows it and the tag closes on the same line
/// within a bounded length, so "x < y" or "<3" stay text.
enum MarkupScanner {
    static let maxTagLength = 400

    static func tags(in scalars: [Unicode.Scalar], within span: TextSpan) -> [TextSpan] {
        var found: [TextSpan] = []
        var i = span.start
        while i < span.end {
            if scalars[i] == "<", i + 1 < span.end, let end = tagEnd(scalars, from: i, limit: span.end) {
                found.append(TextSpan(start: i, end: end))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    private static func tagEnd(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        let next = s[start + 1]
        let opensTag = next == "/" || next == "!" || (next.value < 0x80 && ScalarClass.isLetter(next))
        guard opensTag else { return nil }
        if next == "!", start + 3 < limit, s[start + 2] == "-", s[start + 3] == "-" {
            return commentEnd(s, from: start + 4, limit: limit)
        }
        var i = start + 2
        var quote: Unicode.Scalar?
        let bound = min(limit, start + maxTagLength)
        while i < bound {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                if s[i - 1] == "=" || s[i - 1] == " " { quote = c }
            } else if c == ">" {
                return looksLikeTag(s, start + 1, i) ? i + 1 : nil
            } else if c == "<" {
                return nil
            }
            i += 1
        }
        return nil
    }

    /// A tag name is ASCII letters/digits directly after `<` or `</`; "<Putin said>" is not a tag
    /// unless its name is a known HTML element.
    private static func looksLikeTag(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        var i = from
        if s[i] == "/" || s[i] == "!" { i += 1 }
        var name = ""
        while i < to, s[i].value < 0x80, ScalarClass.isAlphanumeric(s[i]) {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        if s[from] == "!" { return name.lowercased() == "doctype" }
        guard i == to || s[i] == " " || s[i] == "/" || s[i] == "\t" else { return false }
        return htmlElements.contains(name.lowercased())
    }

    private static func commentEnd(_ s: [Unicode.Scalar], from: Int, limit: Int) -> Int? {
        var i = from
        let bound = min(limit, from + 4 * maxTagLength)
        while i + 2 < bound {
            if s[i] == "-", s[i + 1] == "-", s[i + 2] == ">" { return i + 3 }
            i += 1
        }
        return nil
    }

    static let htmlElements: Set<String> = [
        "a", "abbr", "article", "aside", "b", "blockquote", "br", "button", "caption", "center", "cite", "code",
        "div", "em", "embed", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "i", "iframe", "img", "input", "label", "li", "link", "main", "meta", "nav", "noscript",
        "ol", "option", "p", "picture", "pre", "q", "s", "script", "section", "select", "small", "source", "span",
        "strong", "style", "sub", "sup", "svg", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time",
        "tr", "u", "ul", "video", "wbr",
    ]
}
