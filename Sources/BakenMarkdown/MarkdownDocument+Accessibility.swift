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
        guard html.contains(" align=\"") else { return html }
        var result = html
        for tag in ["th", "td"] {
            for side in ["left", "center", "right"] {
                result = result.replacingOccurrences(of: "<\(tag) align=\"\(side)\">", with: "<\(tag) class=\"align-\(side)\">")
            }
        }
        return result
    }

    /// cmark-gfm labels every footnote's back link in English; a Dutch or Arabic page says it in its own language.
    static func localizeFootnotes(_ html: String, backLabel: String) -> String {
        let english = "data-footnote-backref aria-label=\"Back to content\""
        guard backLabel != "Back to content", html.contains(english) else { return html }
        return html.replacingOccurrences(of: english, with: "data-footnote-backref aria-label=\"\(HTMLEscape.attribute(backLabel))\"")
    }
}
