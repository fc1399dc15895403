import BakenCore
import Foundation
import Testing

/// Search in whole builds: a search page and an index per language, and notes for pages search handles specially.
@Suite struct SearchBuildTests {
    static let theme = TestSite.minimalTheme.merging([
        "themes/t/layouts/search.mustache": """
            {{<base}}{{$main}}<form data-index="{{search.index}}" data-root="{{search.rel}}"{{#search.fallback}} data-fallback="{{code}} {{index}}"{{/search.fallback}}>{{#search.types}}<option value="{{id}}">{{name}}</option>{{/search.types}}</form>{{/main}}{{/base}}
            """,
        "themes/t/i18n/nl.yml": "untranslated: nog niet vertaald\nsearch_slug: zoeken\ntype_norm: Norm\ntype_page: Pagina\n",
        "themes/t/i18n/en.yml": "untranslated: not translated yet\nsearch_slug: search\ntype_norm: Norm\ntype_page: Page\n",
        "themes/t/i18n/ar.yml": "untranslated: غير مترجم بعد\nsearch_slug: search\ntype_norm: قاعدة\ntype_page: صفحة\n",
        "themes/t/i18n/fy.yml": "untranslated: noch net oerset\nsearch_slug: search\ntype_norm: Noarm\ntype_page: Side\n",
    ]) { _, new in new }

    static let pages = [
        "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.",
        "content/nl/normen/nafluiten.md": "---\ntitle: Nafluiten is niet oké\ntype: norm\nnorm: Nafluiten is niet oké.\n---\nLees **dit** en [meer](https://example.org/x).\n\n## Wat kun je doen?\nLoop door.",
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.",
    ]

    @Test func everyLanguageGetsASearchPageAndAnIndex() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        let report = try site.build(strict: true)
        let nl = try #require(site.read("zoeken/index.html"))
        let version = try #require(site.read("search-index/nl/index.js")?.firstMatch(of: /"version":"(\w+)"/)?.1)
        #expect(nl.contains("<form data-index=\"../search-index/nl/index.js?v=\(version)\" data-root=\"../\">"))
        #expect(nl.contains("<option value=\"norm\">Norm</option><option value=\"page\">Pagina</option>"))
        let en = try #require(site.read("en/search/index.html"))
        #expect(en.contains("data-root=\"../../\" data-fallback=\"nl ../../search-index/nl/index.js?v=\(version)\""))
        #expect(site.exists("search-index/en/t0.js") && site.exists("search-index/en/p0.js") && site.exists("search-index/en/f.js"))
        #expect(report.notes.contains { $0.hasPrefix("note: search index built in") })
    }

    @Test func resultsQuoteTheTextNotTheMarkup() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        try site.build()
        let pages = try #require(site.read("search-index/nl/p0.js"))
        #expect(pages.contains("\"Lees dit en meer. Nafluiten is niet oké.\",\"Wat kun je doen?\",\"Loop door.\""))
        #expect(!pages.contains("example.org"))
    }

    @Test func aThemeWithoutSearchLayoutGetsNoSearch() throws {
        let site = try TestSite(Self.pages)
        try site.build()
        #expect(!site.exists("zoeken/index.html"))
        #expect(!site.exists("search-index/nl/index.js"))
    }

    @Test func unusualPagesBuildWithANoteNotAWarning() throws {
        let huge = (1...10_000).map { "woord\($0 % 700)" }.joined(separator: " ")
        let site = try TestSite([
            "site.yml": "title: Test\nbaseURL: https://example.nl/\ntheme: t\nlanguages:\n  - code: nl\n    name: Nederlands\n  - code: fy\n    name: Frysk\n",
            "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.",
            "content/nl/leeg.md": "---\ntitle: Leeg\n---\n",
            "content/nl/groot.md": "---\ntitle: Groot\n---\n" + huge,
            "content/fy/_index.md": "---\ntitle: Thús\n---\nWolkom.",
        ], theme: Self.theme, siteYML: nil)
        let report = try site.build(strict: true)
        #expect(report.warnings.isEmpty)
        let notes = report.notes
        #expect(notes.contains("content/nl/leeg.md: note: this page has no text, so search finds it by its title only"))
        #expect(notes.contains { $0.hasPrefix("content/nl/groot.md: note: this page has 10000 words") })
        #expect(notes.contains { $0.hasPrefix("note: search in 'fy': Snowball has no stemmer") })
        #expect(site.exists("fy/search/index.html"))
    }

    @Test func aPageAtTheSearchAddressWins() throws {
        var pages = Self.pages
        pages["content/nl/zoeken.md"] = "---\ntitle: Zoeken op de oude manier\n---\n"
        let site = try TestSite(pages, theme: Self.theme)
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "content/nl/zoeken.md: warning: this page has the address of the search page, /zoeken/, so the site has no search page in 'nl': move the page, or set another search_slug in the theme's i18n/nl.yml",
        ])
        #expect(site.read("zoeken/index.html")?.contains("Zoeken op de oude manier") == true)
    }
}
