import BakenCore
import Foundation
import Testing

/// A content type added as data: one YAML file and one layout in the site folder, no Swift.
@Suite struct ContentTypeTests {
    static let event = """
        # An evening, a workshop or a training, with its place and how to sign up.
        type: object
        properties:
          starts:
            type: string
            format: date
            description: the day it takes place
          place:
            type: string
            description: where, such as Theater Hof 88
          signup:
            type: string
            format: uri
            description: where to sign up
          setting:
            type: string
            enum: [street, nightlife, sport, school, online]
          seats:
            type: integer
          hosts:
            type: array
            items: {type: string}
        required: [starts, place]
        x-baken:
          title: {nl: Evenement, en: Event}
          search: {place: summary}

        """

    static func site(_ page: String) throws -> TestSite {
        var theme = TestSite.minimalTheme
        theme["layouts/event.mustache"] = "{{<base}}{{$main}}<h1>{{page.title}}</h1><p class=\"place\">{{page.fields.place}}</p><time datetime=\"{{page.fields.starts}}\">{{page.dates.starts}}</time>{{#page.fields.signup}}<a href=\"{{.}}\">Aanmelden</a>{{/page.fields.signup}}{{#page.fields.hosts}}<i>{{.}}</i>{{/page.fields.hosts}}{{/main}}{{/base}}"
        theme["themes/t/i18n/nl.yml"] = "untranslated: nog niet vertaald\nmonth_3: maart\n"
        theme["themes/t/i18n/en.yml"] = "untranslated: not translated yet\nmonth_3: March\n"
        theme["themes/t/i18n/ar.yml"] = "untranslated: غير مترجم بعد\nmonth_3: مارس\n"
        theme["themes/t/layouts/search.mustache"] = "{{<base}}{{$main}}{{/main}}{{/base}}"
        return try TestSite([
            "types/event.yml": event,
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/avond.md": page,
        ], theme: theme)
    }

    @Test func pagesOfATypeFromTheSiteFolderBuildThroughTheirLayout() throws {
        let site = try Self.site("""
            ---
            title: Avond over grenzen
            type: event
            starts: 2027-03-11
            place: Theater Hof 88
            signup: https://www.example.nl/aanmelden
            hosts: [Wijkteam, Politie]
            ---
            Kom ook.

            """)
        try site.build()
        let html = try #require(site.read("avond/index.html"))
        #expect(html.contains("<p class=\"place\">Theater Hof 88</p><time datetime=\"2027-03-11\">11 maart 2027</time><a href=\"https://www.example.nl/aanmelden\" rel=\"noreferrer\">Aanmelden</a><i>Wijkteam</i><i>Politie</i>"))
    }

