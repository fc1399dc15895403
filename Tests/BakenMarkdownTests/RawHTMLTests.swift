@testable import BakenMarkdown
import Foundation
import Testing

/// Baken's rule for raw HTML: what passes, what is removed with which message, and that nothing breaks the page.
@Suite struct RawHTMLTests {
    func cleaned(_ markdown: String) -> (html: String, removed: [String]) {
        let document = MarkdownDocument(markdown)
        return (document.html(), document.warnings.map { "\($0.line): \($0.message)" })
    }

    @Test func harmlessElementsPassWithTheirText() {
        for name in ["sup", "sub", "kbd", "abbr", "mark", "small", "ins", "del", "u", "b", "i", "em", "strong", "code", "s", "q"] {
            let result = cleaned("Druk <\(name)>hier</\(name)> op.")
            #expect(result.html == "<p>Druk <\(name)>hier</\(name)> op.</p>\n", "\(name)")
            #expect(result.removed == [], "\(name)")
        }
        #expect(cleaned("Regel<br>twee<br/>drie").html == "<p>Regel<br>twee<br>drie</p>\n")
        #expect(cleaned("<hr>").html == "<hr>\n")
        #expect(cleaned("<p lang=\"en\" dir=\"ltr\" title=\"x\">Hello</p>\n").html == "<p lang=\"en\" dir=\"ltr\" title=\"x\">Hello</p>\n")
    }

    @Test func detailsHoldMarkdown() {
        let result = cleaned("<details open>\n<summary>Meer weten</summary>\n\nTekst met **nadruk**.\n\n</details>\n\nDaarna.")
        #expect(result.html == "<details open>\n<summary>Meer weten</summary>\n<p>Tekst met <strong>nadruk</strong>.</p>\n</details>\n<p>Daarna.</p>\n")
        #expect(result.removed == [])
    }

    @Test func tablePartsPassWithTheirAttributes() {
        let html = "<table>\n<caption>Tijden</caption>\n<colgroup><col span=\"2\"></colgroup>\n<thead><tr><th scope=\"col\" abbr=\"Dag\">Dag van de week</th><th>Open</th></tr></thead>\n<tbody><tr><td colspan=\"2\" rowspan=\"1\">Ma</td></tr></tbody>\n<tfoot><tr><td>-</td></tr></tfoot>\n</table>"
        let result = cleaned(html)
        #expect(result.html == html + "\n")
        #expect(result.removed == [])
    }

