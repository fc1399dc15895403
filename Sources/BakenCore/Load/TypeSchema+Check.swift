import BakenSearch
import Yams

extension TypeSchema {
    /// Checks a page's front matter against the type: every wrong or missing value is an error at its line, saying
    /// what would be right. Returns what templates, search and the type's behaviours read.
    func check(_ page: YAMLFields, _ diagnostics: inout Diagnostics) -> TypedFields {
        var result = TypedFields()
        var found = Found()
        result.values = checkObject(page, fields: fields, required: required, path: "", found: &found, &diagnostics)
        (result.dates, result.markdown, result.texts, result.lines, result.links) = (found.dates, found.markdown, found.texts, found.lines, found.links)
        for (path, weight) in search {
            for text in words(at: path) where !text.isEmpty {
                result.search.append(SearchField(text: text, weight: weight))
            }
        }
        return result

        /// The words of the field at a path: its text, or the texts inside a list or group in the order the type
        /// declares them; codes (`enum`), dates and addresses are not words.
        func words(at path: String) -> [String] {
            var values: [TemplateValue] = [.object(result.values)]
            for part in path.split(separator: ".").map(String.init) {
                values = values.flatMap { value -> [TemplateValue] in
                    switch value {
                    case .object(let fields): fields[part].map { [$0] } ?? []
                    case .list(let items): items.compactMap { if case .object(let fields) = $0 { fields[part] } else { nil } }
                    default: []
                    }
                }
            }
            guard let field = field(at: path) else { return [] }
            return values.flatMap { Self.words($0, field) }
        }
    }

    private static func words(_ value: TemplateValue, _ field: Field) -> [String] {
        switch (value, field.kind) {
        case (.string(let text), _): field.isWords ? [text] : []
        case (.list(let items), .array(let itemField?)): items.flatMap { words($0, itemField) }
        case (.list(let items), _): items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        case (.object(let values), .object(let properties, _)): properties.flatMap { name, inner in values[name].map { words($0, inner) } ?? [] }
        default: []
        }
    }

    /// What checking collects besides the values.
    private struct Found {
        var dates: [String: Day] = [:]
        var markdown: [(path: String, text: String, line: Int)] = []
        var texts: [(path: String, text: String)] = []
        var lines: [String: Int] = [:]
        var links: [(path: String, text: String, line: Int)] = []
    }

    private func checkObject(_ object: YAMLFields, fields: [(name: String, field: Field)], required: Set<String>, path: String,
                             found: inout Found, _ diagnostics: inout Diagnostics) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        for (name, field) in fields {
            guard let node = object.node(name), !node.isNull else {
                if required.contains(name) {
                    let what = field.description.map { " (\($0))" } ?? ""
                    if object.node(name) != nil {
                        diagnostics.error(object.file, object.line(of: name), "'\(path)\(name)' is empty: the type \(self.name) needs it\(what)")
                    } else {
                        diagnostics.error(object.file, object.line, "'\(path)\(name)' is missing: the type \(self.name) needs a line '\(name): …'\(what)")
                    }
                }
                continue
            }
            if let value = checkValue(node, field: field, in: object, key: name, path: "\(path)\(name)", found: &found, &diagnostics) {
                values[name] = value
            }
        }
        return values
    }

    private func checkValue(_ node: Node, field: Field, in object: YAMLFields, key: String, path: String,
                            found: inout Found, _ diagnostics: inout Diagnostics) -> TemplateValue? {
        let line = node.mark.map { $0.line + object.lineOffset } ?? object.line(of: key)
        func wrong(_ expected: String) -> TemplateValue? {
            let shown = node.scalar.map { "'\($0.string)'" } ?? (node.sequence != nil ? "a list" : "a group of fields")
            diagnostics.error(object.file, line, "'\(path)' must be \(expected), not \(shown)")
            return nil
        }
        found.lines[path] = line
        switch field.kind {
        case .string(let format, let choices):
            guard let text = node.scalar?.string else { return wrong("text") }
            if let choices, !choices.contains(text) {
                return wrong("one of \(choices.joined(separator: ", "))")
            }
            switch format {
            case .date:
                guard let day = Day(parsing: text) else { return wrong("a date written as YYYY-MM-DD, such as 2027-03-01") }
                found.dates[path] = day
            case .dateTime:
                guard Self.isDateTime(text) else { return wrong("a date and time written as YYYY-MM-DDTHH:MM, such as 2027-03-01T19:30") }
            case .uriReference:
                guard !text.hasPrefix("/"), LinkResolver.isRelativeFile(text) else {
                    return wrong("a page or file of the site, named as a link from this page, such as ../hulp.md")
                }
                found.links.append((path, text, line))
            case .uri:
                let lower = text.lowercased()
                guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || text.hasPrefix("/") else {
                    return wrong("an address starting with https://, mailto:, tel: or /, such as \(field.example ?? "https://www.example.org/")")
                }
            case nil:
                break
            }
            if field.isMarkdown { found.markdown.append((path, text, line)) } else if field.isWords { found.texts.append((path, text)) }
            return .string(text)
        case .integer:
            guard let text = node.scalar?.string, let number = Int(text) else { return wrong("a whole number, such as 10") }
            return .int(number)
        case .number:
            guard let text = node.scalar?.string, let number = Double(text), number.isFinite else { return wrong("a number, such as 2.5") }
            return .double(number)
        case .boolean:
            guard node.scalar != nil, let value = node.bool else { return wrong("true or false") }
            return .bool(value)
        case .array(let items):
            let elements: [Node]
            if let sequence = node.sequence { elements = Array(sequence) } else if node.scalar != nil { elements = [node] } else {
                return wrong("a list, such as [a, b]")
            }
            guard let items else { return .list(elements.compactMap { YAMLValue($0).templateValue }) }
            var values: [TemplateValue] = []
            for (index, element) in elements.enumerated() {
                if let mapping = element.mapping, case .object(let properties, let required) = items.kind {
                    let inner = YAMLFields(file: object.file, lineOffset: object.lineOffset, mapping: mapping,
                                           line: element.mark.map { $0.line + object.lineOffset } ?? line, path: "\(path)[\(index + 1)].")
                    values.append(.object(checkObject(inner, fields: properties, required: required, path: "\(path)[\(index + 1)].", found: &found, &diagnostics)))
                } else if let value = checkValue(element, field: items, in: object, key: key, path: "\(path)[\(index + 1)]", found: &found, &diagnostics) {
                    values.append(value)
                }
            }
            return .list(values)
        case .object(let properties, let required):
            guard let mapping = node.mapping else { return wrong("a group of fields on the lines below it, indented") }
            let inner = YAMLFields(file: object.file, lineOffset: object.lineOffset, mapping: mapping, line: line, path: "\(path).")
            return .object(checkObject(inner, fields: properties, required: required, path: "\(path).", found: &found, &diagnostics))
        }
    }

    /// `2027-03-01T19:30`, with seconds and a zone or not.
    private static func isDateTime(_ text: String) -> Bool {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, Day(parsing: String(parts[0])) != nil else { return false }
        let time = parts[1].prefix(5)
        let clock = time.split(separator: ":")
        guard clock.count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]), clock[0].count == 2, clock[1].count == 2 else { return false }
        return (0..<24).contains(hour) && (0..<60).contains(minute)
    }
}
