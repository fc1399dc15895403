import Foundation

extension Site {
    /// How many pages the worker keeps besides the ones it fetches on the first visit; the worker reads it from
    /// its settings, so a theme can change it.
    static let serviceWorkerKeeps = 30

    /// The theme's offline page in each language (layout `offline`) and its service worker (layout `sw`, written
    /// as `sw.js` at the site's root), when the theme has both. The worker's settings come from the build: a
    /// version made from the bytes of every page (`digests`, in the order of the site's pages) and of the offline
    /// pages, so a build that changes any page gives a new worker that drops the old caches; and the addresses
    /// to fetch on the first visit: each language's home, help and report pages and offline page, with the
    /// theme files those pages load.
    func serviceWorkerFiles(_ renderer: PageRenderer, digests: [UInt64]) -> (worker: OutputFile, offline: [RenderedPage])? {
        guard renderer.templates.exists("sw"), renderer.templates.exists("offline") else { return nil }
        var offline: [RenderedPage] = [], offlineURLs: [String: JSON] = [:], html: [String] = []
        var precache: Set<String> = []
        for language in config.languages {
            guard let home = homes[language.code] else { continue }
            let title = theme.strings[language.code]?["offline_title"] ?? "Offline"
            guard let page = renderer.renderGenerated(self, layout: "offline", file: "offline.html", title: title, language: language.code),
                  case .text(let text) = page.file.contents else { continue }
            offline.append(page)
            html.append(text)
            let url = config.root + "/" + page.file.path
            offlineURLs[pages[home].url] = .string(url)
            precache.insert(url)
            for index in pages.indices where pages[index].page.language == language.code
                && (index == home || has(.offline, pages[index].page)) {
                precache.insert(pages[index].url)
                if case .text(let text) = renderer.render(self, index).file.contents { html.append(text) }
            }
        }
        // The theme files those pages load, by the names they are written under.
        for output in theme.staticFiles.map(\.output) + theme.joinedStylesheets.map(\.output) {
            let url = config.root + "/" + (theme.hashedNames[output] ?? output)
            if html.contains(where: { $0.contains("\"\(url)\"") }) { precache.insert(url) }
        }
        var summary = Data()
        for digest in digests + offline.map(\.digest) {
            withUnsafeBytes(of: digest.littleEndian) { summary.append(contentsOf: $0) }
        }
        let version = String(Hash64.of(summary), radix: 16).leftPadded(to: 16)
        let settings = JSON.object([
            "version": .string(version),
            "scope": .string(config.root + "/"),
            "precache": .array(precache.sorted().map(JSON.string)),
            "offline": .object(offlineURLs),
            "keep": .int(Self.serviceWorkerKeeps),
        ])
        let values: [String: TemplateValue] = ["worker": .object(["version": .string(version), "settings": .string(settings.text())])]
        let worker = OutputFile(path: outputPath(config.root + "/sw.js"), contents: .text(renderer.templates.render(values, with: "sw")))
        return (worker, offline)
    }
}
