import BakenSearch
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
    /// Seconds per stage, in order: load, assemble, packs, render, write; with the process's peak memory at its
    /// end, in megabytes.
    public var stages: [(stage: String, seconds: Double, peakMB: Int)] = []
    /// Whether nothing had changed since the last build, so nothing was built.
    public var upToDate = false
    /// Lesson packs written, each as a zip and a cartridge.
    public var packs: Int = 0
    /// What the build wants the editor to know that is no warning, such as packs without PDFs or pages
    /// search treats specially; never a reason to fail, not even with --strict.
    public var notes: [String] = []
}

/// Everything a build makes, before it is written.
struct BuildProducts {
    let site: Site
    let renderer: PageRenderer
    /// The site's pages in order, then the search pages.
    let rendered: [RenderedPage]
    let searchIndexes: [SearchIndex]
    let files: [OutputFile]
    let packs: Int
    let printed: Bool
    let allowedExternal: [String]
    let stages: [(stage: String, seconds: Double, peakMB: Int)]
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

    private static func buildOnce(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let start = Date()
        var diagnostics = Diagnostics()
        let tree = SourceTree(root: options.site)
        let cache = BuildCache(output: options.output)
        let fingerprint = options.useCache ? BuildCache.fingerprint(options, tree: tree) : nil
        if let fingerprint, cache.isFresh(fingerprint) {
            return BuildReport(pagesPerLanguage: [], files: 0, warnings: [], seconds: Date().timeIntervalSince(start), upToDate: true)
        }
        cache.forget()
        let products = try produce(options, tree: tree, diagnostics: &diagnostics)
        let warnings = diagnostics.all.filter { $0.severity == .warning }.sorted()
        if options.strict && !warnings.isEmpty {
            throw BuildFailure(warnings.map { Diagnostic(file: $0.file, line: $0.line, $0.message + " (an error because of --strict)") })
        }
        let writeStart = Date()
        try OutputWriter(tree: tree).write(products.files, to: options.output)
        let stages = products.stages + [("write", Date().timeIntervalSince(writeStart), peakMemoryMB())]
        // Warnings must be seen again next time, so a build with warnings is not remembered.
        if let fingerprint, warnings.isEmpty { cache.record(fingerprint) }

        let counts = products.site.config.languages.map { language in
            (language.code, products.site.pages.count { $0.page.language == language.code })
        }
        return BuildReport(
            pagesPerLanguage: counts, files: products.files.count, warnings: warnings, seconds: Date().timeIntervalSince(start),
            allowedExternal: products.allowedExternal, stages: stages, packs: products.packs,
            notes: diagnostics.all.filter { $0.severity == .note }.sorted().map(\.description)
                + (PDFPrinter.note(packs: products.packs, asked: options.pdf, printed: products.printed).map { [$0] } ?? []))
    }

    /// load → assemble → render, without writing: what both a build and the live preview make.
    static func produce(_ options: BuildOptions, tree: SourceTree, diagnostics: inout Diagnostics) throws(BuildFailure) -> BuildProducts {
        var clock = Date()
        var stages: [(stage: String, seconds: Double, peakMB: Int)] = []
        func lap(_ stage: String) {
            stages.append((stage, Date().timeIntervalSince(clock), peakMemoryMB()))
            clock = Date()
        }
        var source = try SiteSource.load(from: tree, includeDrafts: options.includeDrafts, today: options.today, diagnostics: &diagnostics)
        if let baseURL = options.baseURL { source.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        let lessonFiles = LessonFiles.load(source, from: tree, diagnostics: &diagnostics)
        lap("load")
        let site = Site.assemble(source, diagnostics: &diagnostics)
        try diagnostics.check()
        lap("assemble")
        let printer = options.pdf ? PDFPrinter.find() : nil
        var packs = site.packs(files: lessonFiles, withPDF: printer != nil, diagnostics: &diagnostics)
        printer?.print(&packs, diagnostics: &diagnostics)
        try diagnostics.check()
        lap("packs")
        guard var renderer = PageRenderer(site, diagnostics: &diagnostics) else { throw BuildFailure(diagnostics.all) }
        renderer.downloads = PackDownloads(packs, site: site, templates: renderer.templates)
        // The search index first: its working memory is let go before the rendered pages pile up.
        let search = site.renderSearch(renderer, reusing: [:], diagnostics: &diagnostics)
        let pages = renderer.renderAll(site)
        let rendered = pages + search.pages
        let files = renderer.downloads.files(site) + rendered.map(\.file) + site.siteFiles(renderer, inline: rendered.map(\.inline))
        let allowedExternal = site.checkExternalLoads(files, diagnostics: &diagnostics)
        try diagnostics.check()
        lap("render")
        return BuildProducts(
            site: site, renderer: renderer, rendered: rendered, searchIndexes: search.indexes, files: files, packs: packs.count,
            printed: printer != nil, allowedExternal: allowedExternal, stages: stages)
    }
}

/// The most memory the process has held so far, in megabytes.
func peakMemoryMB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss / 1024
}
