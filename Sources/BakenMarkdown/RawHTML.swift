import Foundation

/// Something Baken did with a page's Markdown that its author should know (raw HTML taken out, a `:::` block it does
/// not know), at its line in the Markdown.
public struct MarkdownWarning: Sendable, Equatable {
    public let line: Int
    public let message: String
}

/// What is left of a piece of raw HTML: HTML to write as it is, and the addresses of links and images, which the
/// engine may rewrite before they are written (escaped) into their attribute.
enum RawHTMLPart: Equatable {
    case html(String)
    case url(String, line: Int, isImage: Bool)
}

/// Baken's rule for raw HTML in Markdown: a few harmless elements pass with a few safe attributes; anything else is
/// removed with a removal to report. Comments and `<!…>`/`<?…>` go without a word: they are not content.
/// One cleaner serves one container of the node tree (a list item, a paragraph), so that what raw HTML opens
/// there is closed there, and a closing tag of something it did not open is dropped.
struct RawHTMLCleaner {
    /// Elements that pass, with the attributes each keeps besides `title`, `lang` and `dir`.
    static let kept: [String: [String]] = {
        var kept: [String: [String]] = [
            "a": ["href"], "img": ["src", "alt", "width", "height"], "details": ["open"],
            "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan", "scope", "abbr"], "col": ["span"], "colgroup": ["span"],
            "q": ["cite"], "ins": ["cite", "datetime"], "del": ["cite", "datetime"],
        ]
        for name in ["summary", "br", "sup", "sub", "kbd", "abbr", "mark", "small", "u", "b", "i", "em", "strong", "code", "s", "p", "hr",
                     "table", "thead", "tbody", "tfoot", "tr", "caption"] {
            kept[name] = []
        }
        return kept
    }()
    static let everywhere = ["title", "lang", "dir"]
    /// Attributes that hold an address: only a relative one, or http(s), mailto or tel, is kept.
    static let addresses: Set<String> = ["href", "src", "cite"]
    static let void: Set<String> = ["br", "hr", "img", "col", "wbr", "input", "embed", "link", "meta", "base", "source", "track", "area", "param"]

    /// Removed elements whose content goes with them, and why.
    static let removedWithContent: [String: String] = {
        var reasons: [String: String] = [:]
        for name in ["script", "noscript"] { reasons[name] = "a page runs no scripts of its own" }
        reasons["style"] = "the theme's stylesheet styles every page"
        for name in ["iframe", "object", "noembed", "noframes"] { reasons[name] = "Baken loads nothing from another host and embeds no players; link to the video or page instead" }
        for name in ["textarea", "select"] { reasons[name] = "a page has no forms of its own; link to the form instead" }
        reasons["title"] = "the theme's layout writes the page's head; the title goes in the front matter"
        reasons["template"] = "it is never shown"
        reasons["xmp"] = "write code in a fenced code block (```)"
        reasons["svg"] = "put the image in a file next to the page and show it with ![what it shows](file.svg)"
        reasons["math"] = "write the formula as text, or as an image with a description"
        return reasons
    }()

    /// Removed elements whose text stays, where a reason says more than the general one.
    static let removedReasons: [String: String] = {
        var reasons: [String: String] = [:]
        for name in ["embed", "video", "audio", "source", "track", "frame", "frameset", "applet", "portal"] {
            reasons[name] = "Baken loads nothing from another host and embeds no players; link to the video or page instead"
        }
        for name in ["form", "input", "button", "option", "optgroup", "fieldset", "legend", "label", "datalist", "output"] {
            reasons[name] = "a page has no forms of its own; link to the form instead"
        }
        for name in ["link", "meta", "base", "head", "body", "html"] { reasons[name] = "the theme's layout writes the page's head and frame" }
        return reasons
    }()

    private var open: [String] = []
    /// The removed element whose content is being dropped, and how deep it is nested in itself.
    private var skipping: (name: String, depth: Int)?
    private(set) var removals: [MarkdownWarning] = []

    /// Whether everything up to the closing tag of a removed element is being dropped.
    var isSkipping: Bool { skipping != nil }

    /// One piece of raw HTML that starts on `line`, cleaned.
    mutating func clean(_ html: String, line: Int) -> [RawHTMLPart] {
        var parts: [RawHTMLPart] = []
        var text = ""
        func flush() {
            if !text.isEmpty { parts.append(.html(text)) }
            text = ""
        }
        for token in RawHTMLTokenizer.tokens(html, line: line) {
            switch token {
            case .text(let value):
                // Text is HTML already: its character references stay as written, and only a `<` that starts no
                // tag needs escaping.
                if skipping == nil { text += value.replacingOccurrences(of: "<", with: "&lt;") }
            case .ignored:
                break
            case .end(let name):
                if let skip = skipping {
                    guard name == skip.name else { break }
                    skipping = skip.depth > 1 ? (name, skip.depth - 1) : nil
                } else if let index = open.lastIndex(of: name) {
                    for closed in open[index...].reversed() { text += "</\(closed)>" }
                    open.removeSubrange(index...)
                }
            case .start(let name, let attributes, let selfClosing, let tagLine):
                if let skip = skipping {
                    if name == skip.name && !selfClosing { skipping = (name, skip.depth + 1) }
                    break
                }
                guard let allowed = Self.kept[name] else {
                    if let reason = Self.removedWithContent[name] {
                        removals.append(MarkdownWarning(line: tagLine, message: "<\(name)> removed with its content: \(reason)"))
                        if !selfClosing { skipping = (name, 1) }
                    } else {
                        let reason = Self.removedReasons[name] ?? "Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown"
                        removals.append(MarkdownWarning(line: tagLine, message: "<\(name)> removed, its text kept: \(reason)"))
                    }
                    break
                }
                // A paragraph ends where the next one starts, as in a browser.
                if name == "p", open.last == "p" {
                    text += "</p>"
                    open.removeLast()
                }
                text += "<\(name)"
                var seen: Set<String> = []
                for attribute in attributes where seen.insert(attribute.name).inserted {
                    guard allowed.contains(attribute.name) || Self.everywhere.contains(attribute.name) else {
                        removals.append(MarkdownWarning(line: tagLine, message: "<\(name) \(attribute.name)> removed: " + Self.attributeReason(attribute.name, of: name)))
                        continue
                    }
                    var value = attribute.value ?? ""
                    // A browser leaves tabs and line breaks out of an address; so does Baken, before it checks it.
                    if Self.addresses.contains(attribute.name) { value.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" } }
                    if Self.addresses.contains(attribute.name), !Self.isSafeAddress(value) {
                        removals.append(MarkdownWarning(line: tagLine, message: "<\(name) \(attribute.name)> removed: '\(Self.shortened(value))' is not an address Baken keeps; use a relative link or one to http(s)://, mailto: or tel:"))
                        continue
                    }
                    guard attribute.value != nil else {
                        text += " \(attribute.name)"
                        continue
                    }
                    if (name == "a" && attribute.name == "href") || (name == "img" && attribute.name == "src") {
                        text += " \(attribute.name)=\""
                        flush()
                        parts.append(.url(value, line: tagLine, isImage: name == "img"))
                        text = "\""
                    } else {
                        text += " \(attribute.name)=\"\(HTMLEscape.attribute(value))\""
                    }
                }
                text += ">"
                if !Self.void.contains(name) { open.append(name) }
            }
        }
        flush()
        return parts
    }

    /// The closing tags of what is still open, innermost first; the cleaner is then empty.
    mutating func closeAll() -> String {
        let closers = open.reversed().map { "</\($0)>" }.joined()
        open = []
        skipping = nil
        return closers
    }

    static func attributeReason(_ attribute: String, of element: String) -> String {
        if attribute.hasPrefix("on") { return "a page runs no scripts of its own" }
        if attribute == "style" { return "the theme's stylesheet styles every page" }
        let allowed = (kept[element] ?? []) + everywhere
        return "<\(element)> keeps only \(allowed.joined(separator: ", "))"
    }

    /// A relative address, or one to http(s), mailto or tel; what a browser ignores inside a scheme
    /// (white space and control characters) is ignored here too.
    static func isSafeAddress(_ value: String) -> Bool {
        let compact = String(decoding: value.utf8.filter { $0 > 0x20 }, as: UTF8.self).lowercased()
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let scheme = compact[..<colon]
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return ["http", "https", "mailto", "tel"].contains(scheme)
    }

    static func shortened(_ value: String) -> String {
        value.count > 40 ? String(value.prefix(40)) + "…" : value
    }
}

