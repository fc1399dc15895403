@testable import BakenSearch
import Foundation
import Testing

/// Index files of one language: shards that cover every term, pages in order, limits kept, same input same bytes.
@Suite struct SearchIndexTests {
    static let pages = [
        SearchPage(
            url: "", title: "Almelo tegen seksuele intimidatie", description: "Wat je kunt doen.",
            sections: [SearchSection(heading: nil, id: nil, text: "Welkom.")]),
        SearchPage(
            url: "normen/nafluiten/", title: "Nafluiten is niet oké", tags: ["straat"], audiences: [("omstanders", "Omstanders")], type: "norm",
            fields: ["Nafluiten is niet oké."],
            sections: [
                SearchSection(heading: nil, id: nil, text: "Iemand fluit je na op straat."),
                SearchSection(heading: "Wat kun je doen?", id: "wat-kun-je-doen", text: "Loop door. Bel 112 bij gevaar."),
                SearchSection(heading: "Wat kun je doen?", id: "wat-kun-je-doen-1", text: "Meld straatintimidatie."),
            ]),
        SearchPage(
            url: "melden/", title: "Melden", type: "report",
            sections: [SearchSection(heading: nil, id: nil, text: "Meldingen van intimiderend gedrag helpen de gemeente.")]),
    ]
    static let options = SearchIndex.Options(types: ["page", "norm", "report"], audiences: ["omstanders"])

    /// The arguments of a shard's `bakenSearch(name, …)` call.
    static func arguments(_ index: SearchIndex, _ name: String) throws -> [Any] {
        let text = try #require(index.files.first { $0.name == name }?.text)
        #expect(text.hasPrefix("bakenSearch(") && text.hasSuffix(");\n"))
        let json = "[" + text.dropFirst("bakenSearch(".count).dropLast(3) + "]"
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
    }

    /// The keys of a term shard's dictionary, undoing the shared prefixes.
    static func keys(_ dictionary: String) -> [String] {
        var keys: [String] = []
        var previous: [UInt16] = []
        for entry in dictionary.split(separator: ",") {
            let shared = Int(entry.utf16.first!) - 48
            let rest = entry.dropFirst()
            let suffix = rest.prefix { $0 != "." && $0 != ">" }
            let key = Array(previous.prefix(shared)) + Array(suffix.utf16)
            keys.append(String(decoding: key, as: UTF16.self))
            previous = key
        }
        return keys
    }

