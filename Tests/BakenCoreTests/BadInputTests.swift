import BakenCore
import Foundation
import Testing

/// One broken site: a good site with one mistake put in, and the exact messages the build must give.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    /// Files written over the good site (a nil removes the file).
    var files: [String: Data?] = [:]
    /// For what cannot be written as bytes: links, pipes, very large files.
    var prepare: (@Sendable (URL) throws -> Void)?
    let expected: [String]

    var testDescription: String { name }

    init(_ name: String, _ files: [String: String?] = [:], expected: [String]) {
        self.name = name
        self.files = files.mapValues { $0.map { Data($0.utf8) } }
        self.expected = expected
    }

    init(_ name: String, bytes: [String: Data], expected: [String]) {
        self.name = name
        self.files = bytes.mapValues { $0 }
        self.expected = expected
    }

    init(_ name: String, prepare: @escaping @Sendable (URL) throws -> Void, expected: [String]) {
        self.name = name
        self.prepare = prepare
        self.expected = expected
    }

    static func page(_ frontMatter: String, body: String = "Tekst.\n") -> String { "---\n\(frontMatter)\n---\n\(body)" }
}

/// The site every broken case starts from: it builds, so the output that must survive exists.
enum GoodSite {
    static let files: [String: String] = [
        "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.\n",
        "content/nl/a.md": "---\ntitle: A\ntranslationKey: a\n---\nTekst met een [link](b.md).\n",
        "content/nl/b.md": "---\ntitle: B\n---\nTekst.\n",
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
    ]
}

extension BadInput {
    static let bigFile: @Sendable (URL) throws -> Void = { root in
        let url = root.appendingPathComponent("content/nl/groot.md")
        var text = Data("---\ntitle: Groot\n---\n".utf8)
        let line = Data(String(repeating: "Een regel tekst in een heel groot bestand. ", count: 20).utf8 + [10])
        while text.count < 50 * 1024 * 1024 { text.append(line) }
        try text.write(to: url)
    }

