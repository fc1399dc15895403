import BakenSearch
import CBakenIO
import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var site: URL
    public var output: URL
    public var includeDrafts: Bool
    public var baseURL: String?
    public var strict: Bool
    /// The date that help contacts' ages are measured against; today unless a test fixes it.
    public var today: Day
    /// Also print each lesson pack's teacher guide and worksheets to PDF, when Chromium is installed.
    public var pdf: Bool
    /// Skip the build when no input changed since the last one (`--no-cache` turns it off).
    public var useCache: Bool
    /// Do all work on one core, in order: slower, and the output is the same bytes (tested).
    public var singleThreaded = false
    /// Folders of installed themes, used when the site has no `themes/<name>/` of its own.
    public var themeFolders: [URL] = Installation.themeFolders()

    public init(site: URL, output: URL? = nil, includeDrafts: Bool = false, baseURL: String? = nil, strict: Bool = false, pdf: Bool = false, today: Day? = nil, useCache: Bool = false) {
        self.site = site.standardizedFileURL
        self.output = (output ?? site.appendingPathComponent("public")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.strict = strict
        self.today = today ?? Day.today()
        self.pdf = pdf
        self.useCache = useCache
    }
}

/// What a finished build did.
public struct BuildReport: Sendable {
    public var pagesPerLanguage: [(language: String, pages: Int)]
    public var files: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// Addresses on other hosts that pages load because site.yml's allowExternal lets them.
    public var allowedExternal: [String] = []
    /// Seconds per stage, in order: load, assemble, packs, render (pages and search), site files, swap; with the
    /// processor seconds it took on all cores, and the process's peak memory at its end, in megabytes.
    public var stages: [(stage: String, seconds: Double, processorSeconds: Double, peakMB: Int)] = []
    /// Whether nothing had changed since the last build, so nothing was built.
    public var upToDate = false
    /// Lesson packs written, each as a zip and a cartridge.
    public var packs: Int = 0
    /// Processor time of the build on all cores, and the part of it that made the `.gz` and `.br` copies, in seconds.
    public var processorSeconds = 0.0
    public var compressionSeconds = 0.0
    /// Files whose `.gz` and `.br` copies came from the previous output, their bytes being the same.
    public var copiesTaken = 0
    /// What the build wants the editor to know that is no warning, such as packs without PDFs or pages
    /// search treats specially; never a reason to fail, not even with --strict.
    public var notes: [String] = []
}

/// What the render stage made besides the files it wrote: what the site files and the checks need next.
struct Rendered {
    /// The inline blocks of the site's pages in order, then of the search pages.
    var inline: [InlineHashes]
    /// The hashes of the site's pages' bytes, in order (the service worker's version is made from them).
    var digests: [UInt64]
    /// Each language's search index.
    var searchIndexes: [SearchIndex]
    /// What each HTML file loads from other hosts, and the ids it has twice.
    var findings: [FileFindings]
    /// The paths of the files written so far, in the output.
    var paths: [String]
    var count: Int { paths.count }
}

/// What the checks of one written file found.
struct FileFindings: Sendable {
    let loads: FoundLoads?
    let twice: DuplicateIDs?
}

/// How long each stage took, in time and in processor time on all cores, with the process's peak memory at its end.
struct StageClock {
    private var start = Date(), startProcessor = ProcessorTime.process()
    private(set) var stages: [(stage: String, seconds: Double, processorSeconds: Double, peakMB: Int)] = []

    mutating func lap(_ stage: String) {
        let processor = ProcessorTime.process()
        stages.append((stage, Date().timeIntervalSince(start), processor - startProcessor, peakMemoryMB()))
        start = Date()
        startProcessor = processor
    }
}

