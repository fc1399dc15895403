import CBrotli
@testable import BakenCore
import Foundation
import Testing

/// Whole builds of small sites: files in, files out.
@Suite struct BuildTests {
    @Test func pagesGetAddressesFromTheirPaths() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom.",
            "content/nl/omstanders/_index.md": "---\ntitle: Omstanders\n---\n",
            "content/nl/omstanders/wat-kun-je-doen.md": "---\ntitle: Wat kun je doen?\n---\n## Stap 1\nKijk.",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
            "content/en/bystanders/what-you-can-do.md": "---\ntitle: What you can do\ntranslationKey: omstanders/wat-kun-je-doen\n---\n",
        ])
        try site.build()
        #expect(site.read("omstanders/wat-kun-je-doen/index.html") == """
            <html lang="nl" dir="ltr"><title>Wat kun je doen?</title><link hreflang="nl" href="https://example.nl/omstanders/wat-kun-je-doen/"><link hreflang="en" href="https://example.nl/en/bystanders/what-you-can-do/"><link hreflang="x-default" href="https://example.nl/omstanders/wat-kun-je-doen/">
            <nav><a href="/omstanders/wat-kun-je-doen/" aria-current="page">Nederlands</a><a href="/en/bystanders/what-you-can-do/">English</a><a href="/ar/">العربية (nog niet vertaald)</a></nav>
            <h1>Wat kun je doen?</h1>
            <h2 id="stap-1">
            Stap 1
            </h2>
            <p>Kijk.</p>

            </html>

            """)
        #expect(site.read("omstanders/index.html")?.contains("<ul><li><a href=\"/omstanders/wat-kun-je-doen/\">Wat kun je doen?</a></li></ul>") == true)
        #expect(site.exists("en/bystanders/what-you-can-do/index.html"))
    }

    @Test func switcherFallsBackToTheLanguagesHome() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/alleen-nl.md": "---\ntitle: Alleen Nederlands\n---\n",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        try site.build()
        let html = try #require(site.read("alleen-nl/index.html"))
        #expect(html.contains("<a href=\"/en/\">English (nog niet vertaald)</a>"))
        #expect(!html.contains("hreflang=\"en\""))
    }

    @Test func rightToLeftLanguagesGetDirOnHTML() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/ar/_index.md": "---\ntitle: الرئيسية\n---\n",
        ])
        try site.build()
        #expect(site.read("ar/index.html")?.hasPrefix("<html lang=\"ar\" dir=\"rtl\"><title>الرئيسية</title>") == true)
        #expect(site.read("index.html")?.hasPrefix("<html lang=\"nl\" dir=\"ltr\">") == true)
    }

    @Test func linksToSourceFilesBecomeAddresses() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\nLees [meer](omstanders/wat-kun-je-doen.md#na-afloop) of [alles](omstanders/_index.md).",
            "content/nl/omstanders/_index.md": "---\ntitle: Omstanders\n---\n",
            "content/nl/omstanders/wat-kun-je-doen.md": "---\ntitle: Wat\nslug: doen\n---\nTerug [naar huis](../_index.md).",
        ])
        try site.build()
        #expect(site.read("index.html")?.contains("<p>Lees <a href=\"/omstanders/doen/#na-afloop\">meer</a> of <a href=\"/omstanders/\">alles</a>.</p>") == true)
        #expect(site.read("omstanders/doen/index.html")?.contains("<a href=\"/\">naar huis</a>") == true)
    }

    @Test func linksWithoutMdAndToFoldersFindTheirPage() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n[Standaarden](devops/standaarden/) en [Haven](devops/standaarden/haven-plus) en [Cloud](devops/cloud/#kop).",
            "content/nl/devops/standaarden/_index.md": "---\ntitle: Standaarden\n---\nTerug naar [cloud](../cloud).",
            "content/nl/devops/standaarden/haven-plus.md": "---\ntitle: Haven+\n---\n",
            "content/nl/devops/cloud/index.md": "---\ntitle: Cloud\n---\n",
        ])
        try site.build()
        #expect(site.read("index.html")?.contains("<a href=\"/devops/standaarden/\">Standaarden</a> en <a href=\"/devops/standaarden/haven-plus/\">Haven</a> en <a href=\"/devops/cloud/#kop\">Cloud</a>") == true)
        #expect(site.read("devops/standaarden/index.html")?.contains("<a href=\"/devops/cloud/\">cloud</a>") == true)
    }

    @Test func aLinkWithATypoSuggestsTheNearestPage() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/devops/standaarden/haven-plus.md": "---\ntitle: Haven+\n---\n",
            "content/nl/devops/leidraad/cloud.md": "---\ntitle: Cloud\n---\nZie [Haven](../standaarden/haven-pluss.md) en [iets anders](../standaarden/kubernetes.md).",
        ])
        #expect(site.errors() == [
            "content/nl/devops/leidraad/cloud.md:4: link to '../standaarden/haven-pluss.md' leads nowhere: there is no page content/nl/devops/standaarden/haven-pluss.md (or it is a draft); link to an existing .md file. Did you mean '../standaarden/haven-plus.md'?",
            "content/nl/devops/leidraad/cloud.md:4: link to '../standaarden/kubernetes.md' leads nowhere: there is no page content/nl/devops/standaarden/kubernetes.md (or it is a draft); link to an existing .md file.",
        ])
    }

    @Test func aPageWithoutTitleTakesItsFirstHeading() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n[Zonder](zonder.md) [Leeg](leeg.md)\n",
            "content/nl/zonder.md": "# Over ons\n\nWie we zijn.\n\n![foto](weg.png)\n",
            "content/nl/leeg.md": "---\ndescription: Kort.\n---\n\n# Contact #\n\nBel ons.\n",
        ])
        // The line of a mistake is still the line in the file.
        #expect(site.errors() == ["content/nl/zonder.md:5: link to 'weg.png' leads nowhere: there is no page or file content/nl/weg.png; put the file next to the page or correct the link."])
        try site.remove("content/nl/zonder.md")
        try site.write("content/nl/zonder.md", "# Over ons\n\nWie we zijn.\n")
        try site.build()
        let page = try #require(site.read("zonder/index.html"))
        #expect(page.contains("<title>Over ons</title>"))
        #expect(page.contains("<h1>Over ons</h1>\n<p>Wie we zijn.</p>"))
        #expect(!page.contains("<h1 id="))
        #expect(site.read("leeg/index.html")?.contains("<h1>Contact</h1>\n<p>Bel ons.</p>") == true)
    }

    @Test func rootRelativeLinksAreCheckedAgainstWhatTheBuildWrites() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/static/css/site.css"] = "body {}\n"
        let files = [
            "content/nl/_index.md": "---\ntitle: Home\n---\n[Kennis](/kennisbank/) [Stijl](/css/site.css) [Thuis](/) [Feed](/index.xml#x)\n",
            "content/nl/kennisbank/_index.md": "---\ntitle: Kennisbank\naliases: [/oud/]\n---\n[Oud](/oud/) [Haven](/kennisbank/haven-plus)\n",
            "content/nl/kennisbank/haven-plus.md": "---\ntitle: Haven\n---\n[Weg](/kennisbank/haven-pluss/)\n\n![Logo](/img/logo.png)\n",
        ]
        let site = try TestSite(files, theme: theme)
        #expect(site.errors() == [
            "content/nl/kennisbank/haven-plus.md:4: link to '/kennisbank/haven-pluss/' leads nowhere: the site has no page or file at that address; link to the page's .md file, or correct the address. Did you mean '/kennisbank/haven-plus/'?",
            "content/nl/kennisbank/haven-plus.md:6: link to '/img/logo.png' leads nowhere: the site has no page or file at that address; link to the page's .md file, or correct the address.",
        ])
        #expect(!site.exists("index.html"), "a failed build writes nothing")

        // Under a base address with a path, links carry that path.
        let under = try TestSite([
            "site.yml": TestSite.siteYML.replacingOccurrences(of: "baseURL: https://example.nl/", with: "baseURL: https://example.nl/campagne/"),
            "content/nl/_index.md": "---\ntitle: Home\n---\n[Kennis](/campagne/kennisbank/) [Buiten](/elders/)\n",
            "content/nl/kennisbank/_index.md": "---\ntitle: Kennisbank\n---\n",
        ], theme: theme)
        #expect(under.errors() == ["content/nl/_index.md:4: link to '/elders/' leads outside the site, which lives under /campagne/: link to the page's .md file instead"])
    }

    @Test func brokenLinksFailWithFileAndLine() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n\nEerste regel.\n\nLees [dit](bestaat-niet.md).\n",
            "content/nl/b.md": "---\ntitle: B\n---\n![foto](foto.png)",
        ])
        #expect(site.errors() == [
            "content/nl/_index.md:7: link to 'bestaat-niet.md' leads nowhere: there is no page content/nl/bestaat-niet.md (or it is a draft); link to an existing .md file.",
            "content/nl/b.md:4: link to 'foto.png' leads nowhere: there is no page or file content/nl/foto.png; put the file next to the page or correct the link.",
        ])
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/concept.md": "---\ntitle: Concept\ndraft: true\n---\n",
        ])
        try site.build()
        #expect(!site.exists("concept/index.html"))
        try site.build(drafts: true)
        #expect(site.exists("concept/index.html"))
    }

    @Test func aliasesWriteRedirectPages() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/melden.md": "---\ntitle: Melden\naliases: [/meldpunt/, /oud/melden]\n---\n",
        ])
        try site.build()
        let redirect = try #require(site.read("meldpunt/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.nl/melden/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.nl/melden/\">"))
        #expect(site.exists("oud/melden/index.html"))
    }

    @Test func aliasesAndSlugsCannotLeaveTheOutputFolder() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\naliases: [../../etc/x]\n---\n",
            "content/nl/b.md": "---\ntitle: B\naliases: [/ok/../../x/]\n---\n",
            "content/nl/c.md": "---\ntitle: C\nslug: ../c\n---\n",
        ])
        #expect(site.errors() == [
            "content/nl/a.md:3: alias '../../etc/x' must be an address on this site, such as /oud/adres/, without '..'",
            "content/nl/b.md:3: alias '/ok/../../x/' must be an address on this site, such as /oud/adres/, without '..'",
            "content/nl/c.md:3: slug '../c' must be one part of an address: letters, digits and hyphens, without '/' or '..', such as 'wat-kun-je-doen'",
        ])
    }

    @Test func aFailedBuildLeavesThePreviousOutputAsItWas() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\nEerst."])
        try site.build()
        let before = site.snapshot()
        try site.write("content/nl/_index.md", "---\ntitle: [kapot\n---\n")
        try site.write("content/nl/nieuw.md", "---\ntitle: Nieuw\n---\n")
        #expect(site.errors().count == 1)
        #expect(site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("baken-") }
        #expect(leftovers.isEmpty)
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/nieuws/_index.md": "---\ntitle: Nieuws\n---\n",
            "content/nl/nieuws/a.md": "---\ntitle: A\ntype: news\ndate: 2026-01-02\n---\nA",
            "content/nl/nieuws/b.md": "---\ntitle: B\ntype: news\ndate: 2026-03-04\n---\nB",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        let other = site.root.appendingPathComponent("second")
        try site.build()
        try site.build(output: other)
        #expect(site.snapshot() == site.snapshot(other))
        let feed = try #require(site.read("index.xml"))
        #expect(feed.contains("<updated>2026-03-04T00:00:00Z</updated>"))
        #expect(feed.range(of: "<title>B</title>")!.lowerBound < feed.range(of: "<title>A</title>")!.lowerBound)
    }

    @Test func sitemapListsTranslationsAsAlternates() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
        ])
        try site.build()
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.nl/en/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"nl\" href=\"https://example.nl/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.nl/en/\"/>"))
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.nl/sitemap.xml\n")
    }

    @Test func unknownFieldsReachTemplates() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/page.mustache"] = "{{page.params.kleur}}|{{#page.params.lijst}}{{.}};{{/page.params.lijst}}"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\nkleur: paars\nlijst: [x, y]\n---\n",
        ], theme: theme)
        try site.build()
        #expect(site.read("a/index.html") == "paars|x;y;")
    }

    @Test func missingWordsFallBackAndAreListed() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/i18n/en.yml"] = "other: x\n"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/a.md": "---\ntitle: A\n---\n",
            "content/en/_index.md": "---\ntitle: Home\n---\n",
        ], theme: theme)
        let report = try site.build()
        #expect(report.warnings.map(\.description) == ["themes/t/i18n/en.yml: warning: 1 word missing, shown in nl instead: untranslated"])
        #expect(site.errors(strict: true) == ["themes/t/i18n/en.yml: 1 word missing, shown in nl instead: untranslated (an error because of --strict)"])
    }

    @Test func resourcesInContentAreCopied() throws {
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n![foto](les/foto.png)",
            "content/nl/les/index.md": "---\ntitle: Les\n---\n",
            "content/nl/les/foto.png": "PNG",
        ])
        try site.build()
        #expect(site.read("les/foto.png") == "PNG")
        #expect(site.read("index.html")?.contains("<img src=\"/les/foto.png\" alt=\"foto\" />") == true)
    }
}

@Suite struct ThemePageTests {
    @Test func themePagesFillInWhatTheSiteLacks() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/content/nl/veilig-browsen.md"] = "---\ntitle: Veilig browsen\ntranslationKey: browse-safely\n---\nZie [hulp](hulp.md)."
        theme["themes/t/content/nl/snel-weg.md"] = "---\ntitle: Snel weg (thema)\ntranslationKey: quick-exit\n---\n"
        let site = try TestSite([
            "content/nl/_index.md": "---\ntitle: Home\n---\n",
            "content/nl/hulp.md": "---\ntitle: Hulp\n---\n",
            "content/nl/eigen-snel-weg.md": "---\ntitle: Snel weg (site)\ntranslationKey: quick-exit\n---\n",
        ], theme: theme)
        try site.build()
        #expect(site.read("veilig-browsen/index.html")?.contains("<a href=\"/hulp/\">hulp</a>") == true)
        #expect(!site.exists("snel-weg/index.html"))
        #expect(site.exists("eigen-snel-weg/index.html"))
    }
}

@Suite struct PrecompressionTests {
    @Test func textFilesGetGzipAndBrotliCopies() throws {
        let text = String(repeating: "Seksuele intimidatie is niet oké. ", count: 60)
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n\(text)\n"])
        try site.build()
        let gz = site.output.appendingPathComponent("index.html.gz")
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        unzip.arguments = ["-dc", gz.path]
        let pipe = Pipe()
        unzip.standardOutput = pipe
        try unzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        unzip.waitUntilExit()
        #expect(unzip.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == site.read("index.html"))
        let br = try Data(contentsOf: site.output.appendingPathComponent("index.html.br"))
        #expect(br.count > 0 && br.count < data.count)
        #expect(Self.unbrotli(br) == Data(site.read("index.html")!.utf8))
        #expect(!site.exists("robots.txt.gz"))
    }

    /// Both copies decode to the file, small and large (the brotli window grows with the file).
    @Test func compressedCopiesDecodeToTheFile() throws {
        for count in [600, 70_000, 300_000] {
            let words = (0..<count / 8).map { "w\($0 % 977)" }.joined(separator: " ")
            let data = Data(words.utf8)
            #expect(Self.unbrotli(Precompressed.brotli(data)!) == data)
            #expect(Precompressed.gzip(data) == Precompressed.gzip(data))
        }
    }

    static func unbrotli(_ data: Data) -> Data? {
        var size = 4 << 20
        var output = [UInt8](repeating: 0, count: size)
        let result = data.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { buffer in
                BrotliDecoderDecompress(input.count, input.bindMemory(to: UInt8.self).baseAddress, &size, buffer.baseAddress)
            }
        }
        return result == BROTLI_DECODER_RESULT_SUCCESS ? Data(output[0..<size]) : nil
    }
}

@Suite struct AssetNameTests {
    @Test func themeScriptsAndStylesGetContentHashedNames() throws {
        var theme = TestSite.minimalTheme
        theme["themes/t/static/css/site.css"] = "body { color: #222 }\n"
        theme["themes/t/layouts/page.mustache"] = "<html><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"{{root}}/css/site.css\"></head><body></body></html>"
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n", "content/nl/a.md": "---\ntitle: A\n---\n"], theme: theme)
        try site.build()
        #expect(site.read("css/site.943ba5a2.css") == "body { color: #222 }\n")
        #expect(!site.exists("css/site.css"))
        #expect(site.read("a/index.html")?.contains("<link rel=\"stylesheet\" href=\"/css/site.943ba5a2.css\">") == true)
        #expect(site.read("_headers")?.contains("/css/site.943ba5a2.css\n  Cache-Control: public, max-age=31536000, immutable\n") == true)
    }
}

@Suite struct BuildCacheTests {
    @Test func aSecondBuildWithNothingChangedIsSkippedAndEqualsAFullOne() throws {
        // Long enough for .gz and .br copies (512 bytes and more).
        let text = String(repeating: "Een zin die lang genoeg is om de pagina te comprimeren. ", count: 12)
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n" + text, "content/nl/a.md": "---\ntitle: A\n---\n" + text])
        let options = BuildOptions(site: site.root, output: site.output, useCache: true)
        #expect(try !Baken.build(options).upToDate)
        let first = site.snapshot()
        #expect(try Baken.build(options).upToDate)
        #expect(site.snapshot() == first)
        try site.write("content/nl/a.md", "---\ntitle: A\n---\nNieuw. " + text)
        let edited = try Baken.build(options)
        #expect(!edited.upToDate)
        // The home page, whose bytes did not change, took its .gz and .br copies from the previous build; the
        // edited page got new ones (the comparison with a clean build below holds every copy).
        #expect(edited.copiesTaken == 1)
        #expect(site.exists("a/index.html.gz") && site.exists("index.html.br"))
        #expect(site.read("a/index.html")?.contains("Nieuw.") == true)
        let withCache = site.snapshot()
        let clean = site.root.appendingPathComponent("clean")
        try site.build(output: clean)
        #expect(withCache == site.snapshot(clean))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("a/index.html"))
        #expect(try !Baken.build(options).upToDate)
        #expect(site.exists("a/index.html"))
    }
}