    /// Every case, with the exact messages, in the order the build reports them.
    static let corpus: [BadInput] = [
        // Front matter: YAML that does not parse.
        BadInput("unclosed quote", ["content/nl/c.md": page("title: C\ndescription: \"open")], expected: [
            "content/nl/c.md:3: invalid YAML: found unexpected end of stream while scanning a quoted scalar; check the indentation, and put quotes around text that contains ': ' or starts with a special character",
        ]),
        BadInput("colon in unquoted text", ["content/nl/c.md": page("title: Let op: dit gaat mis")], expected: [
            "content/nl/c.md:2: invalid YAML: mapping values are not allowed in this context; check the indentation, and put quotes around text that contains ': ' or starts with a special character",
        ]),
        BadInput("wrong indentation", ["content/nl/c.md": page("title: C\n  weight: 3\ndraft: false")], expected: [
            "content/nl/c.md:3: invalid YAML: mapping values are not allowed in this context; check the indentation, and put quotes around text that contains ': ' or starts with a special character",
        ]),
        BadInput("tab indentation", ["content/nl/c.md": page("title: C\nlaw:\n\ttitle: x")], expected: [
            "content/nl/c.md:4: invalid YAML: this line is indented with a tab; YAML allows only spaces for indentation",
        ]),
        BadInput("duplicate key", ["content/nl/c.md": page("title: C\ntitle: D")], expected: [
            "content/nl/c.md:3: the field 'title' is given twice: keep one",
        ]),
        BadInput("front matter is a list", ["content/nl/c.md": page("- title: C")], expected: [
            "content/nl/c.md:2: the front matter must be fields (name: value), such as 'title: Contact'",
        ]),
        BadInput("front matter is empty and no heading", ["content/nl/c.md": "---\n---\nTekst.\n"], expected: [
            "content/nl/c.md:1: the page has no title: add 'title: …' to its front matter, or start its text with a heading '# …'",
        ]),
        BadInput("no front matter and no heading", ["content/nl/c.md": "## Kop\n\nTekst.\n"], expected: [
            "content/nl/c.md:1: the page has no title: add 'title: …' to its front matter, or start its text with a heading '# …'",
        ]),
        BadInput("front matter not closed", ["content/nl/c.md": "---\ntitle: C\nTekst.\n"], expected: [
            "content/nl/c.md:1: the front matter is not closed: add a line '---' after the last field",
        ]),
        BadInput("TOML front matter", ["content/nl/c.md": "+++\ntitle = \"C\"\n+++\n"], expected: [
            "content/nl/c.md:1: front matter in TOML (+++) is not supported: write it in YAML between two lines '---'",
        ]),

        // Front matter: fields missing or of the wrong type.
        BadInput("missing title", ["content/nl/c.md": page("description: Zonder titel")], expected: [
            "content/nl/c.md:1: the page has no title: add 'title: …' to its front matter, or start its text with a heading '# …'",
        ]),
        BadInput("empty title", ["content/nl/c.md": page("title:")], expected: [
            "content/nl/c.md:2: 'title' is empty: write the title after the colon, or start the text with a heading '# …'",
        ]),
        BadInput("title is a list", ["content/nl/c.md": page("title: [a, b]")], expected: [
            "content/nl/c.md:2: 'title' must be text, not a list",
        ]),
        BadInput("weight is text", ["content/nl/c.md": page("title: C\nweight: veel")], expected: [
            "content/nl/c.md:3: 'weight' must be a whole number, such as 10, not 'veel'",
        ]),
        BadInput("draft is not true or false", ["content/nl/c.md": page("title: C\ndraft: misschien")], expected: [
            "content/nl/c.md:3: 'draft' must be true or false, not 'misschien'",
        ]),
        BadInput("date in words", ["content/nl/c.md": page("title: C\ndate: 1 juli 2024")], expected: [
            "content/nl/c.md:3: 'date' must be a date written as YYYY-MM-DD, such as 2024-07-01, not '1 juli 2024'",
        ]),
        BadInput("impossible date", ["content/nl/c.md": page("title: C\ndate: 2024-02-30")], expected: [
            "content/nl/c.md:3: 'date' must be a date written as YYYY-MM-DD, such as 2024-07-01, not '2024-02-30'",
        ]),
        BadInput("aliases as fields", ["content/nl/c.md": page("title: C\naliases:\n  oud: /oud/")], expected: [
            "content/nl/c.md:4: 'aliases' must be a list, such as [a, b], not a group of fields",
        ]),
        BadInput("unknown type", ["content/nl/c.md": page("title: C\ntype: blog")], expected: [
            "content/nl/c.md:3: unknown type 'blog' (known: page, audience, guide, help, lesson, news, norm, poster, report)",
        ]),
        BadInput("law link with javascript:", ["content/nl/c.md": page("title: C\ntype: norm\nnorm: Niet doen.\nlaw:\n  title: Wet\n  url: \"javascript:alert(1)\"")], expected: [
            "content/nl/c.md:7: 'law.url' must be an address starting with https://, mailto:, tel: or /, such as https://wetten.overheid.nl/, not 'javascript:alert(1)'",
        ]),
        BadInput("contact website with data:", ["data/contacts.yml": "- id: x\n  organisation: X\n  phone: 0800-0188\n  website: \"data:text/html,<script>alert(1)</script>\"\n  last_verified: 2099-01-01\n"], expected: [
            "data/contacts.yml:4: 'website' must be an address starting with https://, such as https://wetten.overheid.nl/, not 'data:text/html,<script>alert(1)</script>'",
        ]),
        BadInput("norm without statement", ["content/nl/c.md": page("title: C\ntype: norm")], expected: [
            "content/nl/c.md:1: 'norm' is missing: the type norm needs a line 'norm: …' (the statement itself, in one sentence)",
        ]),

        // Names that the site does not know.
        BadInput("unknown audience", ["content/nl/c.md": page("title: C\naudiences: [vrouwen2]")], expected: [
            "content/nl/c.md:3: unknown audience 'vrouwen2' (known: omstanders)",
        ]),
        BadInput("audience hub for an unknown audience", ["content/nl/c.md": page("title: C\ntype: audience\naudience: jongeren")], expected: [
            "content/nl/c.md:4: unknown audience 'jongeren' (known: omstanders)",
        ]),
        BadInput("unknown language folder", ["content/fr/c.md": page("title: C")], expected: [
            "content/fr/c.md: unknown language 'fr' (known: nl, en, ar): add it to languages in site.yml, or move the file",
        ]),
        BadInput("page outside a language folder", ["content/c.md": page("title: C")], expected: [
            "content/c.md: pages go in a folder per language, such as content/nl/c.md",
        ]),
        BadInput("language without a home page", ["content/ar/c.md": page("title: C")], expected: [
            "content/ar/_index.md: the home page of 'ar' is missing: make this file with at least a title",
        ]),
        BadInput("layout that does not exist", ["content/nl/c.md": page("title: C\nlayout: speciaal")], expected: [
            "content/nl/c.md:3: layout 'speciaal' does not exist: make layouts/speciaal.mustache, or remove the field",
        ]),
        BadInput("link to a page that does not exist", ["content/nl/c.md": page("title: C", body: "Zie [weg](weg.md).\n")], expected: [
            "content/nl/c.md:4: link to 'weg.md' leads nowhere: there is no page content/nl/weg.md (or it is a draft); link to an existing .md file.",
        ]),
        BadInput("unknown shortcode", ["content/nl/c.md": page("title: C", body: "Tekst.\n\n{{< video id=\"x\" >}}\n")], expected: [
            "content/nl/c.md:6: unknown shortcode 'video' (known: ): the theme needs layouts/shortcodes/video.mustache",
        ]),

        // Two pages that claim one place.
        BadInput("two pages with one address by slug", ["content/nl/c.md": page("title: C\nslug: a")], expected: [
            "content/nl/c.md:3: this page has the same address /a/ as content/nl/a.md: give one of them another slug or file name",
        ]),
        BadInput("two pages with one address by folder", ["content/nl/a/index.md": page("title: A2")], expected: [
            "content/nl/a/index.md: this page has the same address /a/ as content/nl/a.md: give one of them another slug or file name",
        ]),
        BadInput("translationKey used twice", ["content/nl/c.md": page("title: C\ntranslationKey: a")], expected: [
            "content/nl/c.md:3: translationKey 'a' is also used by content/nl/a.md in the same language: each page of a language needs its own key",
        ]),
        BadInput("alias that is a page's address", ["content/nl/c.md": page("title: C\naliases: [/a/]")], expected: [
            "content/nl/c.md:3: alias /a/ is already the address of content/nl/a.md",
        ]),

        // Files that are not text.
        BadInput("invalid UTF-8", bytes: ["content/nl/c.md": Data("---\ntitle: C\n---\nca".utf8) + Data([0xE9, 0x0A])], expected: [
            "content/nl/c.md:4: this file is not valid UTF-8 text (byte 20): save it again with the encoding UTF-8",
        ]),
        BadInput("Latin-1 front matter", bytes: ["content/nl/c.md": Data("---\ntitle: Caf".utf8) + Data([0xE9, 0x0A]) + Data("---\n".utf8)], expected: [
            "content/nl/c.md:2: this file is not valid UTF-8 text (byte 15): save it again with the encoding UTF-8",
        ]),
        BadInput("NUL byte", bytes: ["content/nl/c.md": Data("---\ntitle: C\n---\nx".utf8) + Data([0])], expected: [
            "content/nl/c.md:4: this file contains a NUL byte, so it is not a text file: save it again as plain UTF-8 text",
        ]),
        BadInput("a PNG named .md", bytes: ["content/nl/c.md": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])], expected: [
            "content/nl/c.md: this file is a PNG image, not text: give it the extension .png, or save the page again as plain UTF-8 text",
        ]),
        BadInput("a PDF named .md", bytes: ["content/nl/c.md": Data("%PDF-1.7\n%".utf8) + Data([0xE2, 0xE3, 0xCF, 0xD3, 0x0A])], expected: [
            "content/nl/c.md: this file is a PDF document, not text: give it the extension .pdf, or save the page again as plain UTF-8 text",
        ]),
        BadInput("empty file", ["content/nl/c.md": ""], expected: [
            "content/nl/c.md: this file is empty: a page needs front matter with at least a title, such as\n---\ntitle: Contact\n---",
        ]),
        BadInput("only blank lines", ["content/nl/c.md": "\n \n\t\n"], expected: [
            "content/nl/c.md: this file is empty: a page needs front matter with at least a title, such as\n---\ntitle: Contact\n---",
        ]),
        BadInput("50 MB Markdown file", prepare: bigFile, expected: [
            "content/nl/groot.md: this file is too large (50 MB; at most 8 MB): split it into several pages",
        ]),

        // Links and special files in content/.
        BadInput("symlink loop", prepare: { root in
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/nl/c.md").path, withDestinationPath: "d.md")
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/nl/d.md").path, withDestinationPath: "c.md")
        }, expected: [
            "content/nl/c.md: this link leads nowhere (to 'd.md'), or in a circle: remove it or point it at a file",
            "content/nl/d.md: this link leads nowhere (to 'c.md'), or in a circle: remove it or point it at a file",
        ]),
        BadInput("link to a folder", prepare: { root in
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/nl/map").path, withDestinationPath: "/")
        }, expected: [
            "content/nl/map: links to folders are not followed (this one leads to '/'): copy the folder into the site instead",
        ]),
        BadInput("folder named like a page", prepare: { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/nl/c.md"), withIntermediateDirectories: true)
        }, expected: [
            "content/nl/c.md: this is a folder, not a page: a page is a file c.md; a page with files of its own is a folder c/ with an index.md",
        ]),
        BadInput("named pipe instead of a page", prepare: { root in
            #expect(mkfifo(root.appendingPathComponent("content/nl/c.md").path, 0o644) == 0)
        }, expected: [
            "content/nl/c.md: this is a named pipe, not a file: Baken reads only plain files; remove it or put a file in its place",
        ]),

        // Addresses that try to leave the output folder.
        BadInput("slug with ..", ["content/nl/c.md": page("title: C\nslug: ../../ontsnapt")], expected: [
            "content/nl/c.md:3: slug '../../ontsnapt' must be one part of an address: letters, digits and hyphens, without '/' or '..', such as 'wat-kun-je-doen'",
        ]),
        BadInput("slug that is an absolute path", ["content/nl/c.md": page("title: C\nslug: /tmp/ontsnapt")], expected: [
            "content/nl/c.md:3: slug '/tmp/ontsnapt' must be one part of an address: letters, digits and hyphens, without '/' or '..', such as 'wat-kun-je-doen'",
        ]),
        BadInput("slug that is ..", ["content/nl/c.md": page("title: C\nslug: ..")], expected: [
            "content/nl/c.md:3: slug '..' must be one part of an address: letters, digits and hyphens, without '/' or '..', such as 'wat-kun-je-doen'",
        ]),
        BadInput("alias with ..", ["content/nl/c.md": page("title: C\naliases: [/../../ontsnapt/]")], expected: [
            "content/nl/c.md:3: alias '/../../ontsnapt/' must be an address on this site, such as /oud/adres/, without '..'",
        ]),
        BadInput("alias on another host", ["content/nl/c.md": page("title: C\naliases: [\"https://example.org/x/\"]")], expected: [
            "content/nl/c.md:3: alias 'https://example.org/x/' must be an address on this site, such as /oud/adres/, without '..'",
        ]),
        // Found while the pages are written to the build's new folder: that folder goes, the old output stays.
        BadInput("image from another host", ["content/nl/c.md": "---\ntitle: C\n---\nTekst.\n\n![logo](https://cdn.example.com/logo.png)\n"], expected: [
            "content/nl/c.md:6: <img src> loads https://cdn.example.com/logo.png from another host, so that host would see every visitor: put the file in the site (static/ or next to the page), or add the address to allowExternal in site.yml",
        ]),
        BadInput("alias without a leading slash", ["content/nl/c.md": page("title: C\naliases: [../ontsnapt]")], expected: [
            "content/nl/c.md:3: alias '../ontsnapt' must be an address on this site, such as /oud/adres/, without '..'",
        ]),

        // site.yml.
        BadInput("site.yml missing", ["site.yml": nil], expected: ["site.yml: site.yml not found in SITE: run baken in the site's folder, or name it with --site"]),
        BadInput("site.yml empty", ["site.yml": ""], expected: [
            "site.yml:1: site.yml is empty: it needs at least 'title:', 'baseURL:' and 'languages:' (see docs/content.md)",
        ]),
        BadInput("site.yml is a list", ["site.yml": "- title: X\n"], expected: [
            "site.yml:1: site.yml must be a list of settings (name: value), such as 'title: My site'",
        ]),
        BadInput("site.yml malformed", ["site.yml": "title: X\nlanguages:\n  - code: nl\n   name: Nederlands\n"], expected: [
            "site.yml:4: invalid YAML: did not find expected '-' indicator while parsing a block collection; check the indentation, and put quotes around text that contains ': ' or starts with a special character",
        ]),
        BadInput("site.yml without languages", ["site.yml": "title: X\ntheme: t\n"], expected: [
            "site.yml:1: 'languages' is missing: list the site's languages, such as\nlanguages:\n  - code: nl\n    name: Nederlands",
        ]),
        BadInput("site.yml unknown setting and bad code", ["site.yml": "title: X\ntheme: t\nlanguages:\n  - code: NL\n    name: x\ncolour: red\n"], expected: [
            "site.yml:4: language code 'NL' is not valid: use a code such as nl, en, ar or pt-BR",
            "site.yml:6: unknown setting 'colour' (known: allowExternal, audiences, baseURL, check, defaultLanguage, defaultLanguageInSubdir, languages, markdown, menus, packs, params, publishFiles, safety, search, theme, title)",
        ]),
        BadInput("site.yml baseURL not on the web", ["site.yml": "title: X\nbaseURL: ftp://example.nl/\ntheme: t\nlanguages:\n  - code: nl\n    name: Nederlands\n"], expected: [
            "site.yml:2: baseURL must start with https:// (for example https://example.nl/), not 'ftp://example.nl/'",
        ]),
        BadInput("site.yml default language not listed", ["site.yml": "title: X\ndefaultLanguage: de\ntheme: t\nlanguages:\n  - code: nl\n    name: Nederlands\n"], expected: [
            "site.yml:2: defaultLanguage 'de' is not in languages (known: nl)",
        ]),
        BadInput("site.yml not UTF-8", bytes: ["site.yml": Data("title: Caf".utf8) + Data([0xE9, 0x0A])], expected: [
            "site.yml:1: this file is not valid UTF-8 text (byte 11): save it again with the encoding UTF-8",
        ]),

        // The theme.
        BadInput("missing theme", ["site.yml": TestSite.siteYML.replacingOccurrences(of: "theme: t", with: "theme: weg")], expected: [
            "site.yml: theme 'weg' not found: there is no folder themes/weg, and no installed theme of that name (themes here: t)",
        ]),
        BadInput("template syntax error", ["themes/t/layouts/section.mustache": "{{#page.pages}}\n{{/page.page}}"], expected: [
            "themes/t/layouts/section.mustache:2: template error: a closing tag {{/…}} does not match the section it closes (column 4)",
        ]),
        BadInput("unclosed template section", ["themes/t/layouts/page.mustache": "{{<base}}{{$main}}\n{{#page.title}}{{/main}}{{/base}}"], expected: [
            "themes/t/layouts/page.mustache:2: template error: a closing tag {{/…}} does not match the section it closes (column 19)",
        ]),
        BadInput("missing partial", ["themes/t/layouts/page.mustache": "{{<base}}{{$main}}\n{{> partials/weg}}{{/main}}{{/base}}"], expected: [
            "themes/t/layouts/page.mustache:2: partial 'partials/weg' does not exist: make layouts/partials/weg.mustache in the theme or the site, or correct the name",
        ]),
        BadInput("circular layout", ["themes/t/layouts/a.mustache": "{{<b}}{{/b}}", "themes/t/layouts/b.mustache": "{{<a}}{{/a}}"], expected: [
            "themes/t/layouts/a.mustache:1: layouts extend each other in a circle: a → b → a; one of them must stop extending",
        ]),
        BadInput("theme words malformed", ["themes/t/i18n/en.yml": "untranslated: \"open\n"], expected: [
            "themes/t/i18n/en.yml:2: invalid YAML: found unexpected end of stream while scanning a quoted scalar; check the indentation, and put quotes around text that contains ': ' or starts with a special character",
        ]),
    ]
}

