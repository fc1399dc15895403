import BakenCore
import Foundation
import Testing

/// Mistakes in site.yml and front matter give exact messages at the right line.
@Suite struct ErrorTests {
    func errors(page: String, at path: String = "content/nl/a.md") throws -> [String] {
        try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n", path: page]).errors()
    }

    @Test func missingTitle() throws {
        #expect(try errors(page: "---\ndescription: x\n---\n") == ["content/nl/a.md:1: the page has no title: add 'title: …' to its front matter, or start its text with a heading '# …'"])
    }

    @Test func wrongTypesInKnownFields() throws {
        #expect(try errors(page: "---\ntitle: A\nweight: veel\ndraft: misschien\ndate: 1 juli\n---\n") == [
            "content/nl/a.md:3: 'weight' must be a whole number, such as 10, not 'veel'",
            "content/nl/a.md:4: 'draft' must be true or false, not 'misschien'",
            "content/nl/a.md:5: 'date' must be a date written as YYYY-MM-DD, such as 2024-07-01, not '1 juli'",
        ])
    }

    @Test func unknownAudienceAndType() throws {
        #expect(try errors(page: "---\ntitle: A\naudiences: [vrouwen2]\ntype: blog\n---\n") == [
            "content/nl/a.md:3: unknown audience 'vrouwen2' (known: omstanders)",
            "content/nl/a.md:4: unknown type 'blog' (known: page, audience, guide, help, lesson, news, norm, poster, report)",
        ])
    }

    @Test func malformedYAML() throws {
        #expect(try errors(page: "---\ntitle: A\ndescription: \"open\n---\n") == [
            "content/nl/a.md:3: invalid YAML: found unexpected end of stream while scanning a quoted scalar; check the indentation, and put quotes around text that contains ': ' or starts with a special character",
        ])
    }

    @Test func noFrontMatter() throws {
        #expect(try errors(page: "Alleen tekst.\n") == ["content/nl/a.md:1: the page has no title: add 'title: …' to its front matter, or start its text with a heading '# …'"])
        #expect(try errors(page: "---\ntitle: A\n") == ["content/nl/a.md:1: the front matter is not closed: add a line '---' after the last field"])
        #expect(try errors(page: "  \n") == ["content/nl/a.md: this file is empty: a page needs front matter with at least a title, such as\n---\ntitle: Contact\n---"])
    }

    @Test func unknownLanguageFolder() throws {
        #expect(try errors(page: "---\ntitle: A\n---\n", at: "content/fr/a.md") == [
            "content/fr/a.md: unknown language 'fr' (known: nl, en, ar): add it to languages in site.yml, or move the file",
        ])
    }

    @Test func twoPagesWithOneAddress() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\n---\n",
            "content/nl/b.md": "---\ntitle: B\nslug: a\n---\n",
        ])
        #expect(site.errors() == ["content/nl/b.md:3: this page has the same address /a/ as content/nl/a.md: give one of them another slug or file name"])
    }

    @Test func translationKeyClash() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\ntranslationKey: x\n---\n",
            "content/nl/b.md": "---\ntitle: B\ntranslationKey: x\n---\n",
        ])
        #expect(site.errors() == ["content/nl/b.md:3: translationKey 'x' is also used by content/nl/a.md in the same language: each page of a language needs its own key"])
    }

    @Test func invalidUTF8AndNulBytes() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"])
        try site.write("content/nl/a.md", Data("---\ntitle: A\n---\nca".utf8) + Data([0xE9, 0x0A]))
        try site.write("content/nl/b.md", Data("---\ntitle: B\n---\nx".utf8) + Data([0]))
        #expect(site.errors() == [
            "content/nl/a.md:4: this file is not valid UTF-8 text (byte 20): save it again with the encoding UTF-8",
            "content/nl/b.md:4: this file contains a NUL byte, so it is not a text file: save it again as plain UTF-8 text",
        ])
    }

    @Test func lessonFields() throws {
        #expect(try errors(page: "---\ntitle: Les\ntype: lesson\nlevel: groep9\ngoals: [x]\nattachments:\n  - file: weg.pdf\n---\n") == [
            "content/nl/a.md:1: 'duration' is missing: the type lesson needs a line 'duration: …' (the lesson's length in minutes, such as 60)",
            "content/nl/a.md:1: 'edition' is missing: the type lesson needs a line 'edition: …' (raise it when the lesson changes; the pack is numbered by it)",
            "content/nl/a.md:4: 'level' must be one of po-7-8, vo-onderbouw, vo-bovenbouw, mbo, so, not 'groep9'",
        ])
    }

    @Test func siteConfigMistakes() throws {
        let empty = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], siteYML: "")
        #expect(empty.errors() == ["site.yml:1: site.yml is empty: it needs at least 'title:', 'baseURL:' and 'languages:' (see docs/content.md)"])
        let wrong = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], siteYML: "title: X\ntheme: t\nlanguages:\n  - code: NL\n    name: x\ncolour: red\n")
        #expect(wrong.errors() == [
            "site.yml:4: language code 'NL' is not valid: use a code such as nl, en, ar or pt-BR",
            "site.yml:6: unknown setting 'colour' (known: allowExternal, audiences, baseURL, check, defaultLanguage, defaultLanguageInSubdir, languages, markdown, menus, packs, params, publishFiles, safety, search, theme, title)",
        ])
        let missing = try TestSite([:], siteYML: nil)
        #expect(missing.errors().first?.hasPrefix("site.yml: site.yml not found in ") == true)
    }

    @Test func themeMistakes() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/page.mustache"] = "{{<base}}{{$main}}{{> partials/weg}}{{/main}}{{/base}}"
        theme["themes/t/layouts/section.mustache"] = "{{#page.pages}}\n{{/page.page}}"
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], theme: theme)
        #expect(site.errors() == [
            "themes/t/layouts/page.mustache:1: partial 'partials/weg' does not exist: make layouts/partials/weg.mustache in the theme or the site, or correct the name",
            "themes/t/layouts/section.mustache:2: template error: a closing tag {{/…}} does not match the section it closes (column 4)",
        ])
        let missingTheme = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], theme: [:])
        #expect(missingTheme.errors().first == "site.yml: theme 't' not found: there is no folder themes/t, and no installed theme of that name")
    }

    @Test func circularLayouts() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/a.mustache"] = "{{<b}}{{/b}}"
        theme["themes/t/layouts/b.mustache"] = "{{<a}}{{/a}}"
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], theme: theme)
        #expect(site.errors() == ["themes/t/layouts/a.mustache:1: layouts extend each other in a circle: a → b → a; one of them must stop extending"])
    }
}
