import Foundation

/// Finds what a page would load from another host: scripts, styles, fonts, frames, images, media, form targets.
/// A reader's visit must not be seen by anyone else, so these fail the build unless site.yml allows them.
struct ExternalLoads: Sendable {
    /// URL prefixes site.yml allows (`allowExternal`).
    let allowed: [String]
    /// `https://veilig.almelo.nl`: loads from the site's own origin are fine.
    let origin: String

    struct Load: Sendable, Equatable {
        let tag: String
        let attribute: String
        let url: String
    }

    /// Attributes that make the browser fetch something, per element.
    private static let loading: [String: [String]] = [
        "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "frame": ["src"], "video": ["src", "poster"],
        "audio": ["src"], "source": ["src", "srcset"], "track": ["src"], "embed": ["src"], "object": ["data"],
        "form": ["action"], "input": ["src"], "image": ["href"], "use": ["href"],
    ]
    /// `<link rel=…>` values that fetch.
    private static let fetchingRels: Set<String> = ["stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon", "preconnect", "dns-prefetch", "mask-icon"]

    /// Tags whose attributes can load something; others are only read when they carry a style attribute.
    static let relevant: Set<String> = Set(loading.keys).union(["link"])
    private static let doubleSlash = Array("//".utf8)

    func isExternal(_ url: String) -> Bool {
        let lower = url.trimmingCharactersInSet().lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") else { return false }
        if lower == origin.lowercased() || lower.hasPrefix(origin.lowercased() + "/") { return false }
        return !isAllowed(url)
    }

    func isAllowed(_ url: String) -> Bool {
        allowed.contains { url.hasPrefix($0) }
    }

    /// Every external load in an HTML document, in order.
    func loads(inHTML html: String) -> [Load] {
        var result: [Load] = []
        // Every address on another host has `//` (`https://`, `//host`), so a tag without it loads nothing from one.
        for tag in HTMLTags(html, only: Self.relevant, containing: Self.doubleSlash) {
            if tag.name == "link" {
                let rels = Set((tag.attributes["rel"] ?? "").lowercased().split(separator: " ").map(String.init))
                if !rels.isDisjoint(with: Self.fetchingRels), let href = tag.attributes["href"], isExternal(href) {
                    result.append(Load(tag: "link", attribute: "href", url: href))
                }
                continue
            }
            for attribute in Self.loading[tag.name] ?? [] {
                guard let value = tag.attributes[attribute] else { continue }
                let urls = attribute == "srcset" ? value.split(separator: ",").compactMap { $0.trimmingCharactersInSet().split(separator: " ").first.map(String.init) } : [value]
                for url in urls where isExternal(url) {
                    result.append(Load(tag: tag.name, attribute: attribute, url: url))
                }
            }
            if let style = tag.attributes["style"] {
                result += loads(inCSS: style).map { Load(tag: tag.name, attribute: "style", url: $0) }
            }
            if tag.name == "meta", tag.attributes["http-equiv"]?.lowercased() == "refresh" { continue }
        }
        for (_, _, block) in ContentSecurityPolicy.blocks(html, tags: ["style"]) {
            result += loads(inCSS: block).map { Load(tag: "style", attribute: "url", url: $0) }
        }
        return result
    }

    /// `url(…)` and `@import` targets on another host in CSS.
    func loads(inCSS css: String) -> [String] {
        var result: [String] = []
        var rest = Substring(css)
        while let range = rest.range(of: "url(") ?? rest.range(of: "@import") {
            var cursor = rest[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            let end = cursor.firstIndex { $0 == ")" || $0 == "\"" || $0 == "'" || $0 == ";" || $0 == " " } ?? cursor.endIndex
            let url = String(cursor[..<end])
            if isExternal(url) { result.append(url) }
            cursor = cursor[end...]
            rest = cursor
        }
        return result
    }
}

/// A small, forgiving reader of HTML start tags and their attributes; enough to check what a page loads.
struct HTMLTags: Sequence {
    struct Tag {
        let name: String
        let attributes: [String: String]
    }

    let html: String
    /// When set, other tags are passed over unless they have a `style` attribute.
    let only: Set<String>?
    /// When set, tags whose text does not contain these bytes are passed over.
    let containing: [UInt8]?

    init(_ html: String, only: Set<String>? = nil, containing: [UInt8]? = nil) {
        self.html = html
        self.only = only
        self.containing = containing
    }

    func makeIterator() -> AnyIterator<Tag> {
        let bytes = Array(html.utf8)
        var index = 0
        return AnyIterator {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, Self.isLetter(bytes[index + 1]) else {
                    // Skip comments whole: they load nothing.
                    if bytes[index] == UInt8(ascii: "<"), bytes[index...].starts(with: Array("<!--".utf8)) {
                        var end = index + 4
                        while end + 2 < bytes.count, !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-") && bytes[end + 2] == UInt8(ascii: ">")) { end += 1 }
                        index = end + 3
                        continue
                    }
                    index += 1
                    continue
                }
                var cursor = index + 1
                let nameStart = cursor
                while cursor < bytes.count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
                let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
                if only != nil || containing != nil {
                    var end = cursor
                    var quote: UInt8 = 0
                    while end < bytes.count, quote != 0 || bytes[end] != UInt8(ascii: ">") {
                        if quote != 0 { if bytes[end] == quote { quote = 0 } } else if bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") { quote = bytes[end] }
                        end += 1
                    }
                    // Pass over a tag without the bytes asked for, and one of another name unless it has a style
                    // attribute (which can load an image).
                    let lacksBytes = containing.map { !bytes.has($0, inRange: cursor..<end) } ?? false
                    let otherName = only.map { !$0.contains(name) } ?? false
                    if lacksBytes || (otherName && !bytes.has(Self.styleAttribute, inRange: cursor..<end)) {
                        index = end + 1
                        continue
                    }
                }
                var attributes: [String: String] = [:]
                while cursor < bytes.count {
                    while cursor < bytes.count, Self.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
                    guard cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") else { break }
                    let attributeStart = cursor
                    while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    let attribute = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
                    while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                    var value = ""
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                        cursor += 1
                        while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
                        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                            let quote = bytes[cursor]
                            cursor += 1
                            let valueStart = cursor
                            while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
                            value = String(decoding: bytes[valueStart..<Swift.min(cursor, bytes.count)], as: UTF8.self)
                            cursor += 1
                        } else {
                            let valueStart = cursor
                            while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                            value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
                        }
                    }
                    if !attribute.isEmpty { attributes[attribute] = Self.decodeEntities(value) }
                }
                index = cursor + 1
                return Tag(name: name, attributes: attributes)
            }
            return nil
        }
    }

    static func decodeEntities(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        let entities: [(String, Character)] = [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")]
        var result = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let tail = rest[amp...]
            if let (entity, character) = entities.first(where: { tail.hasPrefix($0.0) }) {
                result.append(character)
                rest = tail.dropFirst(entity.count)
            } else {
                result.append("&")
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }

    private static let styleAttribute = Array(" style=".utf8)

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }
}
