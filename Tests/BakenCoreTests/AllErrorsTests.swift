import BakenCore
import Foundation
import Testing

/// One build reports the mistakes of every stage that can still run, not only those of the first.
@Suite struct AllErrorsTests {
    @Test func frontMatterAndLinkErrorsComeInOneRun() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n[Weg](weg.md) [Kapot](kapot.md)\n",
            "content/nl/kapot.md": "---\ntitle: Kapot\ndraft: misschien\n---\n",
            "content/nl/andere.md": "---\ntitle: Andere\n---\n[Ook weg](/nergens/) [Kapot](/kapot/) [Thuis](/)\n",
        ])
        try site.write("public/index.html", "vorige")
        // A link to the page that could not be read is not called broken as well.
        #expect(site.errors() == [
            "content/nl/_index.md:4: link to 'weg.md' leads nowhere: there is no page content/nl/weg.md (or it is a draft); link to an existing .md file.",
            "content/nl/andere.md:4: link to '/nergens/' leads nowhere: the site has no page or file at that address; link to the page's .md file, or correct the address.",
            "content/nl/kapot.md:3: 'draft' must be true or false, not 'misschien'",
        ])
        #expect(site.read("index.html") == "vorige", "a failed build leaves the previous output as it was")
    }
}
