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

    public init(site: URL, output: URL? = nil, includeDrafts: Bool = false, baseURL: String? = nil, strict: Bool = false, today: Day? = nil) {
        self.site = site.standardizedFileURL
        self.output = (output ?? site.appendingPathComponent("public")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.strict = strict
        self.today = today ?? Day.today()
    }
}

/// What a finished build did.
public struct BuildReport: Sendable {
    public var pagesPerLanguage: [(language: String, pages: Int)]
    public var files: Int
    public var warnings: [Diagnostic]
    /// What the build did about unusual input, such as a page with no text for search; never a reason to fail.
    public var notes: [Diagnostic] = []
    public var seconds: Double
    /// Addresses on other hosts that pages load because site.yml's allowExternal lets them.
    public var allowedExternal: [String] = []
}

/// Baken's build pipeline.
public enum Baken {
    /// load → assemble → render → write. Only load and write touch the disk.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let start = Date()
        var diagnostics = Diagnostics()
        let tree = SourceTree(root: options.site)

        var source = try SiteSource.load(from: tree, includeDrafts: options.includeDrafts, today: options.today, diagnostics: &diagnostics)
        if let baseURL = options.baseURL { source.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        let site = Site.assemble(source, diagnostics: &diagnostics)
        try diagnostics.check()
        var allowedExternal: [String] = []
        let files = site.render(diagnostics: &diagnostics, allowedExternal: &allowedExternal)
        try diagnostics.check()
        let warnings = diagnostics.all.filter { $0.severity == .warning }.sorted()
        if options.strict && !warnings.isEmpty {
            throw BuildFailure(warnings.map { Diagnostic(file: $0.file, line: $0.line, $0.message + " (an error because of --strict)") })
        }
        try OutputWriter(tree: tree).write(files, to: options.output)

        let counts = site.config.languages.map { language in
            (language.code, site.pages.count { $0.page.language == language.code })
        }
        return BuildReport(
            pagesPerLanguage: counts, files: files.count, warnings: warnings, notes: diagnostics.all.filter { $0.severity == .note }.sorted(),
            seconds: Date().timeIntervalSince(start), allowedExternal: allowedExternal)
    }
}
