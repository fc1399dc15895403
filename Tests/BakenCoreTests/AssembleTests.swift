@testable import BakenCore
import Testing

/// The assemble stage on values: pages made from text, put together into a site, with no disk and no rendering.
@Suite struct AssembleTests {
    static func site(_ files: [String: String]) throws -> (Site, [String]) {
        let config = try SiteConfig.parse(TestSite.siteYML)
        var diagnostics = Diagnostics()
        let content = ContentFiles(config: config, includeDrafts: false)
        var pages: [Page] = []
        for (file, text) in files.sorted(by: { $0.key < $1.key }) {
            let parts = file.split(separator: "/").map(String.init)
            if case .page(let page) = content.page(text, file: file, language: parts[1], inner: parts.dropFirst(2).joined(separator: "/"), diagnostics: &diagnostics) {
                pages.append(page)
            }
        }
        let theme = Theme(name: "t", templates: [:], strings: [:], staticFiles: [])
        let source = SiteSource(config: config, theme: theme, pages: pages, resources: [], failedFiles: [])
        let site = Site.assemble(source, diagnostics: &diagnostics)
        return (site, diagnostics.all.map(\.description))
    }

    @Test func addressesTranslationsAndSections() throws {
        let (site, messages) = try Self.site([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/normen/_index.md": "---\ntitle: Normen\n---\n",
            "content/nl/normen/nafluiten.md": "---\ntitle: Nafluiten\ntranslationKey: catcalling\n---\nZie [de normen](_index.md).\n",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
            "content/en/norms/catcalling.md": "---\ntitle: Catcalling\ntranslationKey: catcalling\n---\n",
        ])
        #expect(messages == [])
        #expect(site.pages.map(\.url) == ["/", "/normen/", "/normen/nafluiten/", "/en/", "/en/norms/catcalling/"])
        let nafluiten = try #require(site.fileIndex["content/nl/normen/nafluiten.md"])
        #expect(site.translation(of: nafluiten, in: "en")?.url == "/en/norms/catcalling/")
        #expect(site.parents[nafluiten].map { site.pages[$0].url } == "/normen/")
        #expect(site.pages[nafluiten].html.contains("href=\"/normen/\""))
    }

    @Test func aBrokenLinkIsAnErrorAtItsLine() throws {
        let (_, messages) = try Self.site([
            "content/nl/_index.md": "---\ntitle: Home\n---\n\nLees [meer](weg.md).\n",
        ])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("content/nl/_index.md:5: link to 'weg.md' leads nowhere") == true)
    }

    @Test func twoPagesAtOneAddressAreAnError() throws {
        let (_, messages) = try Self.site([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\nslug: b\n---\n",
            "content/nl/b.md": "---\ntitle: B\n---\n",
        ])
        #expect(messages.count == 1)
        #expect(messages.first?.contains("/b/") == true)
    }
}
