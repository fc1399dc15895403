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
    private let shared: [String: LanguageSharedBox]
    /// Lesson packs to offer on lesson and section pages.
    var downloads: PackDownloads = .none

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
        shared = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, LanguageSharedBox(site, language: $0.code)) })
    }

    /// Every page, on all cores, each handed to `deliver` on the thread that rendered it, with `side` as one
    /// more piece of work for the cores (`ParallelMap.map(_:alongside:_:)`); the result is in page order, so
    /// output never depends on scheduling.
    func renderAll<T, S>(_ site: Site, alongside side: @Sendable () -> S, deliver: @Sendable (RenderedPage) -> T) -> ([T], S) {
        ParallelMap.map(Array(site.pages.indices), alongside: side) { deliver(render(site, $0)) }
    }

    func render(_ site: Site, _ index: Int) -> RenderedPage {
        let entry = site.pages[index]
        let language = shared[entry.page.language]!.value
        let content = renderShortcodes(site, entry, language: language)
        let context = site.context(for: index, content: content, shared: language, downloads: downloads)
        let html = templates.render(TemplateData.convert(context, prepared: shared[entry.page.language]!.prepared), with: layouts[index])
        return finish(html, path: site.outputPath(entry.url))
    }

    /// Pages whose language-wide values differ from the ones converted once per language; empty unless a field
    /// in `LanguageSharedBox.languageFields` came to depend on the page (a test checks the Almelo site).
    func pagesWithOwnLanguageValues(_ site: Site) -> [String] {
        pages(of: site) { _, values, box in values.filter { LanguageSharedBox.languageFields.contains($0.key) } != box.prepared }
    }

    /// Pages whose views give other values field by field than by reflection; empty unless a view's
    /// `templateFields` misses a field (a test checks the Almelo site).
    func pagesWithOwnFieldValues(_ site: Site) -> [String] {
        pages(of: site) { context, values, _ in values != TemplateData.$reflected.withValue(true) { TemplateData.convert(context, prepared: [:]) } }
    }

    /// The addresses of the pages for which `differ` holds, given each page's context and its values converted
    /// without the per-language shortcut.
    private func pages(of site: Site, where differ: (PageContext, [String: TemplateValue], LanguageSharedBox) -> Bool) -> [String] {
        site.pages.indices.compactMap { index in
            let entry = site.pages[index]
            let box = shared[entry.page.language]!
            let context = site.context(for: index, content: "", shared: box.value, downloads: downloads)
            return differ(context, TemplateData.convert(context, prepared: [:]), box) ? entry.url : nil
        }
    }

    func renderNotFound(_ site: Site, language code: String) -> RenderedPage? {
        guard templates.exists("404"), let language = shared[code]?.value else { return nil }
        let strings = site.theme.strings[code] ?? [:]
        let url = site.config.root + site.config.prefix(of: code) + "/404.html"
        let context = site.context(forGenerated: strings["not_found_title"] ?? "404", url: url, language: code, shared: language)
        return finish(templates.render(TemplateData.convert(context, prepared: shared[code]!.prepared), with: "404"), path: site.outputPath(url))
    }

    /// Outbound links without referrer, and the page's Content-Security-Policy.
    func finish(_ html: String, path: String) -> RenderedPage {
        let linked = OutboundLinks.noReferrer(hashedAssets(html), isExternal: links.isExternal)
        let hashes = ContentSecurityPolicy.inlineHashes(linked)
        let text = csp.insertMeta(into: linked, hashes: hashes)
        return RenderedPage(file: OutputFile(path: path, contents: .text(text)), inline: InlineHashes(scripts: hashes.scripts, styles: hashes.styles))
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
            html = html.replacingOccurrences(of: Site.shortcodeMarker(index), with: templates.render(TemplateData.convert(context), with: "shortcodes/\(shortcode.name)"))
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

/// Shared language values hold views with `Any` inside; they are only read after creation.
private struct LanguageSharedBox: @unchecked Sendable {
    let value: LanguageShared
    /// The values every page of the language has in common, already turned into `TemplateValue`s.
    let prepared: [String: TemplateValue]

    /// Fields of `PageContext` that depend on the language only.
    static let languageFields: Set<String> = ["site", "lang", "t", "feed", "root", "ref", "contacts", "contactsJSONLD", "safety"]

    init(_ site: Site, language code: String) {
        value = site.shared(code)
        let context = site.context(forGenerated: "", url: "", language: code, shared: value)
        prepared = TemplateData.convert(context, prepared: [:]).filter { Self.languageFields.contains($0.key) }
    }
}
