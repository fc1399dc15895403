import BakenCore
import Foundation
import Testing

/// A file in content/ is published when a page uses it, or when site.yml's publishFiles names its extension.
@Suite struct PublishFilesTests {
    static let files = [
        "content/nl/_index.md": "---\ntitle: Home\n---\n[Folder](folder.pdf) ![Kaart](/kaart.png)\n",
        "content/nl/folder.pdf": "%PDF",
        "content/nl/kaart.png": "png",
        "content/nl/oud.mdx": "# Oud\n\n<Tabs>\n",
        "content/nl/jaarverslag.pdf": "%PDF",
    ]

    @Test func whatNoPageUsesIsNotPublishedAndIsNoted() throws {
        let site = try TestSite(Self.files)
        let report = try site.build(strict: true)
        #expect(site.exists("folder.pdf") && site.exists("kaart.png"))
        #expect(!site.exists("oud.mdx") && !site.exists("jaarverslag.pdf"))
        #expect(report.notes.filter { $0.contains("not published") } == [
            "content/nl/jaarverslag.pdf: note: not published: no page links to it or shows it; link to it from a page, or add its extension to publishFiles in site.yml",
            "content/nl/oud.mdx: note: not published: no page links to it or shows it; link to it from a page, or add its extension to publishFiles in site.yml",
        ])
    }

    @Test func publishFilesPublishesAnExtensionAnyway() throws {
        let site = try TestSite(Self.files.merging(["site.yml": TestSite.siteYML + "publishFiles: [pdf, .ODS]\n"]) { _, new in new })
        let report = try site.build()
        #expect(site.exists("jaarverslag.pdf") && !site.exists("oud.mdx"))
        #expect(report.notes.filter { $0.contains("not published") }.count == 1)
        let wrong = try TestSite(Self.files.merging(["site.yml": TestSite.siteYML + "publishFiles: [pdf, md, \"*.ods\"]\n"]) { _, new in new })
        #expect(wrong.errors() == [
            "site.yml:15: publishFiles lists file extensions to publish even when no page links to them, such as [pdf, ods], not '*.ods'",
            "site.yml:15: publishFiles lists file extensions to publish even when no page links to them, such as [pdf, ods], not 'md'",
        ])
    }
}
