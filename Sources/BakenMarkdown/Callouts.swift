/// The kinds of callout, as GitHub's alerts name them (`> [!NOTE]`).
public enum CalloutKind: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution

    /// The kind a `:::name` of Docusaurus or MkDocs stands for: their own five, `info` and `danger` too.
    init?(directive name: String) {
        switch name.lowercased() {
        case "info": self = .note
        case "danger": self = .caution
        default: self.init(rawValue: name.lowercased())
        }
    }

    /// The label in English, for a theme without words for callouts.
    public var englishLabel: String {
        switch self {
        case .note: "Note"
        case .tip: "Tip"
        case .important: "Important"
        case .warning: "Warning"
        case .caution: "Caution"
        }
    }
}

/// Turns the `:::name` … `:::` blocks of Docusaurus and MkDocs into GitHub's alert form before cmark-gfm reads the
/// text: the opening line becomes `> [!NAME] title` and every line up to the closing `:::` gets `> `, so both forms
/// are one block quote for `MarkdownDocument` and every line keeps its number. Fenced code is left as it is.
enum CalloutDirectives {
    static func rewrite(_ markdown: String) -> (text: String, warnings: [MarkdownWarning]) {
        guard markdown.holds(":::") else { return (markdown, []) }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [MarkdownWarning] = []
        // Each open block: its line, its indentation, and whether it is a callout (an unknown name only loses its lines).
        var open: [(line: Int, indent: Int, callout: Bool)] = []
        var fence: (character: Character, length: Int)?
        /// A line inside the open callouts: `> ` for each, after the outermost one's indentation.
        func quoted(_ text: String) -> String {
            let quoting = open.filter(\.callout)
            guard let first = quoting.first else { return text }
            let cut = min(first.indent, text.prefix { $0 == " " }.count)
            return String(text.prefix(cut)) + String(repeating: "> ", count: quoting.count) + String(text.dropFirst(cut))
        }
        for index in lines.indices {
            let original = lines[index]
            let indent = original.prefix { $0 == " " }.count
            let trimmed = original.dropFirst(indent)
            if let open = fence {
                let run = trimmed.prefix { $0 == open.character }
                if run.count >= open.length, trimmed.dropFirst(run.count).allSatisfy({ $0 == " " }) { fence = nil }
                lines[index] = quoted(original)
                continue
            }
            if indent < 4, let first = trimmed.first, first == "`" || first == "~" {
                let run = trimmed.prefix { $0 == first }
                if run.count >= 3 { fence = (first, run.count) }
            }
            guard fence == nil, indent < 4, trimmed.hasPrefix(":::") else {
                lines[index] = quoted(original)
                continue
            }
            let rest = String(trimmed.drop { $0 == ":" }).trimmingWhitespace()
            if rest.isEmpty {
                guard open.popLast() != nil else {
                    lines[index] = quoted(original)
                    continue
                }
                // An empty line (inside the callouts still open) ends the block quote.
                lines[index] = quoted("").trimmingTrailingSpaces()
                continue
            }
            let name = String(rest.prefix { !$0.isWhitespace && $0 != "{" && $0 != "[" })
            var title = String(rest.dropFirst(name.count)).trimmingWhitespace()
            // Docusaurus also writes the title in brackets: `:::tip[Mijn titel]`.
            if title.hasPrefix("["), title.hasSuffix("]") { title = String(title.dropFirst().dropLast()).trimmingWhitespace() }
            if let kind = CalloutKind(directive: name) {
                lines[index] = quoted(String(repeating: " ", count: indent)) + "> [!\(kind.rawValue.uppercased())]" + (title.isEmpty ? "" : " " + title)
                open.append((index + 1, indent, true))
            } else {
                problems.append(MarkdownWarning(line: index + 1, message: "unknown callout ':::\(name)' (known: \(CalloutKind.allCases.map(\.rawValue).joined(separator: ", ")), info, danger): its text is shown as it is, without a callout"))
                lines[index] = quoted("").trimmingTrailingSpaces()
                open.append((index + 1, indent, false))
            }
        }
        for block in open {
            problems.append(MarkdownWarning(line: block.line, message: "this ':::' block is not closed: end it with a line ':::'; it now runs to the end of the text"))
        }
        return (lines.joined(separator: "\n"), problems)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
