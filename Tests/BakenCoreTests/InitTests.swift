import BakenCore
import Foundation
import Testing

/// `baken init` and installed themes: a new site from the theme's starter, built with no themes/ folder of its own.
@Suite struct InitTests {
    /// An installation's themes folder: the test theme as `baken`, with a starter site that uses it.
    static func installation() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baken-installed-\(UUID().uuidString)")
        var files: [String: String] = [:]
        for (path, text) in TestSite.minimalTheme {
            files["baken/" + path.dropFirst("themes/t/".count)] = text
        }
        files["baken/starter/site.yml"] = TestSite.siteYML.replacingOccurrences(of: "theme: t", with: "theme: baken")
        files["baken/starter/content/nl/_index.md"] = "---\ntitle: Welkom\n---\nDit is je nieuwe site.\n"
        files["baken/starter/gitignore"] = "public/\n"
        files["baken/starter/ci/github.yml"] = "env:\n  BAKEN_VERSION: \"@BAKEN_VERSION@\"\n  BAKEN_SHA256: \"@BAKEN_SHA256@\"\n"
        files["baken/starter/ci/gitlab.yml"] = "variables:\n  BAKEN_VERSION: \"@BAKEN_VERSION@\"\n"
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    static func newFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("baken-init-\(UUID().uuidString)/site")
    }

    static func text(_ folder: URL, _ path: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func writesAStarterThatBuildsWithTheInstalledTheme() throws {
        let themes = try Self.installation()
        var options = InitOptions(folder: Self.newFolder())
        options.themeFolders = [themes]
        let report = try Baken.initSite(options)
        #expect(report.written == [".gitignore", "content/nl/_index.md", "site.yml"])
        #expect(report.kept.isEmpty)
        #expect(Self.text(options.folder, ".gitignore") == "public/\n")
        #expect(!FileManager.default.fileExists(atPath: options.folder.appendingPathComponent("themes").path))

        var build = BuildOptions(site: options.folder)
        build.themeFolders = [themes]
        _ = try Baken.build(build)
        let home = try #require(Self.text(options.folder, "public/index.html"))
        #expect(home.contains("<title>Welkom</title>"))
        #expect(home.contains("<h1>Welkom</h1>"))
    }

    @Test func theSitesOwnThemeWinsOverTheInstalledOne() throws {
        let themes = try Self.installation()
        var options = InitOptions(folder: Self.newFolder())
        options.themeFolders = [themes]
        try Baken.initSite(options)
        let own = options.folder.appendingPathComponent("themes/baken/layouts/page.mustache")
        try FileManager.default.createDirectory(at: own.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{{<base}}{{$main}}<h1 class=\"own\">{{page.title}}</h1>{{/main}}{{/base}}".utf8).write(to: own)
        // The site's folder is used whole: the base layout it lacks is an error, not borrowed from the installation.
        var build = BuildOptions(site: options.folder)
        build.themeFolders = [themes]
        #expect(throws: BuildFailure.self) { try Baken.build(build) }
        try FileManager.default.copyItem(at: themes.appendingPathComponent("baken/layouts/base.mustache"),
                                          to: options.folder.appendingPathComponent("themes/baken/layouts/base.mustache"))
        try FileManager.default.copyItem(at: themes.appendingPathComponent("baken/layouts/section.mustache"),
                                          to: options.folder.appendingPathComponent("themes/baken/layouts/section.mustache"))
        _ = try Baken.build(build)
        #expect(Self.text(options.folder, "public/index.html")?.contains("Welkom") == true)
    }

    @Test func refusesAFolderThatIsNotEmptyAndForceAddsOnlyWhatIsMissing() throws {
        let themes = try Self.installation()
        var options = InitOptions(folder: Self.newFolder())
        options.themeFolders = [themes]
        try FileManager.default.createDirectory(at: options.folder, withIntermediateDirectories: true)
        try Data("title: Mijn eigen site\n".utf8).write(to: options.folder.appendingPathComponent("site.yml"))
        do {
            try Baken.initSite(options)
            Issue.record("init wrote into a folder that was not empty")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(options.folder.path): this folder is not empty: choose a new folder, or add --force to add only the files that are missing (nothing is overwritten)",
            ])
        }
        #expect(Self.text(options.folder, "content/nl/_index.md") == nil)

        options.force = true
        let report = try Baken.initSite(options)
        #expect(report.kept == ["site.yml"])
        #expect(report.written == [".gitignore", "content/nl/_index.md"])
        #expect(Self.text(options.folder, "site.yml") == "title: Mijn eigen site\n")
    }

    @Test func aFolderWithOnlyGitIsEmpty() throws {
        let themes = try Self.installation()
        var options = InitOptions(folder: Self.newFolder())
        options.themeFolders = [themes]
        try FileManager.default.createDirectory(at: options.folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(try Baken.initSite(options).written.count == 3)
    }

    @Test func workflowsGetTheVersionAndTheChecksum() throws {
        let themes = try Self.installation()
        var options = InitOptions(folder: Self.newFolder())
        options.themeFolders = [themes]
        options.ci = .github
        options.releaseSHA256 = String(repeating: "ab", count: 32)
        let report = try Baken.initSite(options)
        #expect(!report.needsChecksum)
        #expect(report.written.contains(".github/workflows/baken.yml"))
        #expect(!report.written.contains { $0.hasPrefix("ci/") })
        #expect(Self.text(options.folder, ".github/workflows/baken.yml")
            == "env:\n  BAKEN_VERSION: \"\(BakenVersion.current)\"\n  BAKEN_SHA256: \"\(String(repeating: "ab", count: 32))\"\n")

        var gitlab = InitOptions(folder: Self.newFolder())
        gitlab.themeFolders = [themes]
        gitlab.ci = .gitlab
        let second = try Baken.initSite(gitlab)
        #expect(second.needsChecksum)
        #expect(Self.text(gitlab.folder, ".gitlab-ci.yml") == "variables:\n  BAKEN_VERSION: \"\(BakenVersion.current)\"\n")

        var wrong = InitOptions(folder: Self.newFolder())
        wrong.themeFolders = [themes]
        wrong.releaseSHA256 = "abc"
        #expect(throws: BuildFailure.self) { try Baken.initSite(wrong) }
    }

    @Test func copyThemeCopiesTheThemeWithoutItsStarter() throws {
        let themes = try Self.installation()
        var options = InitOptions(folder: Self.newFolder())
        options.themeFolders = [themes]
        options.copyTheme = true
        let report = try Baken.initSite(options)
        #expect(report.written.contains("themes/baken/layouts/base.mustache"))
        #expect(!report.written.contains { $0.hasPrefix("themes/baken/starter") })
    }

    @Test func noInstalledThemeIsAClearError() throws {
        var options = InitOptions(folder: Self.newFolder())
        options.themeFolders = [URL(fileURLWithPath: "/nonexistent/themes")]
        do {
            try Baken.initSite(options)
            Issue.record("init without a theme succeeded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "the starter site comes with the installed theme 'baken', and none was found (looked in: /nonexistent/themes): install Baken from its tarball or .deb, or set BAKEN_THEME_PATH to the folder that holds themes/baken",
            ])
        }
    }

    @Test func themeFoldersFollowTheEnvironment() {
        #expect(Installation.themeFolders(environment: ["BAKEN_THEME_PATH": "/a/themes:/b/themes"]).map(\.path) == ["/a/themes", "/b/themes"])
        #expect(Installation.themeFolders(environment: ["BAKEN_THEME_PATH": ""]).isEmpty)
        #expect(Installation.themeFolders(environment: [:]).map(\.path).contains("/usr/share/baken/themes"))
    }
}
