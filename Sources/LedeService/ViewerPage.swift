import Foundation
import LedeCore

/// The viewer (`Resources/viewer.html`): one self-contained page that `GET /` serves and that
/// `lede extract --format html` writes with a result embedded. Loaded once; its Content-Security-Policy
/// is derived from the page itself.
///
/// The policy allows the page's one inline `<script>` and one inline `<style>` by their SHA-256 hashes rather than
/// by a nonce: the page is the same bytes for every request, so hashes are computed once at start-up, the response
/// stays cacheable (a nonce would have to change per response) and the static file can carry the very same policy
/// in a `<meta>` tag, where a nonce would mean nothing. Injected markup could run no script and load nothing.
public struct ViewerPage: Sendable {
    /// The page as served, byte for byte.
    public let bytes: [UInt8]
    /// The header policy: the page may talk only to its own origin and may not be framed.
    public let contentSecurityPolicy: String
    /// A strong validator for `If-None-Match` (the page changes only with the build).
    public let etag: String
    /// The same policy for a file opened without a server: no connections, and no `frame-ancestors`
    /// (browsers ignore that directive in a `<meta>` tag and log a warning about it).
    let metaPolicy: String

    /// The slot in the page that a static copy fills with `{"text": …, "result": …}`.
    static let dataSlot = #"<script type="application/json" id="lede-data"></script>"#

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case missing
        case malformed(String)

        public var description: String {
            switch self {
            case .missing: return "the viewer page (Resources/viewer.html) is not bundled with this build"
            case .malformed(let reason): return "the bundled viewer page is malformed: \(reason)"
            }
        }
    }

    /// The page bundled with LedeService.
    public static func bundled() throws(LoadError) -> ViewerPage {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil),
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent("viewer.html").path) else {
            throw .missing
        }
        return try ViewerPage(html: Array(data))
    }

    public init(html: [UInt8]) throws(LoadError) {
        let page = String(decoding: html, as: UTF8.self)
        guard let script = Self.inlineBody(of: "script", in: page) else { throw .malformed("no inline <script>") }
        guard let style = Self.inlineBody(of: "style", in: page) else { throw .malformed("no inline <style>") }
        guard page.contains(Self.dataSlot) else { throw .malformed("no empty #lede-data slot") }
        let scriptHash = "'sha256-\(Self.base64SHA256(script))'"
        let styleHash = "'sha256-\(Self.base64SHA256(style))'"
        // require-trusted-types-for: any string reaching an HTML sink (innerHTML, document.write) throws, so article
        // text can only ever enter the page as text. img-src data: is for the inline favicon (no /favicon.ico request).
        let common = "default-src 'none'; script-src \(scriptHash); style-src \(styleHash); img-src data:; base-uri 'none'; "
            + "form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'"
        bytes = html
        contentSecurityPolicy = "\(common); connect-src 'self'; frame-ancestors 'none'"
        metaPolicy = "\(common); connect-src 'none'"
        etag = "\"\(SHA256.hex(html).prefix(32))\""
    }

    /// The page with one result embedded, for a file opened without a server: the same script renders it.
    /// `text` is the text the result's offsets point into (nil for HTML input, whose result carries `article.text`);
    /// `result` must use UTF-16 offsets.
    public func staticPage(text: String?, result: [UInt8]) -> [UInt8] {
        var data = Array(#"{"text":"#.utf8)
        data += text.map { JSONWriter.bytes(.string($0)) } ?? Array("null".utf8)
        data += Array(#","result":"#.utf8) + result + [UInt8(ascii: "}")]
        var page = String(decoding: bytes, as: UTF8.self)
        page = page.replacingOccurrences(
            of: Self.dataSlot,
            with: #"<script type="application/json" id="lede-data">"# + String(decoding: Self.scriptSafe(data), as: UTF8.self) + "</script>")
        let meta = #"<meta http-equiv="Content-Security-Policy" content="\#(metaPolicy)">"#
        page = page.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\">\n" + meta)
        return Array(page.utf8)
    }

    /// JSON made safe inside `<script>`: `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so no `</script>` or `<!--`
    /// can end or confuse the element. Outside strings JSON has none of these characters, so the JSON value is unchanged.
    static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 64)
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): out += Array(#"\u003c"#.utf8)
            case UInt8(ascii: ">"): out += Array(#"\u003e"#.utf8)
            case UInt8(ascii: "&"): out += Array(#"\u0026"#.utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    /// The text between a bare `<tag>` (no attributes: the JSON data block has some, so it is skipped) and `</tag>`.
    static func inlineBody(of tag: String, in page: String) -> String? {
        guard let open = page.range(of: "<\(tag)>"),
              let close = page.range(of: "</\(tag)>", range: open.upperBound..<page.endIndex) else { return nil }
        return String(page[open.upperBound..<close.lowerBound])
    }

    static func base64SHA256(_ text: String) -> String {
        Data(SHA256.digest(Array(text.utf8))).base64EncodedString()
    }
}
