import Foundation

/// What a template sees: the theme's values (docs/themes.md) as plain, typed data, so that looking a name up is
/// one hash-table lookup and printing a value needs no reflection.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The value of `name` when this is an object.
    subscript(name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    /// The text `{{name}}` prints, before escaping: what Swift's `String(describing:)` gives for the
    /// same value, which is what themes have always seen.
    var text: String {
        switch self {
        case .string(let string): string
        case .bool(let bool): bool ? "true" : "false"
        case .int(let int): String(int)
        case .double(let double): String(describing: double)
        case .list(let items): "[" + items.map(\.debugText).joined(separator: ", ") + "]"
        case .object(let fields): "[" + fields.keys.sorted().map { "\"\($0)\": \(fields[$0]!.debugText)" }.joined(separator: ", ") + "]"
        }
    }

    private var debugText: String {
        if case .string(let string) = self { return "\"\(string)\"" }
        return text
    }

    /// A transform named in a tag, `{{#empty(list)}}`: the ones Mustache themes know for text, numbers, lists and
    /// objects; nil for a transform the value does not have.
    func transform(_ name: String) -> TemplateValue? {
        switch (self, name) {
        case (.string(let s), "empty"): .bool(s.isEmpty)
        case (.string(let s), "capitalized"): .string(s.capitalized)
        case (.string(let s), "lowercased"): .string(s.lowercased())
        case (.string(let s), "uppercased"): .string(s.uppercased())
        case (.string(let s), "reversed"): .string(String(s.reversed()))
        case (.string(let s), "qr"): .string(QRCode.svg(s))
        case (.int(let i), "equalzero"): .bool(i == 0)
        case (.int(let i), "plusone"): .int(i + 1)
        case (.int(let i), "minusone"): .int(i - 1)
        case (.int(let i), "even"): .bool(i & 1 == 0)
        case (.int(let i), "odd"): .bool(i & 1 == 1)
        case (.list(let items), "first"): items.first
        case (.list(let items), "last"): items.last
        case (.list(let items), "reversed"): .list(items.reversed())
        case (.list(let items), "count"): .int(items.count)
        case (.list(let items), "empty"): .bool(items.isEmpty)
        case (.list(let items), "sorted"):
            items.allSatisfy { if case .string = $0 { true } else { false } } ? .list(items.sorted { $0.text < $1.text }) : nil
        case (.object(let fields), "count"): .int(fields.count)
        case (.object(let fields), "empty"): .bool(fields.isEmpty)
        case (.object(let fields), "enumerated"), (.object(let fields), "sorted"):
            .list(fields.keys.sorted().map { .object(["key": .string($0), "value": fields[$0]!]) })
        default: nil
        }
    }
}
