import BakenMarkdown
import Foundation

extension Baken {
    /// load → assemble, then every check of `baken check` over the site; nothing is written.
    /// Returns the diagnostics of all stages, sorted; an error among them means the check failed.
    public static func check(_ options: BuildOptions) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let tree = SourceTree(options)
        do throws(BuildFailure) {
            let source = try SiteSource.load(from: tree, includeDrafts: options.includeDrafts, today: options.today, diagnostics: &diagnostics)
            let site = Site.assemble(source, diagnostics: &diagnostics)
            site.checkPageAddressLinks(failed: source.failedFiles, diagnostics: &diagnostics)
            try diagnostics.check()
            diagnostics.add(contentsOf: site.check(today: options.today))
            diagnostics.add(contentsOf: site.checkQRAddresses(recordedIn: options.output))
        } catch {
            return error.diagnostics
        }
        return diagnostics.all.sorted()
    }

    /// Diagnostics as one JSON array of {file, line, severity, message}, for CI.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        JSON.array(diagnostics.map { diagnostic in
            .object([
                "file": diagnostic.file.map(JSON.string) ?? .null,
                "line": diagnostic.line.map(JSON.int) ?? .null,
                "severity": .string(diagnostic.severity.rawValue),
                "message": .string(diagnostic.message),
            ])
        }).text() + "\n"
    }
}

extension Site {
    /// The checks of `baken check` over the site's own pages (a theme's pages are the theme's business).
    func check(today: Day) -> [Diagnostic] {
        let anchors = AnchorCheck(self)
        let results = ParallelMap.map(Array(pages.indices)) { index -> [Diagnostic] in
            let assembled = pages[index]
            guard assembled.page.file.hasPrefix("content/") else { return [] }
            let page = assembled.page
            let document = MarkdownDocument(page.body, options: markdown.options)
            let links = document.labeledLinks
            var found: [Diagnostic] = []
            found += anchors.check(page, links: links)
            found += ImageAltCheck.check(page, links: links)
            found += HeadingCheck.check(assembled)
            found += LinkTextCheck.check(page, links: links)
            found += PlainLanguageCheck(config.check, language: page.language)?.check(page, paragraphs: document.paragraphs) ?? []
            found += ReviewDateCheck.check(page, today: today, settings: config.check)
            return found
        }
        return results.flatMap { $0 }
    }
}
