import BakenCore
import Foundation
import Testing

@Suite struct NewPageTests {
    @Test func everyTypeWritesAPageThatBuilds() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"])
        let today = Day(year: 2026, month: 11, day: 1)!
        let types = ["page", "norm", "guide", "lesson", "audience", "news", "report", "help"]
        for type in types {
            let folder = type == "lesson" ? "les/" : ""
            _ = try Baken.newPage(type: type, path: "nl/\(folder)nieuw-\(type).md", site: site.root, today: today)
        }
        let text = try #require(site.read("content/nl/nieuw-norm.md", in: site.root))
        #expect(text.contains("norm: De norm in één zin.   # required: the statement itself, in one sentence\n"))
        #expect(text.contains("# law:   # when it is against the law\n#   # since: 2026-11-01   # the day the law took effect\n#   title: Wet seksuele misdrijven   # required: the law's name\n"))
        let lesson = try #require(site.read("content/nl/les/nieuw-lesson.md", in: site.root))
        #expect(lesson.contains("level: po-7-8   # required: the school level; the theme's words level_<code> name it\n"))
        #expect(lesson.contains("goals: [De leerling kan …]   # required: what pupils learn\n"))
        #expect(try #require(site.read("content/nl/nieuw-news.md", in: site.root)).contains("date: 2026-11-01"))
        let report = try site.build(drafts: true, today: today)
        #expect(report.pagesPerLanguage.first?.pages == 1 + types.count)
        #expect(site.exists("nieuw-norm/index.html"))
    }

    @Test func refusesToOverwriteAndNamesTheTypes() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"])
        #expect(throws: BuildFailure.self) { try Baken.newPage(type: "page", path: "nl/_index.md", site: site.root) }
        do {
            _ = try Baken.newPage(type: "blog", path: "nl/x.md", site: site.root)
            Issue.record("an unknown type was accepted")
        } catch {
            #expect(error.description == "unknown type 'blog' (known: page, audience, guide, help, lesson, news, norm, poster, report)")
        }
    }
}
