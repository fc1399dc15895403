import Foundation

/// Term ids of words as written, looked up by their UTF-8 bytes: the index meets millions of words and
/// makes a String only for the first of each spelling.
///
/// Open addressing over one array of slots, each holding a word's hash beside its entry, so that a probe reads
/// one place in memory until the hashes match; the entries (where the word's bytes are, and its id) are one
/// array of small structs. A lookup touches three places in memory, which is what its time is made of.
struct WordTable {
    private struct Entry {
        let start: Int32
        let length: Int32
        let value: Int32
    }

    /// The hash in the high 32 bits, the entry's number plus one in the low ones; 0 is an empty slot.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []

    /// FNV-1a: quick, and good enough for words.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let high = UInt64(hash) << 32
            var slot = Int(hash) & mask
            while slots[slot] != 0 {
                let stored = slots[slot]
                if stored & 0xFFFF_FFFF_0000_0000 == high {
                    let entry = entries[Int(stored & 0xFFFF_FFFF) - 1]
                    if Int(entry.length) == word.count && equal(entry, word) { return entry.value }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, value: Int32) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(start: Int32(bytes.count), length: Int32(word.count), value: value))
        bytes.append(contentsOf: word)
        place(UInt64(hash) << 32 | UInt64(entries.count))
    }

    private func equal(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let word = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { stored in memcmp(stored.baseAddress! + Int(entry.start), word, Int(entry.length)) == 0 }
    }

    private mutating func place(_ stored: UInt64) {
        let mask = slots.count - 1
        var slot = Int(stored >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = stored
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        for stored in old where stored != 0 { place(stored) }
    }
}
