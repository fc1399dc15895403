import Foundation

/// Where each part of a lesson module goes in its pack, and which site addresses lead there.
struct PackPlan: Sendable {
    struct Document: Sendable {
        /// `index`, `guide`, `lesson`, `worksheet`, `parents`, `print`, `license`: also the layout `pack/<kind>`.
        let kind: String
        let path: String
        let title: String
    }

    struct Worksheet: Sendable {
        let title: String
        let path: String
        /// Index of the worksheet's page in `Site.pages`.
        let page: Int
    }

    private(set) var documents: [Document] = []
    /// One path per lesson of the module, in order.
    private(set) var lessonPaths: [String] = []
    private(set) var worksheets: [Worksheet] = []
    /// Attachments that are not pages, with their bytes.
    private(set) var attachments: [LessonPack.File] = []
    /// Other files of the lessons' folders: site address → source; the pack takes those its pages use.
    private(set) var folderFiles: [String: String] = [:]
    private(set) var printable: [LessonPack.Printable] = []
    /// Site address (without fragment) → path inside the pack.
    private(set) var inside: [String: String] = [:]
    private var taken: Set<String> = []

    init(_ module: LessonModule, site: Site, files: LessonFiles, withPDF: Bool, strings: [String: String]) {
        let guide = claim("teacher-guide.html")
        for (number, index) in module.lessons.enumerated() {
            let path = claim(module.lessons.count == 1 ? "lesson.html" : "lesson-\(number + 1).html")
            lessonPaths.append(path)
            inside[site.pages[index].url] = path
        }
        for index in module.lessons {
            let page = site.pages[index].page
            guard let lesson = page.frontMatter.fields.lesson else { continue }
            for attachment in lesson.attachments {
                guard let file = LinkResolver.resolve(attachment.file, from: page.file) else { continue }
                if let target = site.fileIndex[file] {
                    guard inside[site.pages[target].url] == nil else { continue }
                    let path = claim("worksheets/" + Self.stem(file) + ".html")
                    inside[site.pages[target].url] = path
                    worksheets.append(Worksheet(title: attachment.title, path: path, page: target))
                } else if let resource = site.resources.first(where: { $0.source == file }), let data = files.data[file], inside[resource.output] == nil {
                    let path = claim("files/" + Self.name(file))
                    inside[resource.output] = path
                    attachments.append(LessonPack.File(path: path, data: data, kind: .attachment, title: attachment.title))
                }
            }
            if page.file.hasSuffix("/index.md") {
                let folder = String(page.file.dropLast("index.md".count))
                for resource in site.resources where resource.source.hasPrefix(folder) && inside[resource.output] == nil && files.data[resource.source] != nil {
                    inside[resource.output] = claim("files/" + Self.name(resource.source))
                    folderFiles[resource.output] = resource.source
                }
            }
        }

        documents = [
            Document(kind: "index", path: claim("index.html"), title: strings["pack_contents"] ?? "Contents"),
            Document(kind: "guide", path: guide, title: strings["pack_guide"] ?? "Teacher guide"),
        ]
        for (number, index) in module.lessons.enumerated() {
            let title = module.lessons.count == 1 ? strings["pack_lesson"] ?? "Lesson" : "\(number + 1). \(site.pages[index].page.frontMatter.title)"
            documents.append(Document(kind: "lesson", path: lessonPaths[number], title: title))
        }
        documents += worksheets.map { Document(kind: "worksheet", path: $0.path, title: $0.title) }
        if module.lessons.contains(where: { site.pages[$0].fieldHTML["parent_summary"] != nil }) {
            documents.append(Document(kind: "parents", path: claim("parents.html"), title: strings["lesson_parent_summary"] ?? "For parents"))
        }
        documents.append(Document(kind: "print", path: claim("print.html"), title: strings["pack_print"] ?? "Print everything"))
        documents.append(Document(kind: "license", path: claim("license.html"), title: strings["lesson_license"] ?? "Licence"))

        if withPDF {
            printable = [LessonPack.Printable(html: guide, pdf: claim("pdf/teacher-guide.pdf"), title: strings["pack_guide"] ?? "Teacher guide")]
            printable += worksheets.map { LessonPack.Printable(html: $0.path, pdf: claim("pdf/" + Self.stem($0.path) + ".pdf"), title: $0.title) }
        }
    }

    var hasParents: Bool { documents.contains { $0.kind == "parents" } }

    /// The path, or the path with `-2`, `-3` … before its extension when another part has it already.
    private mutating func claim(_ path: String) -> String {
        var candidate = path, number = 2
        while taken.contains(candidate) {
            let dot = path.lastIndex(of: ".") ?? path.endIndex
            candidate = "\(path[..<dot])-\(number)\(path[dot...])"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// `content/nl/les/werkblad.md` → `werkblad.md`
    private static func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// `content/nl/les/werkblad.md` → `werkblad`
    private static func stem(_ path: String) -> String { (name(path) as NSString).deletingPathExtension }
}
