import CCMarkGFM

extension MarkdownDocument {
    /// The ids the body writes besides its headings': footnotes (`fn-1`, `fnref-1`, `fnref-1-2`) and, where a
    /// site allows raw HTML, the ids in it. Found in cmark-gfm's own HTML, so they are exactly the ids it writes;
    /// a document without footnotes or raw HTML has none and is not rendered for them.
    func ownIDs() -> Set<String> {
        var writesIDs = false
        walk { node, entering in
            guard entering, !writesIDs else { return }
            let type = cmark_node_get_type(node)
            writesIDs = type == CMARK_NODE_FOOTNOTE_DEFINITION || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE
        }
        guard writesIDs else { return [] }
        return Set(HTMLIDs.all(in: html()))
    }
}
