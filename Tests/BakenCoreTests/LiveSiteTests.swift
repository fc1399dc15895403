import BakenCore
import Foundation
import Testing

/// After any sequence of edits, the live folder equals a clean build's, byte for byte: right after an
/// edit's first step for the pages themselves, and after the second for everything else.
@Suite struct LiveSiteTests {
    static let pages = [
        "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom. Lees [a](a.md).",
        "content/nl/a.md": "---\ntitle: A\ntype: news\ndate: 2026-01-01\n---\nEerste versie.",
        "content/nl/b.md": "---\ntitle: B\n---\n## Kop\nTekst.",
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.",
        "content/en/a.md": "---\ntitle: A\ntype: news\ndate: 2026-01-01\n---\nFirst.",
        "content/en/b.md": "---\ntitle: B\n---\nText.",
    ]

    /// A page layout that says when a translation is outdated; with a search page, so edits reach the index.
    static func pageLayout(_ mark: String = "") -> String {
        "{{<base}}{{$main}}<h1>{{page.title}}\(mark)</h1>\n{{#page.translation}}<p>outdated, see {{sourceURL}}</p>{{/page.translation}}{{{page.content}}}{{/main}}{{/base}}"
    }

    static let theme = SearchBuildTests.theme.merging([
        "themes/t/layouts/page.mustache": pageLayout(),
        // An inline style block whose hash goes into the header policy of `_headers` and `nginx.conf`.
        "themes/t/layouts/shortcodes/kleur.mustache": "<style>.k{color:{{params.kleur}}}</style><p class=\"k\">Kleur</p>",
    ]) { _, new in new }

    /// Files made from all pages, which an edit's second step writes.
    static func isMadeFromAllPages(_ path: String) -> Bool {
        let base = path.hasSuffix(".gz") || path.hasSuffix(".br") ? String(path.dropLast(3)) : path
        return base.hasPrefix("search-index/") || base.hasSuffix("search/index.html") || base == "zoeken/index.html"
            || base.hasSuffix("index.xml") || base.hasSuffix("404.html") || ["sitemap.xml", "_headers", "nginx.conf"].contains(base)
    }

