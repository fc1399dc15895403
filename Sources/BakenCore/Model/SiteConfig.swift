/// The settings of a site, read from site.yml.
public struct SiteConfig: Sendable {
    public var title: String
    /// Always ends in `/`.
    public var baseURL: String {
        didSet { (root, origin) = Self.parts(of: baseURL) }
    }
    public var defaultLanguage: String
    public var languages: [Language]
    public var theme: String
    public var menus: [String: [MenuEntry]]
    public var audiences: [Audience]
    public var markdownAllowsRawHTML: Bool
    /// Curly quotes in each language's marks, dashes and ellipses (`markdown: {smart: …}`).
    public var markdownSmart = true
    /// Leaves pages with `machine_translated: true` out of their language's search (`search: {skipMachineTranslated: true}`).
    public var searchSkipsMachineTranslated = false
    /// Puts the default language under its code too (`/nl/…`), as Hugo's defaultContentLanguageInSubdir.
    public var defaultLanguageInSubdir: Bool
    public var params: [String: YAMLValue]
    /// URL prefixes on other hosts that pages may load from anyway (`allowExternal`); the build summary names them.
    public var allowExternal: [String] = []
    /// Extensions (lower case, without the dot) of files in content/ that are published even when no page uses them.
    public var publishFiles: Set<String> = []
    /// How lesson packs are made (`packs:`).
    public var packs = PackSettings()
    public var safety = Safety()
    /// What `baken check` looks for (`check:`).
    public var check = CheckSettings()

    /// The site's safety settings (`safety:` in site.yml).
    public struct Safety: Sendable {
        /// Where the quick-exit button leads: a neutral site that shows no personal page.
        public var exitURL = "https://www.buienradar.nl/"
        /// Sections whose pages get the quick-exit button unless a page says `sensitive: false`.
        public var sensitiveSections: [String] = []
        /// The municipality's own form or app for reports.
        public var reportForm: String?
        /// A help contact whose `last_verified` is older than this many days gives a warning.
        public var contactsMaxAgeDays = 180
    }

    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }

    /// The path part of baseURL without its last slash: "" or "/campagne".
    public private(set) var root: String
    /// The origin part of baseURL: "https://veilig.almelo.nl".
    public private(set) var origin: String

    public init(
        title: String, baseURL: String, defaultLanguage: String, languages: [Language], theme: String, menus: [String: [MenuEntry]],
        audiences: [Audience], markdownAllowsRawHTML: Bool, defaultLanguageInSubdir: Bool, params: [String: YAMLValue]
    ) {
        (self.title, self.baseURL, self.defaultLanguage, self.languages, self.theme) = (title, baseURL, defaultLanguage, languages, theme)
        (self.menus, self.audiences, self.markdownAllowsRawHTML) = (menus, audiences, markdownAllowsRawHTML)
        (self.defaultLanguageInSubdir, self.params) = (defaultLanguageInSubdir, params)
        (root, origin) = Self.parts(of: baseURL)
    }

    /// The root and the origin of a base address, worked out once: every page asks for them many times.
    private static func parts(of baseURL: String) -> (root: String, origin: String) {
        var rest = baseURL
        if let scheme = rest.range(of: "://") { rest = String(rest[scheme.upperBound...]) }
        var root = ""
        if let slash = rest.firstIndex(of: "/") {
            root = String(rest[slash...])
            while root.hasSuffix("/") { root.removeLast() }
        }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return (root, root.isEmpty ? base : String(base.dropLast(root.count)))
    }

    /// The URL prefix of a language's pages: "" for the default language, "/en" for others.
    public func prefix(of language: String) -> String {
        language == defaultLanguage && !defaultLanguageInSubdir ? "" : "/\(language)"
    }
}

/// A language of the site, in the order of site.yml.
public struct Language: Sendable, Equatable {
    public var code: String
    /// The language's name in itself: "Nederlands", "العربية".
    public var name: String
    public var title: String?
    public var isRightToLeft: Bool
    /// The quotation marks of `quotes:` in site.yml; nil for the language's usual ones (`Quotes.defaults`).
    public var quotes: [String]? = nil

    public var direction: String { isRightToLeft ? "rtl" : "ltr" }
}

/// An entry of a menu in site.yml: a page named by its path in the language folder.
public struct MenuEntry: Sendable, Equatable {
    public var page: String
    public var line: Int
}

/// A group the site speaks to, with its name per language.
public struct Audience: Sendable, Equatable {
    public var id: String
    public var names: [String: String]

    public func name(in language: String, default fallback: String) -> String {
        names[language] ?? names[fallback] ?? names[""] ?? id
    }
}
