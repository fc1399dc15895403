import CCMarkGFM

extension MarkdownDocument {
    /// Puts the language's quotation marks where cmark-gfm's smart punctuation put English ones (“ ” ‘ ’), in text
    /// nodes only: never code, raw HTML or an attribute. A ’ is a closing quote only when it closes a ‘ of the same
    /// block and link (cmark-gfm pairs them the same way) and does not stand between two letters; any other ’ is an
    /// apostrophe (zo’n, ’s avonds) and stays.
    func localizeQuotes(_ quotes: Quotes) {
        guard quotes != .english else { return }
        // Open single quotes per link or image being read: a quote inside link text pairs inside it.
        var openSingles = [0]
        var changes: [(node: OpaquePointer, text: String)] = []
        walk { node, entering in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                if entering { openSingles.append(0) } else { openSingles.removeLast() }
                return
            }
            if type.rawValue & 0xC000 == 0x8000 {
                // Each block parses its inlines apart.
                openSingles = [0]
                return
            }
            guard entering, type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return }
            let text = String(cString: literal)
            // All four marks start with the byte E2; most text has none.
            guard text.utf8.contains(0xE2) else { return }
            let characters = Array(text)
            var result = ""
            var changed = false
            for (i, character) in characters.enumerated() {
                var mark: String?
                switch character {
                case "“": mark = quotes.openDouble
                case "”": mark = quotes.closeDouble
                case "‘":
                    openSingles[openSingles.count - 1] += 1
                    mark = quotes.openSingle
                case "’" where openSingles[openSingles.count - 1] > 0:
                    let before = i > 0 ? characters[i - 1] : Self.text(cmark_node_previous(node))?.last
                    let after = i + 1 < characters.count ? characters[i + 1] : Self.text(cmark_node_next(node))?.first
                    if !(Self.isWordCharacter(before) && Self.isWordCharacter(after)) {
                        openSingles[openSingles.count - 1] -= 1
                        mark = quotes.closeSingle
                    }
                default:
                    break
                }
                if let mark {
                    result += mark
                    changed = true
                } else {
                    result.append(character)
                }
            }
            if changed { changes.append((node, result)) }
        }
        for change in changes { cmark_node_set_literal(change.node, change.text) }
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        character.map { $0.isLetter || $0.isNumber } ?? false
    }

    /// The literal of a text node; nil for any other node.
    private static func text(_ node: OpaquePointer?) -> String? {
        guard let node, cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return nil }
        return String(cString: literal)
    }
}
