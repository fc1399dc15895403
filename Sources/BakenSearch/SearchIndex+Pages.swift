import BakenMarkdown
import Foundation

extension SearchIndex {
    /// What a result shows of its page, as a JavaScript array: `[url, title, type, audiences, description,
    /// intro text, heading, text, heading, text, …]`, without the texts when no words are kept (`excerptWords` 0).
    /// The url drops the manifest's `urlPrefix`, and its last part is `=` (or `=3`) when it is the slug of the title
    /// (or of its first three words); `type` is a position in the manifest's types, `audiences` a bit mask of
    /// positions in its audiences; a heading whose id is not its slug is written `[heading, id]`.
    struct PageRecords {
        let pages: [SearchPage]
        let options: Options
        /// The start all addresses share, left out of each record.
        let urlPrefix: String
        /// Each page's section texts, words separated by single spaces.
        private var texts: [[String]] = []
        /// Where each word of a section text ends, in UTF-8 bytes; at most the per-page excerpt budget.
        private var ends: [[[Int32]]] = []
        /// Each section's full word count.
        private var counts: [[Int]] = []
        /// Bytes of a record without its texts.
        private var fixedBytes: [Int] = []

        init(_ pages: [SearchPage], options: Options, notes: inout [Note]) {
            self.pages = pages
            self.options = options
            urlPrefix = Self.commonFolder(pages.map(\.url))
            for page in pages {
                var budget = options.excerptWordsPerPage
                var pageTexts: [String] = [], pageEnds: [[Int32]] = [], pageCounts: [Int] = []
                for (number, section) in page.sections.enumerated() {
                    // Typed fields are found with the intro, so their words are quoted with it.
                    let text = number == 0 && !page.fields.isEmpty
                        ? ([section.text] + page.fields).joined(separator: " ").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                        : section.text
                    var wordEnds: [Int32] = []
                    var count = 0
                    var inWord = false
                    for (offset, byte) in text.utf8.enumerated() {
                        let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                        if inWord && space {
                            count += 1
                            if wordEnds.count < budget { wordEnds.append(Int32(offset)) }
                        }
                        inWord = !space
                    }
                    if inWord {
                        count += 1
                        if wordEnds.count < budget { wordEnds.append(Int32(text.utf8.count)) }
                    }
                    budget = max(0, budget - count)
                    pageTexts.append(text)
                    pageEnds.append(wordEnds)
                    pageCounts.append(count)
                }
                texts.append(pageTexts)
                ends.append(pageEnds)
                counts.append(pageCounts)
                let total = pageCounts.reduce(0, +)
                if total == 0 && page.description.isEmpty && !page.lists {
                    notes.append(Note(file: page.file, message: "this page has no text, so search finds it by its title only"))
                } else if total > options.excerptWordsPerPage {
                    notes.append(Note(file: page.file, message: "this page has \(total) words: search finds every one, and its results show excerpts from the first \(options.excerptWordsPerPage)"))
                }
            }
            fixedBytes = pages.indices.map { record($0, limit: 0).utf8.count }
        }

        /// The bytes of all records when each section keeps at most `limit` words (all when nil).
        func bytes(limit: Int?) -> Int {
            var total = fixedBytes.reduce(0, +)
            guard limit != 0 else { return total }
            for page in ends {
                for section in page {
                    let kept = min(limit ?? section.count, section.count)
                    total += 3 + (kept > 0 ? Int(section[kept - 1]) : 0)
                }
            }
            return total
        }

        /// Every page's record, with at most `limit` words of each section (all when nil).
        func records(limit: Int?) -> [String] {
            pages.indices.map { record($0, limit: limit) }
        }

