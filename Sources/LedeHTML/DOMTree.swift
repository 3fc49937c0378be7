/// A flat, pre-order copy of the parsed page: node `i`'s subtree is `i..<nodes[i].end`, so every walk is a loop
/// over a range (no recursion: 10,000 nested divs cost nothing special).
struct DOMTree {
    struct Node {
        var tag: Tag
        var parent: Int32
        /// One past the last node of this subtree.
        var end: Int32
        /// Index into ``DOMTree/attributes`` (elements with a class, id, itemprop or role) or -1.
        var attributes: Int32 = -1
        /// Index into ``DOMTree/texts`` for text nodes, or -1.
        var text: Int32 = -1
        /// Non-whitespace UTF-8 bytes of this text node (of the subtree after ``DOMTree/computeLengths()``).
        var length: Int32 = 0
        /// Of ``length``, the bytes inside links.
        var linkLength: Int32 = 0
        var insideLink = false
    }

    struct Attributes {
        /// Lowercased `class` and `id`, e.g. "article-body main" and "story".
        var className: String
        var id: String
        var itemprop: String
        var role: String
    }

    var nodes: [Node] = []
    var texts: [String] = []
    var attributes: [Attributes] = []
    var removed: [Bool] = []
    var body: Int = -1
    var metadata = RawMetadata()

    func attributes(of index: Int) -> Attributes? {
        let slot = nodes[index].attributes
        return slot < 0 ? nil : attributes[Int(slot)]
    }

    /// Recomputes subtree text and link lengths, leaving out removed subtrees.
    mutating func computeLengths() {
        for index in nodes.indices where nodes[index].tag != .text {
            nodes[index].length = 0
            nodes[index].linkLength = 0
        }
        var index = nodes.count - 1
        while index > 0 {
            let node = nodes[index]
            let parent = Int(node.parent)
            if parent >= 0, !removed[index] {
                nodes[parent].length += node.length
                nodes[parent].linkLength += node.linkLength
            }
            index -= 1
        }
    }
}

/// Builds a ``DOMTree`` from an element/text event stream, dropping non-content elements and hidden ones, and
/// collecting head metadata on the way.
struct DOMTreeBuilder {
    private(set) var tree = DOMTree()
    private var open: [Int32] = []
    private var linkDepth = 0
    private var pendingRaw = false
    private var inTitle = false

    private static let ldJSON = Array("ld+json".utf8)
    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// True right after opening a `<script type="application/ld+json">`: its raw text comes next.
    var wantsRawText: Bool { pendingRaw }

    /// Records an element; returns false (and records nothing) when the element and its subtree are dropped.
    mutating func openElement(name: String, attributes: [(String, String)]) -> Bool {
        if name == "script" {
            let isJSONLD = attributes.contains { $0.0 == "type" && BoilerplateRules.contains(Array($0.1.lowercased().utf8), Self.ldJSON) }
            if isJSONLD { pendingRaw = true; push(.other, attributes: nil); return true }
            return false
        }
        if name == "head" {
            push(.head, attributes: nil)
            return true
        }
        if Tag.dropped.contains(name) { return false }
        let tag = Tag(name: name)
        var className = "", id = "", itemprop = "", role = ""
        var hidden = false
        for (key, value) in attributes {
            switch key {
            case "class": className = value.lowercased()
            case "id": id = value.lowercased()
            case "itemprop": itemprop = value.lowercased()
            case "role": role = value.lowercased()
            case "hidden": hidden = true
            case "style":
                let style = Array(value.lowercased().utf8.filter { $0 != 0x20 })
                if BoilerplateRules.contains(style, Self.displayNone) || BoilerplateRules.contains(style, Self.visibilityHidden) {
                    hidden = true
                }
            default: break
            }
        }
        if hidden, tag != .html, tag != .body { return false }
        switch tag {
        case .html, .meta, .link, .time, .a: tree.metadata.observe(tag: tag, attributes: attributes, index: tree.nodes.count)
        default: break
        }
        tree.metadata.observeByline(className: className, itemprop: itemprop, index: tree.nodes.count)
        let slot = (className.isEmpty && id.isEmpty && itemprop.isEmpty && role.isEmpty)
            ? nil : DOMTree.Attributes(className: className, id: id, itemprop: itemprop, role: role)
        if tag == .body, tree.body < 0 { tree.body = tree.nodes.count }
        if tag == .a { linkDepth += 1 }
        if tag == .title { inTitle = true }
        push(tag, attributes: slot)
        return true
    }

    mutating func closeElement() {
        guard let index = open.popLast() else { return }
        tree.nodes[Int(index)].end = Int32(tree.nodes.count)
        let tag = tree.nodes[Int(index)].tag
        if tag == .a { linkDepth -= 1 }
        if tag == .title { inTitle = false }
    }

    mutating func text(_ string: String) {
        if inTitle {
            if tree.metadata.titleTag == nil { tree.metadata.titleTag = string }
            return
        }
        var length: Int32 = 0
        for byte in string.utf8 where byte > 0x20 { length += 1 }
        guard length > 0 || !string.isEmpty else { return }
        let index = tree.nodes.count
        tree.nodes.append(DOMTree.Node(
            tag: .text, parent: open.last ?? -1, end: Int32(index + 1), text: Int32(tree.texts.count),
            length: length, linkLength: linkDepth > 0 ? length : 0, insideLink: linkDepth > 0))
        tree.texts.append(string)
        tree.removed.append(false)
    }

    mutating func rawText(_ string: String) {
        pendingRaw = false
        tree.metadata.jsonLD.append(string)
    }

    mutating func finish() {
        while !open.isEmpty { closeElement() }
    }

    private mutating func push(_ tag: Tag, attributes: DOMTree.Attributes?) {
        let index = tree.nodes.count
        var node = DOMTree.Node(tag: tag, parent: open.last ?? -1, end: Int32(index + 1))
        if let attributes {
            node.attributes = Int32(tree.attributes.count)
            tree.attributes.append(attributes)
        }
        tree.nodes.append(node)
        tree.removed.append(false)
        open.append(Int32(index))
    }
}
