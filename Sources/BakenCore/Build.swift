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
    /// Seconds per stage, in order: load, assemble, packs, render (pages and search), site files, swap; with
    /// the process's peak memory at its end, in megabytes.
    public var stages: [(stage: String, seconds: Double, peakMB: Int)] = []
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

/// Everything a build makes. With a staging folder, files were written there as they were made.
struct BuildProducts {
    let site: Site
    let renderer: PageRenderer
    /// The inline blocks of the site's pages in order, then of the search pages.
    let inline: [InlineHashes]
    /// Each language's search index, kept when there is no staging folder (for the live preview to reuse).
    let searchIndexes: [SearchIndex]
    /// The files not written yet: all of them without a staging folder, none with one.
    let files: [OutputFile]
    let fileCount: Int
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
        let products: BuildProducts, warnings: [Diagnostic], stages: [(stage: String, seconds: Double, peakMB: Int)]
        do throws(BuildFailure) {
            products = try produce(options, tree: tree, into: staging, diagnostics: &diagnostics)
            warnings = diagnostics.all.filter { $0.severity == .warning }.sorted()
            if options.strict && !warnings.isEmpty {
                throw BuildFailure(warnings.map { Diagnostic(file: $0.file, line: $0.line, $0.message + " (an error because of --strict)") })
            }
            let writeStart = Date()
            try staging.commit()
            stages = products.stages + [("swap", Date().timeIntervalSince(writeStart), peakMemoryMB())]
        } catch {
            staging.discard()
            throw error
        }
        // Warnings must be seen again next time, so a build with warnings is not remembered.
        if let fingerprint, warnings.isEmpty { cache.record(fingerprint, files: staging.written) }

        let counts = products.site.config.languages.map { language in
            (language.code, products.site.pages.count { $0.page.language == language.code })
        }
        var report = BuildReport(
            pagesPerLanguage: counts, files: products.fileCount, warnings: warnings, seconds: Date().timeIntervalSince(start),
            allowedExternal: products.allowedExternal, stages: stages, packs: products.packs,
            notes: diagnostics.all.filter { $0.severity == .note }.sorted().map(\.description)
                + (PDFPrinter.note(packs: products.packs, asked: options.pdf, printed: products.printed).map { [$0] } ?? []))
        report.processorSeconds = ProcessorTime.process() - startProcessor
        report.compressionSeconds = staging.compressionSeconds
        report.copiesTaken = staging.copiesTaken
        return report
    }

    /// load → assemble → render: what both a build and the live preview make. With `staging`, each file is
    /// written there as soon as it is made and checked, so rendered pages never pile up in memory; without,
    /// the files come back in `files`.
    static func produce(_ options: BuildOptions, tree: SourceTree, into staging: Staging? = nil, diagnostics: inout Diagnostics) throws(BuildFailure) -> BuildProducts {
        var clock = Date()
        let printer = options.pdf ? PDFPrinter.find() : nil
        var stages: [(stage: String, seconds: Double, peakMB: Int)] = []
        func lap(_ stage: String) {
            stages.append((stage, Date().timeIntervalSince(clock), peakMemoryMB()))
            clock = Date()
        }
        var assembled: Site, packs: [LessonPack]
        do {
            var source = try SiteSource.load(from: tree, includeDrafts: options.includeDrafts, today: options.today, diagnostics: &diagnostics)
            if let baseURL = options.baseURL { source.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
            let lessonFiles = LessonFiles.load(source, from: tree, diagnostics: &diagnostics)
            lap("load")
            assembled = Site.assemble(source, diagnostics: &diagnostics)
            try diagnostics.check()
            lap("assemble")
            packs = assembled.packs(files: lessonFiles, withPDF: printer != nil, diagnostics: &diagnostics)
            printer?.print(&packs, diagnostics: &diagnostics)
            try diagnostics.check()
            lap("packs")
        }
        // A build keeps no Markdown from here on (the live preview does, to read edits against it).
        // The memory it held goes back to the system before the search index takes its own.
        if staging != nil {
            assembled.releaseBodies()
            baken_return_free_memory()
        }
        let site = assembled
        guard var made = PageRenderer(site, diagnostics: &diagnostics) else { throw BuildFailure(diagnostics.all) }
        made.downloads = PackDownloads(packs, site: site, templates: made.templates)
        let renderer = made

        // Each file is checked for loads from other hosts while it is at hand, then written (a build) or kept
        // (the live preview).
        let take = { @Sendable (file: OutputFile) -> (file: OutputFile?, loads: FoundLoads?, twice: DuplicateIDs?) in
            let loads = site.externalLoads(in: file), twice = site.duplicateIDs(in: file)
            staging?.write(file)
            return (staging == nil ? file : nil, loads, twice)
        }
        var kept: [OutputFile] = [], found: [FoundLoads] = [], twice: [DuplicateIDs] = [], count = 0
        func add(_ taken: [(file: OutputFile?, loads: FoundLoads?, twice: DuplicateIDs?)]) {
            count += taken.count
            found += taken.compactMap(\.loads)
            twice += taken.compactMap(\.twice)
            kept += taken.compactMap(\.file)
        }
        // The search index is built by one worker while the others render pages, one language after the other:
        // the two overlap, and the index holds the working memory of one language at a time.
        let (pages, searched) = renderer.renderAll(site, alongside: { () -> (made: (pages: [RenderedPage], indexes: [SearchIndex]), notes: Diagnostics) in
            var notes = Diagnostics()
            let made = site.renderSearch(renderer, reusing: [:], sideBySide: false, diagnostics: &notes)
            return (made, notes)
        }) { page in (taken: take(page.file), inline: page.inline) }
        add(pages.map(\.taken))
        let (search, notes) = searched
        diagnostics.add(contentsOf: notes.all)
        add(ParallelMap.map(search.pages.map(\.file), take))
        lap("render")
        let inline = pages.map(\.inline) + search.pages.map(\.inline)
        add(ParallelMap.map(renderer.downloads.files(site) + site.siteFiles(renderer, inline: inline), take))
        let allowedExternal = site.reportExternalLoads(found.sorted { $0.path < $1.path }, tree: tree, diagnostics: &diagnostics)
        site.reportDuplicateIDs(twice, diagnostics: &diagnostics)
        try diagnostics.check()
        lap("site files")
        return BuildProducts(
            site: site, renderer: renderer, inline: inline, searchIndexes: staging == nil ? search.indexes : [], files: kept,
            fileCount: count, packs: packs.count, printed: printer != nil, allowedExternal: allowedExternal, stages: stages)
    }
}

/// The most memory the process has held so far, in megabytes.
func peakMemoryMB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss / 1024
}