    @Test func linksAndImagesKeepTheirAddresses() {
        let result = cleaned("Zie <a href=\"x.md\" title=\"Uitleg\" target=\"_blank\">dit</a> en <img src=\"kaart.png\" alt=\"Kaart\" width=\"20\" height=\"10\" class=\"groot\">.")
        #expect(result.html == "<p>Zie <a href=\"x.md\" title=\"Uitleg\">dit</a> en <img src=\"kaart.png\" alt=\"Kaart\" width=\"20\" height=\"10\">.</p>\n")
        #expect(result.removed == [
            "1: <a target> removed: <a> keeps only href, title, lang, dir",
            "1: <img class> removed: <img> keeps only src, alt, width, height, title, lang, dir",
        ])
    }

    @Test func rawLinksAreRewrittenAtTheirLines() {
        let document = MarkdownDocument("Tekst\n\n<p>Zie <a href=\"a.md#b\">a</a>\nen <img src=\"c.png\" alt=\"c\"></p>\n")
        var seen: [String] = []
        document.rewriteLinks { url, line, isImage in
            seen.append("\(line) \(isImage) \(url)")
            return "/nl/\(url)?\"<"
        }
        #expect(seen == ["3 false a.md#b", "4 true c.png"])
        #expect(document.html() == "<p>Tekst</p>\n<p>Zie <a href=\"/nl/a.md#b?&quot;&lt;\">a</a>\nen <img src=\"/nl/c.png?&quot;&lt;\" alt=\"c\"></p>\n")
    }

    @Test func removedElementsTakeTheirContentWithThem() {
        let cases: [(String, String)] = [
            ("script", "a page runs no scripts of its own"),
            ("noscript", "a page runs no scripts of its own"),
            ("style", "the theme's stylesheet styles every page"),
            ("iframe", "Baken loads nothing from another host and embeds no players; link to the video or page instead"),
            ("object", "Baken loads nothing from another host and embeds no players; link to the video or page instead"),
            ("textarea", "a page has no forms of its own; link to the form instead"),
            ("select", "a page has no forms of its own; link to the form instead"),
            ("template", "it is never shown"),
            ("svg", "put the image in a file next to the page and show it with ![what it shows](file.svg)"),
            ("math", "write the formula as text, or as an image with a description"),
        ]
        for (name, reason) in cases {
            let result = cleaned("Voor\n\n<\(name) x=\"1\">geheim <b>vet</b></\(name)>\n\nNa")
            #expect(result.html == "<p>Voor</p>\n<p>Na</p>\n", "\(name)")
            #expect(result.removed == ["3: <\(name)> removed with its content: \(reason)"], "\(name)")
        }
        // Markdown between a removed element's tags goes too.
        #expect(cleaned("<template>\n\n**weg**\n\n</template>\n\nNa").html == "<p>Na</p>\n")
    }

    @Test func otherElementsGoAndTheirTextStays() {
        let cases: [(String, String)] = [
            ("span", "Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown"),
            ("div", "Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown"),
            ("font", "Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown"),
            ("tabs", "Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown"),
            ("form", "a page has no forms of its own; link to the form instead"),
            ("button", "a page has no forms of its own; link to the form instead"),
            ("video", "Baken loads nothing from another host and embeds no players; link to the video or page instead"),
        ]
        for (name, reason) in cases {
            let result = cleaned("Een <\(name) class=\"x\">woord</\(name)> hier.")
            #expect(result.html == "<p>Een woord hier.</p>\n", "\(name)")
            #expect(result.removed == ["1: <\(name)> removed, its text kept: \(reason)"], "\(name)")
        }
        for name in ["input", "embed", "link", "meta", "base"] {
            let result = cleaned("Een <\(name) src=\"x\"> hier.")
            #expect(result.html == "<p>Een  hier.</p>\n", "\(name)")
            #expect(result.removed.count == 1 && result.removed[0].hasPrefix("1: <\(name)> removed, its text kept: "), "\(name)")
        }
    }

    @Test func scriptsStylesAndUnsafeAddressesLoseTheirAttributes() {
        let result = cleaned("<p onclick=\"alert(1)\" style=\"color:red\" id=\"x\">Tekst</p>\n\n<a href=\"jav&#x61;script:alert(1)\">a</a> <a href=\" java\tscript:x\">b</a> <img src=\"data:image/png;base64,AAAA\" alt=\"c\"> <q cite=\"vbscript:x\">d</q>")
        #expect(result.html == "<p>Tekst</p>\n<p><a>a</a> <a>b</a> <img alt=\"c\"> <q>d</q></p>\n")
        #expect(result.removed == [
            "1: <p onclick> removed: a page runs no scripts of its own",
            "1: <p style> removed: the theme's stylesheet styles every page",
            "1: <p id> removed: <p> keeps only title, lang, dir",
            "3: <a href> removed: 'javascript:alert(1)' is not an address Baken keeps; use a relative link or one to http(s)://, mailto: or tel:",
            "3: <a href> removed: ' javascript:x' is not an address Baken keeps; use a relative link or one to http(s)://, mailto: or tel:",
            "3: <img src> removed: 'data:image/png;base64,AAAA' is not an address Baken keeps; use a relative link or one to http(s)://, mailto: or tel:",
            "3: <q cite> removed: 'vbscript:x' is not an address Baken keeps; use a relative link or one to http(s)://, mailto: or tel:",
        ])
    }

    @Test func commentsGoWithoutAWord() {
        let result = cleaned("Tekst <!-- nog doen --> hier.\n\n<!-- weg -->\n\n<?php echo 1 ?>")
        #expect(result.html == "<p>Tekst  hier.</p>\n")
        #expect(result.removed == [])
    }

    @Test func whatRawHTMLOpensIsClosedWhereItWasOpened() {
        // An unclosed element is closed at the end of its paragraph; a stray closing tag is dropped.
        #expect(cleaned("Een <b>vet\n\nwoord</b> en </main></div>").html == "<p>Een <b>vet</b></p>\n<p>woord en </p>\n")
        #expect(cleaned("<details>\n<summary>Open</summary>\n\n- punt").html == "<details>\n<summary>Open</summary>\n<ul>\n<li>punt</li>\n</ul>\n</details>\n")
        // Closing an outer element closes what is open inside it.
        #expect(cleaned("<b><i>x</b> y</i>").html == "<p><b><i>x</i></b> y</p>\n")
        #expect(cleaned("<p>een\n<p>twee").html == "<p>een\n</p><p>twee\n</p>\n")
    }

    @Test func theRemovalsLineIsTheTagsLine() {
        let result = cleaned("# Titel\n\n<div>\nTekst\n<span\n  class=\"x\">a</span>\n</div>")
        #expect(result.removed == [
            "3: <div> removed, its text kept: Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown",
            "5: <span> removed, its text kept: Baken keeps only the few HTML elements docs/content.md lists; write it in Markdown",
        ])
    }

    @Test func hostileInputRunsNothing() {
        for markdown in ["<scr<script>ipt>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg><script>alert(1)</script></svg>",
                         "<a href='javascript:alert(1)'>x</a>", "<<b>script>alert(1)<</b>/script>", "<b title=\"\\\" onmouseover=alert(1)\">x</b>",
                         "<iframe srcdoc=\"<script>alert(1)</script>\">", "<a href=\"&#106;avascript:alert(1)\">x</a>", "<b/onclick=alert(1)>x</b>"] {
            let html = cleaned(markdown).html.lowercased()
            let tags = html.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
            #expect(tags.allSatisfy { tag in
                ["p", "/p", "b", "/b", "a", "/a", "img"].contains(tag.split(separator: " ").first.map(String.init) ?? "") && !tag.contains(" on") && !tag.contains("script")
            }, "\(markdown) → \(html)")
        }
    }

    /// Every input of the fuzzer's corpus, and input nested very deep, is read and written without a crash; no
    /// script or handler survives.
    @Test func theFuzzCorpusAndDeepNestingPassThrough() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fuzz/corpus")
        var inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        }
        #expect(inputs.count > 400)
        inputs += [String(repeating: "<b>", count: 20_000), String(repeating: "> ", count: 5_000) + "[!NOTE]",
                   String(repeating: ":::note\n", count: 5_000), String(repeating: "<details>\n\n- ", count: 2_000) + "<script>x"]
        for input in inputs {
            let html = MarkdownDocument(input).html().lowercased()
            #expect(!html.contains("<script") && !html.contains(" onerror=") && !html.contains(" onload="))
        }
    }

    @Test func aSiteThatAllowsRawHTMLGetsAllOfIt() {
        let document = MarkdownDocument("<div class=\"x\" onclick=\"y\">a</div>", options: MarkdownOptions(allowRawHTML: true))
        #expect(document.html() == "<div class=\"x\" onclick=\"y\">a</div>\n")
        #expect(document.warnings == [])
    }
}
