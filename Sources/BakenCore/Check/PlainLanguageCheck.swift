import BakenMarkdown
import Foundation

/// Hints for plain language in Dutch and English: long sentences, long words, passive voice, jargon.
/// Warnings only: counting words says something, a readability score would pretend to say more.
struct PlainLanguageCheck {
    let settings: CheckSettings
    let language: String
    private let auxiliaries: Set<String>

    /// Forms of "worden"/"zijn" and of "to be" that can make a passive sentence.
    static let passiveAuxiliaries: [String: Set<String>] = [
        "nl": ["word", "wordt", "worden", "werd", "werden", "geworden", "is", "zijn", "was", "waren", "ben", "bent"],
        "en": ["am", "is", "are", "was", "were", "been", "being"],
    ]

    /// Participles that go with "zijn" in the perfect tense, or are no verb at all: never passive.
    static let notPassive: Set<String> = ["gebeurd", "gegaan", "gekomen", "geweest", "gebleven", "geworden", "geleden", "geluid"]

    init?(_ settings: CheckSettings, language: String) {
        guard let auxiliaries = Self.passiveAuxiliaries[language] else { return nil }
        self.settings = settings
        self.language = language
        self.auxiliaries = auxiliaries
    }

    func check(_ page: Page, paragraphs: [TextBlock]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for paragraph in paragraphs {
            let line = page.bodyLine + paragraph.line - 1
            func hint(_ message: String) { found.append(.warning(file: page.file, line: line, message)) }
            for sentence in Self.sentences(paragraph.text) {
                let words = Self.words(sentence)
                if words.count > settings.maxSentenceWords {
                    hint("sentence of \(words.count) words (more than \(settings.maxSentenceWords)): '\(Self.opening(words))…'; split it in two")
                }
                for word in Set(words) where word.count > settings.maxWordLength && word.allSatisfy(\.isLetter) {
                    hint("long word '\(word)' (\(word.count) letters): use shorter words, or split it with a hyphen")
                }
                if let passive = passive(words) {
                    hint("possibly passive voice ('\(passive)'; a guess from the words, not a grammar check): say who does what")
                }
                let lower = " " + words.joined(separator: " ").lowercased() + " "
                for term in settings.jargon where lower.contains(" " + term.lowercased() + " ") {
                    hint("'\(term)' is on the jargon list in site.yml: use an everyday word")
                }
            }
        }
        return found
    }

    /// The auxiliary and participle of a sentence that looks passive, or nil.
    func passive(_ words: [String]) -> String? {
        let lower = words.map { $0.lowercased() }
        guard let at = lower.firstIndex(where: auxiliaries.contains) else { return nil }
        for word in lower[(at + 1)...] where isParticiple(word) { return "\(lower[at]) … \(word)" }
        return nil
    }

    private func isParticiple(_ word: String) -> Bool {
        switch language {
        case "nl": return !Self.notPassive.contains(word) && word.count >= 5 && word.hasPrefix("ge") && (word.hasSuffix("d") || word.hasSuffix("t") || word.hasSuffix("en"))
        default: return word.count >= 5 && word.hasSuffix("ed")
        }
    }

    /// Splits text at `.`, `!`, `?` and `:` followed by a space or the end.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previousEnds = false
        for character in text {
            if previousEnds && character.isWhitespace {
                result.append(current)
                current = ""
                previousEnds = false
                continue
            }
            current.append(character)
            previousEnds = ".!?:;".contains(character)
        }
        result.append(current)
        return result.filter { !words($0).isEmpty }
    }

    /// Words without the punctuation around them; numbers and addresses count as words too.
    static func words(_ sentence: String) -> [String] {
        sentence.split(whereSeparator: \.isWhitespace)
            .map { $0.trimmingCharacters(in: .punctuationCharacters.union(.symbols)) }
            .filter { !$0.isEmpty }
    }

    static func opening(_ words: [String]) -> String { words.prefix(6).joined(separator: " ") }
}
