import BakenCore
import Foundation
import Testing

/// Translations record the version of their source; a changed source makes them outdated, on the page too.
@Suite struct TranslationTests {
    @Test func markEditAndMarkAgain() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/page.mustache"] = "{{#page.translation}}OUTDATED {{sourceURL}} {{sourceLanguage}}{{/page.translation}}{{^page.translation}}CURRENT{{/page.translation}}"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\n---\nEerste tekst.\n",
            "content/nl/b.md": "---\ntitle: B\n---\n",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
            "content/en/a.md": "---\ntitle: A\n---\nFirst text.\n",
        ], theme: theme)
        let options = BuildOptions(site: site.root)
        func states() throws -> [String] {
            try Baken.translations(options).entries.filter { $0.language == "en" }.map { "\($0.source) \($0.state.rawValue)" }
        }
        #expect(try states() == ["content/nl/_index.md not marked", "content/nl/a.md not marked", "content/nl/b.md missing"])

        let hash = try Baken.markTranslation("content/en/a.md", options: options)
        #expect(site.read("content/en/a.md", in: site.root) == "---\ntitle: A\ntranslationOf: \(hash)\n---\nFirst text.\n")
        #expect(try states()[1] == "content/nl/a.md up to date")
        try site.build()
        #expect(site.read("en/a/index.html") == "CURRENT")

        try site.write("content/nl/a.md", "---\ntitle: A\n---\nNieuwe tekst.\n")
        #expect(try states()[1] == "content/nl/a.md outdated")
        try site.build()
        #expect(site.read("en/a/index.html") == "OUTDATED /a/ Nederlands")

        #expect(try Baken.markTranslation("content/en/a.md", options: options) != hash)
        #expect(try states()[1] == "content/nl/a.md up to date")
        #expect(site.read("content/en/a.md", in: site.root)?.components(separatedBy: "translationOf:").count == 2)
    }
}