    @Test func aMissingOrWrongFieldIsAnErrorAtItsLine() throws {
        let site = try Self.site("""
            ---
            title: Avond over grenzen
            type: event
            starts: 11 maart
            signup: ergens
            setting: kroeg
            seats: veel
            ---

            """)
        #expect(site.errors() == [
            "content/nl/avond.md:1: 'place' is missing: the type event needs a line 'place: …' (where, such as Theater Hof 88)",
            "content/nl/avond.md:4: 'starts' must be a date written as YYYY-MM-DD, such as 2027-03-01, not '11 maart'",
            "content/nl/avond.md:5: 'signup' must be an address starting with https://, mailto:, tel: or /, such as https://www.example.org/, not 'ergens'",
            "content/nl/avond.md:6: 'setting' must be one of street, nightlife, sport, school, online, not 'kroeg'",
            "content/nl/avond.md:7: 'seats' must be a whole number, such as 10, not 'veel'",
        ])
    }

    @Test func anUnknownTypeNamesTheTypesFromFilesToo() throws {
        let site = try Self.site("---\ntitle: X\ntype: evenement\n---\n")
        #expect(site.errors() == ["content/nl/avond.md:3: unknown type 'evenement' (known: page, audience, event, guide, help, lesson, news, norm, poster, report)"])
    }

    @Test func aTypeFileWithAKeywordBakenDoesNotCheckIsAnError() throws {
        let site = try Self.site("---\ntitle: X\n---\n")
        try site.write("types/event.yml", "type: object\nproperties:\n  place:\n    type: string\n    minLength: 3\n  when:\n    type: date\n")
        #expect(site.errors() == [
            "types/event.yml:5: 'minLength' is not something a type file can say for a field: a field may have type, format, enum, contentMediaType, items, properties, required, description and examples (docs/themes.md)",
            "types/event.yml:7: type 'date' of 'when' is unknown: use string, integer, number, boolean, array or object",
        ])
    }

    @Test func bakenNewWritesTheTypesFieldsWithTheirDescriptions() throws {
        let site = try Self.site("---\ntitle: X\ntype: event\nstarts: 2027-03-11\nplace: Hof\n---\n")
        let url = try Baken.newPage(type: "event", path: "nl/nieuw.md", site: site.root, today: Day(parsing: "2027-01-05")!, themeFolders: [])
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("type: event\n"))
        #expect(text.contains("starts: 2027-01-05   # required: the day it takes place\n"))
        #expect(text.contains("place: …   # required: where, such as Theater Hof 88\n"))
        #expect(text.contains("# signup: https://www.example.nl/   # where to sign up\n"))
        #expect(text.contains("# setting: street\n"))
        // The page it writes builds once its placeholder is filled in and it is no longer a draft.
        try Data(text.replacingOccurrences(of: "place: …", with: "place: Hof").replacingOccurrences(of: "draft: true", with: "draft: false").utf8).write(to: url)
        try site.build()
        #expect(site.read("nieuw/index.html")?.contains("<p class=\"place\">Hof</p>") == true)
    }

    @Test func searchReadsTheFieldsTheTypeNames() throws {
        let site = try Self.site("---\ntitle: Avond\ntype: event\nstarts: 2027-03-11\nplace: Schouwburg Hengelo\n---\nKom ook.\n")
        try site.build()
        let folder = site.output.appendingPathComponent("search-index/nl")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("t") }
        #expect(!files.isEmpty)
        #expect(files.contains { site.read("search-index/nl/\($0)")?.contains("schouwburg") == true })
    }

    @Test func aSiteChangesABuiltInTypeWithItsOwnFile() throws {
        // The site's types/norm.yml replaces the theme's: a norm now needs a source, and its layout shows it.
        let norm = try #require(TestSite.defaultTypes["norm.yml"]).replacingOccurrences(of: "required: [norm]", with: """
              source:
                type: string
                description: who says so
            required: [norm, source]
            """)
        let site = try Self.site("---\ntitle: Nee\ntype: norm\nnorm: Nee is nee.\n---\n")
        try site.write("types/norm.yml", norm)
        try site.write("layouts/norm.mustache", "{{<base}}{{$main}}<p>{{page.fields.norm}}</p><cite>{{page.fields.source}}</cite>{{/main}}{{/base}}")
        #expect(site.errors() == ["content/nl/avond.md:1: 'source' is missing: the type norm needs a line 'source: …' (who says so)"])
        try site.write("content/nl/avond.md", "---\ntitle: Nee\ntype: norm\nnorm: Nee is nee.\nsource: Gemeente\n---\n")
        try site.build()
        #expect(site.read("avond/index.html")?.contains("<p>Nee is nee.</p><cite>Gemeente</cite>") == true)
    }

    @Test func markdownFieldsReachTheLayoutAsHTMLWithTheirLinksChecked() throws {
        let site = try Self.site("---\ntitle: Avond\ntype: event\nstarts: 2027-03-11\nplace: Hof\nprogram: |\n  Eerst **uitleg**, dan [vragen](vragen.md).\n---\n")
        try site.write("types/event.yml", Self.event.replacingOccurrences(of: "  hosts:", with: "  program:\n    type: string\n    contentMediaType: text/markdown\n  hosts:"))
        try site.write("layouts/event.mustache", "{{<base}}{{$main}}<div>{{{page.fields.program}}}</div>{{/main}}{{/base}}")
        #expect(site.errors() == ["content/nl/avond.md:6: link to 'vragen.md' leads nowhere: there is no page content/nl/vragen.md (or it is a draft); link to an existing .md file."])
        try site.write("content/nl/vragen.md", "---\ntitle: Vragen\n---\n")
        try site.build()
        #expect(site.read("avond/index.html")?.contains("<div><p>Eerst <strong>uitleg</strong>, dan <a href=\"/vragen/\">vragen</a>.</p>\n</div>") == true)
    }

    @Test func aBehaviourIsNamedInTheTypeFileAndNeedsItsFields() throws {
        let site = try Self.site("---\ntitle: X\n---\n")
        try site.write("types/cursus.yml", "type: object\nproperties:\n  duration:\n    type: string\nx-baken:\n  behaviours: [lesson-pack, podcast]\n")
        #expect(site.errors() == [
            "types/cursus.yml:5: the behaviour lesson-pack reads the field 'duration': declare it as type: integer",
            "types/cursus.yml:5: the behaviour lesson-pack reads the field 'level': declare it as type: string",
            "types/cursus.yml:6: unknown behaviour 'podcast' (known: lesson-pack, audience-hub, feed, offline, print, short-address)",
        ])
    }

    @Test func aTypeWithTheFeedBehaviourIsInTheFeed() throws {
        let site = try Self.site("---\ntitle: Avond\ntype: event\ndate: 2027-02-01\nstarts: 2027-03-11\nplace: Hof\n---\n")
        try site.write("types/event.yml", Self.event + "  behaviours: [feed]\n")
        try site.build()
        #expect(site.read("index.xml")?.contains("<title>Avond</title>") == true)
    }
}
