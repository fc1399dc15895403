/// The search index of one language before it is written: every term people can type, the stem it leads to,
/// and for each stem the sections it occurs in with a BM25 score. Built from the pages' text, not from HTML.
struct LanguageIndex {
    /// A folded word or stem, with the postings of the stem and the stem a word leads to.
    struct Entry {
        /// The term, as UTF-16 code units: the order and lengths JavaScript sees.
        let key: [UInt16]
        /// Index into `postings` when this term is a stem that occurs.
        var postings: Int?
        /// Index into `entries` of the stem this word leads to, when it is another term.
        var stem: Int?
    }

    /// One section that a stem occurs in, with its score quantized to `Posting.levels` steps.
    struct Posting {
        let page: Int32
        let section: Int32
        var level: UInt8

        /// Scores are stored in 5 bits, on a logarithmic scale.
        static let levels = 32
    }

    /// Sorted by key, in JavaScript's string order.
    var entries: [Entry] = []
    /// Per stem, sorted by page then section.
    var postings: [[Posting]] = []
    /// The number of sections each stem occurs in, before long lists were cut.
    var sectionCounts: [Int] = []
    /// The score of level `l` is proportional to `exp(scale × l)`.
    var scale: Double = 0
    /// The Snowball algorithm, or nil when the language has none.
    var stemmer: String?
    /// Whether compounds were split into their parts.
    var compounds = false
    var pageCount = 0
    var sectionCount = 0
    /// Distinct words in the pages.
    var termCount = 0
}
