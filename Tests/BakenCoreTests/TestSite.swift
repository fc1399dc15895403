import BakenCore
import Foundation

/// A small site written into a temporary folder from inline files, built, and read back; the folder goes when
/// the test lets go of the site.
final class TestSite: Sendable {
    let root: URL
    var output: URL { root.appendingPathComponent("public") }

    /// The default theme's content types (`themes/baken/types/*.yml`), by file name.
    static let defaultTypes: [String: String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes/baken/types")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let types = Dictionary(uniqueKeysWithValues: names.filter { $0.hasSuffix(".yml") }.map { name in
            (name, (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "")
        })
        precondition(types["norm.yml"] != nil && types["lesson.yml"] != nil, "the default theme's type files, in \(folder.path)")
        return types
    }()

    /// A theme small enough that tests can assert its exact output, with the default theme's content types.
    static let minimalTheme: [String: String] = Dictionary(uniqueKeysWithValues: defaultTypes.map { ("themes/t/types/\($0.key)", $0.value) }).merging([
        "themes/t/layouts/base.mustache": """
            <html lang="{{lang.code}}" dir="{{lang.dir}}"><title>{{page.title}}</title>{{#alternates}}<link hreflang="{{hreflang}}" href="{{href}}">{{/alternates}}
            <nav>{{#languages}}<a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{name}}{{^translated}} ({{t.untranslated}}){{/translated}}</a>{{/languages}}</nav>
            {{$main}}{{/main}}
            </html>

            """,
        "themes/t/layouts/page.mustache": "{{<base}}{{$main}}<h1>{{page.title}}</h1>\n{{{page.content}}}{{/main}}{{/base}}",
        "themes/t/layouts/section.mustache": "{{<base}}{{$main}}<h1>{{page.title}}</h1>\n{{{page.content}}}<ul>{{#page.pages}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/page.pages}}</ul>{{/main}}{{/base}}",
        "themes/t/i18n/nl.yml": "untranslated: nog niet vertaald\n",
        "themes/t/i18n/en.yml": "untranslated: not translated yet\n",
        "themes/t/i18n/ar.yml": "untranslated: غير مترجم بعد\n",
    ]) { _, own in own }

    static let siteYML = """
        title: Test
        baseURL: https://example.nl/
        theme: t
        languages:
          - code: nl
            name: Nederlands
          - code: en
            name: English
          - code: ar
            name: العربية
            direction: rtl
        audiences:
          - id: omstanders
            name: {nl: Omstanders, en: Bystanders}

        """

    init(_ files: [String: String], theme: [String: String] = TestSite.minimalTheme, siteYML: String? = TestSite.siteYML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("baken-test-\(UUID().uuidString)")
        var all = theme.merging(files) { _, new in new }
        if let siteYML, all["site.yml"] == nil { all["site.yml"] = siteYML }
        for (path, text) in all { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    @discardableResult
    func build(drafts: Bool = false, strict: Bool = false, output: URL? = nil, today: Day? = nil) throws(BuildFailure) -> BuildReport {
        var options = BuildOptions(site: root, output: output ?? self.output, includeDrafts: drafts, strict: strict, today: today)
        // Only the site's own themes: what is installed on the machine must not change what a test sees.
        options.themeFolders = []
        return try Baken.build(options)
    }

    /// The messages of a build that must fail.
    func errors(drafts: Bool = false, strict: Bool = false, today: Day? = nil) -> [String] {
        do throws(BuildFailure) {
            try build(drafts: drafts, strict: strict, today: today)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func read(_ path: String, in folder: URL? = nil) -> String? {
        try? String(contentsOf: (folder ?? output).appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file of a built folder with its bytes, for comparing two builds.
    func snapshot(_ folder: URL? = nil) -> [String: Data] {
        let base = folder ?? output
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.path.dropFirst(base.path.count + 1))
            result[relative] = try? Data(contentsOf: url)
        }
        return result
    }
}
