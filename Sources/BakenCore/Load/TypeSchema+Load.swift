import BakenSearch
import Yams

extension TypeSchema {
    /// The keywords a type file may use, per place; anything else is an error rather than a rule quietly ignored.
    static let rootKeywords: Set<String> = ["$schema", "$id", "title", "description", "type", "properties", "required", "x-baken"]
    static let fieldKeywords: Set<String> = ["title", "description", "type", "format", "enum", "items", "properties", "required", "contentMediaType", "examples"]
    static let bakenKeywords: Set<String> = ["title", "search", "sensitive", "behaviours", "groupBy"]
    static let keywordHelp = "a field may have type, format, enum, contentMediaType, items, properties, required, description and examples (docs/themes.md)"

    /// Reads one `types/<name>.yml`; nil, with diagnostics at their lines, when it is not a type Baken can check against.
    static func parse(_ text: String, name: String, file: String, diagnostics: inout Diagnostics) -> TypeSchema? {
        let errorsBefore = diagnostics.all.count
        let root: Node?
        switch YAMLText.parse(text, file: file, firstLine: 1) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            diagnostics.add(diagnostic)
            return nil
        }
        guard let mapping = root?.mapping else {
            diagnostics.error(file, 1, "a type file describes the type's fields: 'type: object', then 'properties:' with a field on each line below it")
            return nil
        }
        let reader = Reader(file: file)
        reader.checkKeywords(mapping, allowed: rootKeywords, place: "at the top of a type file", &diagnostics)
        if let type = reader.value(mapping, "type")?.scalar?.string, type != "object" {
            diagnostics.error(file, reader.line(mapping, "type"), "a type file describes an object: write 'type: object', not '\(type)'")
        }
        let (fields, required) = reader.object(mapping, path: "", &diagnostics)

