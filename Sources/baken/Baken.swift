import ArgumentParser
import BakenCore
import BakenServe
import Foundation

@main
struct BakenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baken",
        abstract: "Builds multilingual campaign and help sites from Markdown.",
        version: BakenVersion.current,
        subcommands: [Build.self, Serve.self, Translations.self, Check.self, New.self, Init.self],
        defaultSubcommand: Build.self)
}

/// The option every command that reads a site shares.
struct SiteFolder: ParsableArguments {
    @Option(help: "The site's folder, the one with site.yml.")
    var site: String = "."

    /// The folder, absolute.
    var url: URL { URL(fileURLWithPath: site, relativeTo: currentFolder).standardizedFileURL }
}

/// The folder the command was started in.
var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the site on this computer; pages reload when you save a file.")

    @OptionGroup var site: SiteFolder

    @Option(help: "The port to serve on.")
    var port: Int = 1313

    @Option(help: "Where to write the preview (default: .baken-preview/ in the site folder).")
    var output: String?

    @Flag(name: .customLong("no-drafts"), help: "Leave out pages with draft: true (shown by default).")
    var noDrafts = false

    func run() async throws {
        let siteURL = site.url
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: currentFolder) } ?? siteURL.appendingPathComponent(".baken-preview")
        let options = BuildOptions(site: siteURL, output: outputURL, includeDrafts: !noDrafts)
        let server = PreviewServer(options: options, port: port) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        try await server.run()
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into a folder (public/ by default).")

    @OptionGroup var site: SiteFolder

    @Option(help: "Where to write the site. Default: public/ in the site's folder.")
    var output: String?

    @Flag(help: "Include pages with draft: true.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Use this address instead of baseURL from site.yml.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("no-cache"), help: "Build even when nothing changed since the last build.")
    var noCache = false

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(help: "Print each stage of the build with its time.")
    var verbose = false

    @Flag(help: "Also print lesson packs and posters to PDF, and make pictures for sharing pages, with headless Chromium.")
    var pdf = false

    @Flag(name: .customLong("single-threaded"), help: "Use one core (slower; the output is the same).")
    var singleThreaded = false

    func run() throws {
        let cwd = currentFolder
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        var options = BuildOptions(site: site.url, output: outputURL, includeDrafts: drafts, baseURL: baseURL, strict: strict, pdf: pdf, useCache: !noCache)
        options.singleThreaded = singleThreaded
        switch Result(catching: { () throws(BuildFailure) in try Baken.build(options) }) {
        case .success(let report):
            if !quiet { for warning in report.warnings { printError(warning.description) } }
            for url in report.allowedExternal where !quiet { print("Loads from another host, allowed by allowExternal in site.yml: \(url)") }
            for note in report.notes where !quiet { print(note) }
            let pages = report.pagesPerLanguage.map { "\($0.language) \($0.pages)" }.joined(separator: ", ")
            let total = report.pagesPerLanguage.reduce(0) { $0 + $1.pages }
            let warnings = report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
            if verbose {
                for stage in report.stages {
                    print("  " + stage.stage.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%6.0f ms   processor %6.0f ms   peak memory %5d MB", stage.seconds * 1000, stage.processorSeconds * 1000, stage.peakMB))
                }
                if !report.upToDate {
                    print(String(format: "  processor time %.2f s on all cores, of which %.2f s made the .gz and .br copies", report.processorSeconds, report.compressionSeconds)
                        + (report.copiesTaken > 0 ? " (\(report.copiesTaken) files took theirs from the previous build)" : ""))
                }
            }
            if quiet { return }
            if report.upToDate {
                print("Nothing changed since the last build (\(String(format: "%.2f", report.seconds)) s): \(relative(options.output, to: cwd)) is up to date")
                return
            }
            let packs = report.packs == 0 ? "" : ", \(report.packs) lesson pack\(report.packs == 1 ? "" : "s")"
            print("Built \(total) pages (\(pages))\(packs) and \(report.files - total) other files in \(String(format: "%.2f", report.seconds)) s\(warnings) → \(relative(options.output, to: cwd))")
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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look for broken anchors, images without alt text, unclear links, hard sentences and pages due for review.")

    @OptionGroup var site: SiteFolder

    @Flag(help: "Print one JSON array of {file, line, severity, message}, for CI.")
    var json = false

    @Flag(help: "Also check pages with draft: true.")
    var drafts = false

    func run() throws {
        let options = BuildOptions(site: site.url, includeDrafts: drafts)
        let diagnostics = Baken.check(options)
        let errors = diagnostics.count { $0.severity == .error }
        if json {
            print(Baken.json(diagnostics), terminator: "")
        } else {
            let colour = isatty(1) == 1
            for diagnostic in diagnostics {
                let text = diagnostic.description
                guard colour else { print(text); continue }
                print((diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m") + text + "\u{1B}[0m")
            }
            let warnings = diagnostics.count - errors
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if errors > 0 { throw ExitCode.failure }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a page of a content type: its front matter with placeholders and comments.")

    @Argument(help: "page, norm, guide, lesson, audience, news, report or help, or a type from types/<name>.yml in the theme or the site.")
    var type: String

    @Argument(help: "The file inside content/, such as nl/normen/nieuw.md.")
    var path: String

    @OptionGroup var site: SiteFolder

    func run() throws {
        switch Result(catching: { () throws(BuildFailure) in
            try Baken.newPage(type: type, path: path, site: site.url)
        }) {
        case .success(let url): print("Wrote \(url.path)")
        case .failure(let failure):
            for diagnostic in failure.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}

struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Per language: which pages are missing, up to date, or behind their source.",
        subcommands: [Status.self, Mark.self, Export.self, Import.self], defaultSubcommand: Status.self)

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the state of every translation.")

        @OptionGroup var site: SiteFolder

        @Flag(help: "Print JSON, for CI.")
        var json = false

        func run() throws {
            let options = BuildOptions(site: site.url)
            switch Result(catching: { () throws(BuildFailure) in try Baken.translations(options) }) {
            case .failure(let failure):
                for diagnostic in failure.diagnostics { printError(diagnostic.description) }
                throw ExitCode.failure
            case .success(let status):
                if json {
                    print(Baken.json(status), terminator: "")
                    return
                }
                for language in Array(Set(status.entries.map(\.language))).sorted() {
                    let entries = status.entries.filter { $0.language == language }
                    let count = { (state: TranslationStatus.State) in entries.count { $0.state == state } }
                    print("\(language): \(count(.upToDate)) up to date, \(count(.machineTranslated)) machine translated and not checked, \(count(.outdated)) outdated, \(count(.unmarked)) not marked, \(count(.missing)) missing")
                    for entry in entries where entry.state != .upToDate {
                        let machine = entry.machineTranslated && entry.state != .machineTranslated ? " (\(TranslationStatus.State.machineTranslated.rawValue))" : ""
                        print("  \(entry.state.rawValue)\(machine): \(entry.file ?? "(none)") ← \(entry.source)")
                        if let changes = entry.changes { print(changes.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")) }
                        else if entry.state == .outdated { print("      the source changed since the translation was marked (no earlier version at hand)") }
                    }
                }
            }
        }
    }

    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a translation is up to date with its source now.")

        @Argument(help: "The translation's file, such as content/en/norms/catcalling.md.")
        var file: String

        @OptionGroup var site: SiteFolder

        func run() throws {
            let siteURL = site.url
            let absolute = URL(fileURLWithPath: file, relativeTo: currentFolder).standardizedFileURL.path
            let relative = absolute.hasPrefix(siteURL.path + "/") ? String(absolute.dropFirst(siteURL.path.count + 1)) : file
            switch Result(catching: { () throws(BuildFailure) in try Baken.markTranslation(relative, options: BuildOptions(site: siteURL)) }) {
            case .success(let hash): print("\(relative): translationOf: \(hash)")
            case .failure(let failure):
                for diagnostic in failure.diagnostics { printError(diagnostic.description) }
                throw ExitCode.failure
            }
        }
    }
}

extension Translations {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every page and its translation into one language as XLIFF 1.2, for a translation agency.")

        @Option(help: "The language to translate into, such as en.")
        var lang: String

        @Option(help: "The file to write (default: the standard output).")
        var out: String?

        @OptionGroup var site: SiteFolder

        func run() throws {
            switch Result(catching: { () throws(BuildFailure) in try Baken.exportXLIFF(language: lang, options: BuildOptions(site: site.url)) }) {
            case .failure(let failure):
                for diagnostic in failure.diagnostics { printError(diagnostic.description) }
                throw ExitCode.failure
            case .success(let xliff):
                guard let out else { return print(xliff, terminator: "") }
                do {
                    try Data(xliff.utf8).write(to: URL(fileURLWithPath: out, relativeTo: currentFolder))
                } catch {
                    printError("\(out): cannot write this file: \(error.localizedDescription)")
                    throw ExitCode.failure
                }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the translations of an XLIFF file into content/<lang>/; nothing changes unless every unit of the file is right.")

        @Argument(help: "The XLIFF file, as the agency sent it back.")
        var file: String

        @OptionGroup var site: SiteFolder

        func run() throws {
            let url = URL(fileURLWithPath: file, relativeTo: currentFolder)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                printError("\(file): cannot read this file as UTF-8 text")
                throw ExitCode.failure
            }
            switch Result(catching: { () throws(BuildFailure) in try Baken.importXLIFF(text, path: file, options: BuildOptions(site: site.url)) }) {
            case .failure(let failure):
                for diagnostic in failure.diagnostics { printError(diagnostic.description) }
                printError("Nothing was changed.")
                throw ExitCode.failure
            case .success(let written):
                for path in written { print("Wrote \(path)") }
                print(written.isEmpty ? "Every page was up to date: nothing to write." : "\(written.count) page\(written.count == 1 ? "" : "s") written and marked as up to date with their source.")
            }
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site in a folder: site.yml, a page of each type, help contacts, and how to publish it.")

    @Argument(help: "The new site's folder; made when it does not exist.")
    var folder: String

    @Flag(help: "Use a folder that is not empty: add only the files that are missing, never overwrite one.")
    var force = false

    @Flag(name: .customLong("copy-theme"), help: "Copy the default theme into the site's themes/, to change it there.")
    var copyTheme = false

    @Option(help: "Also write a workflow that checks, builds and publishes the site on every push: github or gitlab.")
    var ci: InitOptions.CI?

    @Option(name: .customLong("release-sha256"), help: "The SHA-256 of this version's tarball, from the release's SHA256SUMS, for the workflow to check.")
    var releaseSHA256: String?

    func run() throws {
        var options = InitOptions(folder: URL(fileURLWithPath: folder, relativeTo: currentFolder))
        options.force = force
        options.copyTheme = copyTheme
        options.ci = ci
        options.releaseSHA256 = releaseSHA256
        switch Result(catching: { () throws(BuildFailure) in try Baken.initSite(options) }) {
        case .failure(let failure):
            for diagnostic in failure.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        case .success(let report):
            print("Wrote \(report.written.count) file\(report.written.count == 1 ? "" : "s") in \(folder)" + (report.kept.isEmpty ? "" : "; kept \(report.kept.count) that were there already"))
            if let ci, report.needsChecksum {
                print("Fill in BAKEN_SHA256 in \(folder)/\(ci == .github ? ".github/workflows/baken.yml" : ".gitlab-ci.yml") with the line for baken-\(BakenVersion.current)-linux-x86_64.tar.gz in the release's SHA256SUMS: the workflow stops until it is there.")
            }
            print("Next: cd \(folder) && baken serve   (then open http://127.0.0.1:1313/; LEESMIJ.md says more)")
        }
    }
}

extension InitOptions.CI: ExpressibleByArgument {}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
