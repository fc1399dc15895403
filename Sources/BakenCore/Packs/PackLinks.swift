/// Rewrites the addresses in a pack's HTML so the pack works from a folder: addresses of pages and files inside the
/// pack become relative paths, other addresses on the site become full addresses of the site.
struct PackLinks: Sendable {
    /// Site address (without fragment) → path inside the pack.
    let inside: [String: String]
    /// `https://veilig.almelo.nl`
    let origin: String

    /// The document's HTML with its `href` and `src` values rewritten; the pack paths it uses,
    /// and the site files it loads that the pack lacks.
    func rewrite(_ html: String, at document: String) -> (html: String, used: Set<String>, missing: [String]) {
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var missing: [String] = []
        var used: Set<String> = []
        var rest = Substring(html)
        while let match = Self.nextAttribute(in: rest) {
            result += rest[..<match.valueStart]
            let value = String(rest[match.valueStart..<match.valueEnd])
            let (path, fragment) = LinkResolver.splitFragment(value)
            if value.hasPrefix("/") && !value.hasPrefix("//") {
                if let target = inside[path] ?? inside[path.removingPercentEncoding ?? path] {
                    result += Self.relative(target, from: document) + fragment
                    used.insert(target)
                } else {
                    if match.loads { missing.append(path) }
                    result += origin + value
                }
            } else {
                result += value
            }
            rest = rest[match.valueEnd...]
        }
        result += rest
        return (result, used, missing)
    }

    /// `files/a.pdf` seen from `worksheets/b.html` → `../files/a.pdf`.
    static func relative(_ target: String, from document: String) -> String {
        var from = document.split(separator: "/").dropLast().map(String.init)
        var to = target.split(separator: "/").map(String.init)
        while let first = from.first, to.count > 1, first == to.first {
            from.removeFirst()
            to.removeFirst()
        }
        return String(repeating: "../", count: from.count) + to.joined(separator: "/")
    }

    /// The next ` href="…"` or ` src="…"`, and whether the attribute loads its target (src) or links to it (href).
    private static func nextAttribute(in text: Substring) -> (valueStart: String.Index, valueEnd: String.Index, loads: Bool)? {
        var search = text
        while let range = search.range(of: "=\"") {
            let name = search[..<range.lowerBound].reversed().prefix { $0.isLetter }
            let before = search.index(range.lowerBound, offsetBy: -name.count)
            let precededBySpace = before > text.startIndex && text[text.index(before: before)].isWhitespace
            let attribute = String(name.reversed()).lowercased()
            if precededBySpace && (attribute == "href" || attribute == "src" || attribute == "poster" || attribute == "data"),
               let end = search[range.upperBound...].firstIndex(of: "\"") {
                return (range.upperBound, end, attribute != "href")
            }
            search = search[range.upperBound...]
        }
        return nil
    }
}
