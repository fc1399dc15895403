/// Finds the parts of compound words against the site's own words: `straatintimidatie` is `straat` + `intimidatie`
/// because both occur on their own. For languages that write compounds as one word.
struct Decompounder {
    /// Languages that write compounds as one word: Dutch, German, Afrikaans, Frisian, Luxembourgish, the Nordic languages.
    static let languages: Set<String> = ["nl", "de", "af", "fy", "lb", "da", "sv", "nb", "nn", "no", "is", "fi"]
    /// What may stand between the parts: veiligheid·s·plan, Arbeit·s·platz, hond·en·baan.
    static let linkers = ["s", "e", "en", "es", "n", "er"]
    static let minimumHead = 3
    static let minimumTail = 4

    /// Folded terms that occur as words of their own.
    let vocabulary: Set<String>

    static func applies(to language: String) -> Bool {
        let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? language
        return languages.contains(primary)
    }

    /// The parts of a compound, head first; empty when the term is not a compound of known words.
    func parts(of term: String) -> [String] {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count >= Self.minimumHead + Self.minimumTail else { return [] }
        // The longest known tail with a known head: Dutch and German compounds end in the word they are about.
        for cut in Self.minimumHead...(scalars.count - Self.minimumTail) {
            let tail = Self.string(scalars[cut...])
            guard vocabulary.contains(tail) else { continue }
            let head = Self.string(scalars[..<cut])
            if let known = knownHead(head) {
                let inner = parts(of: known)
                return (inner.isEmpty ? [known] : inner) + [tail]
            }
        }
        return []
    }

    /// The head as a word of its own, with a linking `s`, `e` or `en` taken off when needed.
    private func knownHead(_ head: String) -> String? {
        if vocabulary.contains(head) { return head }
        for linker in Self.linkers where head.hasSuffix(linker) {
            let bare = String(head.unicodeScalars.dropLast(linker.unicodeScalars.count))
            if bare.unicodeScalars.count >= Self.minimumHead && vocabulary.contains(bare) { return bare }
        }
        return nil
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
