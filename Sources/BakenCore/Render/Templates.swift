import Mustache

/// The theme's templates: checked by swift-mustache's parser (syntax errors at their line, missing partials, layouts
/// that extend themselves), then compiled once to the tree that renders them over typed values (`CompiledTheme`).
struct Templates: Sendable {
    private let names: Set<String>
    private let compiled: CompiledTheme

    init(_ theme: Theme, diagnostics: inout Diagnostics) {
        for template in theme.templates.values.sorted(by: { $0.file < $1.file }) {
            do {
                _ = try MustacheTemplate(string: template.text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(template.file, error.context.lineNumber, "template error: \(Self.explain(error.error)) (column \(error.context.columnNumber))")
            } catch {
                diagnostics.error(template.file, nil, "template error: \(error)")
            }
        }
        // Every partial and parent a template names must exist; a layout may not extend itself in a circle.
        var parents: [String: [(name: String, line: Int)]] = [:]
        for (name, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            for reference in Self.references(in: template.text) {
                if theme.templates[reference.name] == nil {
                    let kind = reference.isParent ? "layout" : "partial"
                    diagnostics.error(template.file, reference.line, "\(kind) '\(reference.name)' does not exist: make layouts/\(reference.name).mustache in the theme or the site, or correct the name")
                } else if reference.isParent {
                    parents[name, default: []].append((reference.name, reference.line))
                }
            }
        }
        for name in parents.keys.sorted() {
            if let cycle = Self.cycle(from: name, parents: parents) {
                let template = theme.templates[name]!
                diagnostics.error(template.file, parents[name]!.first!.line, "layouts extend each other in a circle: \(cycle.joined(separator: " → ")); one of them must stop extending")
                break
            }
        }
        // What swift-mustache reads but Baken does not render is an error, not a template rendered another way.
        var compiledTemplates: [String: CompiledTemplate] = [:]
        for (name, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            if let compiled = CompiledTemplate(template.text) {
                compiledTemplates[name] = compiled
            } else if (try? MustacheTemplate(string: template.text)) != nil {
                diagnostics.error(template.file, Self.unsupportedLine(in: template.text), "this template changes Mustache's delimiters ({{=…=}}), uses a pragma ({{%…}}) or a dynamic partial ({{>*…}}), which Baken does not render: write tags as {{name}} and name partials as they are")
            }
        }
        self.names = Set(theme.templates.keys)
        compiled = CompiledTheme(templates: compiledTemplates)
    }

    /// The line of the first tag that only swift-mustache reads.
    private static func unsupportedLine(in text: String) -> Int? {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains("{{=") || line.contains("{{%") || line.contains("{{>*") || line.contains("{{> *") || line.contains("{{<*") || line.contains("{{$*") {
                return number + 1
            }
        }
        return nil
    }

    func exists(_ name: String) -> Bool { names.contains(name) }

    /// `view` is a view struct (the theme's API) or a `TemplateValue`.
    func render(_ view: some Encodable, with name: String) -> String {
        compiled.render(TemplateEncoder.value(view), with: name) ?? ""
    }

    /// `{{> name}}` and `{{< name}}` tags with their lines.
    static func references(in text: String) -> [(name: String, isParent: Bool, line: Int)] {
        var result: [(String, Bool, Int)] = []
        var line = 1
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" { line += 1 }
            if character == "{", text[index...].hasPrefix("{{") {
                var cursor = text.index(index, offsetBy: 2)
                while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
                if cursor < text.endIndex, text[cursor] == ">" || text[cursor] == "<" {
                    let isParent = text[cursor] == "<"
                    let start = text.index(after: cursor)
                    if let close = text[start...].range(of: "}}") {
                        let name = text[start..<close.lowerBound].trimmingCharactersInSet()
                        if !name.isEmpty && !name.hasPrefix("*") { result.append((String(name), isParent, line)) }
                    }
                }
            }
            index = text.index(after: index)
        }
        return result
    }

    private static func cycle(from start: String, parents: [String: [(name: String, line: Int)]]) -> [String]? {
        var path = [start]
        var current = start
        while let next = parents[current]?.first?.name {
            if let loopStart = path.firstIndex(of: next) { return Array(path[loopStart...]) + [next] }
            path.append(next)
            current = next
        }
        return nil
    }

    private static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "invalid delimiter change"
        case .transformAppliedToInheritanceSection: return "a transform cannot be used on an inheritance section"
        case .illegalTokenInsideInheritSection: return "only blocks {{$…}} may stand inside {{<…}}"
        case .textInsideInheritSection: return "only blocks {{$…}} may stand inside {{<…}}"
        default: return "\(error)"
        }
    }
}
