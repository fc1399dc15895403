@testable import BakenSearch
import Testing

/// Compounds split against the words a site uses on their own.
@Suite struct DecompounderTests {
    let decompounder = Decompounder(vocabulary: ["straat", "intimidatie", "veiligheid", "plan", "straatintimidatie", "beleid", "de"])

    @Test func splitsIntoKnownWords() {
        #expect(decompounder.parts(of: "straatintimidatie") == ["straat", "intimidatie"])
        #expect(decompounder.parts(of: "veiligheidsplan") == ["veiligheid", "plan"])
        #expect(decompounder.parts(of: "straatintimidatiebeleid") == ["straat", "intimidatie", "beleid"])
    }

    @Test func leavesOtherWordsWhole() {
        #expect(decompounder.parts(of: "intimidatie") == [])
        #expect(decompounder.parts(of: "deplan") == [])
        #expect(decompounder.parts(of: "onbekendplan") == [])
    }

    @Test func appliesToLanguagesThatWriteCompoundsAsOneWord() {
        #expect(Decompounder.applies(to: "nl"))
        #expect(Decompounder.applies(to: "de-AT"))
        #expect(!Decompounder.applies(to: "en"))
    }
}
