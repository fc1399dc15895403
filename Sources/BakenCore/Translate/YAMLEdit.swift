import Yams

/// Changes one text value in front matter and leaves every other byte as it was, comments and quoting included.
enum YAMLEdit {
    /// `yaml` with the text at `path` (`title`, `law.title`, `options[2].text`) replaced, or nil when there is none.
    static func replacing(_ path: String, in yaml: String, with value: String) -> String? {
        guard let root = try? Yams.compose(yaml: yaml) else { return nil }
        var node = root
        var indent = 0
        for part in components(path) {
            switch part {
            case .key(let key):
                guard let mapping = node.mapping, let pair = mapping.first(where: { $0.key.string == key }) else { return nil }
                indent = (pair.key.mark?.column ?? 1) - 1
                node = pair.value
            case .index(let index):
                guard let sequence = node.sequence, index < sequence.count else { return nil }
                node = sequence[index]
                indent = max(0, (node.mark?.column ?? 3) - 3)
            }
        }
        guard let scalar = node.scalar, let mark = node.mark else { return nil }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let first = Array(lines[mark.line - 1].unicodeScalars)
        let start = min(first.count, mark.column - 1)
        let head = String(String.UnicodeScalarView(first[..<start]))
        let inFlow = head.contains("[") || head.contains("{")
        // A value on its own line ends there; one that goes on takes the lines indented deeper than its key.
        var last = mark.line - 1
        var tail = ""
        if let end = singleLineEnd(first, from: start, style: scalar.style, inFlow: inFlow) {
            tail = String(String.UnicodeScalarView(first[end...]))
        } else {
            var next = last + 1
            while next < lines.count {
                let line = lines[next]
                let blank = line.allSatisfy { $0 == " " }
                if !blank && line.prefix(while: { $0 == " " }).count <= indent { break }
                next += 1
                if !blank { last = next - 1 }
            }
        }
        let written = write(value, style: scalar.style, inFlow: inFlow, indent: indent + 2)
        lines.replaceSubrange((mark.line - 1)...last, with: [head + written + tail])
        return lines.joined(separator: "\n")
    }

    private enum Component { case key(String), index(Int) }

    /// `options[2].text` → options, 1, text.
    private static func components(_ path: String) -> [Component] {
        path.split(separator: ".").flatMap { part -> [Component] in
            var result: [Component] = []
            let pieces = part.split(separator: "[")
            result.append(.key(String(pieces[0])))
            for piece in pieces.dropFirst() { if let number = Int(piece.dropLast()) { result.append(.index(number - 1)) } }
            return result
        }
    }

    /// Where a value that fits on its line ends, or nil when it goes on below.
    private static func singleLineEnd(_ line: [Unicode.Scalar], from start: Int, style: Node.Scalar.Style, inFlow: Bool) -> Int? {
        switch style {
        case .literal, .folded: return nil
        case .doubleQuoted:
            var index = start + 1
            while index < line.count {
                if line[index] == "\\" { index += 2; continue }
                if line[index] == "\"" { return index + 1 }
                index += 1
            }
            return nil
        case .singleQuoted:
            var index = start + 1
            while index < line.count {
                if line[index] == "'" {
                    if index + 1 < line.count && line[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < line.count {
                if inFlow && (line[index] == "," || line[index] == "]" || line[index] == "}") { break }
                if line[index] == "#" && index > start && line[index - 1] == " " { break }
                index += 1
            }
            while index > start && line[index - 1] == " " { index -= 1 }
            return index
        }
    }

    /// A value in the style the old one had, where the new text allows it.
    static func write(_ value: String, style: Node.Scalar.Style, inFlow: Bool, indent: Int) -> String {
        if value.contains("\n") && !inFlow {
            let body = value.hasSuffix("\n") ? String(value.dropLast()) : value
            let pad = String(repeating: " ", count: indent)
            return (value.hasSuffix("\n") ? "|" : "|-") + body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : pad + $0 }.map { "\n" + $0 }.joined()
        }
        if style == .singleQuoted && !value.contains("\n") { return "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }
        if style == .plain && isPlain(value, inFlow: inFlow) { return value }
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"" + escaped + "\""
    }

    /// Whether a text reads back as the same text without quotes.
    private static func isPlain(_ value: String, inFlow: Bool) -> Bool {
        guard !value.isEmpty, value.trimmingCharactersInSet() == value, !value.contains(": "), !value.contains(" #"), !value.hasSuffix(":"),
              let first = value.first, !"-?:,[]{}#&*!|>'\"%@`".contains(first),
              !(inFlow && value.contains(where: { ",[]{}".contains($0) })) else { return false }
        guard let node = try? Yams.compose(yaml: "x: \(value)"), let parsed = node.mapping?["x"] else { return false }
        return parsed.string == value && parsed.tag.description == "tag:yaml.org,2002:str"
    }
}
