import BakenCore
import Foundation
import Testing

/// After any sequence of edits, the live folder equals a clean build's, byte for byte.
@Suite struct LiveSiteTests {
    static let pages = [
        "content/nl/_index.md": "---\ntitle: Home\n---\nWelkom. Lees [a](a.md).",
        "content/nl/a.md": "---\ntitle: A\ntype: news\ndate: 2026-01-01\n---\nEerste versie.",
        "content/nl/b.md": "---\ntitle: B\n---\n## Kop\nTekst.",
        "content/en/_index.md": "---\ntitle: Home\n---\nWelcome.",
        "content/en/a.md": "---\ntitle: A\ntype: news\ndate: 2026-01-01\n---\nFirst.",
    ]

    @Test func aBodyEditRewritesOnlyThatPageAndWhatIsMadeFromIt() throws {
        let site = try TestSite(Self.pages)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n## Kop\nNieuwe tekst.")
        let update = try live.update(["content/nl/b.md"])
        #expect(!update.full)
        #expect(update.changed == ["b/index.html"])
        #expect(site.read("b/index.html")?.contains("<p>Nieuwe tekst.</p>") == true)
    }

    @Test func aBrokenEditKeepsTheLastGoodFolder() throws {
        let site = try TestSite(Self.pages)
        let live = LiveSite(BuildOptions(site: site.root, output: site.output))
        try live.rebuildAll()
        let before = site.snapshot()
        try site.write("content/nl/b.md", "---\ntitle: B\n---\n[kapot](weg.md)")
        #expect(throws: BuildFailure.self) { try live.update(["content/nl/b.md"]) }
        #expect(site.snapshot() == before)
        try site.write("content/nl/b.md", "---\ntitle: B\n---\nHersteld.")
        try live.update(["content/nl/b.md"])
        #expect(site.read("b/index.html")?.contains("Hersteld.") == true)
    }

    @Test func randomEditSequencesEndEqualToACleanBuild() throws {
        var generator = SeededGenerator(seed: 20261129)
        for round in 0..<6 {
            let site = try TestSite(Self.pages)
            let live = LiveSite(BuildOptions(site: site.root, output: site.output))
            try live.rebuildAll()
            var extra = 0
            for step in 0..<8 {
                var changed: Set<String> = []
                switch Int.random(in: 0..<6, using: &generator) {
                case 0:
                    try site.write("content/nl/a.md", "---\ntitle: A\ntype: news\ndate: 2026-01-01\n---\nVersie \(round)-\(step).")
                    changed.insert("content/nl/a.md")
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
                    try site.write("themes/t/layouts/page.mustache", "{{<base}}{{$main}}<h1>{{page.title}} (\(step))</h1>\n{{{page.content}}}{{/main}}{{/base}}")
                    changed.insert("themes/t/layouts/page.mustache")
                default:
                    try site.write("content/en/a.md", "---\ntitle: A\ntype: news\ndate: 2026-01-0\(step + 1)\n---\nStep \(step).")
                    changed.insert("content/en/a.md")
                }
                if !changed.isEmpty { try live.update(changed) }
            }
            let clean = site.root.appendingPathComponent("clean")
            try site.build(output: clean)
            #expect(site.snapshot() == site.snapshot(clean), "round \(round)")
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
