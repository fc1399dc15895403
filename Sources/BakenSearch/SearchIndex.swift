import Foundation

/// The search index of one language as files: a manifest, term shards, page shards and facets, each a small
/// script that hands its data to `search.js`, so that it loads over http and from `file://` alike.
/// docs/search.md describes the format.
public struct SearchIndex: Sendable {
    /// What to build and within which limits.
    public struct Options: Sendable {
        /// Type ids and audience ids in a fixed order: facets are stored as their positions.
        public var types: [String]
        public var audiences: [String]
        /// At most this many files for the language; by default a tenth of its pages, at least 64.
        public var maxFiles: Int?
        /// The size a term shard and a page shard aim for; a query loads one or two term shards and a page shard per result shown.
        public var termShardBytes = 16_000
        public var pageShardBytes = 8_000
        /// At most this many words of one page are kept for excerpts; all of them are searched.
        public var excerptWordsPerPage = 8_000

        public init(types: [String], audiences: [String], maxFiles: Int? = nil) {
            self.types = types
            self.audiences = audiences
            self.maxFiles = maxFiles
        }
    }

    /// Something the build should tell the author: a page with no text, a huge page, a language without a stemmer.
    public struct Note: Sendable, Equatable {
        public var file: String?
        public var message: String
    }

    public let language: String
    /// File name inside the language's index folder → contents.
    public let files: [(name: String, text: String)]
    /// Changes whenever any file changes; added to addresses so that browsers never mix two builds.
    public let version: String
    public let notes: [Note]
    public let pages: Int
    public let sections: Int
    public let terms: Int
    /// The Snowball algorithm used, or nil when the language has none.
    public let stemmer: String?
    /// Words of each section kept for excerpts; nil when all are kept.
    public let excerptWords: Int?

    public var bytes: Int { files.reduce(0) { $0 + $1.text.utf8.count } }

    /// Builds the index of `pages`, all in `language`: terms and their postings, then what results show, then the manifest.
    public init(language: String, pages: [SearchPage], options: Options) {
        let index = LanguageIndex.build(pages, language: language)
        let fileLimit = options.maxFiles ?? max(64, pages.count / 10)
        var notes: [Note] = []
        let termShards = Self.termShards(index, target: options.termShardBytes, atMost: fileLimit / 2)
        let records = PageRecords(pages, options: options, notes: &notes)
        let (pageShards, excerptWords) = Self.pageShards(records, target: options.pageShardBytes, atMost: max(1, fileLimit - termShards.count - 2))

        var files: [(name: String, text: String)] = []
        for (number, shard) in termShards.enumerated() {
            files.append(("t\(number).js", Self.call("\(language)/t\(number)", [Self.quote(shard.dictionary), Self.quote(shard.bits)])))
        }
        for (number, shard) in pageShards.enumerated() {
            files.append(("p\(number).js", Self.call("\(language)/p\(number)", ["[" + shard.records.joined(separator: ",") + "]"])))
        }
        files.append(("f.js", Self.call("\(language)/f", Self.facets(pages, options: options))))
        let version = Self.hash(files.map(\.text))
        let manifest: [(String, String)] = [
            ("lang", Self.quote(language)),
            ("version", Self.quote(version)),
            ("pages", String(pages.count)),
            ("urlPrefix", Self.quote(records.urlPrefix)),
            ("scale", String(format: "%.6f", index.scale)),
            ("terms", "[" + termShards.map { Self.quote(String(decoding: $0.firstKey, as: UTF16.self)) }.joined(separator: ",") + "]"),
            ("pageShards", "[" + pageShards.map { String($0.first) }.joined(separator: ",") + "]"),
            ("types", "[" + options.types.map(Self.quote).joined(separator: ",") + "]"),
            ("audiences", "[" + options.audiences.map(Self.quote).joined(separator: ",") + "]"),
            ("stemmer", index.stemmer.map(Self.quote) ?? "null"),
            ("compounds", index.compounds ? "true" : "false"),
            ("excerptWords", excerptWords.map(String.init) ?? "null"),
        ]
        files.append(("index.js", Self.call("\(language)/index", ["{" + manifest.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"])))

        if index.stemmer == nil {
            notes.append(Note(file: nil, message: "search in '\(language)': Snowball has no stemmer for this language, so words are found as written, by their beginning and with one typo"))
        }
        self.language = language
        self.files = files
        self.version = version
        self.notes = notes
        self.pages = pages.count
        self.sections = index.sectionCount
        self.terms = index.termCount
        self.stemmer = index.stemmer
        self.excerptWords = excerptWords
    }

    /// `bakenSearch("nl/t3", …);`: the call a shard makes when its script runs.
    static func call(_ name: String, _ arguments: [String]) -> String {
        "bakenSearch(" + ([quote(name)] + arguments).joined(separator: ",") + ");\n"
    }

    /// A string as a JSON (and so JavaScript) literal; most need no escapes, the rest go through JSONEncoder.
    static func quote(_ string: String) -> String {
        let plain = string.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0xE2 }
        if plain { return "\"" + string + "\"" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let json = String(decoding: (try? encoder.encode(string)) ?? Data("\"\"".utf8), as: UTF8.self)
        // Literal line and paragraph separators end a line in JavaScript before ES2019.
        return json.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// FNV-1a over every file: short, and the same for the same files.
    static func hash(_ texts: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in texts {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0100_0000_01b3
            }
            value ^= 0xff
            value = value &* 0x0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
