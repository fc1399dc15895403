import CCMarkGFM

/// The text of a document between two headings, from cmark's node tree: what search indexes and quotes.
public struct TextSection: Sendable, Equatable {
    /// Nil for the text before the first heading.
    public let heading: Heading?
    /// Words separated by single spaces; code and table cells included, raw HTML and link addresses left out.
    public let text: String

    public init(heading: Heading?, text: String) {
        self.heading = heading
        self.text = text
    }
}

extension MarkdownDocument {
    /// The text before the first heading, then each heading with the text up to the next one.
    /// Headings keep the ids `assignHeadingIDs` gave them.
    public func textSections() -> [TextSection] {
        var sections: [TextSection] = []
        var current: Heading? = nil
        var text = ""
        var headingNumber = 0
        var insideHeading = 0
        func finish() {
            sections.append(TextSection(heading: current, text: Self.collapsingSpaces(text)))
            text = ""
        }
        walk { node, entering in
            let type = cmark_node_get_type(node)
            if Self.isHeading(node, type) {
                if entering {
                    finish()
                    current = headingNumber < headings.count
                        ? headings[headingNumber]
                        : Heading(level: Int(cmark_node_get_heading_level(node)), id: "", text: Self.plainText(of: node).trimmingWhitespace(), line: Int(cmark_node_get_start_line(node)))
                    headingNumber += 1
                    insideHeading += 1
                } else {
                    insideHeading -= 1
                }
                return
            }
            guard insideHeading == 0 else { return }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if entering, let literal = cmark_node_get_literal(node) { text += String(cString: literal) + (type == CMARK_NODE_CODE_BLOCK ? " " : "") }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                // Leaving a block (a paragraph, a list item, a table cell) ends its words.
                if !entering && type.rawValue & 0xC000 == 0x8000 { text += " " }
            }
        }
        finish()
        return sections
    }

    /// A heading node, or the custom block `assignHeadingIDs` put in its place.
    private static func isHeading(_ node: OpaquePointer, _ type: cmark_node_type) -> Bool {
        if type == CMARK_NODE_HEADING { return true }
        guard type == CMARK_NODE_CUSTOM_BLOCK, let enter = cmark_node_get_on_enter(node) else { return false }
        let bytes = Array(String(cString: enter).utf8.prefix(8))
        return bytes.count == 8 && bytes[0] == UInt8(ascii: "<") && bytes[1] == UInt8(ascii: "h")
            && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[2]) && Array(bytes[3...]) == Array(" id=\"".utf8)
    }

    /// Words separated by single spaces, without spaces at either end. Works on scalars: splitting by
    /// `Character` (grapheme clusters) cost a tenth of a whole build.
    static func collapsingSpaces(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                space = true
            } else {
                if space && !result.isEmpty { result.append(" ") }
                space = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