/// Broken sites: every mistake gives its exact message, the build fails, and the previous output stays as it was.
@Suite struct BadInputTests {
    @Test(arguments: BadInput.corpus)
    func brokenSiteFailsWithItsMessage(_ input: BadInput) throws {
        let site = try TestSite(GoodSite.files)
        try site.build()
        try apply(input, to: site)
        let before = FolderState(site.root)

        let expected = input.expected.map { $0.replacingOccurrences(of: "SITE", with: site.root.path) }
        #expect(site.errors() == expected)
        #expect(FolderState(site.root) == before, "the build changed the site folder or its output")
        // Where the slugs and aliases below would lead if they were followed.
        for escaped in [site.root.deletingLastPathComponent().appendingPathComponent("ontsnapt"), URL(fileURLWithPath: "/tmp/ontsnapt")] {
            #expect(!FileManager.default.fileExists(atPath: escaped.path))
        }

        // The same through the command line: exit status 1, the messages on stderr, the output untouched.
        let binary = try #require(BakenBinary.current, "build the command line first: swift build --product baken (scripts/test.sh does)")
        let run = try BakenBinary.run(binary, ["build"], in: site.root)
        #expect(run.status == 1)
        let plural = expected.count == 1 ? "" : "s"
        #expect(run.stderr == (expected + ["Build failed: \(expected.count) error\(plural). public/ was not changed."]).joined(separator: "\n") + "\n",
                "the binary's messages differ: if it is older than the sources, run swift build --product baken")
        #expect(FolderState(site.root) == before)
    }

    @Test(.disabled(if: geteuid() == 0, "root reads files whatever their permissions; the named-pipe case covers an unreadable page then"))
    func unreadableFile() throws {
        let site = try TestSite(GoodSite.files)
        try site.build()
        let path = site.root.appendingPathComponent("content/nl/a.md").path
        #expect(chmod(path, 0) == 0)
        defer { chmod(path, 0o644) }
        let before = FolderState(site.root)
        #expect(site.errors() == ["content/nl/a.md: cannot read this file: check that it exists and that you may read it"])
        #expect(FolderState(site.root) == before)
    }

    @Test func corpusIsLargeAndNamesAreUnique() {
        #expect(BadInput.corpus.count >= 40)
        #expect(Set(BadInput.corpus.map(\.name)).count == BadInput.corpus.count)
    }

    func apply(_ input: BadInput, to site: TestSite) throws {
        for (path, data) in input.files {
            if let data { try site.write(path, data) } else { try site.remove(path) }
        }
        try input.prepare?(site.root)
    }
}

