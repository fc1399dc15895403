import ArgumentParser
import BakenCore
import Foundation

@main
struct BakenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baken",
        abstract: "Builds multilingual campaign and help sites from Markdown.",
        subcommands: [Build.self],
        defaultSubcommand: Build.self)
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into a folder (public/ by default).")

    @Option(help: "The site's folder, the one with site.yml.")
    var site: String = "."

    @Option(help: "Where to write the site. Default: public/ in the site's folder.")
    var output: String?

    @Flag(help: "Include pages with draft: true.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Use this address instead of baseURL from site.yml.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let siteURL = URL(fileURLWithPath: site, relativeTo: cwd)
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        let options = BuildOptions(site: siteURL, output: outputURL, includeDrafts: drafts, baseURL: baseURL, strict: strict)
        switch Result(catching: { () throws(BuildFailure) in try Baken.build(options) }) {
        case .success(let report):
            for warning in report.warnings { printError(warning.description) }
            for note in report.notes { print(note.description) }
            for url in report.allowedExternal { print("Loads from another host, allowed by allowExternal in site.yml: \(url)") }
            let pages = report.pagesPerLanguage.map { "\($0.language) \($0.pages)" }.joined(separator: ", ")
            let total = report.pagesPerLanguage.reduce(0) { $0 + $1.pages }
            let warnings = report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
            print("Built \(total) pages (\(pages)) and \(report.files - total) other files in \(String(format: "%.2f", report.seconds)) s\(warnings) → \(relative(options.output, to: cwd))")
        case .failure(let failure):
            for diagnostic in failure.diagnostics { printError(diagnostic.description) }
            let count = failure.errors.count
            printError("Build failed: \(count) error\(count == 1 ? "" : "s"). \(relative(options.output, to: cwd)) was not changed.")
            throw ExitCode.failure
        }
    }

    private func relative(_ url: URL, to base: URL) -> String {
        let path = url.path, basePath = base.standardizedFileURL.path
        return path.hasPrefix(basePath + "/") ? String(path.dropFirst(basePath.count + 1)) + "/" : path
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
