import BakenMarkdown
import Foundation

extension Site {
    /// Every file that is not a page: 404 pages, feeds, contacts, redirects, sitemap, host settings, the offline
    /// pages and service worker, static files. `inline` are the hashes of inline scripts and styles found in the
    /// pages, for the header policy; `digests` the hashes of the pages' bytes, for the worker's version.
    func siteFiles(_ renderer: PageRenderer, inline: [InlineHashes], digests: [UInt64]) -> [OutputFile] {
        var files: [OutputFile] = []
        var scripts: Set<String> = [], styles: Set<String> = []
        // The print pages' own @page rules are inline styles too: the host's header policy must allow them.
        for hashes in inline + renderer.printed.inline {
            scripts.formUnion(hashes.scripts)
            styles.formUnion(hashes.styles)
        }
        for language in config.languages where homes[language.code] != nil {
            if let notFound = renderer.renderNotFound(self, language: language.code) {
                files.append(notFound.file)
                scripts.formUnion(notFound.inline.scripts)
                styles.formUnion(notFound.inline.styles)
            }
            files.append(OutputFile(path: outputPath(feedURL(language.code)), contents: .text(feed(language.code))))
        }
        if let (worker, offline) = serviceWorkerFiles(renderer, digests: digests) {
            files.append(worker)
            for page in offline {
                files.append(page.file)
                scripts.formUnion(page.inline.scripts)
                styles.formUnion(page.inline.styles)
            }
        }
        if contacts.contains(where: { $0.telephoneURI != nil }) {
            files.append(OutputFile(path: "contacts.vcf", contents: .text(vCards(discreet: false))))
            if contacts.contains(where: { $0.discreetName != nil }) {
                files.append(OutputFile(path: "contacts-discreet.vcf", contents: .text(vCards(discreet: true))))
            }
        }
        for alias in aliases {
            files.append(OutputFile(path: outputPath(alias.url), contents: .text(redirect(to: pages[alias.target]))))
        }
        files.append(OutputFile(path: "sitemap.xml", contents: .text(sitemap())))
        let headerPolicy = renderer.csp.policy(scripts: scripts, styles: styles, forHeader: true)
        files.append(OutputFile(path: "_headers", contents: .text(HostConfig.headersFile(policy: headerPolicy, site: self))))
        files.append(OutputFile(path: "nginx.conf", contents: .text(HostConfig.nginx(policy: headerPolicy, site: self))))
        files.append(OutputFile(path: "robots.txt", contents: .text("User-agent: *\nAllow: /\n\nSitemap: \(config.origin)\(config.root)/sitemap.xml\n")))
        for file in theme.staticFiles {
            files.append(OutputFile(path: theme.hashedNames[file.output] ?? file.output, contents: .copy(file.source)))
        }
        for (output, text) in theme.stylesheetFiles where theme.joinedStylesheets.contains(where: { $0.output == output }) {
            files.append(OutputFile(path: theme.hashedNames[output] ?? output, contents: .text(text)))
        }
        for resource in resources where published.contains(resource.source) {
            files.append(OutputFile(path: outputPath(resource.output), contents: .copy(resource.source)))
        }
        return files
    }

    /// What an HTML file would load from another host, found while the file is at hand; nil for other files.
    func externalLoads(in file: OutputFile) -> FoundLoads? {
        guard file.path.hasSuffix(".html"), case .text(let html) = file.contents else { return nil }
        let checker = ExternalLoads(allowed: config.allowExternal, origin: config.origin)
        let allowed = config.allowExternal.isEmpty ? [] : ExternalLoads(allowed: [], origin: config.origin).loads(inHTML: html).map(\.url).filter(checker.isAllowed)
        return FoundLoads(path: file.path, loads: checker.loads(inHTML: html), allowed: allowed)
    }

