/// A theme's files after the site's own files have replaced the theme's: templates, words per language, static files.
struct Theme: Sendable {
    struct Template: Sendable {
        /// Path relative to the site folder, for messages.
        var file: String
        var text: String
    }

    var name: String
    /// The ids the theme writes on its pages (`ids.yml` and its templates' literal ids), which headings avoid.
    var ids: Set<String> = []
    /// By name: `page`, `partials/card`.
    var templates: [String: Template]
    /// Language code → key → text, with missing keys filled from the default language.
    var strings: [String: [String: String]]
    /// Files copied unchanged: source path relative to the site folder → path in the output.
    var staticFiles: [(source: String, output: String)]
    /// Stylesheets written in parts: `css/<name>/*.css` in the theme (or the site, part by part) is served as one
    /// file `css/<name>.css`, its parts joined in the order of their names.
    var joinedStylesheets: [(output: String, parts: [String])] = []
    /// The text of every static `.css` file and stylesheet part by source path, for checks that read stylesheets.
    var stylesheets: [String: String] = [:]
    /// Content types declared as data (`types/<name>.yml`), by name; a site's file replaces the theme's.
    var types: [String: TypeSchema] = [:]
    /// Static `.css` and `.js` files by output path → the name with a content hash they are written under
    /// (`css/baken.css` → `css/baken.1a2b3c4d.css`), so hosts can cache them for a year.
    var hashedNames: [String: String] = [:]

    /// Every stylesheet the site serves, with its text: copied ones and joined ones, by output path.
    var stylesheetFiles: [(output: String, text: String)] {
        let copied = staticFiles.filter { $0.output.hasSuffix(".css") }.map { ($0.output, stylesheets[$0.source] ?? "") }
        let joined = joinedStylesheets.map { ($0.output, $0.parts.map { stylesheets[$0] ?? "" }.joined()) }
        return (copied + joined).sorted { $0.0 < $1.0 }
    }

    /// The stylesheets a lesson pack carries and links: all but those of print material, which a layout under
    /// `layouts/print/` links by name.
    var packStylesheetFiles: [(output: String, text: String)] {
        let printLayouts = templates.filter { $0.key.hasPrefix("print/") }.map(\.value.text)
        return stylesheetFiles.filter { file in !printLayouts.contains { $0.contains("/" + file.output) } }
    }
}
