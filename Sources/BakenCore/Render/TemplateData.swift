/// Turns view structs into dictionaries once, so Mustache looks names up in a hash table instead of
/// reflecting over a struct's fields on every tag (which dominated rendering time).
enum TemplateData {
    static func convert(_ value: Any) -> Any {
        switch value {
        case let string as String: return string
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double
        case let strings as [String: String]: return strings
        case let list as [String]: return list
        case let dictionary as [String: Any]: return dictionary.mapValues(convert)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { convert($0.value) } ?? NSNullMarker.none
        case .collection, .set:
            return mirror.children.map { convert($0.value) }
        case .struct, .class:
            var result: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let converted = convert(child.value)
                if converted is NSNullMarker { continue }
                result[label] = converted
            }
            return result
        default:
            return value
        }
    }

    /// A struct's fields as a dictionary, with the fields in `prepared` taken as given (values shared by many pages, converted once).
    static func convert(_ value: Any, prepared: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            if let ready = prepared[label] {
                result[label] = ready
                continue
            }
            let converted = convert(child.value)
            if converted is NSNullMarker { continue }
            result[label] = converted
        }
        return result
    }

    /// Stands for a missing optional while converting; such keys are left out.
    enum NSNullMarker { case none }
}
