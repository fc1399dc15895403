@testable import BakenSearch
import Testing

/// A word found in more sections than a list keeps: its best sections stay, in section order.
@Suite struct PostingsTests {
    @Test func aCommonWordKeepsItsBestSections() throws {
        // Every page is eight words long, so a page's score for "xylo" grows with how often it says it.
        let said = (0..<1_200).map { ($0 * 7) % 8 + 1 }
        let pages = said.enumerated().map { page, count in
            SearchPage(url: "p\(page)/", title: "Pagina", sections: [
                SearchSection(heading: nil, id: nil, text: String(repeating: "xylo ", count: count) + String(repeating: "vul ", count: 8 - count)),
            ])
        }
        let index = LanguageIndex.build(pages, language: "en")
        let entry = try #require(index.entries.first { $0.key == Array("xylo".utf16) })
        let kept = index.postings[try #require(entry.postings)].map { Int($0.page) }

        let best = said.indices.sorted { (said[$0], -$0) > (said[$1], -$1) }.prefix(LanguageIndex.maxPostings)
        #expect(kept == best.sorted())
        #expect(index.sectionCounts[try #require(entry.postings)] == 1_200)
    }

    /// Quickselect finds what sorting would put at each place, ties included.
    @Test func selectAgreesWithSorting() {
        var seed: UInt64 = 42
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        for size in [1, 2, 3, 10, 257, 2_000] {
            let items = (0..<size).map { (score: Double(next() % 17), section: Int32($0)) }
            let before = { (a: (score: Double, section: Int32), b: (score: Double, section: Int32)) in
                a.score != b.score ? a.score > b.score : a.section < b.section
            }
            let sorted = items.sorted(by: before)
            for k in Set([0, size / 3, size / 2, size - 1]) {
                var work = items
                let found = LanguageIndex.select(k, in: &work, by: before)
                #expect(found == sorted[k], "size \(size), place \(k)")
            }
        }
    }
}
