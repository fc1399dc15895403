import Dispatch
import Foundation

/// Hashes of a page's inline scripts and styles, for the site-wide header policy.
struct InlineHashes: Sendable, Equatable {
    var scripts: Set<String> = []
    var styles: Set<String> = []
}

/// A rendered page: its file and the inline blocks it carries.
struct RenderedPage: Sendable {
    let file: OutputFile
    let inline: InlineHashes
    /// A hash of the page's bytes: the service worker's version is made from those of all pages.
    var digest: UInt64 = 0
}

/// What an HTML file loads from other hosts: the loads that fail the build, and the addresses allowExternal lets through.
struct FoundLoads: Sendable {
    let path: String
    let loads: [ExternalLoads.Load]
    let allowed: [String]
}

/// Renders pages through the theme's templates: compiled once, then used for every page, in parallel.
struct PageRenderer: Sendable {
    let templates: Templates
    /// The layout of each page of the site it was made for.
    let layouts: [String]
    let csp: ContentSecurityPolicy
    private let links: ExternalLoads
    /// `"/css/baken.css"` → `"/css/baken.1a2b3c4d.css"`, quotes included, for every hashed asset.
    private let assetNames: [([UInt8], [UInt8])]
    private let shared: [String: LanguageValues]
    /// Lesson packs to offer on lesson and section pages.
    var downloads: PackDownloads = .none
    /// Print material, offered on the pages it was made from.
    var printed: Printed = .none

