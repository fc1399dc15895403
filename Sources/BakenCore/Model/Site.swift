import BakenMarkdown

/// The whole site after assembly: every page with its address, its HTML and its place among the others. It changes
/// only through `releaseBodies` (the build) and `replace` (the live preview).
public struct Site: Sendable {
    public let config: SiteConfig
    let theme: Theme
    /// Sorted by language (in site.yml order), then address.
    public private(set) var pages: [AssembledPage]
    let resources: [(source: String, output: String)]
    /// translationKey → language → index in `pages`.
    let translations: [String: [String: Int]]
    /// Index of a home or section page → indices of the pages directly in it, in list order.
    let children: [Int: [Int]]
    /// Index of a page → index of the section or home page it sits in.
    let parents: [Int: Int]
    /// Language → index of its home page.
    let homes: [String: Int]
    /// Alias address → index of the page it leads to.
    let aliases: [(url: String, target: Int)]
    /// Source file → index in `pages`.
    let fileIndex: [String: Int]
    /// "language:audience id" → index of the audience's hub page.
    let hubs: [String: Int]
    /// From data/contacts.yml, most urgent first.
    let contacts: [HelpContact]
    /// How Markdown was read, kept so one page can be read again alone.
    let markdown: MarkdownReader
    /// The files of `resources` that are published: those a page uses, and those site.yml's publishFiles names.
    var published: Set<String> = []

    func translation(of index: Int, in language: String) -> AssembledPage? {
        translations[pages[index].page.translationKey]?[language].map { pages[$0] }
    }
}

/// A page with its address and rendered Markdown.
public struct AssembledPage: Sendable {
    public internal(set) var page: Page
    public var url: String { page.url }
    /// The body as HTML.
    public let html: String
    public let headings: [Heading]
    /// HTML of Markdown text in typed fields, by field path: `safety`, `options.1.text`, `steps.2.text`.
    let fieldHTML: [String: String]
    /// The body's text split at its headings, for search.
    public let sections: [TextSection]
    /// Shortcodes in the body, in order; the HTML holds `Site.shortcodeMarker(n)` where each goes.
    let shortcodes: [Shortcode]
    /// The body's lines that hold an address on another host (`//`), with their line in the file: where a load from
    /// another host is reported, after the body itself was let go.
    var addressLines: [(line: Int, text: String)] = []
    /// Links to addresses on the site (`/kennisbank/x/`) with their lines, checked against the files the build wrote.
    var rootLinks: [(line: Int, url: String)] = []
    /// The addresses that fields of format `uri-reference` name, by field path.
    var fieldLinks: [String: String] = [:]
    /// The files of content/ (not pages) that the page links to or shows, by source path.
    var usedFiles: [String] = []
}

/// Everything needed to turn one page's Markdown into HTML with its links resolved.
struct MarkdownReader: Sendable {
    var resolver: LinkResolver
    let options: MarkdownOptions
    /// Names of the theme's shortcode templates.
    let shortcodes: Set<String>
    /// The theme's `footnote_back` per language code.
    var footnoteBackLabels: [String: String] = [:]
    /// The theme's callout labels per language code, by kind (`callout_note` → `note`).
    var calloutLabels: [String: [String: String]] = [:]
    /// Ids the theme writes on every page, which headings avoid.
    var themeIDs: Set<String> = []

    /// The quotation marks of each language.
    var quotes: [String: Quotes] = [:]

    /// The options for a page in `language`: the site's, with the words and quotation marks of that language.
    func options(for language: String) -> MarkdownOptions {
        var options = options
        if let label = footnoteBackLabels[language] { options.footnoteBackLabel = label }
        options.calloutLabels = calloutLabels[language] ?? [:]
        options.quotes = quotes[language] ?? Quotes.defaults(for: language)
        return options
    }
}

extension Site {
    /// One page read again alone, its body changed; its address and front matter are unchanged.
    func reading(_ page: Page, diagnostics: inout Diagnostics) -> AssembledPage {
        Site.read(page, with: markdown, diagnostics: &diagnostics)
    }

    /// Puts a page read again in its place: in place, so one edit does not copy every page.
    mutating func replace(_ index: Int, with entry: AssembledPage) {
        pages[index] = entry
    }

    /// Lets go of every page's Markdown and front matter text. A build needs them no more once the pages are HTML
    /// and the packs are made, and they are as large as the site's content; what later stages need of them (the
    /// lines that hold an address, the hash a translation compares) was kept before.
    mutating func releaseBodies() {
        // A translation compares its source's hash, which needs the body: that hash is taken first.
        let sources = Set(pages.indices.compactMap { pages[$0].page.frontMatter.translationOf == nil ? nil : source(of: $0) })
        for index in pages.indices {
            if sources.contains(index) { pages[index].page.keptSourceHash = pages[index].page.sourceHash }
            pages[index].page.body = ""
            pages[index].page.frontMatterText = ""
        }
    }

    /// The pages whose body goes into a lesson pack: those in a lesson's folder and those a lesson attaches.
    func pagesInPacks() -> Set<Int> {
        var folders: Set<String> = []
        var result: Set<Int> = []
        for entry in pages {
            guard let lesson = entry.page.frontMatter.fields.lesson else { continue }
            folders.insert(entry.page.language + "/" + entry.page.directory)
            for attachment in lesson.attachments {
                if let file = LinkResolver.resolve(attachment.file, from: entry.page.file), let target = fileIndex[file] { result.insert(target) }
            }
        }
        for (index, entry) in pages.enumerated() where folders.contains(entry.page.language + "/" + entry.page.directory) {
            result.insert(index)
        }
        return result
    }

    /// Stands in the body's HTML where shortcode `index` is rendered.
    static func shortcodeMarker(_ index: Int) -> String { "<!--baken:shortcode:\(index)-->" }

    /// Whether the page's type has the behaviour (`x-baken.behaviours` in its type file).
    func has(_ behaviour: TypeSchema.Behaviour, _ page: Page) -> Bool {
        theme.types[page.frontMatter.type.rawValue]?.behaviours.contains(behaviour) == true
    }
}
