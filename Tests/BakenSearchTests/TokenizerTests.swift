@testable import BakenSearch
import Foundation
import Testing

/// Words and their search terms: the same cases as the JavaScript tests, from Tests/search-js/cases.json.
@Suite struct TokenizerTests {
    struct Cases: Decodable {
        let fold: [[String]]
        let words: [Word]

        struct Word: Decodable {
            let text: String
            let words: [String]

            init(from decoder: Decoder) throws {
                var container = try decoder.unkeyedContainer()
                text = try container.decode(String.self)
                words = try container.decode([String].self)
            }
        }
    }

    static let cases: Cases = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("search-js/cases.json")
        return try! JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }()

    @Test func foldsCaseAccentsAndLetterVariantsLikeTheBrowser() {
        for pair in Self.cases.fold {
            #expect(Tokenizer.fold(pair[0]) == pair[1], "\(pair[0])")
        }
    }

    @Test func splitsWordsPerScriptLikeTheBrowser() {
        for item in Self.cases.words {
            #expect(Tokenizer.words(item.text).map(String.init) == item.words, "\(item.text)")
        }
    }

    @Test func digitsJoinWordsOfAnyScript() {
        #expect(Tokenizer.words("mp3 و١٢") == ["mp3", "و١٢"])
    }

    @Test func aMarkAfterASpaceStartsNoWord() {
        #expect(Tokenizer.words("a \u{0301}bc") == ["bc"])
    }
}
