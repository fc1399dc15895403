import BakenCore
import Foundation
import Testing

@Suite struct CheckTests {
    static let site: [String: String] = [
        "site.yml": TestSite.siteYML + "check: {maxSentenceWords: 12, maxWordLength: 16, jargon: [handhaving]}\n",
        "content/nl/_index.md": "---\ntitle: Home\n---\nZie [de regels](normen.md#wat-mag-niet) en [dit](normen.md#bestaat-niet).\n",
        "content/nl/normen.md": """
            ---
            title: Normen
            review_by: 2024-01-01
            ---
            ## Wat mag niet

            #### Te diep

            ![](foto.png)

            Lees de [klik hier](#wat-mag-niet) of [meer](#nergens).

            De weg wordt door de gemeente gemaakt.

            Dit is een heel lange zin met veel te veel woorden voor de lezers van deze pagina hier.

            Het gaat om verantwoordelijkheidsgevoel.

            De handhaving let op.

            """,
        "content/nl/foto.png": "png",
    ]

    @Test func reportsEachMistakeOnce() throws {
        let site = try TestSite(Self.site)
        let found = Baken.check(BuildOptions(site: site.root, today: Day(year: 2025, month: 6, day: 1)!)).map(\.description)
        #expect(found == [
            "content/nl/_index.md:4: link to '#bestaat-niet' leads nowhere: content/nl/normen.md has no heading or anchor with that id; its headings have the ids wat-mag-niet, te-diep",
            "content/nl/normen.md:3: warning: the page was due for review on 2024-01-01: check it, then set review_by to a new date",
            "content/nl/normen.md:7: warning: heading 'Te diep' skips a level (#### after ##): use ###",
            "content/nl/normen.md:9: image 'foto.png' has no alt text: write what it shows between the brackets, ![like this](foto.png)",
            "content/nl/normen.md:11: warning: link text 'klik hier' does not say where the link goes: use words that name the page, such as its title",
            "content/nl/normen.md:11: warning: link text 'meer' does not say where the link goes: use words that name the page, such as its title",
            "content/nl/normen.md:11: link to '#nergens' leads nowhere: this page has no heading or anchor with that id; its headings have the ids wat-mag-niet, te-diep",
            "content/nl/normen.md:13: warning: possibly passive voice ('wordt … gemaakt'; a guess from the words, not a grammar check): say who does what",
            "content/nl/normen.md:15: warning: sentence of 18 words (more than 12): 'Dit is een heel lange zin…'; split it in two",
            "content/nl/normen.md:17: warning: long word 'verantwoordelijkheidsgevoel' (27 letters): use shorter words, or split it with a hyphen",
            "content/nl/normen.md:19: warning: 'handhaving' is on the jargon list in site.yml: use an everyday word",
        ])
    }

    @Test func writesJSONForCI() throws {
        let json = Baken.json([Diagnostic(file: "content/nl/a.md", line: 3, "oops"), .warning(file: nil, "hm")])
        #expect(json == """
            [
              {
                "file": "content/nl/a.md",
                "line": 3,
                "message": "oops",
                "severity": "error"
              },
              {
                "file": null,
                "line": null,
                "message": "hm",
                "severity": "warning"
              }
            ]

            """)
    }

    @Test func exitsWithOneOnErrorsOnly() throws {
        let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/baken")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path))
        func run(_ site: TestSite) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["check", "--site", site.root.path, "--json"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let broken = try run(TestSite(Self.site))
        #expect(broken.0 == 1)
        #expect(broken.1.hasPrefix("[\n  {\n    \"file\": \"content/nl/_index.md\""))
        let clean = try run(TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.\n"]))
        #expect(clean == (0, "[]\n"))
    }
}

/// `baken check` judges links to page addresses on the site without building it.
@Suite struct CheckRootLinkTests {
    @Test func checkNamesALinkToAPageAddressThatDoesNotExist() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n## Kennis\n\nLees [de kennisbank](/kennisbank/) en [dit](/kennisbank/x).\n",
            "content/nl/kennisbank/_index.md": "---\ntitle: Kennisbank\n---\n## Alles\n\nNaar [de zoekpagina](/search/) of [Haven](/kennisbank/haven-plus/).\n",
            "content/nl/kennisbank/haven-plus.md": "---\ntitle: Haven\n---\n## Haven\n\nTekst.\n",
        ])
        var options = BuildOptions(site: site.root)
        options.themeFolders = []
        #expect(Baken.check(options).filter { $0.severity == .error }.map(\.description) == [
            "content/nl/_index.md:6: link to '/kennisbank/x' leads nowhere: the site has no page or file at that address; link to the page's .md file, or correct the address. Did you mean '/kennisbank/'?",
        ])
    }
}