    /// Fails the build for anything a page would load from another host, at the line that asks for it: reports
    /// what files load from other hosts (and what the theme's stylesheets load); returns the addresses
    /// allowExternal let through. A load in a page is reported at the line of its Markdown that has the address.
    func reportExternalLoads(_ found: [FoundLoads], diagnostics: inout Diagnostics) -> [String] {
        let checker = ExternalLoads(allowed: config.allowExternal, origin: config.origin)
        var allowed: Set<String> = []
        let pageByOutput = Dictionary(pages.map { (outputPath($0.url), $0) }, uniquingKeysWith: { a, _ in a })
        var reported: Set<String> = []
        for file in found {
            allowed.formUnion(file.allowed)
            for load in file.loads {
                let (source, line) = origin(of: load.url, page: pageByOutput[file.path])
                guard reported.insert("\(source):\(line ?? 0):\(load.url)").inserted else { continue }
                diagnostics.error(source, line, "<\(load.tag) \(load.attribute)> loads \(load.url) from another host, so that host would see every visitor: put the file in the site (static/ or next to the page), or add the address to allowExternal in site.yml")
            }
        }
        for (source, css) in theme.stylesheets.sorted(by: { $0.key < $1.key }) {
            for url in checker.loads(inCSS: css) {
                diagnostics.error(source, Self.line(of: url, in: css), "this stylesheet loads \(url) from another host: put the file (a font, an image) in the theme's static/ folder")
            }
        }
        return allowed.sorted()
    }

    /// The file and line an address was written on: the page's Markdown, else the template that has it.
    private func origin(of url: String, page: AssembledPage?) -> (String, Int?) {
        if let page, let found = page.addressLines.first(where: { $0.text.contains(url) }) {
            return (page.page.file, found.line)
        }
        for (_, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            if let line = Self.line(of: url, in: template.text) { return (template.file, line) }
        }
        if let page, let line = page.page.frontMatter.lines.values.min() { return (page.page.file, line) }
        return (page?.page.file ?? SiteConfig.file, nil)
    }

    static func line(of needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// `/campagne/en/norms/` → `en/norms/index.html`
    func outputPath(_ url: String) -> String {
        var path = String(url.dropFirst(config.root.count))
        while path.hasPrefix("/") { path.removeFirst() }
        path = path.removingPercentEncoding ?? path
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// A page at an old address that sends the reader on, with and without a browser that follows meta refresh.
    func redirect(to target: AssembledPage) -> String {
        let url = HTMLEscape.attribute(config.origin + target.url)
        let title = HTMLEscape.text(target.page.frontMatter.title)
        return """
        <!doctype html>
        <html lang="\(target.page.language)">
        <head><meta charset="utf-8"><title>\(title)</title><link rel="canonical" href="\(url)"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=\(url)"></head>
        <body><p><a href="\(url)">\(title)</a></p></body>
        </html>

        """
    }

    private func sitemap() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for (index, entry) in pages.enumerated() {
            xml += "  <url>\n    <loc>\(HTMLEscape.attribute(config.origin + entry.url))</loc>\n"
            if let date = entry.page.frontMatter.date ?? entry.page.frontMatter.lastChecked { xml += "    <lastmod>\(date)</lastmod>\n" }
            for language in config.languages {
                if let translation = translation(of: index, in: language.code) {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language.code)\" href=\"\(HTMLEscape.attribute(config.origin + translation.url))\"/>\n"
                }
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// An Atom feed of a language's news pages, newest first; dated by its newest entry, never by the clock.
    func feed(_ language: String) -> String {
        let news = pages.filter { $0.page.language == language && has(.feed, $0.page) }
            .sorted { ($0.page.frontMatter.date ?? Day(year: 1970, month: 1, day: 1)!, $1.url) > ($1.page.frontMatter.date ?? Day(year: 1970, month: 1, day: 1)!, $0.url) }
        let title = HTMLEscape.text(config.language(language)?.title ?? config.title)
        let home = config.origin + (homes[language].map { pages[$0].url } ?? config.root + "/")
        let updated = news.compactMap(\.page.frontMatter.date).max().map { "\($0)T00:00:00Z" } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language)">
          <title>\(title)</title>
          <id>\(HTMLEscape.text(home))</id>
          <link href="\(HTMLEscape.attribute(home))"/>
          <link rel="self" href="\(HTMLEscape.attribute(config.origin + feedURL(language)))"/>
          <updated>\(updated)</updated>

        """
        for entry in news {
            let url = HTMLEscape.attribute(config.origin + entry.url)
            let date = entry.page.frontMatter.date.map { "\($0)T00:00:00Z" } ?? updated
            xml += """
              <entry>
                <title>\(HTMLEscape.text(entry.page.frontMatter.title))</title>
                <link href="\(url)"/>
                <id>\(url)</id>
                <updated>\(date)</updated>
                <summary>\(HTMLEscape.text(entry.page.frontMatter.description ?? ""))</summary>
                <content type="html">\(HTMLEscape.text(entry.html))</content>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}
