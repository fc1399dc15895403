@testable import BakenCore
import Testing

/// The load stage's front matter on values: a page's text in, fields or messages with their lines out, no disk.
@Suite struct FrontMatterTests {
    static func parse(_ text: String) -> (FrontMatter?, [String]) {
        var diagnostics = Diagnostics()
        switch FrontMatter.split(text, file: "content/nl/x.md") {
        case .failure(let diagnostic):
            return (nil, [diagnostic.description])
        case .success(let parts):
            let fm = FrontMatter.parse(yaml: parts.yaml, file: "content/nl/x.md", audiences: ["omstanders", "lhbtiq"], diagnostics: &diagnostics)
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
            type: poster
            audiences: [vrouwen2]
            slug: a/b
            ---

            """)
        #expect(messages == [
            "content/nl/x.md:5: slug 'a/b' must be one part of an address: letters, digits and hyphens, without '/' or '..', such as 'wat-kun-je-doen'",
            "content/nl/x.md:3: unknown type 'poster' (known: \(ContentType.builtIn.map(\.rawValue).joined(separator: ", ")))",
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
        #expect(fm?.type == .norm)
        #expect(messages == ["content/nl/x.md:1: 'norm' is missing: add a line 'norm: …'"])
    }
}
