/// The quotation marks of a language: opening and closing double, opening and closing single.
public struct Quotes: Sendable, Equatable {
    public let openDouble: String
    public let closeDouble: String
    public let openSingle: String
    public let closeSingle: String

    /// Nil unless `marks` are four marks, none of them empty.
    public init?(_ marks: [String]) {
        guard marks.count == 4, marks.allSatisfy({ !$0.isEmpty }) else { return nil }
        (openDouble, closeDouble, openSingle, closeSingle) = (marks[0], marks[1], marks[2], marks[3])
    }

    public var marks: [String] { [openDouble, closeDouble, openSingle, closeSingle] }

    /// What cmark-gfm writes with smart punctuation.
    public static let english = Quotes(["“", "”", "‘", "’"])!

    /// The marks a language's own style guides give, by its code (`pl`, `pt-BR`: the part before the dash);
    /// English ones for a language not listed. Dutch keeps “…” and ‘…’, which the Taalunie's advice
    /// accepts beside „…”: Dutch pages read as before.
    public static func defaults(for language: String) -> Quotes {
        let code = language.split(separator: "-").first.map(String.init) ?? language
        return byLanguage[code.lowercased()] ?? .english
    }

    private static let byLanguage: [String: Quotes] = [
        "en": .english,
        "nl": .english,
        "tr": .english,
        "ar": Quotes(["«", "»", "‹", "›"])!,
        "pl": Quotes(["„", "”", "«", "»"])!,
        "uk": Quotes(["«", "»", "„", "“"])!,
        "de": Quotes(["„", "“", "‚", "‘"])!,
    ]
}
