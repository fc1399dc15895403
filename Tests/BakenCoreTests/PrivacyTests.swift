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

@Suite struct ContactTests {
    @Test func contactsBecomeCardsVCardsAndWarnWhenOld() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/shortcodes/contacts.mustache"] = "{{#contacts}}[{{organisation}} {{tel}} {{hoursText}}]{{/contacts}}"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n{{< contacts audience=\"omstanders\" >}}\n",
            "data/contacts.yml": """
                - id: nood
                  organisation: Alarmnummer
                  phone: "112"
                  urgency: emergency
                  last_verified: 2026-11-01
                - id: csg
                  organisation: Centrum Seksueel Geweld
                  phone: 0800-0188
                  hours: 24/7
                  audiences: [omstanders]
                  discreet_name: Sanne
                  last_verified: 2026-01-01
                - id: ander
                  organisation: Ander
                  phone: 0900-8844
                  last_verified: 2026-11-01

                """,
        ], theme: theme)
        let report = try site.build(today: Day(year: 2026, month: 11, day: 29)!)
        #expect(site.read("index.html")?.contains("[Alarmnummer 112 ][Centrum Seksueel Geweld +318000188 24/7]") == true)
        #expect(report.warnings.map(\.description) == ["data/contacts.yml:12: warning: contact 'csg' was last checked 332 days ago (2026-01-01): check its number and hours, then set last_verified to today's date"])
        #expect(site.read("contacts.vcf") == "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alarmnummer\r\nORG:Alarmnummer\r\nTEL;VALUE=uri;TYPE=voice:tel:112\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Centrum Seksueel Geweld\r\nORG:Centrum Seksueel Geweld\r\nTEL;VALUE=uri;TYPE=voice:tel:+318000188\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ander\r\nORG:Ander\r\nTEL;VALUE=uri;TYPE=voice:tel:+319008844\r\nEND:VCARD\r\n")
        #expect(site.read("contacts-discreet.vcf")?.contains("FN:Sanne\r\n") == true)
        #expect(site.errors(strict: true, today: Day(year: 2026, month: 11, day: 29)!).count == 1)
    }
}
