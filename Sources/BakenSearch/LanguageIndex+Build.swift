import Foundation

extension LanguageIndex {
    /// How much more a word counts where it stands: the page title, a heading, the description, tags and audiences.
    enum Boost {
        static let title = 4.0
        static let heading = 2.0
        static let summary = 1.0
        /// A part of a compound counts half as much as the word itself.
        static let compoundPart = 0.5
    }

    /// BM25's saturation and length normalisation.
    static let k1 = 1.2
    static let b = 0.75
    /// A stem keeps at most this many sections, its best: a word that common ranks little anyway.
    static let maxPostings = 1000
    /// Scores below the highest divided by this share the lowest level.
    static let scoreRange = 2000.0

    /// Tokenises, stems and scores every section of `pages`.
    static func build(_ pages: [SearchPage], language: String) -> LanguageIndex {
        let stemmer = Stemmer(language: language)
        var vocabulary = Vocabulary()
        var sections = Sections(pages, vocabulary: &vocabulary)
        sections.trimStorage()
        let stems = vocabulary.stems(stemmer)
        let compounds = Decompounder.applies(to: language)
        let parts = compounds ? vocabulary.compoundParts(stems: stems) : []
        let occurrences = Occurrences(sections, stems: stems, parts: parts, terms: vocabulary.terms.count)
        sections.releaseTerms()
        var (index, postingsOfTerm) = score(occurrences, sections: sections)
        index.entries = entries(vocabulary, stems: stems, postings: postingsOfTerm)
        index.stemmer = stemmer?.algorithm
        index.compounds = compounds
        index.pageCount = pages.count
        index.sectionCount = sections.count
        index.termCount = vocabulary.surfaceCount
        return index
    }

    /// Where in a section a word stands; a compound's part keeps its fields in the high bits.
    static let inTitle: UInt8 = 1, inHeading: UInt8 = 2, inSummary: UInt8 = 4

    /// The folded terms of the site with the spelling each was first seen in, for the stemmer.
    struct Vocabulary {
        var terms: [String] = []
        var spellings: [String] = []
        var ids: [String: Int32] = [:]
        private var byWord = WordTable()
        /// Terms below this number are words of the pages; above are stems that are no word of their own.
        var surfaceCount = 0

        /// The term of a word as written, in UTF-8.
        mutating func id(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
            let hash = WordTable.hash(word)
            if let known = byWord.value(of: word, hash: hash) { return known }
            let spelling = String(decoding: word, as: UTF8.self)
            let term = Tokenizer.fold(spelling)
            let id = ids[term] ?? add(term, spelling: spelling.lowercased())
            byWord.insert(word, hash: hash, value: id)
            return id
        }

        private mutating func add(_ term: String, spelling: String) -> Int32 {
            let id = Int32(terms.count)
            terms.append(term)
            spellings.append(spelling)
            ids[term] = id
            surfaceCount = terms.count
            return id
        }

        /// The stem of every word, itself a term (`intimiderend` → `intimider`); a word without stemmer is its own stem.
        mutating func stems(_ stemmer: Stemmer?) -> [Int32] {
            let words = surfaceCount
            var stems = [Int32](repeating: 0, count: words)
            for id in 0..<words {
                let stem = stemmer.map { Tokenizer.fold($0.stem(spellings[id])) } ?? terms[id]
                if stem.isEmpty || stem == terms[id] {
                    stems[id] = Int32(id)
                } else if let existing = ids[stem] {
                    stems[id] = existing
                } else {
                    stems[id] = Int32(terms.count)
                    ids[stem] = Int32(terms.count)
                    terms.append(stem)
                }
            }
            return stems
        }

        /// The stems of the parts of each compound word (`straatintimidatie` → `straat`, `intimidatie`).
        func compoundParts(stems: [Int32]) -> [[Int32]] {
            let decompounder = Decompounder(vocabulary: Set(terms[0..<surfaceCount]))
            var parts = [[Int32]](repeating: [], count: surfaceCount)
            for id in 0..<surfaceCount {
                let found = decompounder.parts(of: terms[id]).compactMap { ids[$0].map { stems[Int($0)] } }
                parts[id] = Array(Set(found.filter { $0 != stems[id] })).sorted()
            }
            return parts
        }
    }

