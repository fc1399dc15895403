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
        sections.reserveCapacity(headings.count + 1)
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

    /// Words separated by single spaces, without spaces at either end. Works on UTF-8 bytes: splitting by
    /// `Character` (grapheme clusters) cost a tenth of a whole build.
    static func collapsingSpaces(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var space = false
            var i = 0
            while i < bytes.count {
                let width = spaceWidth(bytes, at: i)
                if width > 0 {
                    space = true
                    i += width
                    continue
                }
                if space && !result.isEmpty { result.append(0x20) }
                space = false
                result.append(bytes[i])
                i += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The length in bytes of the white space character at `i` (Unicode's White_Space), or 0.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = b[i]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let n = b.count
        switch byte {
        case 0xC2 where i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0): return 2  // U+0085, U+00A0
        case 0xE1 where i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80: return 3  // U+1680
        case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && ((0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] == 0xAF): return 3  // U+2000–200A, U+2028, U+2029, U+202F
        case 0xE2 where i + 2 < n && b[i + 1] == 0x81 && b[i + 2] == 0x9F: return 3  // U+205F
        case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3  // U+3000
        default: return 0
        }
    }
}
