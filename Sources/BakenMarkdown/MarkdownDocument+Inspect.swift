import CCMarkGFM

/// A link or image with the text a reader sees (for an image: its alt text).
public struct LabeledLink: Sendable, Equatable {
    public let url: String
    public let text: String
    public let line: Int
    public let isImage: Bool
}

/// A paragraph's plain text and the line it starts on, for checks of the writing.
public struct TextBlock: Sendable, Equatable {
    public let text: String
    public let line: Int
}

extension MarkdownDocument {
    /// Every link and image with its visible text, in document order; none from inside an image's alt text.
    public var labeledLinks: [LabeledLink] {
        var result: [LabeledLink] = []
        walkLinks { node, url, isImage in
            result.append(LabeledLink(
                url: url, text: Self.plainText(of: node).trimmingWhitespace(),
                line: Int(cmark_node_get_start_line(node)), isImage: isImage))
        }
        return result
    }

    /// The text of every paragraph (in lists and quotes too), without headings, code or tables.
    public var paragraphs: [TextBlock] {
        var result: [TextBlock] = []
        walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { return }
            result.append(TextBlock(text: Self.plainText(of: node), line: Int(cmark_node_get_start_line(node))))
        }
        return result
    }
}
