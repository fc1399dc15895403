import BakenMarkdown
import BakenSearch
import Dispatch
import Foundation

extension Site {
    /// Search, when the theme has a `search` layout: an index per language under `search-index/<language>/`
    /// and a search page per language at `/<search_slug>/`. What it did goes into the build's notes.
    /// Languages whose pages did not change since their index was built keep it (`reusing`, by language);
    /// every language's index comes back, to reuse next time. `sideBySide` builds the
    /// languages' indexes on all cores at once; else one after the other, which holds the working memory of
    /// one language at a time.
    func renderSearch(_ renderer: PageRenderer, reusing kept: [String: SearchIndex], sideBySide: Bool = true, diagnostics: inout Diagnostics) -> (pages: [RenderedPage], indexes: [SearchIndex]) {
        guard renderer.templates.exists("search") else { return ([], []) }
        let start = Date()
        let languages = config.languages.map(\.code).filter { homes[$0] != nil }
        let built = buildSearchIndexes(languages.filter { kept[$0] == nil }, sideBySide: sideBySide)
        let indexes = languages.map { code in kept[code] ?? built.first { $0.index.language == code }!.index }
        let seconds = Date().timeIntervalSince(start), cpu = built.reduce(0) { $0 + $1.seconds }

        var files: [RenderedPage] = []
        for index in indexes {
            for file in index.files {
                files.append(RenderedPage(file: OutputFile(path: searchIndexPath(index.language, file.name), contents: .text(file.text)), inline: InlineHashes()))
            }
            for note in index.notes { diagnostics.note(note.file, nil, note.message) }
            let url = searchURL(index.language)
            if let owner = pages.first(where: { $0.url == url }) {
                diagnostics.warning(owner.page.file, nil, "this page has the address of the search page, \(url), so the site has no search page in '\(index.language)': move the page, or set another search_slug in the theme's i18n/\(index.language).yml")
                continue
            }
            let fallback = index.language == config.defaultLanguage ? nil : indexes.first { $0.language == config.defaultLanguage }
            files.append(renderer.renderSearch(self, url: url, view: searchView(index, url: url, fallback: fallback)))
        }
        let summary = indexes.map { index in
            let excerpts = switch index.excerptWords {
            case nil: "excerpts from all text"
            case 0: "no excerpts (results show titles, headings and descriptions, to keep the index within a tenth of the pages in files)"
            case let words?: "excerpts from the first \(words) words of each section"
            }
            return "\(index.language) \(index.pages) pages, \(index.sections) sections, \(index.terms) words, \(index.files.count) files (\(index.bytes / 1024) KB), \(excerpts)"
        }
        diagnostics.note(nil, nil, "search index built in \(String(format: "%.2f", seconds)) s (\(String(format: "%.2f", cpu)) s of processor time): " + summary.joined(separator: "; "))
        return (files, indexes)
    }

    /// One index per language, with the processor time it took.
    private func buildSearchIndexes(_ languages: [String], sideBySide: Bool) -> [(index: SearchIndex, seconds: Double)] {
        let options = SearchIndex.Options(types: ContentType.known(theme.types).map(\.rawValue), audiences: config.audiences.map(\.id))
        let build = { @Sendable (code: String) -> (index: SearchIndex, seconds: Double) in
            let start = ProcessorTime.thread()
            let searched = pages.filter { $0.page.language == code && !(config.searchSkipsMachineTranslated && $0.page.frontMatter.machineTranslated) }
            let index = SearchIndex(language: code, pages: searched.map { searchPage($0) }, options: options)
            return (index, ProcessorTime.thread() - start)
        }
        return sideBySide ? ParallelMap.map(languages, build) : languages.map(build)
    }

    /// A page as search sees it: front matter, typed fields and the sections of its body.
    func searchPage(_ entry: AssembledPage) -> SearchPage {
        let page = entry.page
        let fm = page.frontMatter
        var sections = entry.sections.map { SearchSection(heading: $0.heading?.text, id: $0.heading?.id, text: $0.text) }
        if sections.first?.heading != nil || sections.isEmpty { sections.insert(SearchSection(heading: nil, id: nil, text: ""), at: 0) }
        return SearchPage(
            url: String(entry.url.dropFirst(config.root.count + 1)), title: fm.title, description: fm.description ?? "",
            tags: fm.tags,
            audiences: fm.audiences.map { id in (id, config.audiences.first { $0.id == id }?.name(in: page.language, default: config.defaultLanguage) ?? id) },
            type: fm.type.rawValue, fields: fm.fields.search.filter { $0.weight == .text }.map { Self.plainText($0.text) },
            sections: sections, file: page.file, lists: page.kind != .page, weightedFields: fm.fields.search.filter { $0.weight != .text })
    }

