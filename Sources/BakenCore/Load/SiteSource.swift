import Foundation

/// Everything read from the site folder, checked field by field but not yet put together.
struct SiteSource: Sendable {
    var config: SiteConfig
    var theme: Theme
    var pages: [Page]
    /// Files in content/ that are not pages (images, worksheets): source path → path in the output.
    var resources: [(source: String, output: String)]
    /// Page files that could not be read; their errors are already reported, so links to them are not.
    var failedFiles: Set<String>
    var contacts: [HelpContact] = []
}

extension SiteSource {
    /// The load stage: site.yml, the theme, and every file under content/.
    /// `today` dates the age checks of help contacts; it never reaches the output.
    static func load(from tree: SourceTree, includeDrafts: Bool, today: Day, diagnostics: inout Diagnostics) throws(BuildFailure) -> SiteSource {
        guard tree.exists(SiteConfig.file) else {
            throw BuildFailure([Diagnostic(file: SiteConfig.file, "site.yml not found in \(tree.root.path): run baken in the site's folder, or name it with --site")])
        }
        guard let configText = tree.text(SiteConfig.file, limit: 1 << 20, diagnostics: &diagnostics) else {
            throw BuildFailure(diagnostics.all)
        }
        let config = try SiteConfig.parse(configText)
        let theme = Theme.load(config, from: tree, diagnostics: &diagnostics)

        guard tree.isDirectory("content") else {
            diagnostics.error("content", nil, "there is no content folder: make content/\(config.defaultLanguage)/_index.md for the home page")
            throw BuildFailure(diagnostics.all)
        }
        var content = ContentFiles(config: config, includeDrafts: includeDrafts)
        content.types = theme.types
        content.read("content", from: tree, diagnostics: &diagnostics)
        // The theme's own pages (such as the page that explains the quick-exit button) fill in what the site does not have.
        let themePages = "themes/\(config.theme)/content"
        if tree.isDirectory(themePages) {
            var fromTheme = ContentFiles(config: config, includeDrafts: includeDrafts)
            fromTheme.types = theme.types
            fromTheme.skipsUnknownLanguages = true
            fromTheme.read(themePages, from: tree, diagnostics: &diagnostics)
            let taken = Set(content.pages.map { "\($0.language):\($0.translationKey)" } + content.pages.map { "\($0.language):\($0.path)" })
            let written = Set(content.pages.map(\.language))
            for page in fromTheme.pages where written.contains(page.language)
                && !taken.contains("\(page.language):\(page.translationKey)") && !taken.contains("\(page.language):\(page.path)") {
                content.pages.append(page)
            }
            content.resources += fromTheme.resources
            content.failedFiles.formUnion(fromTheme.failedFiles)
        }
        let contacts = HelpContact.load(from: tree, config: config, today: today, diagnostics: &diagnostics)
        return SiteSource(config: config, theme: theme, pages: content.pages, resources: content.resources, failedFiles: content.failedFiles, contacts: contacts)
    }
}

/// Reads a tree of pages, one folder per language: the site's content/ or a theme's.
struct ContentFiles {
    let config: SiteConfig
    let includeDrafts: Bool
    var pages: [Page] = []
    var resources: [(source: String, output: String)] = []
    var failedFiles: Set<String> = []
    /// A theme brings pages in many languages; those the site does not have are left out quietly.
    var skipsUnknownLanguages = false
    /// Content types declared as data, to check pages of those types against.
    var types: [String: TypeSchema] = [:]

    init(config: SiteConfig, includeDrafts: Bool) {
        self.config = config
        self.includeDrafts = includeDrafts
    }

    /// One file's contribution: a page, a file to copy, or nothing; with what was wrong.
    enum Item: Sendable {
        case page(Page)
        case resource(source: String, output: String)
        case skipped
        case failed
    }

    /// Reads every file under `root` on all cores; results are kept in file order.
    mutating func read(_ root: String, from tree: SourceTree, diagnostics: inout Diagnostics) {
        let depth = root.split(separator: "/").count
        let files = tree.files(under: root, diagnostics: &diagnostics)
        let this = self
        let results = ParallelMap.map(files) { file -> (Item, [Diagnostic]) in
            var local = Diagnostics()
            let item = this.item(file, depth: depth, tree: tree, diagnostics: &local)
            return (item, local.all)
        }
        for (file, (item, found)) in zip(files, results) {
            diagnostics.add(contentsOf: found)
            switch item {
            case .page(let page): pages.append(page)
            case .resource(let source, let output): resources.append((source, output))
            case .failed: failedFiles.insert(file)
            case .skipped: break
            }
        }
    }

