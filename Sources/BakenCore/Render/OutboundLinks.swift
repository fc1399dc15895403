import Foundation

/// Gives every link to another host `rel="noreferrer"`, so the page a reader came from is not passed on.
enum OutboundLinks {
    static func noReferrer(_ html: String, isExternal: (String) -> Bool) -> String {
        guard html.contains("<a ") else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html)
        while let open = rest.range(of: "<a ") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            result += rest[..<open.lowerBound]
            let tagText = String(rest[open.lowerBound...close])
            result += rewrite(tagText, isExternal: isExternal)
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

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
