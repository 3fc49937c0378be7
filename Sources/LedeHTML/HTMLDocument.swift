internal import CLibXML2

/// One parsed HTML page: owns the libxml2 document and frees it in `deinit`.
///
/// The page is parsed in recovery mode, as UTF-8 (the caller already holds a Swift `String`, so a page's own
/// `<meta charset>` must not re-decode it), with errors and warnings silenced and no network access. libxml2
/// pointers never leave this type: ``makeTree()`` copies what the extractor needs into a ``DOMTree``.
final class HTMLDocument {
    private let document: xmlDocPtr

    /// Parses `html` as UTF-8; returns nil only when libxml2 produces no document (e.g. an empty string).
    /// - Parameters:
    ///   - html: The page's markup.
    ///   - url: The page's address, recorded as the document URL (never fetched).
    convenience init?(html: String, url: String?) {
        var source = html
        let parsed: xmlDocPtr? = source.withUTF8 { Self.parse($0, encoding: "UTF-8", url: url) }
        guard let parsed else { return nil }
        self.init(document: parsed)
    }

    /// Parses raw bytes in `encoding` (an IANA name libxml2 knows, see ``supports(encoding:)``), whatever the
    /// page itself declares.
    convenience init?(bytes: UnsafeBufferPointer<UInt8>, encoding: String, url: String?) {
        guard let parsed = Self.parse(bytes, encoding: encoding, url: url) else { return nil }
        self.init(document: parsed)
    }

    private init(document: xmlDocPtr) { self.document = document }

    /// Whether libxml2 (with iconv/ICU) can decode `encoding`.
    static func supports(encoding: String) -> Bool {
        _ = libraryInitialized
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, url: String?) -> xmlDocPtr? {
        _ = libraryInitialized
        // Errors go to a no-op structured handler (thread-local in libxml2, no Swift state); with NOERROR and
        // NOWARNING the parser raises almost none anyway. 179 of 181 benchmark pages have recoverable errors.
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        // IGNORE_ENC: the bytes are in `encoding` whatever the page's <meta charset> says. HUGE: without it
        // libxml2 halts at nesting depth 256 and drops the rest of the page (the caller bounds the input size).
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_HUGE.rawValue)
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            htmlReadMemory(chars, Int32(bytes.count), url, encoding, options)
        }
    }

    deinit { xmlFreeDoc(document) }

    /// libxml2 2.9 wants `xmlInitParser()` once before threads parse concurrently; a static `let` runs it once.
    private static let libraryInitialized: Void = xmlInitParser()

    /// Copies the document into a flat, pre-order ``DOMTree`` (iteratively: nesting depth costs no stack).
    func makeTree() -> DOMTree {
        var builder = DOMTreeBuilder()
        guard let root = xmlDocGetRootElement(document) else { return builder.tree }
        var node: xmlNodePtr? = root
        // Pre-order walk on libxml2's own links; every element we enter is closed when we climb out of it.
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = current.pointee.name.map { String(cString: $0) } ?? ""
                if builder.openElement(name: name, attributes: Self.attributes(of: current)) {
                    if builder.wantsRawText {
                        builder.rawText(Self.textContent(of: current))  // JSON-LD: raw text, no content nodes
                    } else if let child = current.pointee.children {
                        node = child
                        continue
                    }
                    builder.closeElement()
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    // Indentation between tags is most text nodes: one shared space, no string copy.
                    builder.text(Self.isBlank(content) ? " " : String(cString: content))
                }
            default:
                break
            }
            var climb = current
            node = nil
            while climb != root {
                if let next = climb.pointee.next {
                    node = next
                    break
                }
                guard let parent = climb.pointee.parent else { break }
                builder.closeElement()
                climb = parent
            }
        }
        builder.finish()
        return builder.tree
    }

    private static func isBlank(_ content: UnsafePointer<xmlChar>) -> Bool {
        var pointer = content
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            guard byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { return false }
            pointer += 1
        }
        return true
    }

    /// The attributes the extractor reads; others are never copied into Swift strings.
    private static let wantedAttributes: Set<String> = [
        "class", "id", "itemprop", "role", "hidden", "style", "type", "lang", "xml:lang", "charset", "content",
        "http-equiv", "property", "name", "rel", "href", "datetime",
    ]

    private static func attributes(of node: xmlNodePtr) -> [(String, String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name.map({ String(cString: $0) }), wantedAttributes.contains(name) {
                var value = ""
                if let child = current.pointee.children, let content = child.pointee.content {
                    value = String(cString: content)
                }
                result.append((name, value))
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// The concatenated text and CDATA children of a script element.
    private static func textContent(of node: xmlNodePtr) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                result += String(cString: content)
            }
            child = current.pointee.next
        }
        return result
    }
}
