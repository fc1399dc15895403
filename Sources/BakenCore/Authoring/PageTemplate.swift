import Foundation

/// The start of a new page of one content type: front matter with placeholders, each field explained.
enum PageTemplate {
    static func text(_ type: ContentType, schema: TypeSchema? = nil, today: Day, audience: String) -> String {
        var yaml = """
            title: Titel van de pagina          # required: the page's main heading
            description: Een of twee zinnen.    # for search engines, cards and links
            type: \(type.rawValue)
            # translationKey: sleutel          # the same key on translations whose file names differ
            # audiences: [\(audience)]          # who the page is for: ids from site.yml
            weight: 10                         # the order in lists: low numbers first
            last_checked: \(today)             # the day you last checked the facts (YYYY-MM-DD)
            # review_by: YYYY-MM-DD            # the day by which someone should look at the page again
            draft: true                        # remove this line when the page may go online

            """
        if schema?.behaviours.contains(.feed) == true {
            yaml += "date: \(today)                     # the feed is sorted by this date\n"
        }
        if let schema {
            var fields = schema.fields
            if schema.behaviours.contains(.audienceHub), let index = fields.firstIndex(where: { $0.name == "audience" }) {
                fields[index].field.example = audience
            }
            yaml += lines(fields, required: schema.required, indent: "", today: today).map { $0 + "\n" }.joined()
        }
        return "---\n" + yaml + "---\n\nSchrijf hier de tekst van de pagina.\n"
    }
}

extension PageTemplate {
    /// A type's fields from its `types/<name>.yml`, each with an example value and its description: required fields
    /// as lines to fill in, optional ones commented out.
    static func lines(_ fields: [(name: String, field: TypeSchema.Field)], required: Set<String>, indent: String, today: Day) -> [String] {
        var result: [String] = []
        for (name, field) in fields {
            let needed = required.contains(name)
            let comment = [needed ? "required" : nil, field.description].compactMap { $0 }.joined(separator: ": ")
            let mark = needed ? "" : "# "
            let tail = comment.isEmpty ? "" : "   # \(comment)"
            switch field.kind {
            case .object(let properties, let innerRequired):
                result.append("\(indent)\(mark)\(name):\(tail)")
                result += lines(properties, required: innerRequired, indent: indent + "  ", today: today).map { needed ? $0 : "\(indent)# " + $0.dropFirst(indent.count) }
            case .array(let items):
                if let items, case .object(let properties, let innerRequired) = items.kind {
                    result.append("\(indent)\(mark)\(name):\(tail)")
                    let inner = lines(properties, required: innerRequired, indent: indent + "    ", today: today)
                    for (index, line) in inner.enumerated() {
                        let text = index == 0 ? indent + "  - " + line.dropFirst(indent.count + 4) : line
                        result.append(needed ? text : "\(indent)# " + text.dropFirst(indent.count))
                    }
                } else {
                    let value = field.example ?? "[\(items.map { example($0, today: today) } ?? "…")]"
                    result.append("\(indent)\(mark)\(name): \(value)\(tail)")
                }
            default:
                result.append("\(indent)\(mark)\(name): \(example(field, today: today))\(tail)")
            }
        }
        return result
    }

    /// A value of the field's kind that the build accepts.
    private static func example(_ field: TypeSchema.Field, today: Day) -> String {
        if let example = field.example { return example }
        switch field.kind {
        case .string(let format, let choices):
            if let first = choices?.first { return first }
            switch format {
            case .date: return today.description
            case .dateTime: return "\(today)T20:00"
            case .uri: return "https://www.example.nl/"
            case .uriReference: return "../pagina.md"
            case nil: return "…"
            }
        case .integer: return "0"
        case .number: return "0.0"
        case .boolean: return "false"
        case .array, .object: return "…"
        }
    }
}

extension Baken {
    /// Writes `content/<path>` with `type`'s front matter; never overwrites a file.
    public static func newPage(type name: String, path: String, site: URL, today: Day = Day.today(), themeFolders: [URL] = Installation.themeFolders()) throws(BuildFailure) -> URL {
        let tree = SourceTree(root: site, themeFolders: themeFolders)
        var diagnostics = Diagnostics()
        let config = tree.text(SiteConfig.file, limit: 1 << 20, diagnostics: &diagnostics).flatMap { try? SiteConfig.parse($0) }
        let types = config.map { Theme.load($0, from: tree, diagnostics: &diagnostics).types } ?? [:]
        let type = ContentType(rawValue: name)
        guard type == .page || types[name] != nil else {
            throw BuildFailure([Diagnostic(file: nil, "unknown type '\(name)' (known: \(ContentType.known(types).map(\.rawValue).joined(separator: ", ")))")])
        }
        let file = "content/" + path
        guard path.hasSuffix(".md"), !path.split(separator: "/").contains(".."), !path.hasPrefix("/") else {
            throw BuildFailure([Diagnostic(file: file, "the path must be a .md file inside content/, such as nl/normen/nieuw.md")])
        }
        let url = site.appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: url.path) {
            throw BuildFailure([Diagnostic(file: file, "the file already exists; baken new never overwrites a page: choose another name")])
        }
        let audience = config?.audiences.first?.id ?? "omstanders"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(PageTemplate.text(type, schema: types[name], today: today, audience: audience).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw BuildFailure([Diagnostic(file: file, "could not write the file: \(error.localizedDescription)")])
        }
        return url
    }
}
