/// The element names the extractor distinguishes; everything else is `.other` (inline, transparent).
enum Tag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link
    case p, div, span, a, br, hr, img
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case blockquote, pre, code, table, tbody, thead, tfoot, tr, td, th, caption
    case article, main, section, header, footer, nav, aside, form
    case figure, figcaption, time, address, center, details, summary, menu, dialog

    /// Elements that are never content: skipped with their whole subtree while the tree is built.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "video", "audio", "source", "track", "map", "select", "option", "button", "input", "textarea",
        "label", "frameset", "frame", "applet",
    ]

    private static let byName: [String: Tag] = [
        "html": .html, "head": .head, "body": .body, "title": .title, "meta": .meta, "link": .link,
        "p": .p, "div": .div, "span": .span, "a": .a, "br": .br, "hr": .hr, "img": .img,
        "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5, "h6": .h6,
        "ul": .ul, "ol": .ol, "li": .li, "dl": .dl, "dt": .dt, "dd": .dd,
        "blockquote": .blockquote, "pre": .pre, "code": .code, "table": .table, "tbody": .tbody,
        "thead": .thead, "tfoot": .tfoot, "tr": .tr, "td": .td, "th": .th, "caption": .caption,
        "article": .article, "main": .main, "section": .section, "header": .header, "footer": .footer,
        "nav": .nav, "aside": .aside, "form": .form, "figure": .figure, "figcaption": .figcaption,
        "time": .time, "address": .address, "center": .center, "details": .details, "summary": .summary,
        "menu": .menu, "dialog": .dialog,
    ]

    init(name: String) { self = Self.byName[name] ?? .other }

    /// Starts a new paragraph in the extracted text.
    var isBlock: Bool {
        switch self {
        case .text, .other, .span, .a, .img, .code, .time, .title, .meta, .link, .html, .head: return false
        default: return true
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    /// Page furniture by element type: removed unless it holds most of the page's text.
    var isFurniture: Bool {
        switch self {
        case .nav, .aside, .header, .footer, .form, .menu, .dialog: return true
        default: return false
        }
    }
}
