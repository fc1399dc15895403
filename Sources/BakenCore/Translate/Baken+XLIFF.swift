import BakenMarkdown
import Foundation

extension Baken {
    /// One XLIFF 1.2 document with every page of the default language and its translation into `language` where there
    /// is one, for a translation agency (docs/translating.md).
    public static func exportXLIFF(language: String, options: BuildOptions) throws(BuildFailure) -> String {
        let site = try translationSite(options)
        try site.checkTargetLanguage(language, file: nil, line: nil)
        return XLIFF.write(site.xliffFiles(language))
    }

    /// The site as the translation commands see it: loaded and assembled, drafts included.
    static func translationSite(_ options: BuildOptions) throws(BuildFailure) -> Site {
        var diagnostics = Diagnostics()
        let source = try SiteSource.load(from: SourceTree(options), includeDrafts: true, today: options.today, diagnostics: &diagnostics)
        let site = Site.assemble(source, diagnostics: &diagnostics)
        try diagnostics.check()
        return site
    }
}

extension Site {
    func checkTargetLanguage(_ language: String, file: String?, line: Int?) throws(BuildFailure) {
        let others = config.languages.map(\.code).filter { $0 != config.defaultLanguage }
        guard others.contains(language) else {
            let what = language == config.defaultLanguage ? "'\(language)' is the language the pages are written in" : "'\(language)' is not a language of this site"
            throw BuildFailure([Diagnostic(file: file ?? SiteConfig.file, line: line, "\(what): translate into one of \(others.joined(separator: ", "))")])
        }
    }

    /// The default language's own pages (not the theme's), by file.
    var sourcePages: [Int] {
        pages.indices.filter { pages[$0].page.language == config.defaultLanguage && !pages[$0].page.file.hasPrefix("themes/") }
            .sorted { pages[$0].page.file < pages[$1].page.file }
    }

    /// The translation of a default-language page into a language.
    func translationPage(of source: Int, in language: String) -> Int? {
        translations[pages[source].page.translationKey]?[language]
    }

    func xliffFiles(_ language: String) -> [XLIFF.File] {
        sourcePages.map { index in
            let page = pages[index].page
            let translated = translationPage(of: index, in: language)
            let units = page.translationUnits()
            let targets = translated.map { pages[$0].page.targets(for: units, source: page) } ?? [:]
            let state = translated.map { isOutdated($0) ? "needs-review-translation" : "translated" }
            return XLIFF.File(
                original: page.file, sourceLanguage: config.defaultLanguage, targetLanguage: language,
                units: units.map { unit in
                    XLIFF.Unit(id: unit.id, source: unit.segments, target: targets[unit.id], state: targets[unit.id] == nil ? "new" : state)
                })
        }
    }
}

extension Page {
    /// This translation's text for each unit of its source, by unit id: front matter by field, blocks where the
    /// translation has the same blocks in the same order; its inline codes take the ids of the source's.
    func targets(for units: [TranslationUnit], source: Page) -> [String: [Segment]] {
        var result: [String: [Segment]] = [:]
        let texts = Dictionary(frontMatter.fields.texts.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        var blocks: [String: MarkdownBlocks] = ["": MarkdownBlocks(body)]
        var sourceShapes: [String: [InlineBlock.Kind]] = ["": MarkdownBlocks(source.body).shape]
        for field in frontMatter.fields.markdown { blocks[field.path] = MarkdownBlocks(field.text) }
        for field in source.frontMatter.fields.markdown { sourceShapes[field.path] = MarkdownBlocks(field.text).shape }
        for unit in units {
            switch unit.place {
            case .title: if !frontMatter.titleFromHeading && !frontMatter.title.isEmpty { result[unit.id] = [.text(frontMatter.title)] }
            case .description: if let description = frontMatter.description, !description.isEmpty { result[unit.id] = [.text(description)] }
            case .field(let path): if let text = texts[path], !text.isEmpty { result[unit.id] = [.text(text)] }
            case .block(let field, let index):
                guard let own = blocks[field ?? ""], own.shape == sourceShapes[field ?? ""], index < own.blocks.count else { continue }
                result[unit.id] = Self.align(SegmentWriter.segments(own.blocks[index].inlines), to: unit.segments)
            }
        }
        return result
    }

    /// A translation's segments with the ids and Markdown of the source's codes: the first bold of the translation is
    /// the first bold of the source, and so on; a code the source lacks keeps its own Markdown, numbered from 1001.
    static func align(_ target: [Segment], to source: [Segment]) -> [Segment] {
        var available = source.compactMap { if case .code(let code) = $0, code.role != .close { code } else { nil } }
        let closes = Dictionary(source.compactMap { if case .code(let code) = $0, code.role == .close { (code.id, code) } else { nil } }, uniquingKeysWith: { a, _ in a })
        var renumbered: [Int: Int] = [:]
        var spare = 1000
        return target.map { segment in
            guard case .code(let code) = segment else { return segment }
            if code.role == .close {
                guard let id = renumbered[code.id] else { return segment }
                if let close = closes[id] { return .code(close) }
                var own = code
                own.id = id
                return .code(own)
            }
            if let match = available.firstIndex(where: { $0.type == code.type && $0.role == code.role }) {
                let found = available.remove(at: match)
                renumbered[code.id] = found.id
                return .code(found)
            }
            spare += 1
            renumbered[code.id] = spare
            var own = code
            own.id = spare
            return .code(own)
        }
    }
}
