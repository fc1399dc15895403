/// How strict `baken check` is about the writing (`check:` in site.yml).
public struct CheckSettings: Sendable {
    /// A sentence with more words than this gets a hint.
    public var maxSentenceWords = 20
    /// A word with more letters than this gets a hint.
    public var maxWordLength = 20
    /// Words and phrases that readers may not know, matched without regard to case.
    public var jargon: [String] = []
    /// A page whose `last_checked` is older than this many days gets a warning.
    public var lastCheckedMaxAgeDays = 365

    static let knownFields = ["jargon", "lastCheckedMaxAgeDays", "maxSentenceWords", "maxWordLength"]

    static func parse(_ fields: YAMLFields?, _ diagnostics: inout Diagnostics) -> CheckSettings {
        var settings = CheckSettings()
        guard let fields else { return settings }
        for key in fields.keys where !knownFields.contains(key) {
            diagnostics.error(SiteConfig.file, fields.line(of: key), "unknown check setting '\(key)' (known: \(knownFields.joined(separator: ", ")))")
        }
        if let words = fields.int("maxSentenceWords", &diagnostics) { settings.maxSentenceWords = words }
        if let length = fields.int("maxWordLength", &diagnostics) { settings.maxWordLength = length }
        if let days = fields.int("lastCheckedMaxAgeDays", &diagnostics) { settings.lastCheckedMaxAgeDays = days }
        settings.jargon = fields.strings("jargon", &diagnostics)
        return settings
    }
}
