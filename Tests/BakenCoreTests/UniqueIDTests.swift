import BakenCore
import BakenMarkdown
import Foundation
import Testing

/// A heading's id never equals another id on its page: the theme's, a footnote's, or another heading's.
struct UniqueIDTests {
    /// A theme that writes the ids the real one does: the skip link's target, the search box, the table of contents.
    static let theme = TestSite.minimalTheme.merging([
        "themes/t/layouts/page.mustache": """
            <a href="#main">Naar de inhoud</a><input id="site-search-q">
            <main id="main"><h1>{{page.title}}</h1>
            <nav><h2 id="toc-title">Op deze pagina</h2>{{#page.toc}}<a href="#{{id}}">{{title}}</a>{{/page.toc}}</nav>
            {{{page.content}}}</main>

            """,
        "themes/t/ids.yml": "ids: [declared-only]\n",
    ]) { _, new in new }

    @Test func headingsAvoidTheThemesAndTheFootnotesIDs() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": """
                ---
                title: A
                ---
                ## Main

                ## Op deze pagina

                ## fn 1

                ## Site search q

                ## toc title

                ## Declared only

                Tekst[^1].

                [^1]: Noot.

                ## Main

                Naar [de kop](#main-1), [de noot](#fn-1) en [de laatste kop](#main-2).

                """,
        ], theme: Self.theme)
        try site.build(strict: true)
        let html = try #require(site.read("a/index.html"))
        #expect(html.contains("""
            <nav><h2 id="toc-title">Op deze pagina</h2><a href="#main-1">Main</a><a href="#op-deze-pagina">Op deze pagina</a>\
            <a href="#fn-1-1">fn 1</a><a href="#site-search-q-1">Site search q</a><a href="#toc-title-1">toc title</a>\
            <a href="#declared-only-1">Declared only</a><a href="#main-2">Main</a></nav>
            <h2 id="main-1">
            Main
            </h2>
            <h2 id="op-deze-pagina">
            Op deze pagina
            </h2>
            <h2 id="fn-1-1">
            fn 1
            </h2>
            <h2 id="site-search-q-1">
            Site search q
            </h2>
            <h2 id="toc-title-1">
            toc title
            </h2>
            <h2 id="declared-only-1">
            Declared only
            </h2>
            """))
        #expect(html.contains("<li id=\"fn-1\">"))
        #expect(html.contains("id=\"fnref-1\""))
        #expect(HTMLIDs.duplicates(in: html) == [])
        let found = Baken.check(BuildOptions(site: site.root, today: Day(year: 2026, month: 12, day: 7)!))
        #expect(found.filter { $0.description.contains("leads nowhere") }.isEmpty)
    }

    @Test func anchorCheckSeesTheFinalIDs() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\n---\n## Main\n\nNaar [de kop](#main-1) en [niets](#main-2).\n",
        ], theme: Self.theme)
        let found = Baken.check(BuildOptions(site: site.root, today: Day(year: 2026, month: 12, day: 7)!)).map(\.description)
        #expect(found == [
            "content/nl/a.md:6: link to '#main-2' leads nowhere: this page has no heading or anchor with that id; its headings have the ids main-1",
        ])
    }

    @Test func anIDTheThemeMakesFromATagFailsTheBuildAtTheHeading() throws {
        var theme = Self.theme
        theme["themes/t/layouts/page.mustache"] = "<main id=\"main\"><p id=\"box-{{page.params.box}}\"></p>{{{page.content}}}</main>\n"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\nbox: hulp\n---\nTekst.\n\n## Box hulp\n",
        ], theme: theme)
        #expect(site.errors() == [
            "content/nl/a.md:7: the heading 'Box hulp' has the id 'box-hulp', which the theme also writes on this page, so links to one reach the other: declare 'box-hulp' in themes/t/ids.yml, and headings will avoid it",
        ])
    }

    @Test func idsYMLMustBeAList() throws {
        var theme = Self.theme
        theme["themes/t/ids.yml"] = "ids: main\n"
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], theme: theme)
        #expect(site.errors() == [
            "themes/t/ids.yml:1: ids.yml must hold 'ids:' with a list of the ids the theme writes, such as ids: [main, toc-title]",
        ])
    }
}
