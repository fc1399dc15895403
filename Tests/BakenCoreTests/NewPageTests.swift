import BakenCore
import Foundation
import Testing

@Suite struct NewPageTests {
    @Test func everyTypeWritesAPageThatBuilds() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"])
        let today = Day(year: 2026, month: 11, day: 1)!
        for type in ContentType.builtIn {
            let folder = type == .lesson ? "les/" : ""
            _ = try Baken.newPage(type: type.rawValue, path: "nl/\(folder)nieuw-\(type.rawValue).md", site: site.root, today: today)
        }
        let text = try #require(site.read("content/nl/nieuw-norm.md", in: site.root))
        #expect(text.contains("norm: De norm in één zin.          # the statement itself (required)\n"))
        let report = try site.build(drafts: true, today: today)
        #expect(report.pagesPerLanguage.first?.pages == 1 + ContentType.builtIn.count)
        #expect(site.exists("nieuw-norm/index.html"))
    }

    @Test func refusesToOverwriteAndNamesTheTypes() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"])
        #expect(throws: BuildFailure.self) { try Baken.newPage(type: "page", path: "nl/_index.md", site: site.root) }
        do {
            _ = try Baken.newPage(type: "blog", path: "nl/x.md", site: site.root)
            Issue.record("an unknown type was accepted")
        } catch {
            #expect(error.description == "unknown type 'blog' (known: page, norm, guide, lesson, audience, news, report, help)")
        }
    }
}
