import BakenMarkdown

/// Markdown a translator must keep as it is, as one of XLIFF's inline codes: the start (`<bpt>`) or end (`<ept>`)
/// of emphasis or a link, or a placeholder (`<ph>`) for code, raw HTML, a shortcode, an address or a line break.
struct InlineCode: Equatable {
    enum Role: Equatable { case open, close, placeholder }
    let role: Role
    var id: Int
    /// XLIFF's `ctype`: `bold`, `italic`, `link`, `image`, `lb`, `x-code`, `x-html`, `x-shortcode`, `x-strike`.
    let type: String
    /// The Markdown it stands for: `**`, `](../hulp.md)`.
    var native: String
    /// For the end of a link or image: its address and title, which the import writes for the target language.
    var url: String? = nil
    var title = ""

    /// The end of a link or image to another address.
    func pointing(to address: String) -> InlineCode {
        var code = self
        code.url = address
        code.native = Self.linkEnd(address, title)
        return code
    }

    static func linkEnd(_ url: String, _ title: String) -> String {
        let address = url.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) ? "<\(url)>" : url
        return "](\(address)" + (title.isEmpty ? "" : " \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\"") + ")"
    }
}

/// Words and inline codes, in order: what a `<source>` or `<target>` holds.
enum Segment: Equatable {
    case text(String)
    case code(InlineCode)
}

/// Where a unit's text stands in a page.
enum UnitPlace: Equatable {
    case title, description
    /// A text field of the page's type that is not Markdown, by path (`law.title`, `options[2].say[1]`).
    case field(String)
    /// A block of the body, or of a Markdown field of the type (by its path), by its index among the blocks.
    case block(field: String?, index: Int)
}

/// One `<trans-unit>`: its id, where it stands, and its text.
struct TranslationUnit: Equatable {
    var id: String
    let place: UnitPlace
    var segments: [Segment]
}

extension [Segment] {
    /// The codes by id, for a target to take its Markdown from.
    var codes: [Int: [InlineCode]] {
        var result: [Int: [InlineCode]] = [:]
        for case .code(let code) in self { result[code.id, default: []].append(code) }
        return result
    }

    /// The text as Markdown: words escaped where Markdown would read them as markup, codes as written.
    func markdown(inCell: Bool = false, continuation: String = "") -> String {
        var result = ""
        for segment in self {
            switch segment {
            case .text(let text): result += MarkdownEscape.text(text, atStart: result.isEmpty, inCell: inCell)
            case .code(let code): result += code.type == "lb" ? "\\\n" + continuation : code.native
            }
        }
        return result
    }

    /// What a reader sees, without codes: for comparing texts whatever their markup.
    var plainText: String {
        compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }
}

/// Turns cmark-gfm's inlines into segments, numbering the codes from 1.
struct SegmentWriter {
    private var next = 1

    static func segments(_ inlines: [Inline]) -> [Segment] {
        var writer = SegmentWriter()
        return writer.write(inlines).merged
    }

    private mutating func code(_ role: InlineCode.Role, _ type: String, _ native: String) -> InlineCode {
        defer { if role != .close { next += 1 } }
        return InlineCode(role: role, id: next, type: type, native: native)
    }

    private mutating func pair(_ type: String, _ open: String, _ close: String, _ inner: [Inline]) -> [Segment] {
        let start = code(.open, type, open)
        let end = InlineCode(role: .close, id: start.id, type: type, native: close)
        return [.code(start)] + write(inner) + [.code(end)]
    }

    private mutating func write(_ inlines: [Inline]) -> [Segment] {
        var result: [Segment] = []
        for inline in inlines {
            switch inline {
            case .text(let text): result += Self.shortcodes(text).map { part in
                    part.isShortcode ? .code(code(.placeholder, "x-shortcode", part.text)) : .text(part.text)
                }
            case .softBreak: result.append(.text(" "))
            case .lineBreak: result.append(.code(code(.placeholder, "lb", "\\\n")))
            case .code(let literal): result.append(.code(code(.placeholder, "x-code", MarkdownEscape.codeSpan(literal))))
            case .html(let literal): result.append(.code(code(.placeholder, "x-html", literal)))
            case .autolink(let address): result.append(.code(code(.placeholder, "link", address)))
            case .emphasis(let delimiter, let inner): result += pair("italic", delimiter, delimiter, inner)
            case .strong(let delimiter, let inner): result += pair("bold", delimiter + delimiter, delimiter + delimiter, inner)
            case .strikethrough(let inner): result += pair("x-strike", "~~", "~~", inner)
            case .link(let url, let title, let inner), .image(let url, let title, let inner):
                let isImage = if case .image = inline { true } else { false }
                let start = code(.open, isImage ? "image" : "link", isImage ? "![" : "[")
                let end = InlineCode(role: .close, id: start.id, type: start.type, native: InlineCode.linkEnd(url, title), url: url, title: title)
                result += [.code(start)] + write(inner) + [.code(end)]
            }
        }
        return result
    }

    /// Text split into plain parts and shortcodes (`{{< … >}}`, `{{% … %}}`).
    static func shortcodes(_ text: String) -> [(text: String, isShortcode: Bool)] {
        var parts: [(String, Bool)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{<") ?? rest.range(of: "{{%") {
            let closer = rest[open.lowerBound...].hasPrefix("{{<") ? ">}}" : "%}}"
            guard let close = rest[open.upperBound...].range(of: closer) else { break }
            if open.lowerBound > rest.startIndex { parts.append((String(rest[..<open.lowerBound]), false)) }
            parts.append((String(rest[open.lowerBound..<close.upperBound]), true))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append((String(rest), false)) }
        return parts
    }
}

extension [Segment] {
    /// Neighbouring texts as one.
    var merged: [Segment] {
        var result: [Segment] = []
        for segment in self {
            if case .text(let text) = segment, case .text(let before)? = result.last {
                result[result.count - 1] = .text(before + text)
            } else {
                result.append(segment)
            }
        }
        return result
    }
}

/// Backslashes where Markdown would read words as markup.
enum MarkdownEscape {
    static func text(_ text: String, atStart: Bool, inCell: Bool) -> String {
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            switch character {
            case "\\", "`", "*", "[", "]": result += "\\"
            case "_" where !(previous?.isLetter == true || previous?.isNumber == true) || !(next?.isLetter == true || next?.isNumber == true):
                result += "\\"
            case "<" where next.map { $0.isLetter || "/!?".contains($0) } == true: result += "\\"
            case "&" where next.map { $0 == "#" || $0.isLetter } == true: result += "\\"
            case "|" where inCell: result += "\\"
            case "#", ">", "+", "-", "=": if atStart && index == 0 { result += "\\" }
            default: break
            }
            result.append(character)
        }
        if atStart, let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex, ".)".contains(result[dot]) {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// Code between enough backticks, with a space inside where the code starts or ends with one.
    static func codeSpan(_ literal: String) -> String {
        var longest = 0, run = 0
        for character in literal {
            run = character == "`" ? run + 1 : 0
            longest = Swift.max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = literal.hasPrefix("`") || literal.hasSuffix("`") ? " " : ""
        return fence + pad + literal + pad + fence
    }
}
