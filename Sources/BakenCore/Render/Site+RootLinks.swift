import Foundation

extension Site {
    /// Fails the build for a link to an address on the site (`/kennisbank/x/`, with baseURL's path taken into account)
    /// that no file the build wrote answers, at its file and line, with the nearest page as a suggestion.
    /// With `pagesOnly`, only links to page addresses (no extension, such as `/kennisbank/x`) are checked: what
    /// assemble can judge before anything is written, since only pages, aliases and search pages have such addresses.
    func checkRootLinks(against written: Set<String>, pagesOnly: Bool = false, diagnostics: inout Diagnostics) {
        let root = config.root
        for entry in pages {
            for link in entry.rootLinks {
                let (path, _) = LinkResolver.splitFragment(link.url)
                let decoded = path.removingPercentEncoding ?? path
                guard root.isEmpty || decoded == root || decoded.hasPrefix(root + "/") else {
                    diagnostics.error(entry.page.file, link.line, "link to '\(link.url)' leads outside the site, which lives under \(root)/: link to the page's .md file instead")
                    continue
                }
                let inside = String(decoded.dropFirst(root.count).drop { $0 == "/" })
                if pagesOnly && inside.split(separator: "/").last?.contains(".") == true { continue }
                if Self.answers(inside, written: written, hashed: theme.hashedNames) { continue }
                let hint = nearestPage(to: decoded).map { " Did you mean '\($0)'?" } ?? ""
                diagnostics.error(entry.page.file, link.line, "link to '\(link.url)' leads nowhere: the site has no page or file at that address; link to the page's .md file, or correct the address.\(hint)")
            }
        }
    }

    /// Links to page addresses (`/kennisbank/x/`), judged right after assembly, before anything is written: for
    /// `baken check`, and for a build that stops there anyway, so that they come with that stage's errors.
    func checkPageAddressLinks(failed: Set<String>, diagnostics: inout Diagnostics) {
        checkRootLinks(against: plannedPaths(failed: failed), pagesOnly: true, diagnostics: &diagnostics)
    }

    /// The output paths assemble knows the build will write, in the form `checkRootLinks` takes: every page, alias and
    /// search page, file of content/ and of the theme; and the address a page that could not be read would have had
    /// from its path, so that a link to it is not called broken as well.
    private func plannedPaths(failed: Set<String>) -> Set<String> {
        var paths = Set(pages.map { outputPath($0.url) } + aliases.map { outputPath($0.url) } + config.languages.map { outputPath(searchURL($0.code)) })
        paths.formUnion(resources.filter { published.contains($0.source) }.map { outputPath($0.output) })
        paths.formUnion(theme.staticFiles.map(\.output))
        for file in failed where file.hasPrefix("content/") && file.hasSuffix(".md") {
            let parts = file.dropLast(3).split(separator: "/").dropFirst()
            guard let language = parts.first else { continue }
            let rest = parts.dropFirst().filter { $0 != "_index" && $0 != "index" }.map { Site.urlSegment(String($0)) }
            paths.insert(outputPath(config.root + config.prefix(of: String(language)) + "/" + rest.map { $0 + "/" }.joined()))
        }
        return paths
    }

    /// Whether a file the build wrote answers the address `inside` (without the leading `/`): the file itself, or a
    /// folder's `index.html`; a theme file also under its content-hashed name.
    static func answers(_ inside: String, written: Set<String>, hashed: [String: String]) -> Bool {
        if inside.isEmpty { return written.contains("index.html") }
        if inside.hasSuffix("/") { return written.contains(inside + "index.html") }
        return written.contains(inside) || written.contains(inside + "/index.html") || hashed[inside].map(written.contains) == true
    }

    /// The page address a few typing mistakes from `address`.
    private func nearestPage(to address: String) -> String? {
        let wanted = Array(address.utf8)
        var best: (url: String, distance: Int)?
        for entry in pages {
            let distance = LinkResolver.editDistance(wanted, Array(entry.url.utf8))
            if distance < (best?.distance ?? Int.max) { best = (entry.url, distance) }
        }
        let name = address.split(separator: "/").last.map(String.init) ?? address
        guard let best, best.distance <= max(1, name.count / 3) else { return nil }
        return best.url
    }
}