/// What a folder holds, read without following links or opening pipes: for "nothing changed" checks.
struct FolderState: Equatable {
    enum Entry: Equatable {
        case file(Data)
        case link(String)
        case other(String)
    }

    var entries: [String: Entry] = [:]

    init(_ root: URL) {
        let fm = FileManager.default
        for relative in (try? fm.subpathsOfDirectory(atPath: root.path)) ?? [] {
            let path = root.appendingPathComponent(relative).path
            let type = (try? fm.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            switch type {
            case .typeRegular?:
                entries[relative] = .file(fm.contents(atPath: path) ?? Data())
            case .typeSymbolicLink?:
                entries[relative] = .link((try? fm.destinationOfSymbolicLink(atPath: path)) ?? "")
            case let other:
                entries[relative] = .other(other.map(\.rawValue) ?? "?")
            }
        }
    }
}

/// The `baken` command line as built by `swift build`, for tests that run it as a user would.
enum BakenBinary {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The debug binary that `swift build --product baken` makes (`swift test` does not link it again: scripts/test.sh builds it first).
    static var current: URL? {
        let url = repository.appendingPathComponent(".build/debug/baken")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    static func run(_ binary: URL, _ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // Only the site's own themes, whatever is installed on the machine.
        process.environment = ProcessInfo.processInfo.environment.merging(["BAKEN_THEME_PATH": ""]) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
