import BakenMarkdown

/// Links to `#anchors` that are not an id on the page they lead to.
struct AnchorCheck {
    /// Address or source file → index of the page.
    private let pageByTarget: [String: Int]
    /// Index of a page → the ids its body has (headings, footnotes, raw HTML).
    private let ids: [Set<String>]
    /// Ids that the theme writes on its pages (`Theme.ids`).
    private let themeIDs: Set<String>
    private let site: Site

    init(_ site: Site) {
        self.site = site
        var targets: [String: Int] = [:]
        for (index, assembled) in site.pages.enumerated() {
            targets[assembled.url] = index
            targets[assembled.page.linkPath] = index
        }
        pageByTarget = targets
        ids = site.pages.map { Set(HTMLIDs.all(in: $0.html)) }
        themeIDs = site.theme.ids
    }

    func check(_ page: Page, links: [LabeledLink]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for link in links where !link.isImage {
            guard let hash = link.url.firstIndex(of: "#") else { continue }
            let path = String(link.url[..<hash])
            let fragment = String(link.url[link.url.index(after: hash)...])
            let decoded = fragment.removingPercentEncoding ?? fragment
            guard !decoded.isEmpty, let target = target(of: path, from: page) else { continue }
            if ids[target].contains(decoded) || themeIDs.contains(decoded) { continue }
            let known = site.pages[target].headings.map(\.id)
            let hint = known.isEmpty ? "that page has no headings" : "its headings have the ids \(known.joined(separator: ", "))"
            let which = path.isEmpty ? "this page" : site.pages[target].page.linkPath
            found.append(Diagnostic(file: page.file, line: page.bodyLine + link.line - 1,
                "link to '#\(fragment)' leads nowhere: \(which) has no heading or anchor with that id; \(hint)"))
        }
        return found
    }

    /// The page a link's path leads to: empty for the page itself, a relative .md file, or an address on the site.
    private func target(of path: String, from page: Page) -> Int? {
        if path.isEmpty { return site.fileIndex[page.file] }
        if LinkResolver.isRelativeFile(path) {
            guard let resolved = LinkResolver.resolve(path, from: page.file) else { return nil }
            return LinkResolver.candidates(resolved, path: path).lazy.compactMap { pageByTarget[$0] }.first
        }
        guard path.hasPrefix("/") else { return nil }
        return pageByTarget[path] ?? pageByTarget[path + "/"]
    }
}
