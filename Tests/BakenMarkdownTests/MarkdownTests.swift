import BakenMarkdown
import Testing

/// Markdown in, exact HTML out: what cmark-gfm gives, with Baken's heading ids.
@Suite struct MarkdownTests {
    func html(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        let document = MarkdownDocument(markdown, options: options)
        document.assignHeadingIDs()
        return document.html()
    }

    @Test func paragraphsAndEmphasis() {
        #expect(html("Hallo *jij* en **jij**.") == "<p>Hallo <em>jij</em> en <strong>jij</strong>.</p>\n")
    }

    @Test func headingsGetIdsFromTheirText() {
        #expect(html("## Wat kun je doen?") == "<h2 id=\"wat-kun-je-doen\">\nWat kun je doen?\n</h2>\n")
        #expect(html("### Één *stap*") == "<h3 id=\"een-stap\">\nÉén <em>stap</em>\n</h3>\n")
    }

    @Test func repeatedHeadingsGetNumberedIds() {
        let document = MarkdownDocument("## Tips\n\n## Tips\n\n## Tips")
        document.assignHeadingIDs()
        #expect(document.headings.map(\.id) == ["tips", "tips-1", "tips-2"])
        #expect(document.headings.map(\.line) == [1, 3, 5])
    }

    @Test func arabicHeadingsKeepTheirLetters() {
        let document = MarkdownDocument("## ماذا يمكنك أن تفعل؟")
        document.assignHeadingIDs()
        #expect(document.headings.first?.id == "ماذا-يمكنك-أن-تفعل")
    }

    @Test func tablesStrikethroughAndTasks() {
        #expect(html("| a | b |\n|---|---|\n| 1 | 2 |") == "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n")
        #expect(html("~~weg~~") == "<p><del>weg</del></p>\n")
        #expect(html("- [x] klaar") == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> klaar</li>\n</ul>\n")
    }

    @Test func autolinksAndSmartPunctuation() {
        #expect(html("Zie https://example.nl nu") == "<p>Zie <a href=\"https://example.nl\">https://example.nl</a> nu</p>\n")
        #expect(html("\"Ben je oké?\" -- ja") == "<p>“Ben je oké?” – ja</p>\n")
    }

    @Test func footnotes() {
        #expect(html("Tekst[^1]\n\n[^1]: Bron").contains("<section class=\"footnotes\" data-footnotes>"))
    }

    @Test func rawHTMLIsOffByDefault() {
        #expect(html("<script>alert(1)</script>\n\nHoi <b>x</b>") == "<!-- raw HTML omitted -->\n<p>Hoi <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
        #expect(html("Hoi <b>x</b>", options: MarkdownOptions(allowRawHTML: true)) == "<p>Hoi <b>x</b></p>\n")
    }

    @Test func tagFilterEscapesDangerousTagsEvenWhenRawHTMLIsAllowed() {
        #expect(html("<iframe src=x></iframe>", options: MarkdownOptions(allowRawHTML: true)) == "&lt;iframe src=x>&lt;/iframe>\n")
    }

    @Test func javascriptAndDataLinksAreDropped() {
        #expect(html("[klik](javascript:alert(1)) [x](data:text/html,hi)") == "<p><a href=\"\">klik</a> <a href=\"\">x</a></p>\n")
    }

    @Test func linksCanBeRewritten() {
        let document = MarkdownDocument("Lees [dit](../a.md#kop) en ![foto](b.png)\n\n[daar](https://x.nl)")
        document.rewriteLinks { url, _, _ in url.hasSuffix(".md#kop") ? "/a/#kop" : nil }
        #expect(document.html() == "<p>Lees <a href=\"/a/#kop\">dit</a> en <img src=\"b.png\" alt=\"foto\" /></p>\n<p><a href=\"https://x.nl\">daar</a></p>\n")
        #expect(document.links.map(\.line) == [1, 1, 3])
    }

    @Test func slugs() {
        #expect(Slug.make("Wat is 'niet oké'?") == "wat-is-niet-oke")
        #expect(Slug.make("  LHBTIQ+ mensen  ") == "lhbtiq-mensen")
        #expect(Slug.make("!!!") == "")
    }
}

