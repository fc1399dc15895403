/// Splits text into words per script and folds them for matching: lower case, no diacritics (é → e),
/// Arabic letter variants made one. `themes/baken/static/js/search.js` does exactly the same to what readers type.
public enum Tokenizer {
    /// The writing systems that words are split by; a change of script ends a word, digits join any.
    enum Script: Equatable {
        case latin, greek, cyrillic, armenian, hebrew, arabic, hangul, other
        /// Chinese and Japanese characters: every character is a word of its own.
        case ideographic

        /// Scripts whose accents and vowel marks are left out of search terms.
        var foldsMarks: Bool {
            switch self {
            case .latin, .greek, .cyrillic, .hebrew, .arabic: true
            default: false
            }
        }
    }

    /// Words longer than this are codes or addresses, not words people type.
    static let maxLength = 40

    /// Every word of `text`, as written, in order.
    public static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        scan(text) { result.append($0) }
        return result
    }

    /// Calls `body` with each word of `text` as written: runs of letters, marks and digits of one script.
    public static func scan(_ text: String, _ body: (Substring) -> Void) {
        var copy = text
        let utf8 = text.utf8
        var cursor = utf8.startIndex, offset = 0
        copy.withUTF8 { bytes in
            scan(bytes) { range in
                let lower = utf8.index(cursor, offsetBy: range.lowerBound - offset)
                let upper = utf8.index(lower, offsetBy: range.count)
                cursor = upper
                offset = range.upperBound
                body(text[lower..<upper])
            }
        }
    }

    /// Calls `body` with the byte range of each word in UTF-8 `bytes`; the same words as `scan(_:_:)` finds.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = -1
        var script: Script? = nil
        // The word's length in UTF-16 code units, as JavaScript counts it.
        var units = 0
        func flush(_ end: Int) {
            if start >= 0 && units <= maxLength && (units > 1 || script == .ideographic) { body(start..<end) }
            start = -1
            script = nil
            units = 0
        }
        func digit(at index: Int, width: Int) {
            if start < 0 { start = index }
            units += width
        }
        func letter(_ letterScript: Script, at index: Int, width: Int) {
            if start >= 0 && script != nil && script != letterScript { flush(index) }
            if start < 0 { start = index }
            script = letterScript
            units += width
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII, most of the text of most sites: the same cases as below, without decoding.
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    letter(.latin, at: index, width: 1)
                } else if byte >= 0x30 && byte <= 0x39 {
                    digit(at: index, width: 1)
                } else {
                    flush(index)
                }
                index += 1
                continue
            }
            let (value, length) = decode(bytes, at: index)
            let width = value >= 0x10000 ? 2 : 1
            switch kind(of: Unicode.Scalar(value) ?? " ") {
            case .separator:
                flush(index)
            case .mark:
                // A mark belongs to the letter before it; one after a space or a separator is dropped.
                if start >= 0 { units += width }
            case .digit:
                digit(at: index, width: width)
            case .letter(let letterScript):
                if letterScript == .ideographic {
                    flush(index)
                    start = index
                    script = .ideographic
                    units = width
                    flush(index + length)
                } else {
                    letter(letterScript, at: index, width: width)
                }
            }
            index += length
        }
        flush(bytes.count)
    }

    /// The scalar at `index` of valid UTF-8 and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3) }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    enum Kind: Equatable {
        case letter(Script), mark, digit, separator
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter(.latin)
            default: return .separator
            }
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .letter(script(of: value))
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .decimalNumber:
            return .digit
        default:
            return .separator
        }
    }

    static func script(of value: UInt32) -> Script {
        switch value {
        case 0x00C0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06, 0xFF21...0xFF5A:
            return .latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return .greek
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x0530...0x058F: return .armenian
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: return .hebrew
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return .hangul
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return .ideographic
        default: return .other
        }
    }

    /// The search term of a word: lower case, compatibility forms decomposed (ﬁ → fi), accents and Arabic
    /// vowel marks left out, letter variants made one (ß → ss, ى → ي, ة → ه), Arabic-Indic digits as 0–9.
    public static func fold(_ word: some StringProtocol) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        var baseFolds = false
        for scalar in String(word).lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if !baseFolds { result.append(scalar) }
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                break
            default:
                continue
            }
            baseFolds = scalar.value < 0x80 || script(of: scalar.value).foldsMarks
            if let replacement = replacements[scalar.value] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else if (0x0660...0x0669).contains(scalar.value) || (0x06F0...0x06F9).contains(scalar.value) {
                result.append(Unicode.Scalar(0x30 + scalar.value % 16)!)
            } else {
                result.append(scalar)
            }
        }
        return String(result).precomposedStringWithCanonicalMapping
    }

    /// Letters that do not decompose but are written without their stroke or as two letters when typed plainly.
    static let replacements: [UInt32: String] = [
        0x00DF: "ss", 0x00E6: "ae", 0x0153: "oe", 0x00F8: "o", 0x0111: "d", 0x00F0: "d", 0x00FE: "th", 0x0142: "l", 0x0131: "i",
        0x03C2: "σ",
        0x0640: "", 0x0671: "ا", 0x0649: "ي", 0x0629: "ه", 0x06CC: "ي", 0x06A9: "ك",
    ]
}
