extension SearchIndex {
    /// A run of entries in key order: the words and stems from `firstKey` up to the next shard's first key.
    struct TermShard {
        var firstKey: [UInt16]
        /// Entries separated by commas: prefix length shared with the entry before (as a character from `0`),
        /// the rest of the key, `.` when the term has postings, `>` with its stem (shared length and rest) when it leads to another.
        var dictionary: String
        /// The postings of every entry that has them, in entry order, as base64 bits.
        var bits: String
    }

    /// Lengths are written as one character from `0` (48); keys are at most `Tokenizer.maxLength` long, a little more after folding.
    static func lengthCharacter(_ length: Int) -> Character {
        Character(Unicode.Scalar(UInt8(48 + min(length, 70))))
    }

    static func sharedPrefix(_ a: [UInt16], _ b: [UInt16]) -> Int {
        var n = 0
        while n < a.count && n < b.count && a[n] == b[n] && n < 70 { n += 1 }
        return n
    }

    /// Cuts the entries into shards of about `target` bytes, larger when that would make more than `atMost` shards.
    static func termShards(_ index: LanguageIndex, target: Int, atMost: Int) -> [TermShard] {
        let costs = index.entries.map { entry in
            entry.key.count + 3 + (entry.stem == nil ? 0 : 3)
                + (entry.postings.map { postingBits(index.postings[$0], sections: index.sectionCounts[$0], pages: index.pageCount) } ?? 0) / 6
        }
        let size = max(target, costs.reduce(0, +) / max(1, atMost) + 1)
        var starts: [Int] = []
        var bytes = size
        for (number, cost) in costs.enumerated() {
            if bytes >= size {
                starts.append(number)
                bytes = 0
            }
            bytes += cost
        }
        var shards: [TermShard] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : index.entries.count
            var shard = encode(index, start..<end)
            if start > 0 { shard.firstKey = boundary(after: index.entries[start - 1].key, upTo: shard.firstKey) }
            shards.append(shard)
        }
        return shards
    }

    /// The shortest start of `key` that sorts after `previous`: enough to tell which shard a term is in.
    static func boundary(after previous: [UInt16], upTo key: [UInt16]) -> [UInt16] {
        for length in 1...key.count where previous.lexicographicallyPrecedes(key.prefix(length)) {
            return Array(key.prefix(length))
        }
        return key
    }

    private static func encode(_ index: LanguageIndex, _ range: Range<Int>) -> TermShard {
        var dictionary = ""
        var writer = BitWriter()
        var previous: [UInt16] = []
        for entry in index.entries[range] {
            let shared = sharedPrefix(previous, entry.key)
            dictionary.append(lengthCharacter(shared))
            dictionary += String(decoding: entry.key[shared...], as: UTF16.self)
            if let postings = entry.postings {
                dictionary += "."
                writePostings(index.postings[postings], sections: index.sectionCounts[postings], pages: index.pageCount, to: &writer)
            }
            if let stem = entry.stem {
                let stemKey = index.entries[stem].key
                let common = sharedPrefix(entry.key, stemKey)
                dictionary += ">"
                dictionary.append(lengthCharacter(common))
                dictionary += String(decoding: stemKey[common...], as: UTF16.self)
            }
            dictionary += ","
            previous = entry.key
        }
        return TermShard(firstKey: index.entries[range.lowerBound].key, dictionary: dictionary, bits: writer.text)
    }

    /// How many bits `writePostings` writes for a list.
    static func postingBits(_ postings: [LanguageIndex.Posting], sections: Int, pages: Int) -> Int {
        var bits = BitWriter.gammaBits(postings.count) + 1 + (sections > postings.count ? BitWriter.gammaBits(sections) : 0) + 5
        let k = BitWriter.riceParameter(pages: pages, count: postings.count)
        let top = postings.map(\.level).max() ?? 0
        var previous: Int32 = -1
        for posting in postings {
            bits += BitWriter.riceBits(Int(posting.page - previous) - (previous < 0 ? 1 : 0), k: k)
            bits += BitWriter.riceBits(Int(posting.section), k: 2) + BitWriter.riceBits(Int(top - posting.level), k: 1)
            previous = posting.page
        }
        return bits
    }

    /// The count (gamma), whether the list was cut to its best (a bit, then the full count as gamma), the highest
    /// level (5 bits), then per posting: the page as a gap from the one before (Rice, k from the pages per posting),
    /// the section in the page (Rice, k 2), and how many levels its score is below the highest (Rice, k 1).
    static func writePostings(_ postings: [LanguageIndex.Posting], sections: Int, pages: Int, to writer: inout BitWriter) {
        writer.gamma(postings.count)
        if sections > postings.count {
            writer.write(1, bits: 1)
            writer.gamma(sections)
        } else {
            writer.write(0, bits: 1)
        }
        let top = postings.map(\.level).max() ?? 0
        writer.write(UInt32(top), bits: 5)
        let k = BitWriter.riceParameter(pages: pages, count: postings.count)
        var previous: Int32 = -1
        for posting in postings {
            writer.rice(Int(posting.page - previous) - (previous < 0 ? 1 : 0), k: k)
            previous = posting.page
            writer.rice(Int(posting.section), k: 2)
            writer.rice(Int(top - posting.level), k: 1)
        }
    }
}
