/// Turns view structs into `TemplateValue`s once per page, so templates look names up in a hash table instead of
/// reflecting over a struct's fields on every tag.
enum TemplateData {
    /// Set in tests: every view by reflection, to compare with the views' own `templateFields`.
    @TaskLocal static var reflected = false

    static func convert(_ value: Any) -> TemplateValue {
        convertIfPresent(value) ?? .object([:])
    }

    /// A struct's fields as an object, with the fields in `prepared` taken as given (values shared by many pages,
    /// converted once).
    static func convert(_ value: Any, prepared: [String: TemplateValue]) -> [String: TemplateValue] {
        var result: [String: TemplateValue] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            if let ready = prepared[label] {
                result[label] = ready
            } else if let converted = convertIfPresent(child.value) {
                result[label] = converted
            }
        }
        return result
    }

    /// Nil for a missing optional: its key is left out, so `{{#field}}` renders nothing.
    static func convertIfPresent(_ value: Any) -> TemplateValue? {
        switch value {
        case let ready as TemplateValue: return ready
        case let fields as [String: TemplateValue]: return .object(fields)
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .int(int)
        case let double as Double: return .double(double)
        case let strings as [String: String]: return .object(strings.mapValues(TemplateValue.string))
        case let list as [String]: return .list(list.map(TemplateValue.string))
        case let dictionary as [String: Any]: return .object(dictionary.compactMapValues(convertIfPresent))
        case let view as TemplateFields where !reflected: return .object(view.templateFields)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convertIfPresent($0.value) }
        case .collection, .set:
            return .list(mirror.children.compactMap { convertIfPresent($0.value) })
        case .struct, .class, .tuple:
            var result: [String: TemplateValue] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = convertIfPresent(child.value) else { continue }
                result[label] = converted
            }
            return .object(result)
        default:
            return .string(String(describing: value))
        }
    }
}
