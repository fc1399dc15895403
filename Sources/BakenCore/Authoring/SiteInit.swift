import Foundation

/// What `baken init` is asked to do.
public struct InitOptions: Sendable {
    /// Where CI runs the build and publishes the site.
    public enum CI: String, CaseIterable, Sendable {
        case github, gitlab

        /// The starter's workflow file, and where it goes in the new site.
        var files: (source: String, target: String) {
            switch self {
            case .github: ("ci/github.yml", ".github/workflows/baken.yml")
            case .gitlab: ("ci/gitlab.yml", ".gitlab-ci.yml")
            }
        }
    }

    public var folder: URL
    /// Add the files that are missing to a folder that is not empty; never overwrite one.
    public var force = false
    /// Copy the default theme into the site's `themes/`, to change it there.
    public var copyTheme = false
    public var ci: CI?
    /// The SHA-256 of this version's tarball, which the workflow checks; found beside an installed .deb's theme when not given.
    public var releaseSHA256: String?
    public var themeFolders: [URL] = Installation.themeFolders()

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }
}

/// What `baken init` wrote and left alone, as paths inside the new site.
public struct InitReport: Sendable {
    public var written: [String] = []
    public var kept: [String] = []
    /// Whether the workflow still needs the tarball's SHA-256 filled in.
    public var needsChecksum = false
}

extension Baken {
    static let defaultTheme = "baken"
    static let starterFolder = "starter"

    /// Writes a new site from the default theme's `starter/` folder: site.yml, a page of each type, contacts,
    /// `.gitignore` and LEESMIJ.md; with `ci`, a workflow that checks, builds and publishes it. Never overwrites a file.
    @discardableResult
    public static func initSite(_ options: InitOptions) throws(BuildFailure) -> InitReport {
        let fm = FileManager.default
        let folder = options.folder
        guard let theme = Installation.theme(defaultTheme, in: options.themeFolders),
              fm.fileExists(atPath: theme.appendingPathComponent(starterFolder).path)
        else {
            let looked = options.themeFolders.map(\.path).joined(separator: ", ")
            throw BuildFailure([Diagnostic(file: nil, "the starter site comes with the installed theme '\(defaultTheme)', and none was found (looked in: \(looked.isEmpty ? "no folders" : looked)): install Baken from its tarball or .deb, or set BAKEN_THEME_PATH to the folder that holds themes/\(defaultTheme)")])
        }
        let existing = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != ".git" }
        if !existing.isEmpty && !options.force {
            throw BuildFailure([Diagnostic(file: folder.path, "this folder is not empty: choose a new folder, or add --force to add only the files that are missing (nothing is overwritten)")])
        }
        if let sha = options.releaseSHA256, !isSHA256(sha) {
            throw BuildFailure([Diagnostic(file: nil, "--release-sha256 '\(sha)' is not a SHA-256: give the 64 hexadecimal characters from the release's SHA256SUMS")])
        }

        // Target path in the site → its bytes.
        var files: [(target: String, data: Data)] = []
        let starter = theme.appendingPathComponent(starterFolder)
        for path in try filesBelow(starter) where !path.hasPrefix("ci/") {
            files.append((path == "gitignore" ? ".gitignore" : path, try read(starter.appendingPathComponent(path))))
        }
        var report = InitReport()
        if let ci = options.ci {
            var text = String(decoding: try read(starter.appendingPathComponent(ci.files.source)), as: UTF8.self)
            let sha = options.releaseSHA256 ?? installedChecksum(theme: theme) ?? ""
            report.needsChecksum = sha.isEmpty
            text = text.replacingOccurrences(of: "@BAKEN_VERSION@", with: BakenVersion.current).replacingOccurrences(of: "@BAKEN_SHA256@", with: sha)
            files.append((ci.files.target, Data(text.utf8)))
        }
        if options.copyTheme {
            for path in try filesBelow(theme) where !path.hasPrefix(starterFolder + "/") {
                files.append(("themes/\(defaultTheme)/\(path)", try read(theme.appendingPathComponent(path))))
            }
        }

        for (target, data) in files.sorted(by: { $0.target < $1.target }) {
            let url = folder.appendingPathComponent(target)
            if fm.fileExists(atPath: url.path) {
                report.kept.append(target)
                continue
            }
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .withoutOverwriting)
            } catch {
                throw BuildFailure([Diagnostic(file: url.path, "could not write this file (\(error.localizedDescription)): check that you may write in \(folder.path)")])
            }
            report.written.append(target)
        }
        return report
    }

    /// Every file below `root`, as sorted relative paths.
    private static func filesBelow(_ root: URL) throws(BuildFailure) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw BuildFailure([Diagnostic(file: root.path, "cannot read this folder of the installed theme: check the installation")])
        }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    private static func read(_ url: URL) throws(BuildFailure) -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure([Diagnostic(file: url.path, "cannot read this file of the installed theme: check the installation")])
        }
        return data
    }

    /// The tarball's SHA-256 that a .deb installs beside its themes (`/usr/share/baken/release.sha256`), for this version.
    private static func installedChecksum(theme: URL) -> String? {
        let file = theme.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("release.sha256")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let tarball = "baken-\(BakenVersion.current)-linux-x86_64.tar.gz"
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count == 2, fields[1] == tarball, isSHA256(String(fields[0])) { return String(fields[0]) }
        }
        return nil
    }

    private static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
