/// The values a pack's templates (`layouts/pack/…`) see: the theme's API for packs, documented in docs/themes.md.
/// Addresses between the pack's own files are relative to the current document; others are the site's.
struct PackContext: Encodable {
    let site: SiteView
    let lang: LanguageView
    let t: [String: String]
    let pack: PackView
    let doc: PackDocumentView
    /// The lessons this document shows: one for a lesson document, all for the guide and the print document.
    let lessons: [PackLessonView]
    /// The worksheets this document shows.
    let worksheets: [PackWorksheetView]
}

/// The pack as a whole.
struct PackView: Encodable {
    let name: String
    let title: String
    let description: String?
    /// The lesson's page on the site.
    let permalink: String
    let level: String
    let levelName: String
    let age: String?
    let duration: Int
    let edition: String
    let date: String
    let dateISO: String
    let license: LessonView.LicenseView
    let publisher: String
    let isSeries: Bool
    /// True when a lesson has a summary for parents: the pack then has `parents.html`.
    let hasParents: Bool
    let kerndoelen: [String]
    let stylesheets: [String]
    /// Index, teacher guide, lessons, worksheets, parents, print, licence, as relative links.
    let documents: [PackLinkView]
    let attachments: [PackLinkView]
    let pdfs: [PackLinkView]
    let hasPDF: Bool
}

/// The document being rendered.
struct PackDocumentView: Encodable {
    /// `index`, `guide`, `lesson`, `worksheet`, `parents`, `print`, `license`.
    let kind: String
    let title: String
    /// Path inside the pack: `worksheets/werkblad.html`.
    let path: String
    /// `""` or `"../"`: prefix for a path from the pack's top folder.
    let root: String
}

struct PackLinkView: Encodable {
    let title: String
    let href: String
    /// `HTML`, `PDF`, or the file's extension in capitals.
    let format: String
    let current: Bool
}

/// One lesson of the pack with its fields; the long texts are HTML.
struct PackLessonView: Encodable {
    let number: Int
    let title: String
    let description: String?
    let content: String
    let permalink: String
    let lesson: LessonView
    /// The steps with their start and end minute: `{number, title, minutes, from, to}`.
    let timetable: [TimedStepView]
    /// The lesson's document in the pack, relative to the current document.
    let href: String

    struct TimedStepView: Encodable {
        let number: Int
        let title: String
        let minutes: Int
        let from: Int
        let to: Int
    }
}

struct PackWorksheetView: Encodable {
    let title: String
    let content: String
    let href: String
}

/// The values of `pack/level.mustache`, the index page of the download with every pack of one level.
struct PackLevelContext: Encodable {
    let site: SiteView
    let lang: LanguageView
    let t: [String: String]
    let levelName: String
    let stylesheets: [String]
    let packs: [Entry]

    struct Entry: Encodable {
        let title: String
        let description: String?
        let href: String
        let duration: Int
        let edition: String
        let date: String
    }
}
