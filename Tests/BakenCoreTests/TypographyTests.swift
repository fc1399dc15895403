import BakenCore
import Foundation
import Testing

/// `markdown: {smart: …}` and each language's `quotes:` in site.yml.
struct TypographyTests {
    static func siteYML(markdown: String = "", quotes: String = "") -> String {
        """
        title: Test
        baseURL: https://example.nl/
        theme: t
        \(markdown)
        languages:
          - code: nl
            name: Nederlands
          - code: en
            name: English
        \(quotes)
          - code: ar
            name: العربية
            direction: rtl

        """
    }

    static let pages = [
        "content/nl/_index.md": "---\ntitle: Home\n---\n\"Nee,\" zei ze -- 'echt'. `\"code\"`\n",
        "content/en/_index.md": "---\ntitle: Home\n---\n\"No,\" she said -- 'really'.\n",
        "content/ar/_index.md": "---\ntitle: الرئيسية\n---\n\"لا\" -- 'حقا'.\n",
    ]

    @Test func eachLanguageGetsItsQuotationMarks() throws {
        let site = try TestSite(Self.pages, siteYML: Self.siteYML(quotes: "    quotes: [\"„\", \"”\", \"‚\", \"’\"]"))
        try site.build(strict: true)
        #expect(site.read("index.html")?.contains("<p>“Nee,” zei ze – ‘echt’. <code>&quot;code&quot;</code></p>") == true)
        #expect(site.read("en/index.html")?.contains("<p>„No,” she said – ‚really’.</p>") == true)
        #expect(site.read("ar/index.html")?.contains("<p>«لا» – ‹حقا›.</p>") == true)
    }

    @Test func smartPunctuationCanBeTurnedOff() throws {
        let site = try TestSite(Self.pages, siteYML: Self.siteYML(markdown: "markdown: {smart: false}"))
        try site.build(strict: true)
        #expect(site.read("index.html")?.contains("<p>&quot;Nee,&quot; zei ze -- 'echt'. <code>&quot;code&quot;</code></p>") == true)
        #expect(site.read("ar/index.html")?.contains("<p>&quot;لا&quot; -- 'حقا'.</p>") == true)
    }

    @Test func wrongSettingsNameTheirLine() throws {
        let site = try TestSite(Self.pages, siteYML: Self.siteYML(markdown: "markdown: {smart: ja, quotes: x}", quotes: "    quotes: [\"„\", \"”\"]"))
        #expect(site.errors() == [
            "site.yml:4: 'markdown.smart' must be true or false, not 'ja'",
            "site.yml:4: unknown markdown setting 'quotes' (known: smart, unsafe)",
            "site.yml:10: quotes of 'en' must be a list of 4 quotation marks (opening and closing double, then opening and closing single), not 2: for example quotes: [\"“\", \"”\", \"‘\", \"’\"]",
        ])
    }
}
