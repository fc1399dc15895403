import BakenCore
import Foundation
import Testing

/// A tree of about forty pages written for another generator (nested folders, `_index.md` and `index.md`, links
/// in every form, raw HTML, both callout forms) builds, every internal address in its output leads to a built
/// file, and every fenced code block is a `<pre>`.
@Suite struct ImportedTreeTests {
    /// Section `s`'s pages: `pagina-0.md` … `pagina-4.md` beside its `_index.md`, and `sub/index.md` with
    /// `sub/stap-0.md` … `sub/stap-2.md` below it.
    static func tree() -> (files: [String: String], fences: [String: Int]) {
        var files: [String: String] = [
            "content/nl/_index.md": "# Handboek\n\nBegin bij [deel 0](deel-0/) of [deel 1](./deel-1/_index.md).\n\n![Logo](logo.png)\n",
            "content/nl/logo.png": "png",
            "content/nl/deel-2/schema.png": "png",
        ]
        var fences: [String: Int] = ["index.html": 0]
        for s in 0..<4 {
            let section = "content/nl/deel-\(s)"
            files["\(section)/_index.md"] = "---\ntitle: Deel \(s)\n---\n\nDe pagina's van deel \(s), en [het begin](../).\n"
            fences["deel-\(s)/index.html"] = 0
            for p in 0..<5 {
                let next = (p + 1) % 5
                files["\(section)/pagina-\(p).md"] = """
                    # Pagina \(s).\(p)

                    Lees [de volgende](pagina-\(next).md), [zonder .md](pagina-\(next)), [het deel](./), [de stappen](sub/),
                    [een kop](pagina-\(next).md#installeren) en [elders](/deel-\((s + 1) % 4)/pagina-\(p)/).

                    ## Installeren

                    ```sh
                    baken build --site .
                    :::note
                    ```

                    | Stap | Wat |
                    |---|---|
                    | 1 | [Sub](sub/stap-1.md) |

                    <details>
                    <summary>Meer over <kbd>Ctrl</kbd>+<kbd>C</kbd></summary>

                    Zie <a href="../deel-\((s + 3) % 4)/pagina-\(p).md">terug</a> en <img src="/logo.png" alt="Logo">.

                    ~~~yaml
                    title: x
                    ~~~

                    </details>

                    > [!TIP]
                    > Zie ook [het begin](/).

                    :::warning Let op
                    Dit is een [link](../deel-\(s)/sub/stap-0) in een callout.
                    :::

                    <iframe src="https://www.youtube.com/embed/x"></iframe>

                    """
                fences["deel-\(s)/pagina-\(p)/index.html"] = 2
            }
            files["\(section)/sub/index.md"] = "# Stappen\n\nDe [eerste](stap-0.md) stap, en [terug](..).\n\n```\ncode\n```\n"
            fences["deel-\(s)/sub/index.html"] = 1
            for t in 0..<3 {
                files["\(section)/sub/stap-\(t).md"] = "# Stap \(t)\n\n[Vorige](../pagina-\(t).md) en <a href=\"/deel-\(s)/sub/\">de stappen</a>.\n\n    ingesprongen code\n\n![Schema](/deel-2/schema.png)\n"
                fences["deel-\(s)/sub/stap-\(t)/index.html"] = 1
            }
        }
        return (files, fences)
    }

    @Test func everyInternalAddressLeadsToABuiltFileAndEveryCodeBlockIsPre() throws {
        let (files, fences) = Self.tree()
        #expect(files.keys.filter { $0.hasSuffix(".md") }.count == 41)
        let site = try TestSite(files.merging(["site.yml": "title: Handboek\nbaseURL: https://example.nl/\ntheme: t\nlanguages:\n  - code: nl\n    name: Nederlands\n"]) { _, new in new })
        let report = try site.build()
        // Each page's iframe is taken out with a warning, and nothing else is.
        #expect(report.warnings.count == 20)
        #expect(Set(report.warnings.map(\.message)) == ["<iframe> removed with its content: Baken loads nothing from another host and embeds no players; link to the video or page instead"])

        let built = site.snapshot()
        var checked = 0
        var broken: [String] = []
        for (path, data) in built where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for address in Self.addresses(in: html) where address.hasPrefix("/") && !address.hasPrefix("//") {
                var target = String(address.prefix { $0 != "#" && $0 != "?" }.dropFirst())
                target = target.removingPercentEncoding ?? target
                checked += 1
                if !(built[target] != nil || built[target + "index.html"] != nil || built[target + "/index.html"] != nil || target.isEmpty) {
                    broken.append("\(path): \(address)")
                }
            }
        }
        #expect(broken == [])
        #expect(checked > 300)
        for (path, count) in fences {
            let html = try #require(site.read(path), "\(path)")
            #expect(html.components(separatedBy: "<pre><code").count - 1 == count, "\(path)")
        }
        let page = try #require(site.read("deel-1/pagina-2/index.html"))
        #expect(page.contains("<pre><code class=\"language-sh\">baken build --site .\n:::note\n</code></pre>"))
        // The test theme has no words for callouts: their labels are English.
        #expect(page.contains("<div class=\"callout callout--tip\" role=\"note\">\n<p class=\"callout__label\">Tip</p>"))
        #expect(page.contains("<div class=\"callout callout--warning\" role=\"note\">\n<p class=\"callout__label\">Warning: Let op</p>\n<p>Dit is een <a href=\"/deel-1/sub/stap-0/\">link</a> in een callout.</p>"))
        #expect(page.contains("<summary>Meer over <kbd>Ctrl</kbd>+<kbd>C</kbd></summary>"))
        #expect(page.contains("Zie <a href=\"/deel-0/pagina-2/\">terug</a> en <img src=\"/logo.png\" alt=\"Logo\">."))
        #expect(!page.contains("iframe"))
    }

    /// The values of every `href="…"` and `src="…"` in HTML.
    static func addresses(in html: String) -> [String] {
        var found: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                found.append(String(rest.prefix { $0 != "\"" }))
            }
        }
        return found
    }
}
