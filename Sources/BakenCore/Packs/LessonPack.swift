import Foundation

/// A lesson module's pack as files in memory, before it is zipped: its documents, worksheets, attachments,
/// stylesheets and, when printed, PDFs.
struct LessonPack: Sendable {
    struct File: Sendable {
        enum Kind: String, Sendable { case document, worksheet, attachment, stylesheet, image, pdf }

        /// Inside the pack: `teacher-guide.html`, `worksheets/werkblad.html`, `css/baken.css`.
        var path: String
        var data: Data
        var kind: Kind
        /// What a teacher sees in lists and in the learning platform; nil for stylesheets and images.
        var title: String?
        /// Marked for teachers only in the cartridge (the guide, the lessons); worksheets are for pupils too.
        var forTeachers: Bool = false
    }

    /// An HTML document of the pack that `--pdf` prints, and the PDF's path.
    struct Printable: Sendable {
        var html: String
        var pdf: String
        var title: String
    }

    let module: LessonModule
    let title: String
    let description: String?
    /// SPDX id: `CC-BY-4.0`.
    let license: String
    /// The lesson's page on the site.
    let permalink: String
    let keywords: [String]
    let kerndoelen: [String]
    let age: String?
    var files: [File]
    let printable: [Printable]

    /// The page of the lesson that heads the module, for messages.
    let source: String

    /// The files in the order of their paths, as the archives hold them.
    var sortedFiles: [File] {
        files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }
}