    /// Every section's terms: how often each occurs in its text and which fields hold it, in flat arrays.
    struct Sections {
        var page: [Int32] = []
        var number: [Int32] = []
        /// Words of text (body and typed fields), for BM25's length normalisation.
        var length: [Int] = []
        /// Section `s` has the occurrences `start[s]..<start[s + 1]`.
        var start: [Int] = [0]
        var term: [Int32] = []
        /// How often the term occurs in the section's text, up to 65,535: two bytes, as these are among the
        /// largest arrays of the build.
        var frequency: [UInt16] = []
        var field: [UInt8] = []

        var count: Int { page.count }

        /// Gives back the room appending left in the largest arrays, before the occurrences are made beside them:
        /// that moment is the build's peak of memory.
        mutating func trimStorage() {
            term = term.withoutSpareCapacity()
            frequency = frequency.withoutSpareCapacity()
            field = field.withoutSpareCapacity()
        }

        /// Lets go of the terms of each section once they are counted per stem: the largest arrays of the build.
        mutating func releaseTerms() {
            term = []
            frequency = []
            field = []
        }

        init(_ pages: [SearchPage], vocabulary: inout Vocabulary) {
            var tally = Tally()
            for (p, page) in pages.enumerated() {
                for (s, section) in page.sections.enumerated() {
                    tally.length = 0
                    if s == 0 {
                        tally.add(page.title, field: inTitle, isText: false, vocabulary: &vocabulary)
                        tally.add(page.description, field: inSummary, isText: false, vocabulary: &vocabulary)
                        for tag in page.tags { tally.add(tag, field: inSummary, isText: false, vocabulary: &vocabulary) }
                        for audience in page.audiences { tally.add(audience.name, field: inSummary, isText: false, vocabulary: &vocabulary) }
                        for text in page.fields { tally.add(text, field: 0, isText: true, vocabulary: &vocabulary) }
                        for field in page.weightedFields {
                            let (bits, isText): (UInt8, Bool) = switch field.weight {
                            case .title: (inTitle, false)
                            case .heading: (inHeading, false)
                            case .summary: (inSummary, false)
                            case .text: (0, true)
                            }
                            tally.add(field.text, field: bits, isText: isText, vocabulary: &vocabulary)
                        }
                    } else if let heading = section.heading {
                        tally.add(heading, field: inHeading, isText: false, vocabulary: &vocabulary)
                    }
                    tally.add(section.text, field: 0, isText: true, vocabulary: &vocabulary)
                    tally.touched.sort()
                    for id in tally.touched {
                        term.append(id)
                        frequency.append(UInt16(min(tally.counts[Int(id)], UInt32(UInt16.max))))
                        field.append(tally.fields[Int(id)])
                        tally.counts[Int(id)] = 0
                        tally.fields[Int(id)] = 0
                    }
                    tally.touched.removeAll(keepingCapacity: true)
                    self.page.append(Int32(p))
                    self.number.append(Int32(s))
                    self.length.append(tally.length)
                    start.append(term.count)
                }
            }
        }

        /// The terms of the section being read: how often each occurs in its text, in which fields, and the
        /// words of text. Its own value, so that the loop over millions of words works on it in place (captured
        /// local variables would be checked for exclusive access at every word).
        private struct Tally {
            var counts: [UInt32] = []
            var fields: [UInt8] = []
            var touched: [Int32] = []
            var length = 0

            mutating func add(_ text: String, field: UInt8, isText: Bool, vocabulary: inout Vocabulary) {
                var text = text
                text.withUTF8 { bytes in Tokenizer.scan(bytes) { range in
                    count(Int(vocabulary.id(of: UnsafeBufferPointer(rebasing: bytes[range]))), field: field, isText: isText)
                } }
            }

