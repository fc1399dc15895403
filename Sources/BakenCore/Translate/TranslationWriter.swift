import BakenMarkdown

/// Writes a translation's file from a skeleton (the translation as it is, or its source) and the targets of an
/// XLIFF file: only the texts that changed are replaced, so the rest of the file keeps its bytes.
struct TranslationWriter {
    /// What keeps a translation from being written.
    struct Problem: Error {
        let message: String
    }

    let site: Site
    let source: Page
    /// The translation's file, for links relative to it.
    let output: String
    let language: String
    /// Units whose target is Markdown with its codes written out (after a trip through PO).
    var raw: Set<String> = []

    init(site: Site, source: Page, output: String, language: String) {
        (self.site, self.source, self.output, self.language) = (site, source, output, language)
    }

    /// A target as the Markdown it stands for: the source's codes by id, links to the target language's pages.
    func markdown(_ target: [Segment], unit: TranslationUnit, inCell: Bool = false, continuation: String = "") -> String {
        guard case .block = unit.place else { return target.flat }
        if raw.contains(unit.id) { return rawMarkdown(target) }
        let codes = unit.segments.codes
        return target.map { segment -> Segment in
            guard case .code(let code) = segment, var own = codes[code.id]?.first(where: { $0.role == code.role }) else { return segment }
            if let url = own.url { own = own.pointing(to: link(url)) }
            return .code(own)
        }.markdown(inCell: inCell, continuation: continuation)
    }

    /// Markdown that came back as text: its link addresses made the target language's.
    func rawMarkdown(_ target: [Segment]) -> String {
        var text = target.flat
        var searchFrom = text.startIndex
        while let start = text[searchFrom...].range(of: "](") {
            let end = text[start.upperBound...].firstIndex { $0 == ")" || $0 == " " } ?? text.endIndex
            let url = String(text[start.upperBound..<end])
            let replaced = link(url)
            text.replaceSubrange(start.upperBound..<end, with: replaced)
            searchFrom = text.index(start.upperBound, offsetBy: replaced.count)
        }
        return text
    }

    /// A link of the source, as a link from the translation: to the page's translation where it has one.
    func link(_ url: String) -> String {
        if url.hasPrefix("/") && !url.hasPrefix("//") {
            let (path, fragment) = LinkResolver.splitFragment(url)
            guard let index = site.pages.firstIndex(where: { $0.url == path }), let translated = site.translationPage(of: index, in: language) else { return url }
            return site.pages[translated].url + fragment
        }
        guard LinkResolver.isRelativeFile(url) else { return url }
        let (path, fragment) = LinkResolver.splitFragment(url)
        guard !path.isEmpty, let resolved = LinkResolver.resolve(path, from: source.file) else { return url }
        for candidate in LinkResolver.candidates(resolved, path: path) {
            guard let index = site.fileIndex[candidate] else { continue }
            let target = site.translationPage(of: index, in: language).map { site.pages[$0].page.file } ?? candidate
            return LinkResolver.relative(target, from: output) + fragment
        }
        return LinkResolver.relative(resolved, from: output) + fragment
    }

    /// The new text of the file whose text is `text`, or what stands in the way.
    func write(_ text: String, skeleton: Page, units: [TranslationUnit], targets: [String: [Segment]], exported: [String: [Segment]], sourceHash: String)
        -> Result<String, Problem> {
        let fromSource = skeleton.file == source.file
        func replaces(_ unit: TranslationUnit) -> [Segment]? {
            guard let target = targets[unit.id] else { return nil }
            if fromSource { return target }
            return markdown(target, unit: unit) == exported[unit.id].map({ markdown($0, unit: unit) }) ? nil : target
        }
        guard text.hasSuffix(skeleton.body) else { return .failure(Problem(message: "the file changed while it was read")) }
        var yaml = skeleton.frontMatterText
        let body = splice(skeleton.body, field: nil, units: units, replaces: replaces)
        for field in skeleton.frontMatter.fields.markdown {
            let new = splice(field.text, field: field.path, units: units, replaces: replaces)
            if new != field.text, let edited = YAMLEdit.replacing(field.path, in: yaml, with: new) { yaml = edited }
        }
        for unit in units {
            let key: String
            switch unit.place {
            case .title: key = "title"
            case .description: key = "description"
            case .field(let path): key = path
            case .block: continue
            }
            guard let target = replaces(unit) else { continue }
            if let edited = YAMLEdit.replacing(key, in: yaml, with: target.flat) {
                yaml = edited
            } else if !key.contains(".") && !key.contains("[") {
                yaml += (yaml.isEmpty ? "" : "\n") + "\(key): " + YAMLEdit.write(target.flat, style: .plain, inFlow: false, indent: 2)
            } else {
                return .failure(Problem(message: "\(output) has no field \(key) to hold the translation of unit '\(unit.id)': add the field to the page, then import again"))
            }
        }
        if fromSource {
            // An address and old addresses belong to the source's language; a new translation has its own.
            for key in ["slug", "aliases", "translationOf"] { yaml = Self.removing(key, from: yaml) }
        }
        yaml = Self.setting("translationOf", to: sourceHash, in: yaml)
        let head = String(decoding: text.utf8.dropLast(skeleton.body.utf8.count), as: UTF8.self)
        let frontMatter: String
        if skeleton.frontMatterText.isEmpty {
            frontMatter = head.isEmpty ? "---\n\(yaml)\n---\n" : head.replacingOccurrences(of: "---\n", with: "---\n\(yaml)\n", options: [], range: head.range(of: "---\n"))
        } else if let range = head.range(of: skeleton.frontMatterText) {
            frontMatter = head.replacingCharacters(in: range, with: yaml)
        } else {
            return .failure(Problem(message: "cannot find the front matter of \(skeleton.file) again"))
        }
        return .success(frontMatter + body)
    }

    /// Markdown with the blocks whose unit has a new target replaced, byte for byte elsewhere.
    private func splice(_ markdown: String, field: String?, units: [TranslationUnit], replaces: (TranslationUnit) -> [Segment]?) -> String {
        let blocks = MarkdownBlocks(markdown)
        var bytes = Array(markdown.utf8)
        let placed = units.compactMap { unit -> (unit: TranslationUnit, index: Int)? in
            if case .block(let owner, let index) = unit.place, owner == field, index < blocks.blocks.count { (unit, index) } else { nil }
        }
        for (unit, index) in placed.reversed() {
            guard let target = replaces(unit) else { continue }
            let block = blocks.blocks[index]
            let lineStart = bytes[..<block.range.lowerBound].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let prefix = String(decoding: bytes[lineStart..<block.range.lowerBound], as: UTF8.self)
            let continuation = String(prefix.map { $0 == ">" ? ">" : " " })
            let new = self.markdown(target, unit: unit, inCell: block.kind == .cell, continuation: continuation)
            bytes.replaceSubrange(block.range, with: Array((block.kind == .cell ? new.replacingOccurrences(of: "\\\n", with: " ") : new).utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Front matter with a top-level field's line set, or added at the end.
    static func setting(_ key: String, to value: String, in yaml: String) -> String {
        var lines = yaml.isEmpty ? [] : yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let existing = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) {
            lines[existing] = "\(key): \(value)"
        } else {
            lines.append("\(key): \(value)")
        }
        return lines.joined(separator: "\n")
    }

    /// Front matter without a top-level field and the lines indented below it.
    static func removing(_ key: String, from yaml: String) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) else { return yaml }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("-") { end += 1 }
        lines.removeSubrange(start..<end)
        return lines.joined(separator: "\n")
    }
}
