/// One lesson module in one language: a lesson, or a series of lessons, that becomes one pack.
struct LessonModule: Sendable {
    /// `wat-is-oke`: the pack's files are `wat-is-oke-nl.zip` and `wat-is-oke-nl.imscc`.
    let name: String
    let language: String
    /// Indices in `Site.pages`: the lesson that heads the module, then the further lessons of a series.
    let lessons: [Int]
    let edition: String
    /// The edition's date: the lesson's `date`, else its `last_checked`. Also the date of every file in the pack.
    let date: Day
    /// A code from the lesson type's `level` field, such as `po-7-8`.
    let level: String
    /// Minutes, all lessons together.
    let duration: Int

    /// The pack's file name without extension: `wat-is-oke-nl`.
    var fileName: String { "\(name)-\(language)" }

    /// A minute count as ISO 8601: `PT50M`, `PT1H30M`.
    static func isoDuration(_ minutes: Int) -> String {
        let (hours, rest) = (minutes / 60, minutes % 60)
        return "PT" + (hours > 0 ? "\(hours)H" : "") + (rest > 0 || hours == 0 ? "\(rest)M" : "")
    }
}
