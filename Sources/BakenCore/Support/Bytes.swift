import CBakenIO

/// Fast searching in UTF-8 bytes: pages are scanned several times per build, and String searching is slow.
extension Array where Element == UInt8 {
    /// The first index at or after `start` where `needle` begins; `caseless` folds ASCII letters.
    func find(_ needle: [UInt8], from start: Int = 0, caseless: Bool = false) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        let from = Swift.max(start, 0)
        guard caseless else {
            guard from < count else { return nil }
            return withUnsafeBytes { haystack in
                needle.withUnsafeBytes { needle in
                    baken_find_bytes(haystack.baseAddress! + from, count - from, needle.baseAddress, needle.count)
                        .map { UnsafeRawPointer($0) - haystack.baseAddress! }
                }
            }
        }
        let first = needle[0] | 0x20
        var i = from
        while i <= count - needle.count {
            if self[i] | 0x20 == first && has(needle, at: i, caseless: true) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `needle` stands at `index`, ASCII letters folded when `caseless`.
    func has(_ needle: [UInt8], at index: Int, caseless: Bool = false) -> Bool {
        guard index >= 0, index + needle.count <= count else { return false }
        for j in 0..<needle.count {
            let a = caseless ? self[index + j] | 0x20 : self[index + j]
            let b = caseless ? needle[j] | 0x20 : needle[j]
            if a != b { return false }
        }
        return true
    }

    /// Whether `needle` occurs anywhere within `range`.
    func has(_ needle: [UInt8], inRange range: Range<Int>) -> Bool {
        guard !needle.isEmpty else { return false }
        var i = Swift.max(range.lowerBound, 0)
        let last = Swift.min(range.upperBound, count) - needle.count
        while i <= last {
            if self[i] == needle[0] && has(needle, at: i) { return true }
            i += 1
        }
        return false
    }

    func string(_ range: Range<Int>) -> String { String(decoding: self[range], as: UTF8.self) }
}
