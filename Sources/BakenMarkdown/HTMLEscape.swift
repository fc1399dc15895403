/// Escapes text for HTML element content and attribute values.
public enum HTMLEscape {
    /// `&`, `<` and `>` escaped.
    public static func text(_ string: String) -> String {
        var out = ""
        append(string, quotes: false, to: &out)
        return out
    }

    /// `&`, `<`, `>`, `"` and `'` escaped.
    public static func attribute(_ string: String) -> String {
        var out = ""
        append(string, to: &out)
        return out
    }

    /// Appends `string` to `output`, escaped as `attribute` does (as `text` without `quotes`), working on its
    /// UTF-8 bytes: the characters it escapes are all ASCII.
    public static func append(_ string: String, quotes: Bool = true, to output: inout String) {
        let utf8 = string.utf8
        output.reserveCapacity(output.utf8.count + utf8.count)
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let replacement: String? = switch utf8[index] {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\"") where quotes: "&quot;"
            case UInt8(ascii: "'") where quotes: "&#39;"
            default: nil
            }
            if let replacement {
                output += string[start..<index]
                output += replacement
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += string[start..<utf8.endIndex]
    }
}
