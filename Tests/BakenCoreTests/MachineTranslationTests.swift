import BakenCore
import Foundation
import Testing

/// A page marked `machine_translated: true` says so at its top, is listed as not checked, and leaves search only
/// when site.yml asks.
@Suite struct MachineTranslationTests {
    /// The default theme's notice partials, with words for them in each language.
    static let theme: [String: String] = {
        let partials = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes/baken/layouts/partials")
        func partial(_ name: String) -> String { (try? String(contentsOf: partials.appendingPathComponent(name + ".mustache"), encoding: .utf8)) ?? "" }
        return TestSite.minimalTheme.merging([
            "themes/t/layouts/partials/translation-notice.mustache": partial("translation-notice"),
            "themes/t/layouts/partials/machine-notice.mustache": partial("machine-notice"),
            "themes/t/layouts/page.mustache": "{{> partials/translation-notice}}<h1>{{page.title}}</h1>\n{{> partials/machine-notice}}",
            "themes/t/layouts/search.mustache": "{{<base}}{{$main}}{{search.index}}{{/main}}{{/base}}",
            "themes/t/i18n/nl.yml": "untranslated: nog niet vertaald\nsearch_slug: zoeken\nmachine_translation: Computervertaling.\nmachine_translation_source: Origineel\n",
            "themes/t/i18n/en.yml": "untranslated: not translated\nsearch_slug: search\nmachine_translation: Machine translation, not checked.\nmachine_translation_source: Read the original\ntranslation_outdated: Older than its source.\ntranslation_source: Read the latest\n",
        ]) { _, new in new }
    }()

    static let pages = [
        "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.\n",
        "content/nl/hulp.md": "---\ntitle: Hulp\n---\nBel de hulplijn.\n",
        "content/nl/melden.md": "---\ntitle: Melden\n---\nMeld het.\n",
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/en/hulp.md": "---\ntitle: Help\nmachine_translated: true\n---\nCall the helpline.\n",
        "content/en/melden.md": "---\ntitle: Report\n---\nReport it.\n",
    ]

    @Test func aMarkedPageShowsTheNoticeWithALinkToTheOriginal() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        try site.build()
        #expect(site.read("en/hulp/index.html") == """
            <h1>Help</h1>
            <div class="translation-notice translation-notice--machine" role="note">
              <p>Machine translation, not checked. <a href="/hulp/" hreflang="nl" lang="nl">Read the original (Nederlands)</a></p>
            </div>

            """)
        #expect(site.read("en/melden/index.html") == "<h1>Report</h1>\n")
    }

    @Test func anOutdatedMarkedPageShowsTheMachineNoticeOnly() throws {
        var pages = Self.pages
        pages["content/en/hulp.md"] = "---\ntitle: Help\nmachine_translated: true\ntranslationOf: 000000000000\n---\nCall the helpline.\n"
        pages["content/en/melden.md"] = "---\ntitle: Report\ntranslationOf: 000000000000\n---\nReport it.\n"
        let site = try TestSite(pages, theme: Self.theme)
        try site.build()
        #expect(site.read("en/hulp/index.html")?.contains("Machine translation, not checked.") == true)
        #expect(site.read("en/hulp/index.html")?.contains("Older than its source.") == false)
        #expect(site.read("en/melden/index.html")?.hasPrefix("<div class=\"translation-notice\" role=\"note\">\n  <p class=\"wrap\">Older than its source. <a href=\"/melden/\"") == true)
    }

    @Test func aWrongValueIsAnErrorAtItsLine() throws {
        var pages = Self.pages
        pages["content/en/hulp.md"] = "---\ntitle: Help\nmachine_translated: maybe\n---\nCall the helpline.\n"
        let site = try TestSite(pages, theme: Self.theme)
        let errors = site.errors()
        #expect(errors.contains { $0.hasPrefix("content/en/hulp.md:3: ") && $0.contains("machine_translated") }, "\(errors)")
    }

    @Test func translationsListsMarkedPagesAsNotChecked() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        let options = BuildOptions(site: site.root)
        let hash = try Baken.markTranslation("content/en/hulp.md", options: options)
        _ = try Baken.markTranslation("content/en/melden.md", options: options)
        let entries = try Baken.translations(options).entries.filter { $0.language == "en" }
        #expect(entries.map { "\($0.source) \($0.state.rawValue) \($0.machineTranslated)" } == [
            "content/nl/_index.md not marked false",
            "content/nl/hulp.md machine translation, not checked true",
            "content/nl/melden.md up to date false",
        ])
        #expect(!hash.isEmpty)

        // Once the source changes, it is outdated first; the flag still says nobody checked it.
        try site.write("content/nl/hulp.md", "---\ntitle: Hulp\n---\nBel de nieuwe hulplijn.\n")
        let status = try Baken.translations(options)
        let changed = status.entries.first { $0.source == "content/nl/hulp.md" && $0.language == "en" }
        #expect(changed?.state == .outdated && changed?.machineTranslated == true)
        #expect(Baken.json(status).contains("\"machineTranslated\": true"))
    }

    @Test func searchKeepsMarkedPagesUnlessTheSiteSaysOtherwise() throws {
        let kept = try TestSite(Self.pages, theme: Self.theme)
        try kept.build()
        #expect(kept.read("search-index/en/p0.js")?.contains("Call the helpline") == true)

        let skipping = try TestSite(Self.pages.merging(["site.yml": TestSite.siteYML + "search:\n  skipMachineTranslated: true\n"]) { _, new in new }, theme: Self.theme)
        try skipping.build()
        let english = try #require(skipping.read("search-index/en/p0.js"))
        #expect(!english.contains("Call the helpline") && english.contains("Report it"))
        #expect(skipping.read("search-index/nl/p0.js")?.contains("Bel de hulplijn") == true)
    }

    @Test func anUnknownSearchSettingIsAnError() throws {
        let site = try TestSite(Self.pages.merging(["site.yml": TestSite.siteYML + "search:\n  skipMachine: true\n"]) { _, new in new }, theme: Self.theme)
        #expect(site.errors() == ["site.yml:16: unknown search setting 'skipMachine' (known: skipMachineTranslated)"])
    }
}
