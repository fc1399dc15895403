import BakenCore
import Foundation
import Testing

/// Raw HTML in a site's pages: what Baken removes is a warning at its line, and the links it keeps are checked and
/// rewritten as Markdown links are.
@Suite struct RawHTMLSiteTests {
    @Test func removalsAreWarningsAtTheirFileAndLine() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\nTekst.\n\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n\nMet <span class=\"x\">een woord</span>.\n",
        ])
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "content/nl/_index.md:6: warning: <iframe> removed with its content: Baken loads nothing from another host and embeds no players; link to the video or page instead",
            "content/nl/_index.md:8: warning: <span> removed, its text kept: Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown",
        ])
        #expect(site.read("index.html")?.contains("<h1>Home</h1>\n<p>Tekst.</p>\n<p>Met een woord.</p>\n") == true)
        #expect(site.errors(strict: true).first == "content/nl/_index.md:6: <iframe> removed with its content: Baken loads nothing from another host and embeds no players; link to the video or page instead (an error because of --strict)")
    }

    @Test func linksInRawHTMLAreCheckedAndRewrittenAsMarkdownLinksAre() throws {
        let files = [
            "content/nl/_index.md": "---\ntitle: Home\n---\n<p><a href=\"kennisbank/haven-plus\">Haven</a>, <a href=\"kennisbank/\">alles</a>,\n<a href=\"kennisbank/haven-plus.md#kop\">kop</a> en <img src=\"kaart.png\" alt=\"Kaart\"></p>\n",
            "content/nl/kaart.png": "png",
            "content/nl/kennisbank/_index.md": "---\ntitle: Kennisbank\n---\n<a href=\"../\">Thuis</a> <a href=\"/kennisbank/haven-plus/\">Haven</a>\n",
            "content/nl/kennisbank/haven-plus.md": "---\ntitle: Haven\n---\n",
        ]
        let site = try TestSite(files)
        try site.build()
        #expect(site.read("index.html")?.contains("<p><a href=\"/kennisbank/haven-plus/\">Haven</a>, <a href=\"/kennisbank/\">alles</a>,\n<a href=\"/kennisbank/haven-plus/#kop\">kop</a> en <img src=\"/kaart.png\" alt=\"Kaart\"></p>\n") == true)
        #expect(site.read("kennisbank/index.html")?.contains("<a href=\"/\">Thuis</a> <a href=\"/kennisbank/haven-plus/\">Haven</a>") == true)

        let broken = try TestSite(files.merging([
            "content/nl/kennisbank/_index.md": "---\ntitle: Kennisbank\n---\nTekst.\n\n<details>\n<summary><a href=\"haven-pluss.md\">Haven</a></summary>\n<img src=\"/img/logo.png\" alt=\"Logo\">\n</details>\n",
        ]) { _, new in new })
        #expect(broken.errors() == [
            "content/nl/kennisbank/_index.md:7: link to 'haven-pluss.md' leads nowhere: there is no page content/nl/kennisbank/haven-pluss.md (or it is a draft); link to an existing .md file. Did you mean 'haven-plus.md'?",
        ])
        let rootBroken = try TestSite(files.merging([
            "content/nl/kennisbank/_index.md": "---\ntitle: Kennisbank\n---\nTekst.\n\n<details>\n<summary>Logo</summary>\n<img src=\"/img/logo.png\" alt=\"Logo\">\n</details>\n",
        ]) { _, new in new })
        #expect(rootBroken.errors() == [
            "content/nl/kennisbank/_index.md:8: link to '/img/logo.png' leads nowhere: the site has no page or file at that address; link to the page's .md file, or correct the address.",
        ])
    }

    @Test func aSiteThatAllowsRawHTMLKeepsAllOfItWithoutWarnings() throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYML + "markdown:\n  unsafe: true\n",
            "content/nl/_index.md": "---\ntitle: Home\n---\n<div class=\"kaart\">Kaart</div>\n",
        ])
        let report = try site.build()
        #expect(report.warnings.isEmpty)
        #expect(site.read("index.html")?.contains("<div class=\"kaart\">Kaart</div>") == true)
    }
}
