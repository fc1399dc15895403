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
    /// The text of every static `.css` file by source path, for checks that read stylesheets.
    var stylesheets: [String: String] = [:]
    /// Static `.css` and `.js` files by output path → the name with a content hash they are written under
    /// (`css/baken.css` → `css/baken.1a2b3c4d.css`), so hosts can cache them for a year.
    var hashedNames: [String: String] = [:]
}
