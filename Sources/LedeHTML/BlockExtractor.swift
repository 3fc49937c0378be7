/// Turns a container subtree into paragraphs: every block element (p, h1–h6, li, blockquote, pre, div with its
/// own text, …) ends the paragraph before it, inline elements and text join the current one.
struct TextBlock {
    enum Kind: Sendable { case paragraph, heading, listItem, quote, preformatted, tableCell, caption }
    var text: String
    var length: Int
    var linkLength: Int
    var kind: Kind
    /// The tag of the element that owns the text.
    var tag: Tag

    var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }
}

enum BlockExtractor {
    static func blocks(of tree: DOMTree, container: Int) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var accumulator = TextAccumulator()
        // Open block elements: (end index, tag, kind).
        var stack: [(end: Int, tag: Tag, kind: TextBlock.Kind)] = [(Int(tree.nodes[container].end), tree.nodes[container].tag, .paragraph)]

        func flush() {
            guard !accumulator.isEmpty, let top = stack.last else { return }
            let (text, length, linkLength) = accumulator.finish()
            guard !text.isEmpty else { return }
            blocks.append(TextBlock(text: text, length: length, linkLength: linkLength, kind: top.kind, tag: top.tag))
        }

        var index = container + 1
        let end = Int(tree.nodes[container].end)
        while index < end {
            while stack.count > 1, index >= stack[stack.count - 1].end {
                flush()
                stack.removeLast()
            }
            if tree.removed[index] { index = Int(tree.nodes[index].end); continue }
            let node = tree.nodes[index]
            if node.tag == .text {
                accumulator.append(tree.texts[Int(node.text)], inLink: node.insideLink)
            } else if node.tag == .br {
                accumulator.lineBreak()  // "<br><br>" pages have no <p>: keep their lines, filter the block whole
            } else if node.tag.isBlock {
                flush()
                let inherited = stack.last?.kind ?? .paragraph
                stack.append((Int(node.end), node.tag, kind(of: node.tag, inside: inherited)))
            }
            index += 1
        }
        flush()
        return blocks
    }

    private static func kind(of tag: Tag, inside parent: TextBlock.Kind) -> TextBlock.Kind {
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: return .heading
        case .li, .dt, .dd: return .listItem
        case .blockquote: return .quote
        case .pre: return .preformatted
        case .td, .th: return .tableCell
        case .figcaption, .caption, .figure: return .caption
        default: return parent == .heading ? .paragraph : parent
        }
    }
}