        var schema = TypeSchema(name: name, file: file, fields: fields, required: required, title: [:], search: [], sensitive: false)
        if let baken = reader.value(mapping, "x-baken") {
            guard let bakenMapping = baken.mapping else {
                diagnostics.error(file, reader.line(of: baken), "'x-baken' must be fields on the lines below it: title, search, sensitive, behaviours, groupBy")
                return nil
            }
            reader.checkKeywords(bakenMapping, allowed: bakenKeywords, place: "under x-baken", &diagnostics)
            schema.title = reader.texts(bakenMapping, "title", &diagnostics)
            schema.sensitive = reader.value(bakenMapping, "sensitive")?.bool ?? false
            if let behaviours = reader.value(bakenMapping, "behaviours") {
                schema.behaviours = reader.behaviours(behaviours, &diagnostics)
            }
            if let group = reader.value(bakenMapping, "groupBy") {
                if let name = group.string, case .string(_, _?)? = fields.first(where: { $0.name == name })?.field.kind {
                    schema.groupBy = name
                } else {
                    diagnostics.error(file, reader.line(of: group), "x-baken.groupBy names the field a section groups pages by: a string field with an enum, such as setting")
                }
            }
            if let search = reader.value(bakenMapping, "search") {
                schema.search = reader.search(search, in: schema, &diagnostics)
            }
        }
        for behaviour in schema.behaviours.sorted(by: { $0.rawValue < $1.rawValue }) {
            for need in behaviour.needs where !need.isMet(by: schema) {
                diagnostics.error(file, reader.line(mapping, "x-baken"), "the behaviour \(behaviour.rawValue) reads the field '\(need.path)': declare it as \(need.description)")
            }
        }
        for (field, _) in fields where FrontMatter.knownFields.contains(field) {
            diagnostics.error(file, nil, "'\(field)' is one of the fields every page has: give the type's field another name")
        }
        return diagnostics.all.count > errorsBefore ? nil : schema
    }

    /// Reads the nodes of a type file, knowing where each came from.
    private final class Reader {
        let file: String

        init(file: String) {
            self.file = file
        }

        func value(_ mapping: Node.Mapping, _ key: String) -> Node? {
            mapping.first { $0.key.string == key }?.value
        }

        func line(_ mapping: Node.Mapping, _ key: String) -> Int? {
            mapping.first { $0.key.string == key }?.key.mark?.line
        }

        func line(of node: Node) -> Int? { node.mark?.line }

        func checkKeywords(_ mapping: Node.Mapping, allowed: Set<String>, place: String, _ diagnostics: inout Diagnostics) {
            for key in mapping.keys {
                guard let name = key.string, !allowed.contains(name) else { continue }
                diagnostics.error(file, key.mark?.line, "'\(name)' is not something a type file can say \(place): \(place == "under x-baken" ? "x-baken has title, search, sensitive, behaviours and groupBy" : TypeSchema.keywordHelp)")
            }
        }

        /// An object's properties in the order written, and its required fields.
        func object(_ mapping: Node.Mapping, path: String, _ diagnostics: inout Diagnostics) -> ([(name: String, field: Field)], Set<String>) {
            var fields: [(name: String, field: Field)] = []
            if let properties = value(mapping, "properties") {
                guard let propertyMapping = properties.mapping else {
                    diagnostics.error(file, line(of: properties), "'\(path)properties' must list the fields on the lines below it, each with its own 'type:'")
                    return ([], [])
                }
                for (key, node) in propertyMapping {
                    guard let name = key.string else { continue }
                    if let field = self.field(node, path: "\(path)\(name)", line: key.mark?.line, &diagnostics) {
                        fields.append((name, field))
                    }
                }
            }
            var required: Set<String> = []
            if let list = value(mapping, "required") {
                guard let items = list.sequence else {
                    diagnostics.error(file, line(of: list), "'\(path)required' must be a list of field names, such as [place, starts]")
                    return (fields, [])
                }
                for item in items {
                    guard let name = item.string else { continue }
                    if fields.contains(where: { $0.name == name }) {
                        required.insert(name)
                    } else {
                        diagnostics.error(file, line(of: item), "'\(path)required' names '\(name)', which is not among the properties (\(fields.map(\.name).joined(separator: ", ")))")
                    }
                }
            }
            return (fields, required)
        }

        func field(_ node: Node, path: String, line fieldLine: Int?, _ diagnostics: inout Diagnostics) -> Field? {
            guard let mapping = node.mapping else {
                diagnostics.error(file, line(of: node) ?? fieldLine, "field '\(path)' must be described on the lines below it, starting with its 'type:'")
                return nil
            }
            checkKeywords(mapping, allowed: TypeSchema.fieldKeywords, place: "for a field", &diagnostics)
            let description = value(mapping, "description")?.string
            guard let type = value(mapping, "type")?.string else {
                diagnostics.error(file, fieldLine, "field '\(path)' has no 'type': give it one of string, integer, number, boolean, array, object")
                return nil
            }
            var format: Format?
            if let text = value(mapping, "format")?.string {
                format = Format(rawValue: text)
                if format == nil || type != "string" {
                    diagnostics.error(file, line(mapping, "format"), "format '\(text)' of '\(path)' is not one Baken checks: a string field may have format date, date-time, uri or uri-reference")
                }
            }
            var choices: [String]?
            if let list = value(mapping, "enum") {
                choices = list.sequence?.compactMap(\.string)
                if choices == nil || choices!.isEmpty {
                    diagnostics.error(file, line(of: list), "'\(path)' enum must be a list of the values it allows, such as [street, nightlife]")
                }
            }
            var isMarkdown = false
            if let media = value(mapping, "contentMediaType") {
                isMarkdown = media.string == "text/markdown" && type == "string"
                if !isMarkdown {
                    diagnostics.error(file, line(of: media), "contentMediaType of '\(path)' can only be text/markdown, on a string field: its text is then Markdown")
                }
            }
            let example = value(mapping, "examples")?.sequence?.first.flatMap { first in
                first.scalar?.string ?? first.sequence.map { "[" + $0.compactMap(\.scalar?.string).joined(separator: ", ") + "]" }
            }
            switch type {
            case "string": return Field(kind: .string(format: format, choices: choices), description: description, isMarkdown: isMarkdown, example: example)
            case "integer": return Field(kind: .integer, description: description, example: example)
            case "number": return Field(kind: .number, description: description, example: example)
            case "boolean": return Field(kind: .boolean, description: description, example: example)
            case "array":
                let items = value(mapping, "items").flatMap { self.field($0, path: "\(path)[]", line: line(mapping, "items"), &diagnostics) }
                return Field(kind: .array(items: items), description: description, example: example)
            case "object":
                let (properties, required) = object(mapping, path: "\(path).", &diagnostics)
                return Field(kind: .object(properties: properties, required: required), description: description, example: example)
            default:
                diagnostics.error(file, line(mapping, "type"), "type '\(type)' of '\(path)' is unknown: use string, integer, number, boolean, array or object")
                return nil
            }
        }

        /// One text for every language, or one per language code.
        func texts(_ mapping: Node.Mapping, _ key: String, _ diagnostics: inout Diagnostics) -> [String: String] {
            guard let node = value(mapping, key) else { return [:] }
            if let text = node.scalar?.string { return ["": text] }
            guard let inner = node.mapping else {
                diagnostics.error(file, line(of: node), "'x-baken.\(key)' must be text, or one text per language such as {nl: Evenement, en: Event}")
                return [:]
            }
            var result: [String: String] = [:]
            for (code, text) in inner {
                if let code = code.string, let text = text.string { result[code] = text }
            }
            return result
        }

        /// `behaviours: [lesson-pack]`: names of what Swift does for the type.
        func behaviours(_ node: Node, _ diagnostics: inout Diagnostics) -> Set<Behaviour> {
            guard let items = node.sequence else {
                diagnostics.error(file, line(of: node), "x-baken.behaviours must be a list, such as [feed]")
                return []
            }
            var result: Set<Behaviour> = []
            for item in items {
                guard let name = item.string, let behaviour = Behaviour(rawValue: name) else {
                    diagnostics.error(file, line(of: item), "unknown behaviour '\(item.string ?? "")' (known: \(Behaviour.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                result.insert(behaviour)
            }
            return result
        }

        /// `search: [place, summary]` (as text) or `search: {headline: title, place: summary}`; a path such as
        /// `safeguarding.after_disclosure` names a field inside another.
        func search(_ node: Node, in schema: TypeSchema, _ diagnostics: inout Diagnostics) -> [(field: String, weight: SearchField.Weight)] {
            var result: [(field: String, weight: SearchField.Weight)] = []
            func add(_ name: String, _ weight: SearchField.Weight, at line: Int?) {
                if schema.field(at: name) != nil {
                    result.append((name, weight))
                } else {
                    diagnostics.error(file, line, "x-baken.search names '\(name)', which is not among the properties (\(schema.fields.map(\.name).sorted().joined(separator: ", ")))")
                }
            }
            if let items = node.sequence {
                for item in items { if let name = item.string { add(name, .text, at: line(of: item)) } }
            } else if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    guard let weight = value.string.flatMap(SearchField.Weight.init(rawValue:)) else {
                        diagnostics.error(file, key.mark?.line, "the weight of '\(name)' in x-baken.search must be title, heading, summary or text")
                        continue
                    }
                    add(name, weight, at: key.mark?.line)
                }
            } else {
                diagnostics.error(file, line(of: node), "x-baken.search must list fields, such as [place], or give each a weight, such as {place: summary}")
            }
            return result
        }
    }
}

