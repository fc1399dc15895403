/// An element of an XML document, with the line it starts on.
struct XMLElement: Equatable {
    enum Child: Equatable {
        case element(XMLElement)
        case text(String)
    }

    /// The name without its namespace prefix: `trans-unit` for `xlf:trans-unit`.
    let name: String
    let attributes: [String: String]
    var children: [Child]
    let line: Int

    var elements: [XMLElement] { children.compactMap { if case .element(let element) = $0 { element } else { nil } } }

    func first(_ name: String) -> XMLElement? { elements.first { $0.name == name } }

    /// All text inside, elements' text included.
    var text: String {
        children.map { child in
            switch child {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }
}

/// Reads the XML that XLIFF needs: elements, attributes, text, the five entities and character references, CDATA;
/// comments, processing instructions, the declaration and a DOCTYPE are skipped. Namespace prefixes are dropped
/// from names. No libxml2, so the release carries no other library.
struct XMLReader {
    struct Failure: Error, Equatable {
        let line: Int
        let message: String
    }

    private let bytes: [UInt8]
    private var at = 0
    private var line = 1

    static func parse(_ text: String) -> Result<XMLElement, Failure> {
        var reader = XMLReader(bytes: Array(text.utf8))
        do {
            return .success(try reader.document())
        } catch {
            return .failure(error as? Failure ?? Failure(line: 1, message: "cannot read this file"))
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func fail(_ message: String) -> Failure { Failure(line: line, message: message) }

    private var current: UInt8? { at < bytes.count ? bytes[at] : nil }

    private func starts(_ text: String) -> Bool {
        let wanted = Array(text.utf8)
        return at + wanted.count <= bytes.count && Array(bytes[at..<at + wanted.count]) == wanted
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where at < bytes.count {
            if bytes[at] == UInt8(ascii: "\n") { line += 1 }
            at += 1
        }
    }

    /// Moves past `end`, or fails with `message`.
    private mutating func skip(past end: String, _ message: String) throws(Failure) {
        while at < bytes.count && !starts(end) { advance() }
        guard at < bytes.count else { throw fail(message) }
        advance(end.utf8.count)
    }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    /// Comments, processing instructions and a DOCTYPE before or after the root.
    private mutating func skipMisc() throws(Failure) {
        while true {
            skipSpace()
            if starts("<?") { try skip(past: "?>", "a processing instruction '<?' is not closed with '?>'") }
            else if starts("<!--") { try skip(past: "-->", "a comment '<!--' is not closed with '-->'") }
            else if starts("<!DOCTYPE") { try skip(past: ">", "the DOCTYPE is not closed with '>'") }
            else { return }
        }
    }

    private mutating func document() throws(Failure) -> XMLElement {
        if starts("\u{FEFF}") { advance(3) }
        try skipMisc()
        guard starts("<") else { throw fail("this is not XML: it should start with '<?xml' or an element such as <xliff>") }
        let root = try element()
        try skipMisc()
        guard at == bytes.count else { throw fail("there is more after the end of <\(root.name)>: an XML file has one root element") }
        return root
    }

    private mutating func name() throws(Failure) -> String {
        let start = at
        while let byte = current, !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">")
                                    || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")) {
            advance()
        }
        guard at > start else { throw fail("a name is missing here") }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    private static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    private mutating func element() throws(Failure) -> XMLElement {
        let startLine = line
        advance()  // <
        let qualified = try name()
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            if starts("/>") {
                advance(2)
                return XMLElement(name: Self.local(qualified), attributes: attributes, children: [], line: startLine)
            }
            if starts(">") { advance(); break }
            guard current != nil else { throw fail("<\(qualified)> is not closed with '>'") }
            let key = try name()
            skipSpace()
            guard starts("=") else { throw fail("the attribute \(key) of <\(qualified)> needs a value: \(key)=\"…\"") }
            advance()
            skipSpace()
            guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw fail("the value of \(key) must be in quotes: \(key)=\"…\"")
            }
            advance()
            let start = at
            while let byte = current, byte != quote {
                if byte == UInt8(ascii: "<") { throw fail("'<' in the value of \(key): write &lt;") }
                advance()
            }
            guard current != nil else { throw fail("the value of \(key) is not closed with \(quote == UInt8(ascii: "\"") ? "\"" : "'")") }
            let raw = String(decoding: bytes[start..<at], as: UTF8.self)
            advance()
            let key2 = key == "xml:space" || key == "xml:lang" ? key : Self.local(key)
            attributes[key2] = try decode(raw)
        }
        var children: [XMLElement.Child] = []
        var text = ""
        func flush() {
            if !text.isEmpty { children.append(.text(text)); text = "" }
        }
        while true {
            guard current != nil else { throw Failure(line: startLine, message: "<\(qualified)> is not closed: add </\(qualified)>") }
            if starts("</") {
                advance(2)
                let closing = try name()
                guard closing == qualified else { throw fail("</\(closing)> closes <\(qualified)> (line \(startLine)): write </\(qualified)>") }
                skipSpace()
                guard starts(">") else { throw fail("</\(closing) is not closed with '>'") }
                advance()
                flush()
                return XMLElement(name: Self.local(qualified), attributes: attributes, children: children, line: startLine)
            } else if starts("<!--") {
                try skip(past: "-->", "a comment '<!--' is not closed with '-->'")
            } else if starts("<![CDATA[") {
                advance(9)
                let start = at
                while current != nil && !starts("]]>") { advance() }
                guard current != nil else { throw fail("CDATA is not closed with ']]>'") }
                text += String(decoding: bytes[start..<at], as: UTF8.self)
                advance(3)
            } else if starts("<?") {
                try skip(past: "?>", "a processing instruction '<?' is not closed with '?>'")
            } else if starts("<") {
                flush()
                children.append(.element(try element()))
            } else {
                let start = at
                while let byte = current, byte != UInt8(ascii: "<") { advance() }
                text += try decode(String(decoding: bytes[start..<at], as: UTF8.self))
            }
        }
    }

    /// Text with its entities and character references replaced.
    private func decode(_ raw: String) throws(Failure) -> String {
        guard raw.contains("&") else { return raw }
        var result = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { throw fail("'&' without ';': write &amp; for &") }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number: UInt32? = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                guard let number, let scalar = Unicode.Scalar(number) else {
                    throw fail("unknown entity &\(entity);: XML knows &amp; &lt; &gt; &quot; &apos; and &#…; (write &amp; for &)")
                }
                result.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}

/// Text and attribute values escaped for XML.
enum XMLEscape {
    static func text(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    static func attribute(_ text: String) -> String {
        self.text(text).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
