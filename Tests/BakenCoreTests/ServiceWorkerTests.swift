@testable import BakenCore
import Foundation
import Testing

/// The service worker and offline pages a theme gets from its `sw` and `offline` layouts.
@Suite struct ServiceWorkerTests {
    static let theme = TestSite.minimalTheme.merging([
        "themes/t/layouts/sw.mustache": "const BUILD = {{{worker.settings}}};\n// {{worker.version}}\n",
        "themes/t/layouts/offline.mustache": "<html lang=\"{{lang.code}}\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"{{root}}/css/x.css\"></head><h1>{{page.title}}</h1>{{#contacts}}<a href=\"tel:{{tel}}\">{{phone}}</a>{{/contacts}}</html>\n",
        "themes/t/static/css/x.css": "h1 { color: red }\n",
        "themes/t/static/js/y.js": "1;\n",
        "themes/t/i18n/nl.yml": "untranslated: nog niet vertaald\noffline_title: Geen verbinding\n",
        "themes/t/i18n/en.yml": "untranslated: not translated yet\noffline_title: No connection\n",
    ]) { _, new in new }

    static let files = [
        "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.",
        "content/nl/hulp.md": "---\ntitle: Hulp\ntype: help\n---\nBel.",
        "content/nl/melden.md": "---\ntitle: Melden\ntype: report\n---\nMeld.",
        "content/nl/normen.md": "---\ntitle: Normen\n---\nNee.",
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.",
        "data/contacts.yml": "- id: alarm\n  organisation: Alarm\n  phone: \"112\"\n  urgency: emergency\n  last_verified: 2026-11-29\n",
    ]

    static let day = Day(year: 2026, month: 12, day: 7)!

    /// The settings the build wrote into the worker.
    static func settings(_ worker: String?) throws -> [String: Any] {
        let text = try #require(worker)
        let json = try #require(text.split(separator: "\n// ").first?.dropFirst("const BUILD = ".count).dropLast())
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func theWorkerKnowsTheFirstVisitsPagesAndTheOfflinePages() throws {
        let site = try TestSite(Self.files, theme: Self.theme)
        try site.build(today: Self.day)
        let settings = try Self.settings(site.read("sw.js"))
        #expect(settings["precache"] as? [String] == ["/", "/css/x.2346d42d.css", "/en/", "/en/offline.html", "/hulp/", "/melden/", "/offline.html"])
        #expect(settings["offline"] as? [String: String] == ["/": "/offline.html", "/en/": "/en/offline.html"])
        #expect(settings["scope"] as? String == "/")
        #expect((settings["version"] as? String)?.count == 16)
        #expect(site.read("en/offline.html")?.contains("<h1>No connection</h1><a href=\"tel:112\">112</a>") == true)
        #expect(site.read("offline.html")?.contains("href=\"/css/x.2346d42d.css\"") == true)
        #expect(!site.exists("sw.2346d42d.js") && !site.exists("normen/offline.html"))
    }

    @Test func anyChangedPageGivesANewVersionAndTheSameSiteTheSameBytes() throws {
        let site = try TestSite(Self.files, theme: Self.theme)
        try site.build(today: Self.day)
        let first = try Self.settings(site.read("sw.js"))
        let again = site.root.appendingPathComponent("again")
        try site.build(output: again, today: Self.day)
        #expect(site.snapshot() == site.snapshot(again))
        // A page the first visit does not fetch changes: the version changes, the list does not.
        try site.write("content/nl/normen.md", "---\ntitle: Normen\n---\nNee, echt niet.")
        try site.build(today: Self.day)
        let second = try Self.settings(site.read("sw.js"))
        #expect(second["version"] as? String != first["version"] as? String)
        #expect(second["precache"] as? [String] == first["precache"] as? [String])
    }

    @Test func aThemeWithoutTheLayoutsGetsNoWorker() throws {
        let site = try TestSite(Self.files)
        try site.build(today: Self.day)
        #expect(!site.exists("sw.js") && !site.exists("offline.html"))
    }

    @Test func theLivePreviewKeepsTheWorkerAsACleanBuildWritesIt() throws {
        let site = try TestSite(Self.files, theme: Self.theme)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output, today: Self.day))
        try live.rebuildAll()
        try site.write("content/nl/normen.md", "---\ntitle: Normen\n---\nNee, echt niet.")
        try live.update(["content/nl/normen.md"])
        try live.finish()
        let clean = site.root.appendingPathComponent("clean")
        try site.build(output: clean, today: Self.day)
        #expect(site.read("sw.js") != nil && site.read("sw.js") == site.read("sw.js", in: clean))
    }
}