            private mutating func count(_ id: Int, field: UInt8, isText: Bool) {
                if id >= counts.count {
                    counts.append(contentsOf: repeatElement(0, count: id + 1 - counts.count + 1024))
                    fields.append(contentsOf: repeatElement(0, count: counts.count - fields.count))
                }
                if counts[id] == 0 && fields[id] == 0 { touched.append(Int32(id)) }
                if isText {
                    counts[id] += 1
                    length += 1
                }
                fields[id] |= field
            }
        }
    }

    /// The stems in every section: a word counts for its stem, and half for the stems of its compound parts.
    struct Occurrences {
        /// Stem `t` occurs in `section[start[t]..<start[t + 1]]`, sorted by section.
        var start: [Int]
        var section: [Int32]
        /// How often the stem occurs in the section, in halves (a compound's part counts half), up to 65,535 halves:
        /// two bytes, as this is the largest array of the build.
        var halves: [UInt16]
        var field: [UInt8]

        /// Two passes over the sections, the first to count each stem's sections and the second to put them
        /// in place: no list of all occurrences is held in between.
        init(_ sections: Sections, stems: [Int32], parts: [[Int32]], terms: Int) {
            var counts = [UInt32](repeating: 0, count: terms)
            var fields = [UInt8](repeating: 0, count: terms)
            var present = [Bool](repeating: false, count: terms)
            var touched: [Int32] = []
            /// Calls `found` with each stem of each section, in section order, with its count and fields.
            func visit(_ found: (Int32, Int32, UInt16, UInt8) -> Void) {
                func add(_ stem: Int32, _ halves: UInt32, _ field: UInt8) {
                    let s = Int(stem)
                    if !present[s] {
                        present[s] = true
                        touched.append(stem)
                    }
                    counts[s] += halves
                    fields[s] |= field
                }
                for s in 0..<sections.count {
                    for i in sections.start[s]..<sections.start[s + 1] {
                        let term = Int(sections.term[i]), stem = stems[term]
                        add(stem, UInt32(sections.frequency[i]) * 2, sections.field[i])
                        if !parts.isEmpty {
                            for part in parts[term] where part != stem {
                                add(part, UInt32(Double(sections.frequency[i]) * 2 * Boost.compoundPart), sections.field[i] << 4)
                            }
                        }
                    }
                    for stem in touched {
                        found(stem, Int32(s), UInt16(min(counts[Int(stem)], UInt32(UInt16.max))), fields[Int(stem)])
                        counts[Int(stem)] = 0
                        fields[Int(stem)] = 0
                        present[Int(stem)] = false
                    }
                    touched.removeAll(keepingCapacity: true)
                }
            }
            var start = [Int](repeating: 0, count: terms + 1)
            visit { stem, _, _, _ in start[Int(stem) + 1] += 1 }
            for t in 0..<terms { start[t + 1] += start[t] }
            var next = start
            var section = [Int32](repeating: 0, count: start[terms])
            var halves = [UInt16](repeating: 0, count: start[terms])
            var field = [UInt8](repeating: 0, count: start[terms])
            visit { stem, s, count, fields in
                let at = next[Int(stem)]
                next[Int(stem)] += 1
                section[at] = s
                halves[at] = count
                field[at] = fields
            }
            (self.start, self.section, self.halves, self.field) = (start, section, halves, field)
        }
    }

