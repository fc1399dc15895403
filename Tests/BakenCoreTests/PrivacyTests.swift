import BakenCore
import Testing

/// Nothing a page loads may come from another host, unless site.yml allows it by name.
@Suite struct PrivacyTests {
    @Test func anExternalImageInMarkdownFailsAtItsLine() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n\nTekst.\n\n![logo](https://cdn.example.com/logo.png)\n",
        ])
        #expect(site.errors() == [
            "content/nl/_index.md:7: <img src> loads https://cdn.example.com/logo.png from another host, so that host would see every visitor: put the file in the site (static/ or next to the page), or add the address to allowExternal in site.yml",
        ])
    }

    @Test func externalScriptFontAndFrameInTheThemeFailAtTheirLines() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/page.mustache"] = """
            {{<base}}{{$main}}
            <script src="https://tracker.example.net/t.js"></script>
            <iframe src="https://www.youtube.com/embed/x"></iframe>
            {{/main}}{{/base}}
            """
        theme["themes/t/static/site.css"] = "body { color: red }\n@font-face { src: url(https://fonts.example.org/a.woff2) }\n"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\n---\n",
        ], theme: theme)
        #expect(site.errors() == [
            "themes/t/layouts/page.mustache:2: <script src> loads https://tracker.example.net/t.js from another host, so that host would see every visitor: put the file in the site (static/ or next to the page), or add the address to allowExternal in site.yml",
            "themes/t/layouts/page.mustache:3: <iframe src> loads https://www.youtube.com/embed/x from another host, so that host would see every visitor: put the file in the site (static/ or next to the page), or add the address to allowExternal in site.yml",
            "themes/t/static/site.css:2: this stylesheet loads https://fonts.example.org/a.woff2 from another host: put the file (a font, an image) in the theme's static/ folder",
        ])
    }

    @Test func theAllowlistLetsOneThroughAndTheReportNamesIt() throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYML + "allowExternal: [\"https://video.example.nl/\"]\n",
            "content/nl/_index.md": "---\ntitle: Home\n---\n![film](https://video.example.nl/poster.jpg)\n",
        ])
        let report = try site.build()
        #expect(report.allowedExternal == ["https://video.example.nl/poster.jpg"])
    }

    @Test func outboundLinksCarryNoReferrerAndOwnLinksDoNot() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n[Politie](https://www.politie.nl/) en [wij](https://example.nl/a/)\n",
        ])
        try site.build()
        #expect(site.read("index.html")?.contains("<p><a href=\"https://www.politie.nl/\" rel=\"noreferrer\">Politie</a> en <a href=\"https://example.nl/a/\">wij</a></p>") == true)
    }
}