    @Test func everyTermIsInTheShardItsFirstKeySays() throws {
        var options = Self.options
        options.termShardBytes = 60
        let index = SearchIndex(language: "nl", pages: Self.pages, options: options)
        let manifest = try #require(try Self.arguments(index, "index.js")[1] as? [String: Any])
        let firsts = try #require(manifest["terms"] as? [String])
        #expect(firsts.count > 3)
        var all: [String] = []
        for (number, first) in firsts.enumerated() {
            let keys = Self.keys(try #require(try Self.arguments(index, "t\(number).js")[1] as? String))
            // The manifest keeps just enough of each first key to tell the shards apart.
            #expect(keys.first!.hasPrefix(first))
            if let last = all.last { #expect(Array(last.utf16).lexicographicallyPrecedes(Array(first.utf16))) }
            all += keys
        }
        #expect(all == all.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) })
        #expect(Set(all).count == all.count)
        for word in ["nafluiten", "straatintimidatie", "meldingen", "112", "oke", "omstanders", "straat", "melding"] {
            #expect(all.contains(word), "\(word)")
        }
    }

    @Test func pageShardsHoldEveryPageInOrder() throws {
        var options = Self.options
        options.pageShardBytes = 100
        let index = SearchIndex(language: "nl", pages: Self.pages, options: options)
        let manifest = try #require(try Self.arguments(index, "index.js")[1] as? [String: Any])
        let firsts = try #require(manifest["pageShards"] as? [Int])
        #expect(firsts.first == 0 && firsts == firsts.sorted())
        var records: [[Any]] = []
        for number in firsts.indices {
            records += try #require(try Self.arguments(index, "p\(number).js")[1] as? [[Any]])
        }
        // An address that is the slug of the title, or of its first words, is left for the browser to make.
        #expect(records.map { $0[0] as? String } == ["", "normen/=1/", "=/"])
        let norm = records[1]
        #expect(norm[1] as? String == "Nafluiten is niet oké")
        #expect(norm[2] as? Int == 1 && norm[3] as? Int == 1)
        #expect(norm[5] as? String == "Iemand fluit je na op straat. Nafluiten is niet oké.")
        // An id that is the heading's slug is left out; the browser makes it again.
        #expect(norm[6] as? String == "Wat kun je doen?" && norm[7] as? String == "Loop door. Bel 112 bij gevaar.")
        #expect(norm[8] as? [String] == ["Wat kun je doen?", "wat-kun-je-doen-1"])
    }

    @Test func staysWithinItsFileLimitByKeepingFewerWords() {
        let long = (1...400).map { "woord\($0)" }.joined(separator: " ")
        let pages = (0..<120).map { n in
            SearchPage(url: "p\(n)/", title: "Pagina \(n)", sections: [SearchSection(heading: nil, id: nil, text: long)])
        }
        var options = Self.options
        options.maxFiles = 20
        let index = SearchIndex(language: "nl", pages: pages, options: options)
        #expect(index.files.count <= 20)
        #expect(index.excerptWords != nil)
        #expect(index.pages == 120)
    }

    @Test func sameInputGivesTheSameBytes() {
        let a = SearchIndex(language: "nl", pages: Self.pages, options: Self.options)
        let b = SearchIndex(language: "nl", pages: Self.pages, options: Self.options)
        #expect(a.files.map(\.name) == b.files.map(\.name))
        #expect(a.files.map(\.text) == b.files.map(\.text))
        #expect(a.version == b.version)
    }

    @Test func saysWhatItDidWithUnusualPages() {
        let huge = (1...9_000).map { "w\($0 % 500)" }.joined(separator: " ")
        let pages = [
            SearchPage(url: "", title: "Thús", sections: [], file: "content/fy/_index.md", lists: true),
            SearchPage(url: "leeg/", title: "Leeg", sections: [], file: "content/fy/leeg.md"),
            SearchPage(url: "groot/", title: "Groot", sections: [SearchSection(heading: nil, id: nil, text: huge)], file: "content/fy/groot.md"),
        ]
        let index = SearchIndex(language: "fy", pages: pages, options: Self.options)
        #expect(index.stemmer == nil)
        #expect(index.notes.contains { $0.file == "content/fy/leeg.md" && $0.message.contains("no text") })
        // A home or section page lists pages: no text of its own is nothing to note.
        #expect(!index.notes.contains { $0.file == "content/fy/_index.md" })
        #expect(index.notes.contains { $0.file == "content/fy/groot.md" && $0.message.contains("9000 words") })
        #expect(index.notes.contains { $0.file == nil && $0.message.contains("no stemmer") })
    }

    @Test func textsAreJavaScriptStringLiterals() {
        #expect(SearchIndex.quote("Wat kun je doen?") == "\"Wat kun je doen?\"")
        #expect(SearchIndex.quote("Zeg \"stop\" … \\ nu\n\u{2028}/") == "\"Zeg \\\"stop\\\" … \\\\ nu\\n\\u2028/\"")
    }

    @Test func bitsAreGammaAndRiceCodesInBase64() {
        var writer = BitWriter()
        writer.gamma(1)
        writer.gamma(2)
        writer.gamma(3)
        #expect(writer.text == "pg")
        var rice = BitWriter()
        rice.rice(5, k: 1)
        #expect(rice.text == "0")
    }
}
