@testable import BakenCore
import Testing

/// The load stage's front matter on values: a page's text in, fields or messages with their lines out, no disk.
@Suite struct FrontMatterTests {
    /// The default theme's types.
    static let types: [String: TypeSchema] = {
        var diagnostics = Diagnostics()
        var types: [String: TypeSchema] = [:]
        for (file, text) in TestSite.defaultTypes {
            let name = String(file.dropLast(4))
            types[name] = TypeSchema.parse(text, name: name, file: "types/\(file)", diagnostics: &diagnostics)
        }
        precondition(diagnostics.all.isEmpty && types.count == TestSite.defaultTypes.count, "the default theme's types: \(diagnostics.all)")
        return types
    }()

    static func parse(_ text: String) -> (FrontMatter?, [String]) {
        var diagnostics = Diagnostics()
        switch FrontMatter.split(text, file: "content/nl/x.md") {
        case .failure(let diagnostic):
            return (nil, [diagnostic.description])
        case .success(let parts):
            let fm = FrontMatter.parse(yaml: parts.yaml, file: "content/nl/x.md", audiences: ["omstanders", "lhbtiq"], types: types, diagnostics: &diagnostics)
            return (fm, diagnostics.all.map(\.description))
        }
    }

    @Test func splitsFrontMatterFromTheBody() throws {
        let parts = try FrontMatter.split("---\ntitle: Hallo\n---\n# Kop\n\nTekst.\n", file: "content/nl/x.md").get()
        #expect(parts.yaml == "title: Hallo")
        #expect(parts.body == "# Kop\n\nTekst.\n")
        #expect(parts.bodyLine == 4)
    }

    @Test func readsTheCommonFieldsAndKeepsTheRestAsParams() throws {
        let (fm, messages) = Self.parse("""
            ---
            title: Nafluiten is niet oké
            description: Wat je kunt doen.
            date: 2026-11-29
            weight: 3
            tags: [straat, uitgaan]
            audiences: [omstanders]
            kleur: paars
            ---

            """)
        #expect(messages == [])
        let page = try #require(fm)
        #expect(page.title == "Nafluiten is niet oké")
        #expect(page.description == "Wat je kunt doen.")
        #expect(page.date?.description == "2026-11-29")
        #expect(page.weight == 3)
        #expect(page.tags == ["straat", "uitgaan"])
        #expect(page.audiences == ["omstanders"])
        #expect(page.params.map(\.0) == ["kleur"])
        #expect(page.type == .page)
    }

    @Test func everyWrongValueIsReportedAtItsLine() {
        let (_, messages) = Self.parse("""
            ---
            title: Test
            type: flyer
            audiences: [vrouwen2]
            slug: a/b
            ---

            """)
        #expect(messages == [
            "content/nl/x.md:5: slug 'a/b' must be one part of an address: letters, digits and hyphens, without '/' or '..', such as 'wat-kun-je-doen'",
            "content/nl/x.md:3: unknown type 'flyer' (known: page, audience, guide, help, lesson, news, norm, poster, report)",
            "content/nl/x.md:4: unknown audience 'vrouwen2' (known: lhbtiq, omstanders)",
        ])
    }

    @Test func aPageWithoutFrontMatterIsAPageAndTOMLSaysWhatToWrite() {
        #expect(Self.parse("# Alleen tekst\n").1 == [])
        #expect(Self.parse("# Alleen tekst\n").0?.title == "")
        #expect(Self.parse("+++\ntitle = \"x\"\n+++\n").1 == ["content/nl/x.md:1: front matter in TOML (+++) is not supported: write it in YAML between two lines '---'"])
        #expect(Self.parse("---\ntitle: x\n").1 == ["content/nl/x.md:1: the front matter is not closed: add a line '---' after the last field"])
    }

    @Test func theFirstHeadingIsFoundOutsideCodeAndLeavesItsLineEmpty() {
        let heading = ContentFiles.firstHeading("Intro.\n```\n# niet dit\n```\n# Titel ##\nTekst.\n")
        #expect(heading?.text == "Titel")
        #expect(heading?.rest == "Intro.\n```\n# niet dit\n```\n\nTekst.\n")
        #expect(ContentFiles.firstHeading("    # code\n## Kop\n") == nil)
        #expect(ContentFiles.firstHeading("# C#\n")?.text == "C#")
    }

    @Test func aNormNeedsItsStatement() {
        let (fm, messages) = Self.parse("---\ntitle: Norm\ntype: norm\nlaw:\n  title: Wetboek\n---\n")
        #expect(fm?.type.rawValue == "norm")
        #expect(messages == ["content/nl/x.md:1: 'norm' is missing: the type norm needs a line 'norm: …' (the statement itself, in one sentence)"])
    }

    @Test func theBuiltInTypesAreCheckedByTheirFiles() {
        let (guide, guideMessages) = Self.parse("""
            ---
            title: Gids
            type: guide
            safety: Let **eerst** op jezelf.
            options:
              - action: wegkijken
                title: Kijk weg
              - action: distract
                title: Leid af
                say: Hoe laat is het?
            ---

            """)
        #expect(guideMessages == ["content/nl/x.md:6: 'options[1].action' must be one of distract, delegate, document, delay, direct, not 'wegkijken'"])
        #expect(guide?.fields.markdown.map(\.path) == ["safety"])
        #expect(guide?.fields.search.map(\.text) == ["Let **eerst** op jezelf.", "Kijk weg", "Leid af", "Hoe laat is het?"])

        let (lesson, lessonMessages) = Self.parse("""
            ---
            title: Les
            type: lesson
            level: groep-9
            duration: een uur
            steps:
              - title: Start
                text: Vraag de klas.
            ---

            """)
        #expect(lessonMessages == [
            "content/nl/x.md:4: 'level' must be one of po-7-8, vo-onderbouw, vo-bovenbouw, mbo, so, not 'groep-9'",
            "content/nl/x.md:5: 'duration' must be a whole number, such as 10, not 'een uur'",
            "content/nl/x.md:1: 'edition' is missing: the type lesson needs a line 'edition: …' (raise it when the lesson changes; the pack is numbered by it)",
            "content/nl/x.md:1: 'goals' is missing: the type lesson needs a line 'goals: …' (what pupils learn)",
        ])
        #expect(lesson?.fields.lesson == nil)
        #expect(lesson?.fields.markdown.map(\.path) == ["steps[1].text"])

        let (hub, hubMessages) = Self.parse("---\ntitle: Voor wie\ntype: audience\naudience: iedereen\n---\n")
        #expect(hubMessages == ["content/nl/x.md:4: unknown audience 'iedereen' (known: lhbtiq, omstanders)"])
        #expect(hub?.fields.audience == nil)
        #expect(Self.parse("---\ntitle: Hulp\ntype: help\n---\n").0?.sensitive == true)
    }
}
