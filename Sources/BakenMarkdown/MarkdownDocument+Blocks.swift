import CCMarkGFM

/// A block whose words a translator translates (a heading, a paragraph, a table cell) with its inlines and where
/// they stand in the Markdown, so that a translation can replace exactly them.
public struct InlineBlock: Sendable, Equatable {
    public enum Kind: String, Sendable { case heading = "h", paragraph = "p", listItem = "li", cell = "td" }

    public let kind: Kind
    public let inlines: [Inline]
    /// UTF-8 offsets of the first inline's first byte and past the last inline's last byte.
    public let range: Range<Int>
}

/// An inline node as cmark-gfm parsed it. `delimiter` is the emphasis character as written (`*` or `_`).
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis(delimiter: String, [Inline])
    case strong(delimiter: String, [Inline])
    case strikethrough([Inline])
    case link(url: String, title: String, [Inline])
    case image(url: String, title: String, [Inline])
    /// `<https://…>` or a bare `www.…` address: the text is the address, so it is not translated.
    case autolink(String)
    case code(String)
    case html(String)
    case lineBreak
    case softBreak
}

extension MarkdownDocument {
    /// The headings, paragraphs (in lists and quotes too) and table cells, in document order. `source` must be the
    /// Markdown the document was parsed from, to find the offsets of the lines.
    public func inlineBlocks(source: String) -> [InlineBlock] {
        let bytes = Array(source.utf8)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func offset(_ line: Int32, _ column: Int32) -> Int {
            guard line >= 1, Int(line) <= lineStarts.count else { return bytes.count }
            return min(bytes.count, lineStarts[Int(line) - 1] + max(0, Int(column) - 1))
        }
        var result: [InlineBlock] = []
        walk { node, entering in
            guard entering else { return }
            let type = cmark_node_get_type(node)
            let kind: InlineBlock.Kind
            if type == CMARK_NODE_HEADING {
                kind = .heading
            } else if type == CMARK_NODE_PARAGRAPH {
                let parent = cmark_node_parent(node).map(cmark_node_get_type)
                kind = parent == CMARK_NODE_ITEM ? .listItem : .paragraph
            } else if let name = cmark_node_get_type_string(node), String(cString: name) == "table_cell" {
                kind = .cell
            } else {
                return
            }
            guard let first = cmark_node_first_child(node), let last = cmark_node_last_child(node) else { return }
            let start = offset(cmark_node_get_start_line(first), cmark_node_get_start_column(first))
            let end = offset(cmark_node_get_end_line(last), cmark_node_get_end_column(last)) + 1
            guard start < end, end <= bytes.count else { return }
            result.append(InlineBlock(kind: kind, inlines: Self.inlines(of: node, bytes: bytes, offset: offset), range: start..<end))
        }
        return result
    }

    private static func inlines(of parent: OpaquePointer, bytes: [UInt8], offset: (Int32, Int32) -> Int) -> [Inline] {
        var result: [Inline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let delimiter: String = {
                let at = offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node))
                return at < bytes.count && bytes[at] == UInt8(ascii: "_") ? "_" : "*"
            }()
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: result.append(.text(literal))
            case CMARK_NODE_SOFTBREAK: result.append(.softBreak)
            case CMARK_NODE_LINEBREAK: result.append(.lineBreak)
            case CMARK_NODE_CODE: result.append(.code(literal))
            case CMARK_NODE_HTML_INLINE: result.append(.html(literal))
            case CMARK_NODE_EMPH: result.append(.emphasis(delimiter: delimiter, inlines(of: node, bytes: bytes, offset: offset)))
            case CMARK_NODE_STRONG: result.append(.strong(delimiter: delimiter, inlines(of: node, bytes: bytes, offset: offset)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
                let text = plainText(of: node)
                if !isImage, title.isEmpty, url == text || url == "http://" + text || url == "mailto:" + text {
                    let at = offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node))
                    let bracketed = at < bytes.count && bytes[at] == UInt8(ascii: "<")
                    result.append(.autolink(bracketed ? "<\(text)>" : text))
                } else {
                    result.append(isImage ? .image(url: url, title: title, inlines(of: node, bytes: bytes, offset: offset)) : .link(url: url, title: title, inlines(of: node, bytes: bytes, offset: offset)))
                }
            default:
                if let name = cmark_node_get_type_string(node), String(cString: name) == "strikethrough" {
                    result.append(.strikethrough(inlines(of: node, bytes: bytes, offset: offset)))
                } else {
                    result.append(.text(plainText(of: node)))
                }
            }
        }
        return result
    }
}
