import Foundation

extension Site {
    /// Fails the build for a link to an address on the site (`/kennisbank/x/`, with baseURL's path taken into account)
    /// that no file the build wrote answers, at its file and line, with the nearest page as a suggestion.
    func checkRootLinks(against written: Set<String>, diagnostics: inout Diagnostics) {
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
                if Self.answers(inside, written: written, hashed: theme.hashedNames) { continue }
                let hint = nearestPage(to: decoded).map { " Did you mean '\($0)'?" } ?? ""
                diagnostics.error(entry.page.file, link.line, "link to '\(link.url)' leads nowhere: the site has no page or file at that address; link to the page's .md file, or correct the address.\(hint)")
            }
        }
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
