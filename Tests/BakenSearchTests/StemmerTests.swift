@testable import BakenSearch
import Testing

/// Snowball through libstemmer, with Baken's one Dutch rule on top.
@Suite struct StemmerTests {
    @Test func dutchWordFormsShareAStem() throws {
        let dutch = try #require(Stemmer(language: "nl"))
        #expect(dutch.algorithm == "dutch")
        #expect(dutch.stem("meldingen") == dutch.stem("melding"))
        #expect(dutch.stem("intimiderend") == dutch.stem("intimideren"))
        #expect(dutch.stem("seksuele") == dutch.stem("seksueel"))
        #expect(dutch.stem("straten") == dutch.stem("straat"))
    }

    @Test func englishAndArabicStem() throws {
        let english = try #require(Stemmer(language: "en-GB"))
        #expect(english.stem("harassed") == english.stem("harassment"))
        let arabic = try #require(Stemmer(language: "ar"))
        #expect(arabic.stem("التحرش") == "تحرش")
    }

    @Test func aLanguageWithoutSnowballHasNoStemmer() {
        #expect(Stemmer(language: "fy") == nil)
        #expect(Stemmer.algorithms.contains("dutch"))
    }

    @Test func dutchFinalVowelIsWrittenOnce() {
        #expect(Stemmer.undoubleFinalVowel("seksueel") == "seksuel")
        #expect(Stemmer.undoubleFinalVowel("straat") == "strat")
        #expect(Stemmer.undoubleFinalVowel("melding") == "melding")
        #expect(Stemmer.undoubleFinalVowel("zee") == "zee")
    }
}
