import Foundation

/// What one rebuild of a live site changed in the output folder.
public struct LiveUpdate: Sendable {
    /// Output paths written or removed, sorted.
    public var changed: [String]
    /// Whether the whole site was read again (a template, site.yml, data or a page's front matter changed).
    public var full: Bool
    public var warnings: [Diagnostic]
    public var seconds: Double
}

/// A site kept in memory between builds, for `baken serve`: rebuilds what a change affects and rewrites
/// only the output files whose bytes changed, so the folder always equals a clean build's.
/// Use it from one thread at a time.
public final class LiveSite: @unchecked Sendable {
    public let options: BuildOptions
    private let tree: SourceTree
    private var site: Site?
    private var renderer: PageRenderer?
    private var rendered: [RenderedPage] = []
    /// Output path → bytes last written.
    private var written: [String: Data] = [:]

    public init(_ options: BuildOptions) {
        self.options = options
        self.tree = SourceTree(root: options.site)
    }

    /// Reads and renders everything; writes only what differs from the folder's last state.
    @discardableResult
    public func rebuildAll() throws(BuildFailure) -> LiveUpdate {
        let start = Date()
        var diagnostics = Diagnostics()
        let products = try Baken.produce(options, tree: tree, diagnostics: &diagnostics)
        let changed = try write(products.files, removingOthers: true)
        (self.site, self.renderer, self.rendered) = (products.site, products.renderer, products.rendered)
        return LiveUpdate(changed: changed, full: true, warnings: diagnostics.all.filter { $0.severity == .warning }, seconds: Date().timeIntervalSince(start))
    }

    /// Rebuilds after the files at `paths` (relative to the site folder) changed. An edit to the body of
    /// existing pages renders just those pages and the files made from them; anything else reads the site again.
    @discardableResult
    public func update(_ paths: Set<String>) throws(BuildFailure) -> LiveUpdate {
        guard var site, let renderer else { return try rebuildAll() }
        let start = Date()
        var diagnostics = Diagnostics()
        var edited: [(Int, Page)] = []
        for path in paths.sorted() {
            // Lesson folders go into packs: an edit there makes the packs again, with the whole site.
            guard let index = site.fileIndex[path], !site.isInLessonFolder(index), let text = tree.text(path, diagnostics: &diagnostics),
                  case .success(let split) = FrontMatter.split(text, file: path),
                  split.yaml == site.pages[index].page.frontMatterText else { return try rebuildAll() }
            var page = site.pages[index].page
            page.body = split.body
            page.bodyLine = split.bodyLine
            edited.append((index, page))
        }
        for (index, page) in edited {
            site = site.replacingBody(of: index, with: page, diagnostics: &diagnostics)
        }
        try diagnostics.check()
        var rendered = self.rendered
        for (index, _) in edited { rendered[index] = renderer.render(site, index) }
        // The search index holds every page's text: it is made again from the site as it is now.
        var searchNotes = Diagnostics()
        let search = site.renderSearch(renderer, diagnostics: &searchNotes)
        let files = edited.map { rendered[$0.0].file } + search.map(\.file) + site.siteFiles(renderer, inline: rendered.prefix(site.pages.count).map(\.inline) + search.map(\.inline)).filter {
            if case .text = $0.contents { return true }
            return false
        }
        _ = site.checkExternalLoads(edited.map { rendered[$0.0].file }, diagnostics: &diagnostics)
        try diagnostics.check()
        let changed = try write(files, removingOthers: false)
        (self.site, self.rendered) = (site, rendered)
        return LiveUpdate(changed: changed, full: false, warnings: [], seconds: Date().timeIntervalSince(start))
    }

    /// Writes files whose bytes changed, each through a temporary file and a rename; with `removingOthers`,
    /// deletes files the site no longer has.
    private func write(_ files: [OutputFile], removingOthers: Bool) throws(BuildFailure) -> [String] {
        let fm = FileManager.default
        var changed: [String] = []
        var keep: Set<String> = []
        do {
            var contents: [(path: String, data: Data)] = []
            for file in files where OutputWriter.isInside(file.path) {
                contents.append((file.path, try tree.bytes(of: file)))
            }
            // Only changed files need new compressed copies.
            let fresh = contents.filter { written[$0.path] != $0.data }
            let fromPrecompression = Precompressed.adding(to: fresh)
            for file in contents { keep.insert(file.path) }
            for file in fromPrecompression { keep.insert(file.path) }
            if !removingOthers {
                for path in written.keys { keep.insert(path) }
            } else {
                let unchanged = Set(contents.map(\.path)).subtracting(fresh.map(\.path))
                for path in written.keys where (path.hasSuffix(".gz") || path.hasSuffix(".br")) && unchanged.contains(String(path.dropLast(3))) {
                    keep.insert(path)
                }
            }
            for file in fromPrecompression {
                let data = file.data
                if written[file.path] == data { continue }
                let destination = options.output.appendingPathComponent(file.path)
                try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).baken-tmp")
                try data.write(to: temporary)
                if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
                try fm.moveItem(at: temporary, to: destination)
                written[file.path] = data
                changed.append(file.path)
            }
            if removingOthers {
                for path in written.keys where !keep.contains(path) {
                    try? fm.removeItem(at: options.output.appendingPathComponent(path))
                    written[path] = nil
                    changed.append(path)
                }
                // Files left in the folder by an earlier run that this site does not make.
                if let enumerator = fm.enumerator(at: options.output, includingPropertiesForKeys: nil) {
                    for case let url as URL in enumerator where !url.hasDirectoryPath {
                        let relative = String(url.standardizedFileURL.path.dropFirst(options.output.standardizedFileURL.path.count + 1))
                        if !keep.contains(relative) {
                            try? fm.removeItem(at: url)
                            changed.append(relative)
                        }
                    }
                }
            }
        } catch {
            throw BuildFailure([Diagnostic(file: nil, "cannot write into \(options.output.path): \(error.localizedDescription)")])
        }
        return changed.sorted()
    }
}