/// A tag, text, or something that is not content, in raw HTML.
enum RawHTMLToken: Equatable {
    case text(String)
    case start(name: String, attributes: [(name: String, value: String?)], selfClosing: Bool, line: Int)
    case end(String)
    /// A comment, `<!DOCTYPE …>`, `<![CDATA[…]]>` or `<?…?>`.
    case ignored

    static func == (a: RawHTMLToken, b: RawHTMLToken) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): x == y
        case (.end(let x), .end(let y)): x == y
        case (.ignored, .ignored): true
        case let (.start(n1, a1, s1, l1), .start(n2, a2, s2, l2)):
            n1 == n2 && s1 == s2 && l1 == l2 && a1.map(\.name) == a2.map(\.name) && a1.map(\.value) == a2.map(\.value)
        default: false
        }
    }
}

/// Splits raw HTML into tags and text as a browser would, on its UTF-8 bytes; attribute values come back with
/// their character references decoded, names in lower case.
enum RawHTMLTokenizer {
    static func tokens(_ html: String, line firstLine: Int) -> [RawHTMLToken] {
        let bytes = Array(html.utf8)
        var tokens: [RawHTMLToken] = []
        var i = 0, textStart = 0, line = firstLine, counted = 0
        func lineAt(_ index: Int) -> Int {
            while counted < index {
                if bytes[counted] == 0x0A { line += 1 }
                counted += 1
            }
            return line
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        func flushText(_ end: Int) {
            if end > textStart { tokens.append(.text(text(textStart..<end))) }
        }
        /// The index after the next `terminator` from `from`, or the end.
        func after(_ terminator: [UInt8], from: Int) -> Int {
            var j = from
            while j + terminator.count <= bytes.count {
                if Array(bytes[j..<j + terminator.count]) == terminator { return j + terminator.count }
                j += 1
            }
            return bytes.count
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                flushText(i)
                let isComment = i + 3 < bytes.count && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-")
                i = isComment ? after(Array("-->".utf8), from: i + 4) : after([UInt8(ascii: ">")], from: i + 2)
                tokens.append(.ignored)
                textStart = i
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
                i += 1
                continue
            }
            flushText(i)
            let tagLine = lineAt(i)
            var j = nameStart
            while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">") { j += 1 }
            let name = text(nameStart..<j).lowercased()
            var attributes: [(name: String, value: String?)] = []
            var selfClosing = false
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") {
                    selfClosing = bytes[j] == UInt8(ascii: "/")
                    j += 1
                    continue
                }
                selfClosing = false
                let attributeStart = j
                j += 1
                while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "=") { j += 1 }
                let attributeName = text(attributeStart..<j).lowercased()
                var k = j
                while k < bytes.count, isSpace(bytes[k]) { k += 1 }
                guard k < bytes.count, bytes[k] == UInt8(ascii: "=") else {
                    attributes.append((attributeName, nil))
                    continue
                }
                k += 1
                while k < bytes.count, isSpace(bytes[k]) { k += 1 }
                if k < bytes.count, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                    let quote = bytes[k]
                    var end = k + 1
                    while end < bytes.count, bytes[end] != quote { end += 1 }
                    attributes.append((attributeName, decode(text(k + 1..<end))))
                    j = min(end + 1, bytes.count)
                } else {
                    var end = k
                    while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
                    attributes.append((attributeName, decode(text(k..<end))))
                    j = end
                }
            }
            tokens.append(closing ? .end(name) : .start(name: name, attributes: attributes, selfClosing: selfClosing, line: tagLine))
            i = min(j + 1, bytes.count)
            textStart = i
        }
        flushText(bytes.count)
        return tokens
    }

    /// Character references decoded: numeric ones, and the named ones raw HTML uses most; others stay as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "colon": ":", "tab": "\t", "newline": "\n"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            let body = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
            var value: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                value = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if body.hasPrefix("#") {
                value = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                value = named[body.lowercased()[...]]
            }
            guard let value, !body.isEmpty else {
                result += "&"
                rest = after
                continue
            }
            result += value
            rest = after.dropFirst(body.count)
            if rest.first == ";" { rest = rest.dropFirst() }
        }
        return result + rest
    }
}