    /// The folder a clean build of the site as it is now makes.
    static func clean(_ site: TestSite) throws -> [String: Data] {
        let folder = site.root.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: folder)
        try site.build(output: folder)
        return site.snapshot(folder)
    }

    /// Paths whose bytes differ between two folders, or that one of them lacks.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    /// What differs between the live folder and a clean build of the site as it is now.
    static func differences(_ site: TestSite) throws -> [String] {
        differences(site.snapshot(), try clean(site))
    }

    @Test func aBodyEditWritesThePageFirstAndTheFilesMadeFromAllPagesAfter() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        let index = site.read("search-index/nl/index.js")
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n## Kop\nNieuwe tekst.")
        let first = try live.update(["content/nl/b.md"])
        #expect(!first.full && first.followUp && live.hasFollowUp)
        #expect(first.changed == ["b/index.html"])
        #expect(site.read("b/index.html")?.contains("<p>Nieuwe tekst.</p>") == true)
        #expect(site.read("search-index/nl/index.js") == index)

        let second = try live.finish()
        #expect(!live.hasFollowUp)
        #expect(second.changed.contains("search-index/nl/index.js") && second.changed.contains("zoeken/index.html"))
        // The English search page falls back to the Dutch index, whose version changed.
        #expect(second.changed.contains("en/search/index.html") && !second.changed.contains { $0.hasPrefix("search-index/en/") })
        #expect(try Self.differences(site) == [])
        #expect(try live.finish().changed.isEmpty)
    }

    @Test func aBodyEditThatLinksAFileNoPageUsedPublishesIt() throws {
        let site = try TestSite(Self.pages.merging(["content/nl/folder.pdf": "%PDF"]) { _, new in new }, theme: Self.theme)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        #expect(!site.exists("folder.pdf"))
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n## Kop\nDe [folder](folder.pdf).")
        let update = try live.update(["content/nl/b.md"])
        #expect(update.full)
        #expect(site.exists("folder.pdf"))
        #expect(try Self.differences(site) == [])
    }

    @Test func editsBetweenTheStepsAreCoveredByOneFollowUp() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        try site.write("content/nl/a.md", "---\ntitle: A\ntype: news\ndate: 2026-01-01\n---\nTweede versie.")
        try live.update(["content/nl/a.md"])
        try site.write("content/en/b.md", "---\ntitle: B\n---\nOther text.")
        try live.update(["content/en/b.md"])
        #expect(site.read("a/index.html")?.contains("Tweede versie.") == true)
        #expect(site.read("en/b/index.html")?.contains("Other text.") == true)
        #expect(site.read("index.xml")?.contains("Tweede versie.") == false)
        let second = try live.finish()
        #expect(second.changed.contains("index.xml") && second.changed.contains("search-index/en/index.js"))
        #expect(site.read("index.xml")?.contains("Tweede versie.") == true)
        #expect(try Self.differences(site) == [])
    }

    @Test func aTranslationSaysItIsOutdatedAsSoonAsItsSourceChanges() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        _ = try Baken.markTranslation("content/en/b.md", options: BuildOptions(site: site.root))
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        #expect(site.read("en/b/index.html")?.contains("outdated") == false)
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n## Kop\nAndere tekst.")
        let first = try live.update(["content/nl/b.md"])
        #expect(first.changed == ["b/index.html", "en/b/index.html"])
        #expect(site.read("en/b/index.html")?.contains("outdated, see /b/") == true)
        try live.finish()
        #expect(try Self.differences(site) == [])
    }

    @Test func aPageTooSmallForCompressedCopiesLosesTheOldOnes() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n" + String(repeating: "Een lange zin over grenzen. ", count: 40))
        try live.update(["content/nl/b.md"])
        #expect(site.exists("b/index.html.gz") && site.exists("b/index.html.br"))
        try site.write("content/nl/b.md", "---\ntitle: B\n---\nKort.")
        let first = try live.update(["content/nl/b.md"])
        #expect(first.changed == ["b/index.html", "b/index.html.br", "b/index.html.gz"])
        #expect(!site.exists("b/index.html.gz") && !site.exists("b/index.html.br"))
        try live.finish()
        #expect(try Self.differences(site) == [])
    }

    @Test func aBrokenEditKeepsTheLastGoodFolder() throws {
        let site = try TestSite(Self.pages, theme: Self.theme)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        let before = site.snapshot()
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n[kapot](weg.md)")
        #expect(throws: BuildFailure.self) { try live.update(["content/nl/b.md"]) }
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n![Teller](https://tracker.example/x.gif)")
        #expect(throws: BuildFailure.self) { try live.update(["content/nl/b.md"]) }
        #expect(!live.hasFollowUp)
        #expect(site.snapshot() == before)
        try site.write("content/nl/b.md", "---\ntitle: B\n---\nHersteld.")
        try live.update(["content/nl/b.md"])
        #expect(site.read("b/index.html")?.contains("Hersteld.") == true)
        try live.finish()
        #expect(try Self.differences(site) == [])
    }

    @Test func randomEditSequencesEndEqualToACleanBuild() throws {
        var generator = SeededGenerator(seed: 20261129)
        for round in 0..<6 {
            let site = try TestSite(Self.pages, theme: Self.theme)
            let live = LiveSite(BuildOptions(site: site.root, output: site.output))
            try live.rebuildAll()
            var extra = 0
            for step in 0..<10 {
                var changed: Set<String> = []
                // Some text only this step writes, to find in the page it edits.
                var expected: (file: String, text: String)?
                switch Int.random(in: 0..<10, using: &generator) {
                case 0:
                    try site.write("content/nl/a.md", "---\ntitle: A\ntype: news\ndate: 2026-01-01\n---\nVersie \(round)-\(step).")
                    changed.insert("content/nl/a.md")
                    expected = ("a/index.html", "Versie \(round)-\(step).")
                case 1:
                    try site.write("content/nl/b.md", "---\ntitle: B \(step)\nweight: \(step)\n---\n## Kop \(step)\nTekst.")
                    changed.insert("content/nl/b.md")
                case 2:
                    extra += 1
                    try site.write("content/nl/nieuw-\(extra).md", "---\ntitle: Nieuw \(extra)\n---\nZie [home](_index.md).")
                    changed.insert("content/nl/nieuw-\(extra).md")
                case 3:
                    if extra > 0 {
                        try site.remove("content/nl/nieuw-\(extra).md")
                        changed.insert("content/nl/nieuw-\(extra).md")
                        extra -= 1
                    }
                case 4:
                    try site.write("themes/t/layouts/page.mustache", Self.pageLayout(" (\(step))"))
                    changed.insert("themes/t/layouts/page.mustache")
                case 5:
                    // Long enough for compressed copies, or short enough to lose them.
                    let words = Int.random(in: 0..<2, using: &generator) == 0 ? 2 : 60
                    let text = "Zin \(round)-\(step)." + String(repeating: " Nog een woord.", count: words)
                    try site.write("content/nl/b.md", "---\ntitle: B\n---\n## Kop\n\(text)")
                    changed.insert("content/nl/b.md")
                    expected = ("b/index.html", "Zin \(round)-\(step).")
                case 6:
                    try site.write("content/nl/_index.md", "---\ntitle: Home\n---\nWelkom \(round)-\(step). Lees [a](a.md).")
                    try site.write("content/en/b.md", "---\ntitle: B\n---\nText \(round)-\(step).")
                    changed = ["content/nl/_index.md", "content/en/b.md"]
                    expected = ("en/b/index.html", "Text \(round)-\(step).")
                case 7:
                    // An edit made while the follow-up of the last one waits.
                    if live.hasFollowUp {
                        try site.write("content/en/_index.md", "---\ntitle: Home\n---\nWelcome \(round)-\(step).")
                        changed.insert("content/en/_index.md")
                        expected = ("en/index.html", "Welcome \(round)-\(step).")
                    }
                case 8:
                    let color = ["red", "green", "blue"][Int.random(in: 0..<3, using: &generator)]
                    try site.write("content/nl/b.md", "---\ntitle: B\n---\n## Kop\n{{< kleur kleur=\"\(color)\" >}}\n\nTekst \(round)-\(step).")
                    changed.insert("content/nl/b.md")
                    expected = ("b/index.html", "Tekst \(round)-\(step).")
                default:
                    try site.write("content/en/a.md", "---\ntitle: A\ntype: news\ndate: 2026-01-0\(step % 9 + 1)\n---\nStep \(step).")
                    changed.insert("content/en/a.md")
                }
                guard !changed.isEmpty else { continue }
                let update = try live.update(changed)
                if let expected { #expect(site.read(expected.file)?.contains(expected.text) == true, "round \(round) step \(step)") }
                let clean = try Self.clean(site)
                let differences = Self.differences(site.snapshot(), clean)
                if update.full {
                    #expect(differences == [], "round \(round) step \(step)")
                } else {
                    // The pages are right at once; only the files made from all pages may lag.
                    #expect(differences.filter { !Self.isMadeFromAllPages($0) } == [], "round \(round) step \(step)")
                }
                if Bool.random(using: &generator) {
                    try live.finish()
                    #expect(Self.differences(site.snapshot(), clean) == [], "round \(round) step \(step), after the follow-up")
                }
            }
            try live.finish()
            #expect(try Self.differences(site) == [], "round \(round)")
        }
    }
}

/// A small deterministic random number generator, so a failing sequence can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
