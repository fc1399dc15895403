import BakenSearch
import Foundation

/// What one step of a live site's rebuild changed in the output folder.
public struct LiveUpdate: Sendable {
    /// Output paths written or removed, sorted.
    public var changed: [String]
    /// Whether the whole site was read again (a template, site.yml, data or a page's front matter changed).
    public var full: Bool
    /// Whether files made from all pages (search, feeds, sitemap, _headers) still wait for `finish()`.
    public var followUp: Bool
    public var warnings: [Diagnostic]
    public var seconds: Double
}

/// A site kept in memory between builds, for `baken serve`: rebuilds what a change affects and rewrites
/// only the output files whose bytes changed, so the folder always equals a clean build's.
///
/// An edit to a page's body comes in two steps: `update` writes the edited pages (quick, whatever the
/// size of the site), then `finish` writes the files made from all pages, such as the search index.
/// Between the two, only those files lag behind; more edits may come first, and one `finish` covers them all.
/// Use it from one thread at a time.
public final class LiveSite: @unchecked Sendable {
    public let options: BuildOptions
    private let tree: SourceTree
    private var site: Site?
    private var renderer: PageRenderer?
    /// The inline blocks of each page, in the order of the site's pages, for the header policy.
    private var inline: [InlineHashes] = []
    /// Each language's search index as last written, and the inline blocks of the search pages.
    private var searchIndexes: [String: SearchIndex] = [:]
    private var searchInline: [InlineHashes] = []
    /// The hash of each page's bytes, in the order of the site's pages, for the service worker's version.
    private var digests: [UInt64] = []
    /// Whether a page's bytes changed since the service worker was written.
    private var staleWorker = false
    /// Languages whose pages' searchable text changed since their index was made.
    private var staleSearch: Set<String> = []
    /// Whether the site files made from pages (feeds, `_headers`, `nginx.conf`) may have changed: a news
    /// page's body is in its feed, and a page's inline blocks are in the header policy.
    private var staleSiteFiles = false
    /// Pages whose body goes into a lesson pack: an edit there makes the packs again, with the whole site.
    private var inPacks: Set<Int> = []
    /// The preview's folder, which knows what it holds and rewrites only what changed.
    private let preview: PreviewFolder
    /// Whether `finish` has work: an edit was written without the files made from all pages.
    public private(set) var hasFollowUp = false

    public init(_ options: BuildOptions) {
        self.options = options
        self.tree = SourceTree(options)
        self.preview = PreviewFolder(output: options.output, tree: tree)
    }

    /// Reads and renders everything; writes only what differs from the folder's last state.
    @discardableResult
    public func rebuildAll() throws(BuildFailure) -> LiveUpdate {
        let start = Date()
        var diagnostics = Diagnostics()
        // The build's stages, into files kept in memory; the site, its renderer and search indexes stay for edits.
        let (source, lessonFiles) = try Baken.load(options, tree: tree, diagnostics: &diagnostics)
        let site = try Baken.assemble(source, diagnostics: &diagnostics)
        let packs = try Baken.packs(of: site, files: lessonFiles, pdf: options.pdf, diagnostics: &diagnostics).packs
        let renderer = try Baken.renderer(for: site, packs: packs, printer: nil, tree: tree, diagnostics: &diagnostics)
        let collected = CollectedFiles()
        let rendered = Baken.render(site, with: renderer, into: collected, diagnostics: &diagnostics)
        _ = try Baken.siteFiles(of: site, with: renderer, rendered: rendered, into: collected, diagnostics: &diagnostics)
        let changed = try writeOrForget(collected.files, replacingAll: true)
        self.site = site
        self.renderer = renderer
        inline = Array(rendered.inline.prefix(site.pages.count))
        searchInline = Array(rendered.inline.dropFirst(site.pages.count))
        digests = rendered.digests
        staleWorker = false
        searchIndexes = Dictionary(rendered.searchIndexes.map { ($0.language, $0) }, uniquingKeysWith: { a, _ in a })
        staleSearch = []
        staleSiteFiles = false
        inPacks = site.pagesInPacks()
        hasFollowUp = false
        return LiveUpdate(changed: changed, full: true, followUp: false, warnings: diagnostics.all.filter { $0.severity == .warning }, seconds: Date().timeIntervalSince(start))
    }

