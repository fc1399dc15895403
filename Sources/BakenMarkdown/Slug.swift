import Foundation

/// Makes URL- and id-safe slugs: lower case, accents removed, words joined by hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return ascii(text) }
        var result = ""
        var pendingHyphen = false
        var base: Unicode.Scalar = " "
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            // Accents come off Latin letters (é → e); marks that are part of other scripts' letters stay.
            if scalar.properties.generalCategory == .nonspacingMark {
                if base.value < 0x250 { continue }
                result.unicodeScalars.append(scalar)
                continue
            }
            base = scalar
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result.precomposedStringWithCanonicalMapping
    }

    /// The same for text in ASCII, without Foundation's normalisation (most headings and file names).
    private static func ascii(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower) {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
