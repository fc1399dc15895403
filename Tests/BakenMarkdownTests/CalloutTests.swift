@testable import BakenMarkdown
import Testing

/// GitHub's alerts and the `:::` blocks of Docusaurus and MkDocs, as one callout.
@Suite struct CalloutTests {
    static let dutch = ["note": "Let op", "tip": "Tip", "important": "Belangrijk", "warning": "Waarschuwing", "caution": "Gevaar"]

    func html(_ markdown: String, labels: [String: String] = CalloutTests.dutch) -> (html: String, warnings: [String]) {
        var options = MarkdownOptions()
        options.calloutLabels = labels
        let document = MarkdownDocument(markdown, options: options)
        return (document.html(), document.warnings.map { "\($0.line): \($0.message)" })
    }

    @Test func gitHubAlertsAreCallouts() {
        let expected = "<div class=\"callout callout--caution\" role=\"note\">\n<p class=\"callout__label\">Gevaar</p>\n<p>Ben je nu in gevaar? Bel <strong>112</strong>.</p>\n</div>\n"
        #expect(html("> [!CAUTION]\n> Ben je nu in gevaar? Bel **112**.").html == expected)
        #expect(html("> [!caution]\n>\n> Ben je nu in gevaar? Bel **112**.").html == expected)
        for (marker, label) in [("NOTE", "Let op"), ("TIP", "Tip"), ("IMPORTANT", "Belangrijk"), ("WARNING", "Waarschuwing")] {
            #expect(html("> [!\(marker)]\n> Tekst.").html == "<div class=\"callout callout--\(marker.lowercased())\" role=\"note\">\n<p class=\"callout__label\">\(label)</p>\n<p>Tekst.</p>\n</div>\n")
        }
    }

    @Test func anOrdinaryQuoteStaysAQuote() {
        #expect(html("> [!NIETS]\n> Tekst.").html == "<blockquote>\n<p>[!NIETS]\nTekst.</p>\n</blockquote>\n")
        #expect(html("> [!NOTE]x\n> Tekst.").html == "<blockquote>\n<p>[!NOTE]x\nTekst.</p>\n</blockquote>\n")
        #expect(html("> Gewoon een citaat.").html == "<blockquote>\n<p>Gewoon een citaat.</p>\n</blockquote>\n")
    }

    @Test func colonBlocksAreTheSameCallouts() {
        #expect(html(":::tip\nKijk eerst *rond*.\n:::\n\nDaarna.").html == "<div class=\"callout callout--tip\" role=\"note\">\n<p class=\"callout__label\">Tip</p>\n<p>Kijk eerst <em>rond</em>.</p>\n</div>\n<p>Daarna.</p>\n")
        #expect(html(":::danger Als het misgaat\n\n- Bel 112\n- Blijf bij de persoon\n\n:::").html == "<div class=\"callout callout--caution\" role=\"note\">\n<p class=\"callout__label\">Gevaar: Als het misgaat</p>\n<ul>\n<li>Bel 112</li>\n<li>Blijf bij de persoon</li>\n</ul>\n</div>\n")
        #expect(html(":::info[Goed om te weten]\nTekst.\n:::").html == "<div class=\"callout callout--note\" role=\"note\">\n<p class=\"callout__label\">Let op: Goed om te weten</p>\n<p>Tekst.</p>\n</div>\n")
        #expect(html("Voor.\n:::warning\nTekst.\n:::\nNa.").html == "<p>Voor.</p>\n<div class=\"callout callout--warning\" role=\"note\">\n<p class=\"callout__label\">Waarschuwing</p>\n<p>Tekst.</p>\n</div>\n<p>Na.</p>\n")
    }

    @Test func calloutsHoldCodeAndOtherCallouts() {
        let result = html(":::note\n```sh\n:::tip\nbaken build\n:::\n```\n:::important\nBinnen.\n:::\n:::")
        #expect(result.html == "<div class=\"callout callout--note\" role=\"note\">\n<p class=\"callout__label\">Let op</p>\n<pre><code class=\"language-sh\">:::tip\nbaken build\n:::\n</code></pre>\n<div class=\"callout callout--important\" role=\"note\">\n<p class=\"callout__label\">Belangrijk</p>\n<p>Binnen.</p>\n</div>\n</div>\n")
        #expect(result.warnings == [])
    }

    @Test func colonsInsideCodeAreLeftAlone() {
        #expect(html("```\n:::note\nx\n:::\n```").html == "<pre><code>:::note\nx\n:::\n</code></pre>\n")
        #expect(html("~~~~\n:::note\n~~~\n:::\n~~~~").html == "<pre><code>:::note\n~~~\n:::\n</code></pre>\n")
    }

    @Test func anUnknownBlockShowsItsTextWithAWarning() {
        let result = html("Voor.\n\n:::details Meer\nTekst.\n:::\n")
        #expect(result.html == "<p>Voor.</p>\n<p>Tekst.</p>\n")
        #expect(result.warnings == ["3: unknown callout ':::details' (known: note, tip, important, warning, caution, info, danger): its text is shown as it is, without a callout"])
        let open = html(":::tip\nTekst.")
        #expect(open.html == "<div class=\"callout callout--tip\" role=\"note\">\n<p class=\"callout__label\">Tip</p>\n<p>Tekst.</p>\n</div>\n")
        #expect(open.warnings == ["1: this ':::' block is not closed: end it with a line ':::'; it now runs to the end of the text"])
    }

    @Test func arabicLabelsAndEnglishWithoutWords() {
        #expect(html("> [!WARNING]\n> نص.", labels: ["warning": "تحذير"]).html == "<div class=\"callout callout--warning\" role=\"note\">\n<p class=\"callout__label\">تحذير</p>\n<p>نص.</p>\n</div>\n")
        #expect(html("> [!TIP]\n> Text.", labels: [:]).html == "<div class=\"callout callout--tip\" role=\"note\">\n<p class=\"callout__label\">Tip</p>\n<p>Text.</p>\n</div>\n")
    }
}