extension TypeSchema.Behaviour {
    /// A field a behaviour reads, and the kind it must have in the type file.
    struct Need {
        let path: String
        let description: String
        let isMet: (TypeSchema.Field) -> Bool

        func isMet(by schema: TypeSchema) -> Bool {
            schema.field(at: path).map(isMet) ?? false
        }
    }

    /// The fields the behaviour reads; a type file that names the behaviour must declare them.
    var needs: [Need] {
        let target = Need(path: "target", description: "type: string, format: uri-reference") {
            if case .string(.uriReference, nil) = $0.kind { true } else { false }
        }
        func string(_ path: String) -> Need {
            Need(path: path, description: "type: string") { if case .string = $0.kind { true } else { false } }
        }
        switch self {
        case .lessonPack:
            return [string("level"), Need(path: "duration", description: "type: integer") { $0.kind == .integer }]
        case .audienceHub:
            return [string("audience")]
        case .feed, .offline:
            return []
        case .print:
            return [Need(path: "formats", description: "type: array, with items of type string whose enum lists formats (\(PrintFormat.all.map(\.id).joined(separator: ", ")))") {
                guard case .array(let items?) = $0.kind, case .string(_, let choices?) = items.kind else { return false }
                return choices.allSatisfy { PrintFormat.named($0) != nil }
            }, target]
        case .shortAddress:
            return [string("short"), target]
        }
    }
}
