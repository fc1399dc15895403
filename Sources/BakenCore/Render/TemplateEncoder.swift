/// Turns a view into the `TemplateValue` its templates read. The view structs are the theme's one API: the compiler
/// writes each one's list of fields (its synthesised `Encodable`), and this encoder stores them as they come, so a
/// field's name in Swift is its name in templates and a nil field is left out (`{{#field}}` renders nothing).
enum TemplateEncoder {
    static func value(_ view: some Encodable) -> TemplateValue {
        if let ready = view as? TemplateValue { return ready }
        let encoder = Encoding()
        // Views hold only strings, numbers, lists and nested views: nothing in them throws.
        try? view.encode(to: encoder)
        return encoder.value ?? .object([:])
    }

    /// A view's fields, for joining with other values.
    static func fields(_ view: some Encodable) -> [String: TemplateValue] {
        if case .object(let fields) = value(view) { return fields }
        return [:]
    }

    /// Where a value is stored once encoded: an object's key, a list's slot, or the top.
    private final class Encoding: Encoder {
        var result: TemplateValue?
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let object = ObjectBox()
            result = nil
            box = .object(object)
            return KeyedEncodingContainer(ObjectContainer<Key>(object: object))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let list = ListBox()
            box = .list(list)
            return ListContainer(list: list)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

        /// A container still being filled; its value is read when the encoding ends.
        var box: Box? {
            didSet { result = nil }
        }

        var value: TemplateValue? {
            if let result { return result }
            switch box {
            case .object(let object): return .object(object.fields.mapValues { $0.resolved })
            case .list(let list): return .list(list.items.map(\.resolved))
            case nil: return nil
            }
        }
    }

    private enum Box {
        case object(ObjectBox)
        case list(ListBox)
    }

    /// A value, or a nested encoder whose containers are still open.
    private enum Slot {
        case done(TemplateValue)
        case nested(Encoding)

        var resolved: TemplateValue {
            switch self {
            case .done(let value): value
            case .nested(let encoder): encoder.value ?? .object([:])
            }
        }
    }

    private final class ObjectBox { var fields: [String: Slot] = [:] }
    private final class ListBox { var items: [Slot] = [] }

    /// Encodes a nested view: plain values directly, views through their own encoding.
    private static func slot(_ value: some Encodable) -> Slot {
        switch value {
        case let ready as TemplateValue: return .done(ready)
        case let string as String: return .done(.string(string))
        case let bool as Bool: return .done(.bool(bool))
        case let int as Int: return .done(.int(int))
        case let double as Double: return .done(.double(double))
        default:
            let encoder = Encoding()
            try? value.encode(to: encoder)
            return .nested(encoder)
        }
    }

    private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ObjectBox
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: String, forKey key: Key) { object.fields[key.stringValue] = .done(.string(value)) }
        mutating func encode(_ value: Bool, forKey key: Key) { object.fields[key.stringValue] = .done(.bool(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { object.fields[key.stringValue] = .done(.int(value)) }
        mutating func encode(_ value: Double, forKey key: Key) { object.fields[key.stringValue] = .done(.double(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { object.fields[key.stringValue] = TemplateEncoder.slot(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let encoder = Encoding()
            object.fields[key.stringValue] = .nested(encoder)
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let encoder = Encoding()
            object.fields[key.stringValue] = .nested(encoder)
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { Encoding() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { Encoding() }
    }

    private struct ListContainer: UnkeyedEncodingContainer {
        let list: ListBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { list.items.count }

        mutating func encodeNil() {}
        mutating func encode<T: Encodable>(_ value: T) { list.items.append(TemplateEncoder.slot(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let encoder = Encoding()
            list.items.append(.nested(encoder))
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let encoder = Encoding()
            list.items.append(.nested(encoder))
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { Encoding() }
    }

    private struct SingleContainer: SingleValueEncodingContainer {
        let encoder: Encoding
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() {}
        mutating func encode<T: Encodable>(_ value: T) { encoder.result = TemplateEncoder.slot(value).resolved }
    }
}

extension TemplateValue: Encodable {
    /// As JSON would have it, for any other encoder.
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let string): var c = encoder.singleValueContainer(); try c.encode(string)
        case .bool(let bool): var c = encoder.singleValueContainer(); try c.encode(bool)
        case .int(let int): var c = encoder.singleValueContainer(); try c.encode(int)
        case .double(let double): var c = encoder.singleValueContainer(); try c.encode(double)
        case .list(let items): var c = encoder.singleValueContainer(); try c.encode(items)
        case .object(let fields): var c = encoder.singleValueContainer(); try c.encode(fields)
        }
    }
}
