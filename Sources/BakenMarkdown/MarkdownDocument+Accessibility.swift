import CBakenIO
import CCMarkGFM

extension MarkdownDocument {
    /// Puts each task list item's checkbox inside a `<label>` with the item's text. cmark-gfm writes the
    /// checkbox alone, which a screen reader announces as "checkbox" with nothing to say what it is for.
    func labelTaskItems() {
        guard let tasklist = cmark_find_syntax_extension("tasklist") else { return }
        var items: [OpaquePointer] = []
        walk { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_ITEM, cmark_node_get_syntax_extension(node) == tasklist {
                items.append(node)
            }
        }
        for item in items {
            guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let label = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            let checked = cmark_gfm_extensions_get_tasklist_item_checked(item) ? " checked=\"\"" : ""
            cmark_node_set_on_enter(label, "<label class=\"task\"><input type=\"checkbox\" disabled=\"\"\(checked)> ")
            cmark_node_set_on_exit(label, "</label>")
            while let child = cmark_node_first_child(paragraph) {
                cmark_node_unlink(child)
                cmark_node_append_child(label, child)
            }
            cmark_node_append_child(paragraph, label)
            // Without the extension the item renders as a plain <li>; the label carries the checkbox.
            cmark_node_set_syntax_extension(item, nil)
        }
    }

    /// Table cells aligned with a class instead of the `align` attribute, which HTML no longer has
    /// (and a `style` attribute would need 'unsafe-inline' in the Content-Security-Policy).
    static func alignmentAsClasses(_ html: String) -> String {
        replacing(html, alignments)
    }

    private static let alignments: [(from: [UInt8], to: [UInt8])] = ["th", "td"].flatMap { tag in
        ["left", "center", "right"].map { side in (Array("<\(tag) align=\"\(side)\">".utf8), Array("<\(tag) class=\"align-\(side)\">".utf8)) }
    }

    /// cmark-gfm labels every footnote's back link in English; a Dutch or Arabic page says it in its own language.
    static func localizeFootnotes(_ html: String, backLabel: String) -> String {
        guard backLabel != "Back to content" else { return html }
        return replacing(html, [(Array(englishBackLabel.utf8), Array("data-footnote-backref aria-label=\"\(HTMLEscape.attribute(backLabel))\"".utf8))])
    }

    private static let englishBackLabel = "data-footnote-backref aria-label=\"Back to content\""

    /// `html` with every occurrence of each `from` replaced by its `to`; the string itself when nothing occurs
    /// (the usual case: a page is far longer than what is looked for, so each is found with libc's `memmem`,
    /// through CBakenIO).
    static func replacing(_ html: String, _ pairs: [(from: [UInt8], to: [UInt8])]) -> String {
        var html = html
        return html.withUTF8 { text -> String? in
            guard let base = text.baseAddress else { return nil }
            var matches: [(at: Int, pair: Int)] = []
            for (number, pair) in pairs.enumerated() {
                var offset = 0
                while offset < text.count, let found = pair.from.withUnsafeBytes({ baken_find_bytes(base + offset, text.count - offset, $0.baseAddress, $0.count) }) {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    matches.append((at, number))
                    offset = at + pair.from.count
                }
            }
            guard !matches.isEmpty else { return nil }
            matches.sort { $0.at < $1.at }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.count + 16 * matches.count)
            var copied = 0
            for match in matches where match.at >= copied {
                bytes.append(contentsOf: text[copied..<match.at])
                bytes.append(contentsOf: pairs[match.pair].to)
                copied = match.at + pairs[match.pair].from.count
            }
            bytes.append(contentsOf: text[copied...])
            return String(decoding: bytes, as: UTF8.self)
        } ?? html
    }
}
