/// Term ids of words as written, looked up by their UTF-8 bytes: the index meets millions of words and
/// makes a String only for the first of each spelling.
///
/// Open addressing over one array of slots, each holding a word's hash beside where its record is, so that a
/// probe reads one place in memory until the hashes match. A record is the word's id, its length and its bytes,
/// side by side. So a lookup touches two places in memory, and that is what its time is made of.
struct WordTable {
    /// The hash in the high 32 bits, the record's offset plus one in the low ones; 0 is an empty slot.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    /// Each word's record: its id (4 bytes), its length in bytes (2 bytes), then its bytes.
    private var records: [UInt8] = []
    private var count = 0

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
            records.withUnsafeBytes { records in
                let mask = slots.count - 1
                let high = UInt64(hash) << 32
                var slot = Int(hash) & mask
                while slots[slot] != 0 {
                    let found = slots[slot]
                    if found & 0xFFFF_FFFF_0000_0000 == high {
                        let offset = Int(found & 0xFFFF_FFFF) - 1
                        if Int(UInt16(littleEndian: records.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self))) == word.count
                            && Self.same(records, from: offset + 6, word) {
                            return Int32(littleEndian: records.loadUnaligned(fromByteOffset: offset, as: Int32.self))
                        }
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    /// Whether `records` holds the bytes of `word` from `start`: a loop, as words are short and a call to
    /// `memcmp` for each costs more than the comparing.
    private static func same(_ records: UnsafeRawBufferPointer, from start: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<word.count where records[start + i] != word[i] { return false }
        return true
    }

    /// Words longer than 65,535 bytes are not kept: the tokenizer never gives one.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, value: Int32) {
        guard word.count <= Int(UInt16.max) else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let offset = records.count
        withUnsafeBytes(of: value.littleEndian) { records.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt16(word.count).littleEndian) { records.append(contentsOf: $0) }
        records.append(contentsOf: word)
        count += 1
        place(UInt64(hash) << 32 | UInt64(offset + 1))
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
