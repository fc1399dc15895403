import BakenCore
import Foundation
import Testing

/// `baken translations export` and `import`: XLIFF 1.2 out, translations back in, nothing changed by a file that is wrong.
@Suite struct XLIFFTests {
    static let pages = [
        "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.\n",
        "content/nl/hulp.md": "---\ntitle: Hulp\ndescription: Waar je hulp krijgt.\nweight: 10\n---\n\n## Bel *nu*\n\nBel de [hulplijn](_index.md) of `112`.\n\n- Praat erover\n",
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/en/hulp.md": "---\ntitle: Help\ndescription: Where to get help.\nweight: 10\n---\n\n## Call *now*\n\nCall the [helpline](_index.md) or `112`.\n\n- Talk about it\n",
    ]

    func export(_ site: TestSite, _ language: String = "en") throws -> String {
        try Baken.exportXLIFF(language: language, options: BuildOptions(site: site.root))
    }

    func importing(_ site: TestSite, _ xliff: String) -> [String] {
        do throws(BuildFailure) {
            _ = try Baken.importXLIFF(xliff, path: "en.xlf", options: BuildOptions(site: site.root))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func exportWritesAFilePerPageAndAUnitPerText() throws {
        let site = try TestSite(Self.pages)
        let xliff = try export(site)
        let start = try #require(xliff.range(of: "  <file original=\"content/nl/hulp.md\"")).lowerBound
        let end = try #require(xliff[start...].range(of: "</file>\n")).upperBound
        #expect(xliff.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"))
        #expect(String(xliff[start..<end]) == Self.hulp)
    }

    static let hulp = """
          <file original="content/nl/hulp.md" source-language="nl" target-language="en" datatype="x-markdown">
            <body>
              <trans-unit id="title" xml:space="preserve">
                <source>Hulp</source>
                <target state="translated">Help</target>
                <context-group purpose="location"><context context-type="sourcefile">content/nl/hulp.md#title</context></context-group>
              </trans-unit>
              <trans-unit id="description" xml:space="preserve">
                <source>Waar je hulp krijgt.</source>
                <target state="translated">Where to get help.</target>
                <context-group purpose="location"><context context-type="sourcefile">content/nl/hulp.md#description</context></context-group>
              </trans-unit>
              <trans-unit id="h-721febe4" xml:space="preserve">
                <source>Bel <bpt id="1" ctype="italic">*</bpt>nu<ept id="1">*</ept></source>
                <target state="translated">Call <bpt id="1" ctype="italic">*</bpt>now<ept id="1">*</ept></target>
                <context-group purpose="location"><context context-type="sourcefile">content/nl/hulp.md#h-721febe4</context></context-group>
              </trans-unit>
              <trans-unit id="p-f15a4edc" xml:space="preserve">
                <source>Bel de <bpt id="1" ctype="link">[</bpt>hulplijn<ept id="1">](_index.md)</ept> of <ph id="2" ctype="x-code">`112`</ph>.</source>
                <target state="translated">Call the <bpt id="1" ctype="link">[</bpt>helpline<ept id="1">](_index.md)</ept> or <ph id="2" ctype="x-code">`112`</ph>.</target>
                <context-group purpose="location"><context context-type="sourcefile">content/nl/hulp.md#p-f15a4edc</context></context-group>
              </trans-unit>
              <trans-unit id="li-f7176ec3" xml:space="preserve">
                <source>Praat erover</source>
                <target state="translated">Talk about it</target>
                <context-group purpose="location"><context context-type="sourcefile">content/nl/hulp.md#li-f7176ec3</context></context-group>
              </trans-unit>
            </body>
          </file>

        """

    @Test func anUnchangedFileChangesNoFile() throws {
        let site = try TestSite(Self.pages)
        let before = site.snapshot(site.root)
        let xliff = try export(site)
        #expect(try Baken.importXLIFF(xliff, path: "en.xlf", options: BuildOptions(site: site.root)) == [])
        #expect(site.snapshot(site.root) == before)
    }

    @Test func anEditedTargetShowsOnTheBuiltPage() throws {
        let site = try TestSite(Self.pages)
        let xliff = try export(site).replacingOccurrences(of: "<target state=\"translated\">Talk about it</target>", with: "<target state=\"translated\">Talk to someone</target>")
        #expect(try Baken.importXLIFF(xliff, path: "en.xlf", options: BuildOptions(site: site.root)) == ["content/en/hulp.md"])
        let text = try #require(site.read("content/en/hulp.md", in: site.root))
        #expect(text.hasSuffix("Call the [helpline](_index.md) or `112`.\n\n- Talk to someone\n"))
        #expect(text.contains("weight: 10\ntranslationOf: "))
        try site.build()
        #expect(site.read("en/hulp/index.html")?.contains("<li>Talk to someone</li>") == true)
        #expect(try Baken.translations(BuildOptions(site: site.root)).entries.first { $0.file == "content/en/hulp.md" }?.state == .upToDate)
    }

    @Test func aNewTranslationTakesTheSourceShapeAndLinksToTranslations() throws {
        var pages = Self.pages
        pages["content/nl/melden.md"] = "---\ntitle: Melden\nslug: meld-het\n---\nLees eerst [hulp](hulp.md).\n"
        let site = try TestSite(pages)
        let xliff = try export(site)
            .replacingOccurrences(of: "<source>Melden</source>\n        <target state=\"new\"/>", with: "<source>Melden</source>\n        <target>Reporting</target>")
            .replacingOccurrences(of: "<target state=\"new\"/>", with: "<target>Read <bpt id=\"1\" ctype=\"link\">[</bpt>help<ept id=\"1\">](hulp.md)</ept> first.</target>")
        #expect(try Baken.importXLIFF(xliff, path: "en.xlf", options: BuildOptions(site: site.root)) == ["content/en/melden.md"])
        let text = try #require(site.read("content/en/melden.md", in: site.root))
        #expect(text.hasPrefix("---\ntitle: Reporting\ntranslationOf: "))
        #expect(text.hasSuffix("---\nRead [help](hulp.md) first.\n"))
    }

    @Test func badFilesAreRejectedAndNothingChanges() throws {
        let site = try TestSite(Self.pages)
        let before = site.snapshot(site.root)
        let good = try export(site).replacingOccurrences(of: ">Talk about it<", with: ">Talk to someone<")
        #expect(importing(site, "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file>\n</xliff>\n")
            == ["en.xlf:4: this is not well-formed XML: </xliff> closes <file> (line 3): write </file>"])
        let unit = try #require(good.firstRange(of: "<trans-unit id=\"title\""))
        let line = good[..<unit.lowerBound].filter { $0 == "\n" }.count + 1
        #expect(importing(site, good.replacingOccurrences(of: "<trans-unit id=\"title\"", with: "<trans-unit id=\"titel\"")) == [
            "en.xlf:\(line): unit 'titel' is not a unit of content/nl/_index.md: keep the ids of the export (title, p-f9bc9b1d)",
            "en.xlf:19: unit 'titel' is not a unit of content/nl/hulp.md: keep the ids of the export (title, description, h-721febe4, …)",
        ])
        #expect(importing(site, good.replacingOccurrences(of: "target-language=\"en\"", with: "target-language=\"de\""))
            == ["en.xlf:3: 'de' is not a language of this site: translate into one of en, ar"])
        try site.write("content/nl/_index.md", "---\ntitle: Thuis\n---\nWelkom.\n")
        #expect(importing(site, good).first == "en.xlf:\(line): unit 'title' of content/nl/_index.md: the source no longer matches the page, which now reads \"Thuis\": export again and translate the new text")
        try site.write("content/nl/_index.md", "---\ntitle: Home\n---\nWelkom.\n")
        #expect(site.snapshot(site.root) == before)
    }
}
