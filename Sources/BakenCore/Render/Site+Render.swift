import BakenMarkdown
import Foundation

extension Site {
    /// The render stage: every page through its layout, then the files made from the whole site.
    func render(diagnostics: inout Diagnostics) -> [OutputFile] {
        let templates = Templates(theme, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return [] }
        let layouts = pages.map { layout(for: $0, templates: templates, diagnostics: &diagnostics) }
        guard !diagnostics.hasErrors else { return [] }

        let refs = Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, references(in: $0.code)) })
        var files: [OutputFile] = []
        files.reserveCapacity(pages.count + aliases.count + 16)
        for index in pages.indices {
            let html = templates.render(context(for: index, refs: refs[pages[index].page.language] ?? [:]), with: layouts[index]!)
            files.append(OutputFile(path: outputPath(pages[index].url), contents: .text(html)))
        }
        for language in config.languages where homes[language.code] != nil {
            let strings = theme.strings[language.code] ?? [:]
            if templates.exists("404") {
                let url = config.root + config.prefix(of: language.code) + "/404.html"
                let context = context(forGenerated: strings["not_found_title"] ?? "404", url: url, language: language.code, refs: refs[language.code] ?? [:])
                files.append(OutputFile(path: outputPath(url), contents: .text(templates.render(context, with: "404"))))
            }
            files.append(OutputFile(path: outputPath(feedURL(language.code)), contents: .text(feed(language.code))))
        }
        for alias in aliases {
            files.append(OutputFile(path: outputPath(alias.url), contents: .text(redirect(to: pages[alias.target]))))
        }
        files.append(OutputFile(path: "sitemap.xml", contents: .text(sitemap())))
        files.append(OutputFile(path: "robots.txt", contents: .text("User-agent: *\nAllow: /\n\nSitemap: \(config.origin)\(config.root)/sitemap.xml\n")))
        for file in theme.staticFiles {
            files.append(OutputFile(path: file.output, contents: .copy(file.source)))
        }
        for resource in resources {
            files.append(OutputFile(path: outputPath(resource.output), contents: .copy(resource.source)))
        }
        return files
    }

    /// `/campagne/en/norms/` → `en/norms/index.html`
    func outputPath(_ url: String) -> String {
        var path = String(url.dropFirst(config.root.count))
        while path.hasPrefix("/") { path.removeFirst() }
        path = path.removingPercentEncoding ?? path
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    private func layout(for entry: AssembledPage, templates: Templates, diagnostics: inout Diagnostics) -> String? {
        let page = entry.page
        if let layout = page.frontMatter.layout {
            if templates.exists(layout) { return layout }
            diagnostics.error(page.file, page.frontMatter.lines["layout"], "layout '\(layout)' does not exist: make layouts/\(layout).mustache, or remove the field")
            return nil
        }
        var candidates: [String] = []
        switch page.kind {
        case .home: candidates = ["home", "section"]
        case .section: candidates = ["section"]
        case .page: break
        }
        candidates += [page.frontMatter.type.rawValue, "page"]
        if let found = candidates.first(where: templates.exists) { return found }
        diagnostics.error(page.file, nil, "no layout for this page: the theme needs layouts/\(candidates.first!).mustache or layouts/page.mustache")
        return nil
    }

    /// A page at an old address that sends the reader on, with and without a browser that follows meta refresh.
    private func redirect(to target: AssembledPage) -> String {
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
    private func feed(_ language: String) -> String {
        let news = pages.filter { $0.page.language == language && $0.page.frontMatter.type == .news }
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