        private func record(_ index: Int, limit: Int?) -> String {
            let page = pages[index]
            var mask = 0
            for audience in page.audiences {
                if let bit = options.audiences.firstIndex(of: audience.id) { mask |= 1 << bit }
            }
            var fields = [
                quote(compactURL(page)), quote(page.title), String(options.types.firstIndex(of: page.type) ?? 0), String(mask),
                quote(String(page.description.prefix(300))),
            ]
            for (number, section) in page.sections.enumerated() {
                if number > 0 {
                    let heading = section.heading ?? ""
                    let id = section.id ?? ""
                    fields.append(id == SearchIndex.slug(heading) ? quote(heading) : "[" + quote(heading) + "," + quote(id) + "]")
                }
                guard limit != 0 else { continue }
                let wordEnds = ends[index][number]
                let kept = min(limit ?? wordEnds.count, wordEnds.count)
                let text = texts[index][number]
                let excerpt = kept == 0 ? "" : String(Substring(text.utf8.prefix(Int(wordEnds[kept - 1])))) + (kept < counts[index][number] ? " …" : "")
                fields.append(quote(excerpt))
            }
            return "[" + fields.joined(separator: ",") + "]"
        }

        /// The address without `urlPrefix`, its last part `=`/`=n` when search.js can make it from the title.
        private func compactURL(_ page: SearchPage) -> String {
            var url = String(page.url.dropFirst(urlPrefix.count))
            guard url.hasSuffix("/"), url.count > 1 else { return url }
            let parts = url.dropLast().split(separator: "/", omittingEmptySubsequences: false)
            let last = String(parts.last!)
            let titleWords = page.title.split(whereSeparator: { $0.isWhitespace })
            for count in [titleWords.count] + Array((1..<max(1, titleWords.count)).reversed()) {
                guard let slug = SearchIndex.slug(titleWords.prefix(count).joined(separator: " ")), slug == last, !slug.isEmpty else { continue }
                url = (parts.dropLast() + [count == titleWords.count ? "=" : "=\(count)"]).joined(separator: "/") + "/"
                break
            }
            return url
        }

        private func quote(_ text: String) -> String { SearchIndex.quote(text) }

        /// The longest run of whole folders at the start of every address: `en/` for a language under its code.
        private static func commonFolder(_ urls: [String]) -> String {
            guard var prefix = urls.first else { return "" }
            for url in urls.dropFirst() where !url.hasPrefix(prefix) {
                while !prefix.isEmpty && !url.hasPrefix(prefix) { prefix.removeLast() }
            }
            while !prefix.isEmpty && !prefix.hasSuffix("/") { prefix.removeLast() }
            return prefix
        }
    }

    /// Consecutive pages in shards of about `target` bytes, within `atMost` files: when the records with all
    /// their text would not fit, each section keeps fewer words. Returns the shards and the words kept (nil: all).
    static func pageShards(_ records: PageRecords, target: Int, atMost: Int) -> ([(first: Int, records: [String])], Int?) {
        let limits: [Int?] = [nil, 400, 200, 120, 80, 50, 30, 20, 12, 0]
        let limit = limits.first { records.bytes(limit: $0) <= atMost * target } ?? 0
        let chosen = records.records(limit: limit)
        let size = max(target, chosen.reduce(0) { $0 + $1.utf8.count } / max(1, atMost) + 1)
        var shards: [(first: Int, records: [String])] = []
        var bytes = size
        for (number, record) in chosen.enumerated() {
            if bytes + record.utf8.count > size && bytes > 0 {
                shards.append((number, []))
                bytes = 0
            }
            shards[shards.count - 1].records.append(record)
            bytes += record.utf8.count
        }
        if shards.isEmpty { shards.append((0, [])) }
        return (shards, limit)
    }

    /// The id Baken gives a heading (`Slug.make`), for text in Latin letters only: search.js makes the same
    /// from such text, so the index leaves those ids and addresses out.
    static func slug(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy({ $0.value < 0x250 }) else { return nil }
        return Slug.make(text)
    }

    /// Per page, its type as one character from `0`, then its audiences as a bit mask in base64, fixed width.
    static func facets(_ pages: [SearchPage], options: Options) -> [String] {
        let types = pages.map { page in String(lengthCharacter(options.types.firstIndex(of: page.type) ?? 0)) }.joined()
        let width = max(1, (options.audiences.count + 5) / 6)
        var writer = BitWriter()
        for page in pages {
            var mask = 0
            for audience in page.audiences {
                if let bit = options.audiences.firstIndex(of: audience.id) { mask |= 1 << bit }
            }
            writer.write(UInt32(mask), bits: width * 6)
        }
        return [quote(types), quote(writer.text)]
    }
}
