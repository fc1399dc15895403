import Foundation

/// Gives every link to another host `rel="noreferrer"`, so the page a reader came from is not passed on.
enum OutboundLinks {
    static func noReferrer(_ html: String, isExternal: (String) -> Bool) -> String {
        noReferrer(Array(html.utf8), isExternal: isExternal)
    }

    /// The same on UTF-8 bytes. A link without `//` in its tag cannot go to another host and is passed over.
    static func noReferrer(_ bytes: [UInt8], isExternal: (String) -> Bool) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256)
        var index = 0
        while let open = bytes.find(anchorStart, from: index), let close = bytes.find(tagEnd, from: open) {
            guard bytes.has(doubleSlash, inRange: open..<close) else {
                result += bytes[index..<(close + 1)]
                index = close + 1
                continue
            }
            result += bytes[index..<open]
            result += rewrite(bytes.string(open..<(close + 1)), isExternal: isExternal).utf8
            index = close + 1
        }
        result += bytes[index..<bytes.count]
        return String(decoding: result, as: UTF8.self)
    }

    private static let anchorStart = Array("<a ".utf8)
    private static let tagEnd = [UInt8(ascii: ">")]
    private static let doubleSlash = Array("//".utf8)

    private static func rewrite(_ tagText: String, isExternal: (String) -> Bool) -> String {
        guard let tag = HTMLTags(tagText).makeIterator().next(), let href = tag.attributes["href"], isExternal(href) else { return tagText }
        if let rel = tag.attributes["rel"] {
            if rel.split(separator: " ").contains("noreferrer") { return tagText }
            for quote in ["\"", "'"] {
                let needle = "rel=\(quote)"
                if let range = tagText.range(of: needle) {
                    return tagText.replacingCharacters(in: range, with: "rel=\(quote)noreferrer ")
                }
            }
            return tagText
        }
        var text = tagText
        let end = text.index(before: text.endIndex)
        let insertAt = text[..<end].hasSuffix("/") ? text.index(before: end) : end
        text.insert(contentsOf: " rel=\"noreferrer\"", at: insertAt)
        return text
    }
}
