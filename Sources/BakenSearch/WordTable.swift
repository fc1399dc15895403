import Foundation

/// Term ids of words as written, looked up by their UTF-8 bytes: the index meets millions of words and
/// makes a String only for the first of each spelling.
struct WordTable {
    private var slots = [Int32](repeating: -1, count: 1 << 12)
    private var hashes: [UInt32] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var bytes: [UInt8] = []
    private var values: [Int32] = []

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
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if hashes[entry] == hash && lengths[entry] == word.count && equal(entry, word) { return values[entry] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        hashes.append(hash)
        starts.append(bytes.count)
        lengths.append(word.count)
        bytes.append(contentsOf: word)
        values.append(value)
        place(values.count - 1)
    }

    private func equal(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard let word = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { stored in memcmp(stored.baseAddress! + start, word, lengths[entry]) == 0 }
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Int(hashes[entry]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for entry in values.indices { place(entry) }
    }
}