/// Baken's build pipeline.
public enum Baken {
    /// load → assemble → render → write. Only load and write touch the disk.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let result = ParallelMap.$serial.withValue(options.singleThreaded) {
            Result(catching: { () throws(BuildFailure) in try buildOnce(options) })
        }
        return try result.get()
    }

    /// The build as a checklist: each stage takes values and gives values; every file goes into the staging
    /// folder as soon as it is made, and the folder takes the output's place only when nothing went wrong.
    private static func buildOnce(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let start = Date(), startProcessor = ProcessorTime.process()
        var diagnostics = Diagnostics()
        let tree = SourceTree(options)
        let cache = BuildCache(output: options.output)
        let fingerprint = options.useCache ? BuildCache.fingerprint(options, tree: tree) : nil
        if let fingerprint, cache.isFresh(fingerprint) {
            return BuildReport(pagesPerLanguage: [], files: 0, warnings: [], seconds: Date().timeIntervalSince(start), upToDate: true)
        }
        cache.forget()
        let staging = try Staging(output: options.output, tree: tree, reuseCopies: options.useCache)
        var clock = StageClock()
        let site: Site, made: (packs: [LessonPack], printed: Bool), rendered: Rendered, written: (allowed: [String], files: Int), warnings: [Diagnostic]
        do throws(BuildFailure) {
            let (source, lessonFiles) = try load(options, tree: tree, diagnostics: &diagnostics)
            clock.lap("load")
            var assembled = try assemble(source, diagnostics: &diagnostics)
            clock.lap("assemble")
            made = try packs(of: assembled, files: lessonFiles, pdf: options.pdf, diagnostics: &diagnostics)
            clock.lap("packs")
            // From here on the build needs no Markdown; its memory goes back before the search index takes its own.
            assembled.releaseBodies()
            baken_return_free_memory()
            site = assembled
            let renderer = try renderer(for: site, packs: made.packs, printer: options.pdf ? PDFPrinter.find() : nil, tree: tree, diagnostics: &diagnostics)
            rendered = render(site, with: renderer, into: staging, diagnostics: &diagnostics)
            clock.lap("render")
            written = try siteFiles(of: site, with: renderer, rendered: rendered, into: staging, diagnostics: &diagnostics)
            clock.lap("site files")
            warnings = diagnostics.all.filter { $0.severity == .warning }.sorted()
            if options.strict && !warnings.isEmpty {
                throw BuildFailure(warnings.map { Diagnostic(file: $0.file, line: $0.line, $0.message + " (an error because of --strict)") })
            }
            try staging.commit()
            clock.lap("swap")
        } catch {
            staging.discard()
            throw error
        }
        // Warnings must be seen again next time, so a build with warnings is not remembered.
        if let fingerprint, warnings.isEmpty { cache.record(fingerprint, files: staging.written) }

        let counts = site.config.languages.map { language in
            (language.code, site.pages.count { $0.page.language == language.code })
        }
        var report = BuildReport(
            pagesPerLanguage: counts, files: rendered.count + written.files, warnings: warnings, seconds: Date().timeIntervalSince(start),
            allowedExternal: written.allowed, stages: clock.stages, packs: made.packs.count,
            notes: diagnostics.all.filter { $0.severity == .note }.sorted().map(\.description)
                + (PDFPrinter.note(packs: made.packs.count, asked: options.pdf, printed: made.printed).map { [$0] } ?? []))
        report.processorSeconds = ProcessorTime.process() - startProcessor
        report.compressionSeconds = staging.compressionSeconds
        report.copiesTaken = staging.copiesTaken
        return report
    }

    /// load: site.yml, the theme, every page, the help contacts, and the files of lessons' folders.
    static func load(_ options: BuildOptions, tree: SourceTree, diagnostics: inout Diagnostics) throws(BuildFailure) -> (SiteSource, LessonFiles) {
        var source = try SiteSource.load(from: tree, includeDrafts: options.includeDrafts, today: options.today, diagnostics: &diagnostics)
        if let baseURL = options.baseURL { source.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        return (source, LessonFiles.load(source, from: tree, diagnostics: &diagnostics))
    }

    /// assemble: addresses, translations, sections, Markdown as HTML, links resolved. Stops on an error, with the
    /// links to page addresses on the site that lead nowhere (which the build otherwise checks after writing).
    static func assemble(_ source: SiteSource, diagnostics: inout Diagnostics) throws(BuildFailure) -> Site {
        let site = Site.assemble(source, diagnostics: &diagnostics)
        if diagnostics.hasErrors { site.checkPageAddressLinks(failed: source.failedFiles, diagnostics: &diagnostics) }
        try diagnostics.check()
        return site
    }

    /// packs: each lesson module's pack, printed to PDF when asked and Chromium is there. Stops on an error.
    static func packs(of site: Site, files: LessonFiles, pdf: Bool, diagnostics: inout Diagnostics) throws(BuildFailure) -> (packs: [LessonPack], printed: Bool) {
        let printer = pdf ? PDFPrinter.find() : nil
        var packs = site.packs(files: files, withPDF: printer != nil, diagnostics: &diagnostics)
        printer?.print(&packs, diagnostics: &diagnostics)
        try diagnostics.check()
        return (packs, printer != nil)
    }

    /// The theme's templates, compiled once, with the packs' downloads to offer on lesson and section pages, and the
    /// print material (print pages; PDFs when `printer` is given) on the pages it is made from. Stops on an error.
    static func renderer(for site: Site, packs: [LessonPack], printer: PDFPrinter?, tree: SourceTree, diagnostics: inout Diagnostics) throws(BuildFailure) -> PageRenderer {
        guard var renderer = PageRenderer(site, diagnostics: &diagnostics) else { throw BuildFailure(diagnostics.all) }
        renderer.downloads = PackDownloads(packs, site: site, templates: renderer.templates)
        renderer.printed = Printed(site, renderer: renderer, printer: printer, tree: tree, diagnostics: &diagnostics)
        try diagnostics.check()
        return renderer
    }

    /// render: every page, and alongside them each language's search index and search page; each file goes into
    /// `sink` as soon as it is made, so rendered pages never pile up in memory.
    static func render(_ site: Site, with renderer: PageRenderer, into sink: some OutputSink, diagnostics: inout Diagnostics) -> Rendered {
        // The search index is built by one worker while the others render pages, one language after the other:
        // the two overlap, and the index holds the working memory of one language at a time.
        let (pages, searched) = renderer.renderAll(site, alongside: { () -> (made: (pages: [RenderedPage], indexes: [SearchIndex]), notes: Diagnostics) in
            var notes = Diagnostics()
            let made = site.renderSearch(renderer, reusing: [:], sideBySide: false, diagnostics: &notes)
            return (made, notes)
        }) { page in (findings: deliver(page.file, of: site, into: sink), inline: page.inline, digest: page.digest, path: page.file.path) }
        let (search, notes) = searched
        diagnostics.add(contentsOf: notes.all)
        let searchFindings = ParallelMap.map(search.pages.map(\.file)) { deliver($0, of: site, into: sink) }
        return Rendered(
            inline: pages.map(\.inline) + search.pages.map(\.inline), digests: pages.map(\.digest), searchIndexes: search.indexes,
            findings: pages.map(\.findings) + searchFindings, paths: (pages.map(\.path) + search.pages.map(\.file.path)))
    }

    /// site files: the packs' zips, 404s, feeds, vCards, redirects, sitemap, host configuration, the service worker
    /// and static files; then anything an HTML file loads from another host, an id a page has twice, and a link to
    /// an address on the site that no written file answers stop the build at their file:line. Returns the addresses
    /// allowExternal let through, and how many files it wrote.
    static func siteFiles(of site: Site, with renderer: PageRenderer, rendered: Rendered, into sink: some OutputSink,
                          diagnostics: inout Diagnostics) throws(BuildFailure) -> (allowed: [String], files: Int) {
        let files = renderer.downloads.files(site) + renderer.printed.files + site.siteFiles(renderer, inline: rendered.inline, digests: rendered.digests)
        let findings = rendered.findings + ParallelMap.map(files) { deliver($0, of: site, into: sink) }
        let allowed = site.reportExternalLoads(findings.compactMap(\.loads).sorted { $0.path < $1.path }, diagnostics: &diagnostics)
        site.reportDuplicateIDs(findings.compactMap(\.twice), diagnostics: &diagnostics)
        site.checkRootLinks(against: Set(rendered.paths + files.map(\.path)), diagnostics: &diagnostics)
        try diagnostics.check()
        return (allowed, files.count)
    }

    /// One file, checked while it is at hand (what it loads from other hosts, ids it has twice), then handed to the sink.
    private static func deliver(_ file: OutputFile, of site: Site, into sink: some OutputSink) -> FileFindings {
        let findings = FileFindings(loads: site.externalLoads(in: file), twice: site.duplicateIDs(in: file))
        sink.write(file)
        return findings
    }
}

/// The most memory the process has held so far, in megabytes.
func peakMemoryMB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss / 1024
}
