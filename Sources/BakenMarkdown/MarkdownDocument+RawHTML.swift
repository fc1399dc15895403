import CCMarkGFM

extension MarkdownDocument {
    /// Puts every piece of raw HTML through `RawHTMLCleaner`: what it keeps becomes a custom node of the tree,
    /// written as it is; what it removes is listed in `warnings`. Each container of the tree gets its own
    /// cleaner, so an element raw HTML opens is closed in the container that opened it.
    func cleanRawHTML() {
        var removals: [MarkdownWarning] = []
        // A list of containers rather than recursion: Markdown may nest thousands deep.
        var containers = [root]
        while let container = containers.popLast() {
            var cleaner = RawHTMLCleaner()
            var inline = false
            var child = cmark_node_first_child(container)
            while let node = child {
                child = cmark_node_next(node)
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE else {
                    if cleaner.isSkipping {
                        // Between a removed element's tags: its content goes with it.
                        cmark_node_unlink(node)
                        cmark_node_free(node)
                    } else if cmark_node_first_child(node) != nil {
                        containers.append(node)
                    }
                    continue
                }
                inline = type == CMARK_NODE_HTML_INLINE
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let parts = cleaner.clean(literal, line: Int(cmark_node_get_start_line(node)))
                let html = Self.joined(parts)
                guard !html.allSatisfy(\.isWhitespace) else {
                    cmark_node_unlink(node)
                    cmark_node_free(node)
                    continue
                }
                guard let kept = customNode(inline: inline, html: html) else { continue }
                guard cmark_node_replace(node, kept) == 1 else {
                    cmark_node_free(kept)
                    continue
                }
                cmark_node_free(node)
                if parts.contains(where: { if case .url = $0 { true } else { false } }) { rawHTMLLinks.append((kept, parts)) }
            }
            removals += cleaner.removals
            // A paragraph that held only what was removed is no paragraph.
            if cmark_node_get_type(container) == CMARK_NODE_PARAGRAPH, cmark_node_first_child(container) == nil {
                cmark_node_unlink(container)
                cmark_node_free(container)
                continue
            }
            let closers = cleaner.closeAll()
            if !closers.isEmpty, let node = customNode(inline: inline, html: closers), cmark_node_append_child(container, node) != 1 {
                cmark_node_free(node)
            }
        }
        warnings += removals
    }

    private func customNode(inline: Bool, html: String) -> OpaquePointer? {
        guard let node = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        return node
    }

    /// The parts as HTML, each address escaped for its attribute.
    static func joined(_ parts: [RawHTMLPart]) -> String {
        var html = ""
        for part in parts {
            switch part {
            case .html(let text): html += text
            case .url(let url, _, _): HTMLEscape.append(url, to: &html)
            }
        }
        return html
    }

    /// Calls `transform` with the address of every link and image that raw HTML kept; a non-nil result replaces it.
    func rewriteRawHTMLLinks(_ transform: (_ url: String, _ line: Int, _ isImage: Bool) -> String?) {
        for index in rawHTMLLinks.indices {
            var changed = false
            let parts = rawHTMLLinks[index].parts.map { part -> RawHTMLPart in
                guard case .url(let url, let line, let isImage) = part, let replacement = transform(url, line, isImage) else { return part }
                changed = true
                return .url(replacement, line: line, isImage: isImage)
            }
            guard changed else { continue }
            rawHTMLLinks[index].parts = parts
            cmark_node_set_on_enter(rawHTMLLinks[index].node, Self.joined(parts))
        }
    }
}
