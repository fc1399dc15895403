import BakenMarkdown

/// The whole site after assembly: every page with its address, its HTML and its place among the others. Immutable.
public struct Site: Sendable {
    public let config: SiteConfig
    let theme: Theme
    /// Sorted by language (in site.yml order), then address.
    public let pages: [AssembledPage]
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

    func translation(of index: Int, in language: String) -> AssembledPage? {
        translations[pages[index].page.translationKey]?[language].map { pages[$0] }
    }
}

/// A page with its address and rendered Markdown.
public struct AssembledPage: Sendable {
    public let page: Page
    public var url: String { page.url }
    /// The body as HTML.
    public let html: String
    public let headings: [Heading]
    /// HTML of Markdown text in typed fields, by field path: `safety`, `options.1.text`, `steps.2.text`.
    let fieldHTML: [String: String]
    /// Plain text of the body, for search and descriptions.
    public let text: String
    /// The body's text split at its headings, for search.
    public let sections: [TextSection]
    /// Shortcodes in the body, in order; the HTML holds `Site.shortcodeMarker(n)` where each goes.
    let shortcodes: [Shortcode]
}

extension Site {
    /// Stands in the body's HTML where shortcode `index` is rendered.
    static func shortcodeMarker(_ index: Int) -> String { "<!--baken:shortcode:\(index)-->" }
}
