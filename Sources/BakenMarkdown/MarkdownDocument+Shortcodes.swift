import CCMarkGFM

/// A shortcode written on a line of its own: `{{< contacts audience="lhbtiq" >}}`.
public struct Shortcode: Sendable, Equatable {
    public let name: String
    public let parameters: [String: String]
    public let line: Int
}

extension MarkdownDocument {
    /// Replaces every paragraph that is only a shortcode with the HTML `replacement` returns for it
    /// (a marker that a later stage swaps for the rendered partial). cmark-gfm passes the text through untouched.
    public func replaceShortcodes(_ replacement: (Shortcode) -> String) {
        var found: [(OpaquePointer, Shortcode)] = []
        walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { return }
            var child = cmark_node_first_child(node)
            while let current = child {
                let type = cmark_node_get_type(current)
                guard type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK else { return }
                child = cmark_node_next(current)
            }
            let text = Self.plainText(of: node)
            if let shortcode = Shortcode(parsing: text, line: Int(cmark_node_get_start_line(node))) {
                found.append((node, shortcode))
            }
        }
        for (node, shortcode) in found {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, replacement(shortcode))
            cmark_node_set_on_exit(block, "")
            if cmark_node_replace(node, block) == 1 {
                detached.append(node)
            } else {
                cmark_node_free(block)
            }
        }
    }
}

extension Shortcode {
    /// Reads `{{< name key="value" key2=value2 >}}`; quotes may have been made curly by smart punctuation.
    init?(parsing text: String, line: Int) {
        var body = Substring(text.trimmingWhitespace())
        guard body.hasPrefix("{{<"), body.hasSuffix(">}}") else { return nil }
        body = body.dropFirst(3).dropLast(3)
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        for character in body {
            if let open = quote {
                if character == open || (open == "“" && character == "”") || (open == "‘" && character == "’") { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "“" || character == "'" || character == "‘" {
                quote = character
            } else if character.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        guard let name = tokens.first, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        var parameters: [String: String] = [:]
        for token in tokens.dropFirst() {
            guard let equals = token.firstIndex(of: "=") else { return nil }
            parameters[String(token[..<equals])] = String(token[token.index(after: equals)...])
        }
        self.init(name: name, parameters: parameters, line: line)
    }
}