    private func item(_ file: String, depth: Int, tree: SourceTree, diagnostics: inout Diagnostics) -> Item {
        let parts = file.split(separator: "/").map(String.init).dropFirst(depth - 1)
        guard parts.count >= 3 else {
            diagnostics.error(file, nil, "pages go in a folder per language, such as content/\(config.defaultLanguage)/\(parts.last ?? "")")
            return .skipped
        }
        let language = parts[parts.startIndex + 1]
        guard let lang = config.language(language) else {
            if skipsUnknownLanguages { return .skipped }
            diagnostics.error(file, nil, "unknown language '\(language)' (known: \(config.languages.map(\.code).joined(separator: ", "))): add it to languages in site.yml, or move the file")
            return .skipped
        }
        let inner = parts.dropFirst(2).joined(separator: "/")
        guard file.hasSuffix(".md") || file.hasSuffix(".markdown") else {
            return .resource(source: file, output: config.prefix(of: lang.code) + "/" + inner)
        }
        guard let text = tree.text(file, diagnostics: &diagnostics) else { return .failed }
        return page(text, file: file, language: language, inner: inner, diagnostics: &diagnostics)
    }

    /// The first `# ` heading of Markdown outside code fences, and the text with that line left empty (so every
    /// other line keeps its number).
    static func firstHeading(_ markdown: String) -> (text: String, rest: String)? {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var fence: Substring?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            guard line.count - trimmed.count < 4, trimmed.hasPrefix("# ") || trimmed == "#" else { continue }
            var text = String(trimmed.dropFirst(1).trimmingCharactersInSet())
            // A closing sequence of #s after a space is not part of the heading ("# Titel ##"; "# C#" keeps its #).
            if text.allSatisfy({ $0 == "#" }) { text = "" }
            if let space = text.lastIndex(of: " "), text[text.index(after: space)...].allSatisfy({ $0 == "#" }) {
                text = String(text[..<space].trimmingCharactersInSet())
            }
            guard !text.isEmpty else { return nil }
            lines[index] = ""
            return (text, lines.joined(separator: "\n"))
        }
        return nil
    }

    /// A page from its file's text, with no disk: `inner` is its path inside the language folder (`normen/x.md`).
    func page(_ text: String, file: String, language: String, inner: String, diagnostics: inout Diagnostics) -> Item {
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.error(file, nil, "this file is empty: a page needs front matter with at least a title, such as\n---\ntitle: Contact\n---")
            return .failed
        }
        let split: (yaml: String, body: String, bodyLine: Int)
        switch FrontMatter.split(text, file: file) {
        case .failure(let diagnostic):
            diagnostics.add(diagnostic)
            return .failed
        case .success(let value): split = value
        }
        guard let parsed = FrontMatter.parse(yaml: split.yaml, file: file, audiences: Set(config.audiences.map(\.id)), types: types, diagnostics: &diagnostics) else {
            return .failed
        }
        if diagnostics.hasErrors { return .failed }
        var frontMatter = parsed
        var body = split.body
        if frontMatter.title.trimmingCharactersInSet().isEmpty {
            // The first level-1 heading is the title, and is not shown a second time above the text.
            guard let heading = Self.firstHeading(body) else {
                if let line = frontMatter.lines["title"] {
                    diagnostics.error(file, line, "'title' is empty: write the title after the colon, or start the text with a heading '# …'")
                } else {
                    diagnostics.error(file, 1, "the page has no title: add 'title: …' to its front matter, or start its text with a heading '# …'")
                }
                return .failed
            }
            frontMatter.title = heading.text
            frontMatter.titleFromHeading = true
            body = heading.rest
        }
        if frontMatter.draft && !includeDrafts { return .skipped }
        let path = inner.hasSuffix(".md") ? String(inner.dropLast(3)) : String(inner.dropLast(9))
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let kind: Page.Kind = path == "_index" ? .home : name == "_index" ? .section : .page
        var page = Page(file: file, language: language, path: path, kind: kind, frontMatter: frontMatter, body: body, bodyLine: split.bodyLine)
        page.frontMatterText = split.yaml
        return .page(page)
    }
}