    /// The first step after the files at `paths` (relative to the site folder) changed. An edit to the body
    /// of existing pages renders and writes just those pages (and translations that say whether they are
    /// outdated), leaving the files made from all pages to `finish`; anything else reads the site again.
    @discardableResult
    public func update(_ paths: Set<String>) throws(BuildFailure) -> LiveUpdate {
        guard var site, let renderer else { return try rebuildAll() }
        let start = Date()
        var diagnostics = Diagnostics()
        var edited: [(index: Int, entry: AssembledPage)] = []
        for path in paths.sorted() {
            // A page whose title is its first heading is read whole again: an edit may change its title.
            guard let index = site.fileIndex[path], !inPacks.contains(index), !site.pages[index].page.frontMatter.titleFromHeading,
                  let text = tree.text(path, diagnostics: &diagnostics),
                  case .success(let split) = FrontMatter.split(text, file: path),
                  split.yaml == site.pages[index].page.frontMatterText else { return try rebuildAll() }
            var page = site.pages[index].page
            page.body = split.body
            page.bodyLine = split.bodyLine
            let entry = site.reading(page, diagnostics: &diagnostics)
            // A file of content/ that no page used before is published by a whole build.
            guard entry.usedFiles.allSatisfy(site.published.contains) else { return try rebuildAll() }
            edited.append((index, entry))
        }
        try diagnostics.check()

        // Pages change in place (the site holds thousands), and go back as they were if the edit fails.
        let previous = edited.map { (index: $0.index, entry: site.pages[$0.index]) }
        self.site = nil
        for (index, entry) in edited { site.replace(index, with: entry) }
        // A translation says whether its source changed since it was translated: it is rendered again with its source.
        var affected = Set(edited.map(\.index))
        for (index, _) in edited where site.pages[index].page.language == site.config.defaultLanguage {
            for (_, other) in site.translations[site.pages[index].page.translationKey] ?? [:] { affected.insert(other) }
        }
        let indices = affected.sorted()
        let pages = Self.render(indices, of: site, with: renderer)
        do throws(BuildFailure) {
            try checkExternalLoads(pages.map(\.file), in: site)
        } catch {
            for (index, entry) in previous { site.replace(index, with: entry) }
            self.site = site
            throw error
        }
        let changed = try writeOrForget(pages.map(\.file))
        for (index, page) in zip(indices, pages) where inline[index] != page.inline {
            inline[index] = page.inline
            staleSiteFiles = true
        }
        for (index, page) in zip(indices, pages) where digests[index] != page.digest {
            digests[index] = page.digest
            staleWorker = true
        }
        for (old, new) in zip(previous, edited) {
            if old.entry.sections != new.entry.sections { staleSearch.insert(new.entry.page.language) }
            if site.has(.feed, new.entry.page) { staleSiteFiles = true }
        }
        self.site = site
        hasFollowUp = true
        return LiveUpdate(changed: changed, full: false, followUp: true, warnings: [], seconds: Date().timeIntervalSince(start))
    }

    /// The second step: the files made from all pages, for every edit since the last time. The search
    /// index is made again only for languages whose searchable text changed, and the other site files only
    /// when a news page or a page's inline blocks changed: nothing else in them depends on a page's body.
    @discardableResult
    public func finish() throws(BuildFailure) -> LiveUpdate {
        guard hasFollowUp, let site, let renderer else {
            return LiveUpdate(changed: [], full: false, followUp: false, warnings: [], seconds: 0)
        }
        let start = Date()
        var files: [OutputFile] = []
        var search: (pages: [RenderedPage], indexes: [SearchIndex])?
        if !staleSearch.isEmpty {
            var notes = Diagnostics()
            let made = site.renderSearch(renderer, reusing: searchIndexes.filter { !staleSearch.contains($0.key) }, diagnostics: &notes)
            files += made.pages.map(\.file)
            if made.pages.map(\.inline) != searchInline { staleSiteFiles = true }
            search = made
        }
        if staleSiteFiles {
            // Static files and pack downloads are copied from sources that a body edit does not touch.
            files += site.siteFiles(renderer, inline: inline + (search?.pages.map(\.inline) ?? searchInline), digests: digests).filter {
                if case .text = $0.contents { return true }
                return false
            }
        } else if staleWorker, let worker = site.serviceWorkerFiles(renderer, digests: digests)?.worker {
            files.append(worker)
        }
        let changed = try writeOrForget(files, replacing: staleSearch.map { site.searchIndexPath($0, "") })
        if let search {
            searchIndexes = Dictionary(search.indexes.map { ($0.language, $0) }, uniquingKeysWith: { a, _ in a })
            searchInline = search.pages.map(\.inline)
        }
        staleSearch = []
        staleSiteFiles = false
        staleWorker = false
        hasFollowUp = false
        return LiveUpdate(changed: changed, full: false, followUp: false, warnings: [], seconds: Date().timeIntervalSince(start))
    }

    private static func render(_ indices: [Int], of site: Site, with renderer: PageRenderer) -> [RenderedPage] {
        ParallelMap.map(indices) { renderer.render(site, $0) }
    }

    /// Fails for anything the pages would load from another host. Looks at these pages alone; only when
    /// one loads something is it reported, with the site's messages.
    private func checkExternalLoads(_ files: [OutputFile], in site: Site) throws(BuildFailure) {
        let found = files.compactMap(site.externalLoads(in:))
        guard found.contains(where: { !$0.loads.isEmpty }) else { return }
        var diagnostics = Diagnostics()
        _ = site.reportExternalLoads(found, diagnostics: &diagnostics)
        try diagnostics.check()
    }

    /// Writes; when that fails, part of the folder may be new, so the next change builds the whole site.
    private func writeOrForget(_ files: [OutputFile], replacing prefixes: [String] = [], replacingAll: Bool = false) throws(BuildFailure) -> [String] {
        do throws(BuildFailure) {
            return try preview.write(files, replacing: prefixes, replacingAll: replacingAll)
        } catch {
            site = nil
            throw error
        }
    }
}
