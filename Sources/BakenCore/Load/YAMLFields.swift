import Foundation
import Yams

/// A YAML value as written, kept for templates: front matter fields Baken does not know.
public indirect enum YAMLValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([(key: String, value: YAMLValue)])

    public static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.double(x), .double(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case (.null, .null): true
        case let (.list(x), .list(y)): x == y
        case let (.map(x), .map(y)): x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.int.rawValue: self = Int(scalar.string).map(YAMLValue.int) ?? .string(scalar.string)
            case Tag.Name.float.rawValue: self = Double(scalar.string).map(YAMLValue.double) ?? .string(scalar.string)
            case Tag.Name.bool.rawValue: self = .bool(node.bool ?? false)
            case Tag.Name.null.rawValue: self = .null
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence): self = .list(sequence.map(YAMLValue.init))
        case .mapping(let mapping): self = .map(mapping.map { (key: $0.key.string ?? "", value: YAMLValue($0.value)) })
        case .alias: self = .null
        }
    }

    /// The value as Mustache sees it: strings, numbers, booleans, lists and dictionaries.
    var templateValue: TemplateValue {
        switch self {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .bool(let b): .bool(b)
        case .null: .bool(false)
        case .list(let items): .list(items.map(\.templateValue))
        case .map(let pairs): .object(Dictionary(pairs.map { ($0.key, $0.value.templateValue) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}

/// Parses YAML text into a node tree, turning libyaml's errors into diagnostics at the right line.
enum YAMLText {
    /// `firstLine` is the line of the file on which the YAML text starts.
    static func parse(_ text: String, file: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        do {
            return .success(try Yams.compose(yaml: text))
        } catch let error as YamlError {
            return .failure(diagnostic(error, file: file, firstLine: firstLine, text: text))
        } catch {
            return .failure(Diagnostic(file: file, line: firstLine, "cannot read YAML: \(error)"))
        }
    }

    private static func diagnostic(_ error: YamlError, file: String, firstLine: Int, text: String) -> Diagnostic {
        let hint = "check the indentation, and put quotes around text that contains ': ' or starts with a special character"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].prefix(while: \.isWhitespace).contains("\t") {
                return Diagnostic(file: file, line: firstLine + mark.line - 1, "invalid YAML: this line is indented with a tab; YAML allows only spaces for indentation")
            }
            let context = context.map { " \($0.text)" } ?? ""
            return Diagnostic(file: file, line: firstLine + mark.line - 1, "invalid YAML: \(problem)\(context); \(hint)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // libyaml points at the mapping; the second line that starts with the key is the one to remove.
            let key = duplicates.first ?? ""
            let indent = indentation(at: context.mark, in: lines)
            let repeats = lines.indices.filter { index in
                index >= context.mark.line - 1 && lines[index].hasPrefix(indent + key + ":")
            }
            let line = repeats.count >= 2 ? repeats[1] + 1 : context.mark.line
            return Diagnostic(file: file, line: firstLine + line - 1, "the field '\(key)' is given twice: keep one")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, line: firstLine, "invalid YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: firstLine, "invalid YAML: \(error)")
        }
    }

    /// The indentation of the line a mark is on.
    private static func indentation(at mark: Mark, in lines: [Substring]) -> String {
        guard mark.line >= 1, mark.line <= lines.count else { return "" }
        return String(lines[mark.line - 1].prefix(while: { $0 == " " }))
    }
}

/// Typed access to a YAML mapping; every wrong value becomes a diagnostic naming the file, the line and what would be right.
struct YAMLFields {
    let file: String
    /// Added to libyaml's line numbers: the line of the file before the YAML text.
    let lineOffset: Int
    let mapping: Node.Mapping
    /// The line of the mapping itself, for fields that are missing.
    let line: Int
    /// Where this mapping sits, for messages: "", "law.", "steps[2]." …
    let path: String

    /// The values by key, the first of each: looking keys up in `Node.Mapping` compares nodes, which resolves their tags.
    private let values: [String: Node]

    init(file: String, lineOffset: Int, mapping: Node.Mapping, line: Int, path: String = "") {
        self.file = file
        self.lineOffset = lineOffset
        self.mapping = mapping
        self.line = line
        self.path = path
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if case .scalar(let scalar) = key, values[scalar.string] == nil { values[scalar.string] = value }
        }
        self.values = values
    }

    var keys: [String] { mapping.keys.compactMap(\.string) }

    func node(_ key: String) -> Node? { values[key] }

    func line(of key: String) -> Int {
        if let pair = mapping.first(where: { $0.key.string == key }), let mark = pair.key.mark {
            return mark.line + lineOffset
        }
        return line
    }

    private func lineOf(_ node: Node) -> Int {
        node.mark.map { $0.line + lineOffset } ?? line
    }

    private func wrong(_ key: String, _ node: Node, _ expected: String, _ diagnostics: inout Diagnostics) {
        let shown = node.scalar.map { "'\($0.string)'" } ?? (node.sequence != nil ? "a list" : "a group of fields")
        diagnostics.error(file, lineOf(node), "'\(path)\(key)' must be \(expected), not \(shown)")
    }

    func string(_ key: String, required: Bool = false, _ diagnostics: inout Diagnostics) -> String? {
        guard let node = values[key], !node.isNull else {
            if required && values[key] != nil {
                diagnostics.error(file, line(of: key), "'\(path)\(key)' is empty: write the \(key) after the colon")
            } else if required {
                diagnostics.error(file, line, "'\(path)\(key)' is missing: add a line '\(key): …'")
            }
            return nil
        }
        guard let scalar = node.scalar else {
            wrong(key, node, "text", &diagnostics)
            return nil
        }
        if required && scalar.string.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.error(file, lineOf(node), "'\(path)\(key)' is empty: write the \(key) after the colon")
            return nil
        }
        return scalar.string
    }

    /// An address on the web for a link: `javascript:` and other schemes never reach an `href`.
    func webAddress(_ key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let text = string(key, &diagnostics) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            diagnostics.error(file, line(of: key), "'\(path)\(key)' must be an address starting with https://, such as https://wetten.overheid.nl/, not '\(text)'")
            return nil
        }
        return text
    }

    func int(_ key: String, _ diagnostics: inout Diagnostics) -> Int? {
        guard let node = values[key], !node.isNull else { return nil }
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            wrong(key, node, "a whole number, such as 10", &diagnostics)
            return nil
        }
        return value
    }

    func bool(_ key: String, _ diagnostics: inout Diagnostics) -> Bool? {
        guard let node = values[key], !node.isNull else { return nil }
        guard node.scalar != nil, let value = node.bool else {
            wrong(key, node, "true or false", &diagnostics)
            return nil
        }
        return value
    }

    func day(_ key: String, _ diagnostics: inout Diagnostics) -> Day? {
        guard let node = values[key], !node.isNull else { return nil }
        guard let scalar = node.scalar, let day = Day(parsing: scalar.string) else {
            wrong(key, node, "a date written as YYYY-MM-DD, such as 2024-07-01", &diagnostics)
            return nil
        }
        return day
    }

    /// A list of texts; a single text is taken as a list of one.
    func strings(_ key: String, _ diagnostics: inout Diagnostics) -> [String] {
        guard let node = values[key], !node.isNull else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else {
            wrong(key, node, "a list, such as [a, b]", &diagnostics)
            return []
        }
        var result: [String] = []
        for item in sequence {
            if let scalar = item.scalar {
                result.append(scalar.string)
            } else {
                diagnostics.error(file, lineOf(item), "every item of '\(path)\(key)' must be text, not a list or a group of fields")
            }
        }
        return result
    }

    func fields(_ key: String, _ diagnostics: inout Diagnostics) -> YAMLFields? {
        guard let node = values[key], !node.isNull else { return nil }
        guard let inner = node.mapping else {
            wrong(key, node, "a group of fields on the lines below it, indented", &diagnostics)
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: inner, line: lineOf(node), path: "\(path)\(key).")
    }

    /// A list of groups of fields, such as the steps of a lesson.
    func list(_ key: String, _ diagnostics: inout Diagnostics) -> [YAMLFields] {
        guard let node = values[key], !node.isNull else { return [] }
        guard let sequence = node.sequence else {
            wrong(key, node, "a list of items, each starting with '- ' on its own line", &diagnostics)
            return []
        }
        var result: [YAMLFields] = []
        for (index, item) in sequence.enumerated() {
            guard let inner = item.mapping else {
                diagnostics.error(file, lineOf(item), "item \(index + 1) of '\(path)\(key)' must be a group of fields (name: value), not \(item.scalar.map { "'\($0.string)'" } ?? "a list")")
                continue
            }
            result.append(YAMLFields(file: file, lineOffset: lineOffset, mapping: inner, line: lineOf(item), path: "\(path)\(key)[\(index + 1)]."))
        }
        return result
    }

    /// A map from language code to text, or one text for every language.
    func translations(_ key: String, _ diagnostics: inout Diagnostics) -> [String: String] {
        guard let node = values[key], !node.isNull else { return [:] }
        if let scalar = node.scalar { return ["": scalar.string] }
        guard let inner = node.mapping else {
            wrong(key, node, "text, or one text per language such as {nl: …, en: …}", &diagnostics)
            return [:]
        }
        var result: [String: String] = [:]
        for (k, v) in inner {
            guard let code = k.string, let text = v.scalar?.string else {
                diagnostics.error(file, lineOf(v), "'\(path)\(key)' must give one text per language code")
                continue
            }
            result[code] = text
        }
        return result
    }

    /// The value of a field as written, for fields that reach templates unchanged.
    func value(_ key: String) -> YAMLValue? { values[key].map(YAMLValue.init) }
}

extension Node {
    /// Whether YAML reads this as null (`~`, `null`, nothing), decided without Yams' regular expressions, which
    /// resolving every value's tag would run (a tenth of loading a large site).
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        // A tag's description is its name as written, before Yams resolves it: empty for a plain value.
        switch scalar.tag.description {
        case Tag.Name.null.rawValue: return true
        case Tag.Name.implicit.rawValue: return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        default: return false
        }
    }
}
