@testable import BakenMarkdown
import Testing

/// Where Baken's HTML could differ from cmark-gfm's by accident: ids, alt text, typography.
@Suite struct MarkdownFidelityTests {
    @Test func headingsAvoidFootnoteIDsAndTakenOnes() {
        let document = MarkdownDocument("## fn 1\n\nTekst[^1] en nog eens[^1].\n\n## fnref 1 2\n\n## Main\n\n[^1]: Noot.")
        document.assignHeadingIDs(taken: ["main"])
        #expect(document.headings.map(\.id) == ["fn-1-1", "fnref-1-2-1", "main-1"])
        #expect(HTMLIDs.duplicates(in: document.html()) == [])
    }

    @Test func aDocumentWithoutFootnotesOrHTMLKeepsItsHeadingIDs() {
        let document = MarkdownDocument("## fn 1\n\n## Main")
        document.assignHeadingIDs()
        #expect(document.headings.map(\.id) == ["fn-1", "main"])
    }

    @Test func idsOfRawHTMLAreAvoidedWhereItIsAllowed() {
        let document = MarkdownDocument("<div id=\"kaart\"></div>\n\n## Kaart", options: MarkdownOptions(allowRawHTML: true))
        document.assignHeadingIDs()
        #expect(document.headings.map(\.id) == ["kaart-1"])
    }

    @Test func htmlIDsAreFoundInOrderWithoutTemplateTags() {
        #expect(HTMLIDs.all(in: "<a id=\"één\"><b id=\"{{x}}\"><i id=\"main\"><p data-id=\"no\"><main id=\"main\">") == ["één", "main", "main"])
        #expect(HTMLIDs.duplicates(in: "<a id=\"a\"><b id=\"b\"><c id=\"a\"><d id=\"a\">") == ["a"])
    }

    @Test func aLinkInsideAnImageDescriptionIsAltTextNotALink() {
        // Example 528 of the GFM spec.
        let document = MarkdownDocument("![[[foo](uri1)](uri2)](uri3)")
        #expect(document.links.map(\.url) == ["uri3"])
        #expect(document.labeledLinks.map(\.text) == ["[foo](uri2)"])
        var seen: [String] = []
        document.rewriteLinks { url, _, _ in
            seen.append(url)
            return "/rewritten/\(url)"
        }
        #expect(seen == ["uri3"])
        #expect(document.html() == "<p><img src=\"/rewritten/uri3\" alt=\"[foo](uri2)\" /></p>\n")
    }

    @Test func aLinkBesideAnImageIsStillALink() {
        let document = MarkdownDocument("[![logo](a.png)](b.md) ![x](c.png) [d](d.md)")
        #expect(document.links.map(\.url) == ["b.md", "a.png", "c.png", "d.md"])
    }

    func html(_ markdown: String, language: String, smart: Bool = true, rawHTML: Bool = false) -> String {
        var options = MarkdownOptions(allowRawHTML: rawHTML, smartPunctuation: smart)
        options.quotes = Quotes.defaults(for: language)
        return MarkdownDocument(markdown, options: options).html()
    }

    @Test func quotesFollowTheLanguage() {
        let text = "\"Nee,\" zei ze, 'echt' -- zo'n dag..."
        #expect(html(text, language: "en") == "<p>“Nee,” zei ze, ‘echt’ – zo’n dag…</p>\n")
        #expect(html(text, language: "nl") == "<p>“Nee,” zei ze, ‘echt’ – zo’n dag…</p>\n")
        #expect(html(text, language: "pl") == "<p>„Nee,” zei ze, «echt» – zo’n dag…</p>\n")
        #expect(html(text, language: "uk") == "<p>«Nee,» zei ze, „echt“ – zo’n dag…</p>\n")
        #expect(html(text, language: "ar") == "<p>«Nee,» zei ze, ‹echt› – zo’n dag…</p>\n")
        #expect(html(text, language: "pt-BR") == html(text, language: "en"))
    }

    @Test func anApostropheInsideAQuoteStaysAnApostrophe() {
        #expect(html("'Zo'n dag', zei ze.", language: "uk") == "<p>„Zo’n dag“, zei ze.</p>\n")
        #expect(html("Ik zei 'nee' en 's avonds 'ja'.", language: "ar") == "<p>Ik zei ‹nee› en ’s avonds ‹ja›.</p>\n")
    }

    @Test func quotesInsideALinkPairInsideIt() {
        #expect(html("'a [b 'c' d](u) e'", language: "pl") == "<p>«a <a href=\"u\">b «c» d</a> e»</p>\n")
    }

    @Test func codeRawHTMLAndAttributesKeepTheirQuotes() {
        #expect(html("`\"x\"` \"y\"\n\n    \"z\"\n", language: "pl") == "<p><code>&quot;x&quot;</code> „y”</p>\n<pre><code>&quot;z&quot;\n</code></pre>\n")
        #expect(html("<span title=\"'a'\">\"b\"</span> [c](u \"'d'\")", language: "pl", rawHTML: true)
            == "<p><span title=\"'a'\">„b”</span> <a href=\"u\" title=\"'d'\">c</a></p>\n")
    }

    @Test func withoutSmartPunctuationQuotesAndDashesStayAsTyped() {
        #expect(html("\"Nee\" -- 'ja'...", language: "pl", smart: false) == "<p>&quot;Nee&quot; -- 'ja'...</p>\n")
    }
}
