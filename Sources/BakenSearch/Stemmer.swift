import CStemmer

/// A Snowball stemmer from libstemmer for one language: `meldingen` → `melding`, `harassed` → `harass`.
/// Owns its C stemmer and frees it; one instance is used by one thread at a time.
public final class Stemmer {
    /// The Snowball algorithm: `dutch`, `english`, `arabic`.
    public let algorithm: String
    private let stemmer: OpaquePointer

    /// Nil when Snowball has no algorithm for the language (`nl`, `en-GB`, `pt-BR` and names such as `dutch` are understood).
    public init?(language code: String) {
        for name in Self.candidates(for: code) {
            if let stemmer = sb_stemmer_new(name, "UTF_8") {
                self.stemmer = stemmer
                algorithm = Self.canonicalName(name)
                return
            }
        }
        return nil
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lower-case word.
    public func stem(_ word: String) -> String {
        var input = word
        let stem: String = input.withUTF8 { bytes in
            guard let result = sb_stemmer_stem(stemmer, bytes.baseAddress, Int32(bytes.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
        if stem.isEmpty { return word }
        return algorithm == "dutch" ? Self.undoubleFinalVowel(stem) : stem
    }

    /// Every algorithm libstemmer has.
    public static var algorithms: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names
    }

    /// Dutch spells one vowel two ways: `seksueel` but `seksuele`, `straat` but `straten`. Snowball's Dutch stemmer
    /// keeps the long spelling (`seksueel`, `seksuel`), so the vowel of a final closed syllable is written once.
    static func undoubleFinalVowel(_ stem: String) -> String {
        var scalars = Array(stem.unicodeScalars)
        let n = scalars.count
        guard n >= 4 else { return stem }
        let vowels: Set<Unicode.Scalar> = ["a", "e", "o", "u"]
        let last = scalars[n - 1]
        guard !vowels.contains(last) && last != "i" && last != "y" && last.properties.isAlphabetic,
              scalars[n - 2] == scalars[n - 3], vowels.contains(scalars[n - 2])
        else { return stem }
        scalars.remove(at: n - 2)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func candidates(for code: String) -> [String] {
        let lower = code.lowercased()
        let primary = String(lower.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? Substring(lower))
        let aliases = ["nb": "norwegian", "nn": "norwegian", "no": "norwegian"]
        return [lower, primary, aliases[primary]].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// `nl` → `dutch`: the name libstemmer lists for an alias.
    private static func canonicalName(_ name: String) -> String {
        if algorithms.contains(name) { return name }
        let codes = [
            "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish", "nl": "dutch", "en": "english",
            "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian",
            "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali", "no": "norwegian",
            "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish",
            "ta": "tamil", "tr": "turkish", "yi": "yiddish",
        ]
        return codes[name] ?? name
    }
}