    /// Nil, with diagnostics, when a template or a page's layout is wrong.
    init?(_ site: Site, diagnostics: inout Diagnostics) {
        templates = Templates(site.theme, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        var layouts: [String] = []
        for entry in site.pages {
            guard let layout = Self.layout(for: entry, templates: templates, diagnostics: &diagnostics) else { continue }
            layouts.append(layout)
        }
        guard !diagnostics.hasErrors else { return nil }
        self.layouts = layouts
        csp = ContentSecurityPolicy(allowExternal: site.config.allowExternal)
        links = ExternalLoads(allowed: [], origin: site.config.origin)
        assetNames = site.theme.hashedNames.sorted { $0.key < $1.key }.map { original, hashed in
            (Array("\"\(site.config.root)/\(original)\"".utf8), Array("\"\(site.config.root)/\(hashed)\"".utf8))
        }
        shared = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, LanguageValues(site, language: $0.code)) })
    }

    /// Every page, on all cores, each handed to `deliver` on the thread that rendered it, with `side` as one
    /// more piece of work for the cores (`ParallelMap.map(_:alongside:_:)`); the result is in page order, so
    /// output never depends on scheduling.
    func renderAll<T, S>(_ site: Site, alongside side: @Sendable () -> S, deliver: @Sendable (RenderedPage) -> T) -> ([T], S) {
        ParallelMap.map(Array(site.pages.indices), alongside: side) { deliver(render(site, $0)) }
    }

    func render(_ site: Site, _ index: Int) -> RenderedPage {
        let entry = site.pages[index]
        let language = shared[entry.page.language]!
        let content = renderShortcodes(site, entry, language: language.value)
        let context = site.context(for: index, content: content, shared: language.value, downloads: downloads, printed: printed)
        return finish(templates.render(language.values(with: context), with: layouts[index]), path: site.outputPath(entry.url))
    }

    /// Page `index` through `layout` as a piece of HTML for a picture, with the theme's assets at their hashed names.
    func renderShare(_ site: Site, _ index: Int, layout: String) -> String {
        let entry = site.pages[index]
        let language = shared[entry.page.language]!
        let context = site.context(for: index, content: "", shared: language.value)
        return String(decoding: hashedAssets(templates.render(language.values(with: context), with: layout)), as: UTF8.self)
    }

    /// The print page of one format of page `index`, through `layout`, beside the page.
    func renderPrint(_ site: Site, _ index: Int, format: PrintFormat, layout: String) -> RenderedPage {
        let entry = site.pages[index]
        let language = shared[entry.page.language]!
        let context = site.context(for: index, content: entry.html, shared: language.value, downloads: downloads, printing: format)
        return finish(templates.render(language.values(with: context), with: layout), path: site.printPath(index, format, extension: "html"))
    }

    func renderNotFound(_ site: Site, language code: String) -> RenderedPage? {
        renderGenerated(site, layout: "404", file: "404.html", title: site.theme.strings[code]?["not_found_title"] ?? "404", language: code)
    }

    /// A page with no Markdown file, such as the 404 page: `file` in the language's folder, through `layout`;
    /// nil when the theme has no such layout.
    func renderGenerated(_ site: Site, layout: String, file: String, title: String, language code: String) -> RenderedPage? {
        guard templates.exists(layout), let language = shared[code] else { return nil }
        let url = site.config.root + site.config.prefix(of: code) + "/" + file
        let context = site.context(forGenerated: title, url: url, language: code)
        return finish(templates.render(language.values(with: context), with: layout), path: site.outputPath(url))
    }

    /// A generated page's values in a language: those of its language, its own, and `extra`, which win.
    func values(_ context: PageContext, language code: String, extra: [String: TemplateValue] = [:]) -> TemplateValue {
        guard case .object(var fields) = shared[code]!.values(with: context) else { return .object(extra) }
        fields.merge(extra) { _, new in new }
        return .object(fields)
    }

    /// Outbound links without referrer, and the page's Content-Security-Policy.
    func finish(_ html: String, path: String) -> RenderedPage {
        let linked = OutboundLinks.noReferrer(hashedAssets(html), isExternal: links.isExternal)
        let hashes = ContentSecurityPolicy.inlineHashes(linked)
        let text = csp.insertMeta(into: linked, hashes: hashes)
        return RenderedPage(file: OutputFile(path: path, contents: .text(text)), inline: InlineHashes(scripts: hashes.scripts, styles: hashes.styles),
                            digest: Hash64.of(Data(text.utf8)))
    }

    /// Links to theme assets point at their hashed names: every address found, then the page made once.
    private func hashedAssets(_ html: String) -> [UInt8] {
        let bytes = Array(html.utf8)
        guard !assetNames.isEmpty else { return bytes }
        var found: [(at: Int, asset: Int)] = []
        for (asset, (original, _)) in assetNames.enumerated() {
            var index = 0
            while let at = bytes.find(original, from: index) {
                found.append((at, asset))
                index = at + original.count
            }
        }
        guard !found.isEmpty else { return bytes }
        found.sort { $0.at < $1.at }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + found.count * 9)
        var index = 0
        for (at, asset) in found where at >= index {
            result += bytes[index..<at]
            result += assetNames[asset].1
            index = at + assetNames[asset].0.count
        }
        result += bytes[index...]
        return result
    }

    /// The page's body with each shortcode marker replaced by its rendered template.
    private func renderShortcodes(_ site: Site, _ entry: AssembledPage, language: LanguageShared) -> String {
        guard !entry.shortcodes.isEmpty else { return entry.html }
        let strings = site.theme.strings[entry.page.language] ?? [:]
        let lang = site.config.language(entry.page.language)!
        var html = entry.html
        for (index, shortcode) in entry.shortcodes.enumerated() {
            let context = ShortcodeContext(
                params: shortcode.parameters,
                contacts: shortcode.name == "contacts" ? site.contactViews(language: lang.code, strings: strings, filter: shortcode.parameters) : language.contacts,
                contactsJSONLD: language.contactsJSONLD, t: strings,
                lang: LanguageView(code: lang.code, name: lang.name, dir: lang.direction, home: site.homes[lang.code].map { site.pages[$0].url } ?? "/"),
                ref: language.refs, root: site.config.root, safety: site.safetyView)
            html = html.replacingOccurrences(of: Site.shortcodeMarker(index), with: templates.render(context, with: "shortcodes/\(shortcode.name)"))
        }
        return html
    }

    /// The page's `layout`, else home/section, else its type, else `page`: the first that exists.
    static func layout(for entry: AssembledPage, templates: Templates, diagnostics: inout Diagnostics) -> String? {
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
}

/// What every page of one language sees alike, made once: the views, and their template values.
private struct LanguageValues: Sendable {
    let value: LanguageShared
    let fields: [String: TemplateValue]

    init(_ site: Site, language code: String) {
        value = site.shared(code)
        fields = TemplateEncoder.fields(site.languageContext(code, shared: value))
    }

    /// A page's values: its language's and its own side by side.
    func values(with context: PageContext) -> TemplateValue {
        .object(fields.merging(TemplateEncoder.fields(context)) { _, own in own })
    }
}
