import CCMarkGFM

extension MarkdownDocument {
    /// Makes every block quote that starts with GitHub's alert marker (`> [!TIP]`, alone on its first line or
    /// followed by a title) a callout: `<div class="callout callout--tip" role="note">` with its label, then the
    /// quote's contents. A div with role note rather than an aside: a screen reader announces it as a note, and it
    /// never becomes a landmark in the page's list of regions.
    func makeCallouts(labels: [String: String]) {
        var quotes: [OpaquePointer] = []
        walk { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
        }
        for quote in quotes {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { continue }
            // The first line's nodes: cmark-gfm splits `[!TIP]` into several text nodes.
            var firstLine: [OpaquePointer] = []
            var node = cmark_node_first_child(paragraph)
            while let current = node, cmark_node_get_type(current) != CMARK_NODE_SOFTBREAK, cmark_node_get_type(current) != CMARK_NODE_LINEBREAK {
                firstLine.append(current)
                node = cmark_node_next(current)
            }
            var text = ""
            for current in firstLine {
                guard cmark_node_get_type(current) == CMARK_NODE_TEXT else { break }
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            }
            guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]"),
                  let kind = CalloutKind(rawValue: text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()) else { continue }
            let afterMarker = text[text.index(after: close)...]
            guard afterMarker.isEmpty || afterMarker.first == " " else { continue }
            let title = firstLine.map { Self.plainText(of: $0) }.joined().dropFirst(text.distance(from: text.startIndex, to: close) + 1)
            let label = labels[kind.rawValue] ?? kind.englishLabel
            let heading = String(title).trimmingWhitespace().isEmpty ? label : label + ": " + String(title).trimmingWhitespace()
            guard let callout = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(callout, "<div class=\"callout callout--\(kind.rawValue)\" role=\"note\">\n<p class=\"callout__label\">\(HTMLEscape.text(heading))</p>")
            cmark_node_set_on_exit(callout, "</div>")
            if let lineEnd = node { firstLine.append(lineEnd) }
            for current in firstLine {
                cmark_node_unlink(current)
                cmark_node_free(current)
            }
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            guard cmark_node_replace(quote, callout) == 1 else {
                cmark_node_free(callout)
                continue
            }
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(callout, child)
            }
            cmark_node_free(quote)
        }
    }
}