    /// BM25 with field boosts per stem and section, the best `maxPostings` of each stem, quantized.
    /// Returns the index with its postings, and for each term the number of its postings list, if it has one.
    private static func score(_ occurrences: Occurrences, sections: Sections) -> (LanguageIndex, [Int?]) {
        var index = LanguageIndex()
        let total = Double(sections.count)
        let averageLength = max(1, Double(sections.length.reduce(0, +)) / max(1, total))
        let stems = occurrences.start.count - 1
        /// The stem's best sections with their scores, in section order; with `all`, every section, unsorted.
        func scored(_ stem: Int, all: Bool = false) -> [(section: Int32, score: Double)] {
            let range = occurrences.start[stem]..<occurrences.start[stem + 1]
            let df = Double(range.count)
            let idf = log(1 + (total - df + 0.5) / (df + 0.5))
            var list = range.map { i -> (section: Int32, score: Double) in
                let length = Double(sections.length[Int(occurrences.section[i])])
                let tf = Double(occurrences.halves[i]) / 2
                let saturation = tf == 0 ? 0 : tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averageLength))
                return (occurrences.section[i], idf * (saturation + boost(occurrences.field[i])))
            }
            if list.count > maxPostings && !all {
                // The best by score, higher section numbers losing ties: all that rank at or above the last kept.
                var ranked = list
                let last = select(maxPostings - 1, in: &ranked) { $0.score != $1.score ? $0.score > $1.score : $0.section < $1.section }
                list.removeAll { $0.score < last.score || ($0.score == last.score && $0.section > last.section) }
            }
            return list
        }
        // Scored twice, once for the highest score and once to quantize against it: the scores of all stems
        // are never held at once.
        var highest = 0.0
        for stem in 0..<stems where occurrences.start[stem] < occurrences.start[stem + 1] {
            for item in scored(stem, all: true) { highest = max(highest, item.score) }
        }
        let lowest = highest / scoreRange
        index.scale = highest > 0 ? log(scoreRange) / Double(Posting.levels - 1) : 1
        var postingsOfTerm = [Int?](repeating: nil, count: stems)
        for stem in 0..<stems where occurrences.start[stem] < occurrences.start[stem + 1] {
            postingsOfTerm[stem] = index.postings.count
            index.postings.append(scored(stem).map { section, score in
                let level = score <= lowest ? 0 : min(Double(Posting.levels - 1), (log(score / lowest) / index.scale).rounded())
                return Posting(page: sections.page[Int(section)], section: sections.number[Int(section)], level: UInt8(level))
            })
            index.sectionCounts.append(occurrences.start[stem + 1] - occurrences.start[stem])
        }
        return (index, postingsOfTerm)
    }

    /// The element that would stand at `k` if `items` were sorted by `before` (a strict total order), found
    /// without sorting: quickselect, which leaves `items` partly reordered.
    static func select<T>(_ k: Int, in items: inout [T], by before: (T, T) -> Bool) -> T {
        var low = 0, high = items.count - 1
        while low < high {
            // Median of three as the pivot, moved to the end.
            let middle = low + (high - low) / 2
            if before(items[middle], items[low]) { items.swapAt(middle, low) }
            if before(items[high], items[low]) { items.swapAt(high, low) }
            if before(items[middle], items[high]) { items.swapAt(middle, high) }
            let pivot = items[high]
            var store = low
            for i in low..<high where before(items[i], pivot) {
                items.swapAt(i, store)
                store += 1
            }
            items.swapAt(store, high)
            if store == k { return items[k] }
            if k < store { high = store - 1 } else { low = store + 1 }
        }
        return items[k]
    }

    /// Fields count fully for the word itself (low bits) and half for a compound's part (high bits).
    private static func boost(_ field: UInt8) -> Double {
        func value(_ bits: UInt8) -> Double {
            (bits & inTitle != 0 ? Boost.title : 0) + (bits & inHeading != 0 ? Boost.heading : 0) + (bits & inSummary != 0 ? Boost.summary : 0)
        }
        return max(value(field & 0x0F), value(field >> 4) * Boost.compoundPart)
    }

    /// Every word people may type and every stem that occurs, in JavaScript's string order.
    private static func entries(_ vocabulary: Vocabulary, stems: [Int32], postings: [Int?]) -> [Entry] {
        var keyed: [(key: [UInt16], term: Int)] = []
        for id in vocabulary.terms.indices where id < vocabulary.surfaceCount || postings[id] != nil {
            keyed.append((Array(vocabulary.terms[id].utf16), id))
        }
        keyed.sort { $0.key.lexicographicallyPrecedes($1.key) }
        var position = [Int](repeating: -1, count: vocabulary.terms.count)
        for (i, item) in keyed.enumerated() { position[item.term] = i }
        return keyed.map { item in
            var entry = Entry(key: item.key, postings: postings[item.term], stem: nil)
            if item.term < vocabulary.surfaceCount {
                let stem = Int(stems[item.term])
                if stem != item.term, position[stem] >= 0, postings[stem] != nil { entry.stem = position[stem] }
            }
            return entry
        }
    }
}
