@testable import BakenMarkdown
import Dispatch
import Synchronization
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
        // The checkbox sits in a label with the item's text, so a screen reader says what it is for.
        #expect(html("- [x] klaar\n- [ ] nog *niet*") == "<ul>\n<li><label class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> klaar</label></li>\n<li><label class=\"task\"><input type=\"checkbox\" disabled=\"\"> nog <em>niet</em></label></li>\n</ul>\n")
        #expect(html("- [ ] los\n\n  tweede alinea") == "<ul>\n<li>\n<p><label class=\"task\"><input type=\"checkbox\" disabled=\"\"> los</label></p>\n<p>tweede alinea</p>\n</li>\n</ul>\n")
    }

    @Test func documentsParsedOnManyThreadsKeepTheirExtensions() {
        let markdown = "Een ~~doorgehaald~~ woord en www.example.nl.\n\n" + String(repeating: "Tekst met *nadruk* en ~~streep~~. ", count: 200)
        let expected = html(markdown)
        #expect(expected.contains("<del>doorgehaald</del>") && expected.contains("<a href=\"http://www.example.nl\">"))
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            let output = MarkdownDocument(markdown).html()
            results.withLock { $0.append(output) }
        }
        #expect(results.withLock { $0.allSatisfy { $0 == expected } })
    }

    /// Tables and text with extension characters, parsed on many threads at once, give the same HTML as on one
    /// (cmark-gfm switches those characters on and off in one table for the whole process; later versions also
    /// do it for each table row while a document is read).
    @Test func tablesParsedOnManyThreadsKeepTheirExtensions() {
        let rows = (1...60).map { "| ~~oud~~ \($0) | www.example.nl/\($0) |" }.joined(separator: "\n")
        let markdown = "| a | b |\n|---|---|\n" + rows + "\n\n" + String(repeating: "Tekst met ~~streep~~ en www.example.nl. ", count: 100)
        let expected = html(markdown)
        #expect(expected.components(separatedBy: "<del>").count == 161)
        #expect(expected.components(separatedBy: "<a href=\"http://www.example.nl").count == 161)
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 300) { _ in
            let output = MarkdownDocument(markdown).html()
            results.withLock { $0.append(output) }
        }
        #expect(results.withLock { $0.filter { $0 != expected }.count } == 0)
    }

    @Test func tableAlignmentIsAClassNotAnObsoleteAttribute() {
        #expect(html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |").contains("<th class=\"align-left\">a</th>\n<th class=\"align-center\">b</th>\n<th class=\"align-right\">c</th>"))
        #expect(!html("| a |\n|:-:|\n| 1 |").contains("align=\""))
    }

    @Test func autolinksAndSmartPunctuation() {
        #expect(html("Zie https://example.nl nu") == "<p>Zie <a href=\"https://example.nl\">https://example.nl</a> nu</p>\n")
        #expect(html("\"Ben je oké?\" -- ja") == "<p>“Ben je oké?” – ja</p>\n")
    }

    @Test func footnotes() {
        #expect(html("Tekst[^1]\n\n[^1]: Bron").contains("<section class=\"footnotes\" data-footnotes>"))
        // The back link speaks the page's language.
        let dutch = MarkdownDocument("Tekst[^1]\n\n[^1]: Bron", options: MarkdownOptions(footnoteBackLabel: "Terug naar de \"tekst\""))
        #expect(dutch.html().contains("data-footnote-backref aria-label=\"Terug naar de &quot;tekst&quot;\">↩</a>"))
    }

    @Test func unsafeLinkSchemesAreDropped() {
        for url in ["javascript:alert(1)", "JavaScript:alert(1)", "java&#x73;cript:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd"] {
            #expect(html("[x](\(url))") == "<p><a href=\"\">x</a></p>\n", "\(url)")
        }
        #expect(html("![x](javascript:alert(1))") == "<p><img src=\"\" alt=\"x\" /></p>\n")
    }

    @Test func rawHTMLIsCleanedByDefault() {
        #expect(html("<script>alert(1)</script>\n\nHoi <b>x</b>") == "<p>Hoi <b>x</b></p>\n")
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
        // Turkish İ and I are i, ı stays; Polish and Ukrainian letters stay letters (accents come off Latin ones, as everywhere).
        #expect(Slug.make("İstanbul'da Işık") == "istanbul-da-isık")
        #expect(Slug.make("Źródło łąki") == "zrodło-łaki")
        #expect(Slug.make("Ґанок і Їжак") == "ґанок-і-їжак")
    }

    /// Text in ASCII takes a shorter way; a trailing em space (no letter) sends the same text the long way.
    @Test func asciiSlugsEqualTheGeneralOnes() {
        for text in ["Wat kun je doen?", "5 D's: Direct, Distract", "A--b__c  9", "", "  ", "x", "Hello World!", "tab\there", "ÄBC"] {
            #expect(Slug.make(text) == Slug.make(text + "\u{2003}"), "\(text)")
        }
    }

    @Test func sectionTextCollapsesEverySpace() {
        #expect(MarkdownDocument.collapsingSpaces("  a\u{00A0}\u{00A0}b\n\t c\u{3000}d  ") == "a b c d")
        #expect(MarkdownDocument.collapsingSpaces(" \n ") == "")
        #expect(MarkdownDocument.collapsingSpaces("لا  تحرش") == "لا تحرش")
        // Every white space character of Unicode separates words, and nothing else does.
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value), value != 0 else { continue }
            let joined = MarkdownDocument.collapsingSpaces("a" + String(Character(scalar)) + "b")
            #expect((joined == "a b") == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func replacesEveryOccurrenceInOnePass() {
        let pairs: [(from: [UInt8], to: [UInt8])] = [(Array("ab".utf8), Array("X".utf8)), (Array("cd".utf8), Array("YY".utf8))]
        #expect(MarkdownDocument.replacing("abcdab-cdé", pairs) == "XYYX-YYé")
        #expect(MarkdownDocument.replacing("nothing here", pairs) == "nothing here")
        #expect(MarkdownDocument.replacing("", pairs) == "")
    }
}

