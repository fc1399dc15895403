/// The `packs:` settings of site.yml: how lesson packs are made.
public struct PackSettings: Sendable, Equatable {
    /// Attachments larger than this many bytes give a warning with their size (`attachmentLimit`).
    public var attachmentLimit = 20 * 1024 * 1024

    static let knownFields = ["attachmentLimit"]

    /// Reads `packs:` from site.yml; sizes are written as `20 MB`, `500 KB` or a number of bytes.
    static func parse(_ fields: YAMLFields?, _ diagnostics: inout Diagnostics) -> PackSettings {
        var settings = PackSettings()
        guard let fields else { return settings }
        for key in fields.keys where !knownFields.contains(key) {
            diagnostics.error(fields.file, fields.line(of: key), "unknown packs setting '\(key)' (known: \(knownFields.joined(separator: ", ")))")
        }
        if let text = fields.string("attachmentLimit", &diagnostics) {
            if let bytes = bytes(text) {
                settings.attachmentLimit = bytes
            } else {
                diagnostics.error(fields.file, fields.line(of: "attachmentLimit"), "'packs.attachmentLimit' must be a size such as 20 MB or 500 KB, not '\(text)'")
            }
        }
        return settings
    }

    /// `20 MB` → 20 971 520; `500 KB`, `1.5 MB`, `800000`.
    static func bytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharactersInSet().uppercased()
        let units: [(String, Double)] = [("GB", 1_073_741_824), ("MB", 1_048_576), ("KB", 1024), ("B", 1)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            guard let number = Double(trimmed.dropLast(unit.count).trimmingCharactersInSet()), number >= 0 else { return nil }
            return Int(number * factor)
        }
        return Int(trimmed).flatMap { $0 >= 0 ? $0 : nil }
    }
}
