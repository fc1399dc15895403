/// Writes numbers as bits, six to a base64 character, for postings inside a JavaScript string.
/// `search.js` reads them back in the same order with the same codes.
struct BitWriter {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private(set) var characters: [UInt8] = []
    private var pending: UInt64 = 0
    private var pendingBits = 0
    private(set) var bitCount = 0

    /// `count` (at most 32) low bits of `value`, most significant first.
    mutating func write(_ value: UInt32, bits count: Int) {
        guard count > 0 else { return }
        pending = pending << UInt64(count) | UInt64(value) & ((1 << UInt64(count)) - 1)
        pendingBits += count
        while pendingBits >= 6 {
            pendingBits -= 6
            characters.append(Self.alphabet[Int(pending >> UInt64(pendingBits) & 63)])
        }
        pending &= (1 << UInt64(pendingBits)) - 1
        bitCount += count
    }

    /// Elias gamma code of a number ≥ 1: as many zeros as it has bits after the first, then the number.
    mutating func gamma(_ value: Int) {
        precondition(value >= 1)
        let width = Int.bitWidth - value.leadingZeroBitCount
        write(0, bits: width - 1)
        write(UInt32(value), bits: width)
    }

    /// Rice code of a number ≥ 0 with parameter k: the quotient in unary (ones, then a zero), then k low bits.
    mutating func rice(_ value: Int, k: Int) {
        var quotient = value >> k
        while quotient > 0 {
            let run = min(quotient, 30)
            write(UInt32((1 << run) - 1), bits: run)
            quotient -= run
        }
        write(0, bits: 1)
        if k > 0 { write(UInt32(value & ((1 << k) - 1)), bits: k) }
    }

    /// The bits so far as base64 text, the last character padded with zeros.
    var text: String {
        var result = characters
        if pendingBits > 0 { result.append(Self.alphabet[Int(pending << UInt64(6 - pendingBits) & 63)]) }
        return String(decoding: result, as: UTF8.self)
    }

    /// Bits of the gamma code of `value`.
    static func gammaBits(_ value: Int) -> Int {
        2 * (Int.bitWidth - value.leadingZeroBitCount) - 1
    }

    /// Bits of the Rice code of `value` with parameter `k`.
    static func riceBits(_ value: Int, k: Int) -> Int {
        (value >> k) + 1 + k
    }

    /// The Rice parameter for a list of `count` postings over `pages` pages: about the average gap.
    static func riceParameter(pages: Int, count: Int) -> Int {
        let gap = max(1, pages / max(1, count))
        return Int.bitWidth - gap.leadingZeroBitCount - 1
    }
}
