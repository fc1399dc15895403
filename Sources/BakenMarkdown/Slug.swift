import Foundation

/// Makes URL- and id-safe slugs: lower case, accents removed, words joined by hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
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
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
