import BakenMarkdown

/// The ids an HTML file writes more than once, found while the file is at hand.
struct DuplicateIDs: Sendable {
    let path: String
    let ids: [String]
}

extension Site {
    /// Nil for a file that is not HTML or whose ids are all different.
    func duplicateIDs(in file: OutputFile) -> DuplicateIDs? {
        guard file.path.hasSuffix(".html"), case .text(let html) = file.contents else { return nil }
        let ids = HTMLIDs.duplicates(in: html)
        return ids.isEmpty ? nil : DuplicateIDs(path: file.path, ids: ids)
    }

    /// Fails the build for an id written twice on a page: a link to it (the skip link, a footnote, the table of
    /// contents) would lead to the first. Headings avoid the theme's ids and the body's own, so what is left is an
    /// id the theme makes from a template tag, which it must declare in `ids.yml`.
    func reportDuplicateIDs(_ found: [DuplicateIDs], diagnostics: inout Diagnostics) {
        let pageByOutput = Dictionary(pages.map { (outputPath($0.url), $0) }, uniquingKeysWith: { a, _ in a })
        for file in found.sorted(by: { $0.path < $1.path }) {
            let page = pageByOutput[file.path]
            for id in file.ids {
                if let page, let heading = page.headings.first(where: { $0.id == id }) {
                    diagnostics.error(page.page.file, page.page.bodyLine + heading.line - 1, "the heading '\(heading.text)' has the id '\(id)', which the theme also writes on this page, so links to one reach the other: declare '\(id)' in themes/\(theme.name)/ids.yml, and headings will avoid it")
                } else {
                    diagnostics.error(page?.page.file ?? file.path, nil, "the id '\(id)' is written twice on \(file.path), so links to the second reach the first: give one of them another id (an id the theme writes belongs in themes/\(theme.name)/ids.yml)")
                }
            }
        }
    }
}