    /// Markdown as the words a reader sees.
    static func plainText(_ markdown: String) -> String {
        MarkdownDocument(markdown).textSections().map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A type's name in a language: the theme's words (`type_<name>`), else the type file's `x-baken.title`, else the name.
    func typeName(_ type: ContentType, language: String) -> String {
        let title = theme.types[type.rawValue]?.title
        return theme.strings[language]?["type_\(type.rawValue)"] ?? title?[language] ?? title?[""] ?? title?[config.defaultLanguage] ?? type.rawValue
    }

    /// `/zoeken/`, `/en/search/`: the address word comes from the theme's `search_slug`.
    func searchURL(_ language: String) -> String {
        let word = theme.strings[language]?["search_slug"] ?? "search"
        let slug = word.split(separator: "/").allSatisfy { FrontMatter.isSafeSegment(String($0)) } && !word.isEmpty ? word : Slug.make(word)
        return config.root + config.prefix(of: language) + "/" + Site.urlSegment(slug.isEmpty ? "search" : slug) + "/"
    }

    /// `search-index/nl/t3.js`, inside the output folder.
    func searchIndexPath(_ language: String, _ name: String) -> String {
        "search-index/\(language)/\(name)"
    }

    /// What the `search` layout sees as `search` (docs/themes.md).
    private func searchView(_ index: SearchIndex, url: String, fallback: SearchIndex?) -> SearchView {
        let depth = outputPath(url).split(separator: "/").count - 1
        let rel = String(repeating: "../", count: depth)
        let ownPages = pages.filter { $0.page.language == index.language }
        let types = ContentType.known(theme.types).filter { type in ownPages.contains { $0.page.frontMatter.type == type } }
        let audiences = config.audiences.filter { audience in ownPages.contains { $0.page.frontMatter.audiences.contains(audience.id) } }
        return SearchView(
            index: rel + searchIndexPath(index.language, "index.js") + "?v=" + index.version,
            rel: rel,
            script: rel + (theme.hashedNames["js/search.js"] ?? "js/search.js"),
            fallback: fallback.map { other in
                SearchView.Fallback(
                    code: other.language, name: config.language(other.language)?.name ?? other.language,
                    index: rel + searchIndexPath(other.language, "index.js") + "?v=" + other.version)
            },
            // The filter lists the types by their name in the page's language.
            types: types.count > 1 ? types.map { SearchView.Option(id: $0.rawValue, name: typeName($0, language: index.language)) }
                .sorted { ($0.name, $0.id) < ($1.name, $1.id) } : [],
            audiences: audiences.map { SearchView.Option(id: $0.id, name: $0.name(in: index.language, default: config.defaultLanguage)) },
            typeNames: ContentType.known(theme.types).map { SearchView.Option(id: $0.rawValue, name: typeName($0, language: index.language)) },
            languages: config.languages.filter { homes[$0.code] != nil }.map { language in
                LanguageLinkView(code: language.code, name: language.name, dir: language.direction, url: searchURL(language.code), current: language.code == index.language, translated: true)
            })
    }
}

/// The `search` value of the search page: where its index is, and the choices of its filters.
struct SearchView: Encodable {
    struct Fallback: Encodable {
        let code: String
        let name: String
        let index: String
    }

    struct Option: Encodable {
        let id: String
        let name: String
    }

    /// The manifest of this language's index, relative to the search page, with the index's version.
    let index: String
    /// The way from the search page up to the site's root: `../`, `../../`; so search works from `file://` too.
    let rel: String
    /// The theme's `js/search.js` under its content-hashed name, relative to the search page.
    let script: String
    /// The default language's index, searched when this language has no result.
    let fallback: Fallback?
    /// Content types and audiences of this language's pages; empty when there is nothing to choose.
    let types: [Option]
    let audiences: [Option]
    /// Every content type with its name, for the label of each result.
    let typeNames: [Option]
    /// The language switcher of the search page leads to the other languages' search pages.
    let languages: [LanguageLinkView]
}
