import BakenMarkdown
import Foundation

extension Site {
    /// Every lesson module as the files of its pack, rendered through the theme's `layouts/pack/` templates.
    /// `files` holds the bytes of lesson attachments (read in the load stage); `withPDF` lists the PDFs to come.
    func packs(files: LessonFiles, withPDF: Bool, diagnostics: inout Diagnostics) -> [LessonPack] {
        let modules = lessonModules(diagnostics: &diagnostics)
        guard !modules.isEmpty else { return [] }
        // The render stage reports template errors; here they only stop the packs.
        var templateErrors = Diagnostics()
        let templates = Templates(theme, diagnostics: &templateErrors)
        guard !templateErrors.hasErrors else { return [] }
        let missing = Self.packLayouts.filter { !templates.exists($0) }
        guard missing.isEmpty else {
            diagnostics.warning("themes/\(theme.name)/layouts/pack", nil, "the theme has no \(missing.map { "layouts/\($0).mustache" }.joined(separator: ", ")): lessons get no downloadable pack; copy themes/baken/layouts/pack/ into the theme")
            return []
        }
        return modules.compactMap { pack(of: $0, files: files, withPDF: withPDF, templates: templates, diagnostics: &diagnostics) }
    }

    static let packLayouts = ["pack/index", "pack/guide", "pack/lesson", "pack/worksheet", "pack/parents", "pack/print", "pack/license", "pack/level"]

    private func pack(of module: LessonModule, files lessonFiles: LessonFiles, withPDF: Bool, templates: Templates, diagnostics: inout Diagnostics) -> LessonPack? {
        let head = pages[module.lessons[0]]
        guard case .lesson(let headLesson) = head.page.frontMatter.fields else { return nil }
        let strings = theme.strings[module.language] ?? [:]
        let language = config.language(module.language)!
        var paths = Set<String>()
        func unique(_ path: String) -> String {
            var candidate = path, number = 2
            while paths.contains(candidate) {
                let dot = path.lastIndex(of: ".") ?? path.endIndex
                candidate = "\(path[..<dot])-\(number)\(path[dot...])"
                number += 1
            }
            paths.insert(candidate)
            return candidate
        }

        // Where each part goes in the pack, and which site addresses lead to it.
        var inside: [String: String] = [:]
        let guidePath = unique("teacher-guide.html")
        var lessonPaths: [String] = []
        for (number, index) in module.lessons.enumerated() {
            let path = unique(module.lessons.count == 1 ? "lesson.html" : "lesson-\(number + 1).html")
            lessonPaths.append(path)
            inside[pages[index].url] = path
        }
        var worksheets: [(title: String, path: String, entry: AssembledPage)] = []
        var attachments: [LessonPack.File] = []
        var owned: [String: String] = [:]  // site address of a lesson file → its source
        for index in module.lessons {
            let page = pages[index].page
            guard case .lesson(let lesson) = page.frontMatter.fields else { continue }
            for attachment in lesson.attachments {
                guard let file = LinkResolver.resolve(attachment.file, from: page.file) else { continue }
                if let target = fileIndex[file] {
                    guard inside[pages[target].url] == nil else { continue }
                    let name = (file as NSString).lastPathComponent
                    let path = unique("worksheets/" + (name as NSString).deletingPathExtension + ".html")
                    inside[pages[target].url] = path
                    worksheets.append((attachment.title, path, pages[target]))
                } else if let resource = resources.first(where: { $0.source == file }), let data = lessonFiles.data[file], inside[resource.output] == nil {
                    let path = unique("files/" + (file as NSString).lastPathComponent)
                    inside[resource.output] = path
                    attachments.append(LessonPack.File(path: path, data: data, kind: .attachment, title: attachment.title))
                }
            }
            // Other files in the lesson's folder go in when a page of the pack shows or links them.
            if page.file.hasSuffix("/index.md") {
                let folder = String(page.file.dropLast("index.md".count))
                for resource in resources where resource.source.hasPrefix(folder) && inside[resource.output] == nil && lessonFiles.data[resource.source] != nil {
                    inside[resource.output] = unique("files/" + (resource.source as NSString).lastPathComponent)
                    owned[resource.output] = resource.source
                }
            }
        }
        let hasParents = module.lessons.contains { pages[$0].fieldHTML["parentSummary"] != nil }
        var documents: [(kind: String, path: String, title: String)] = [
            ("index", unique("index.html"), strings["pack_contents"] ?? "Contents"),
            ("guide", guidePath, strings["pack_guide"] ?? "Teacher guide"),
        ]
        for (number, index) in module.lessons.enumerated() {
            let title = module.lessons.count == 1 ? strings["pack_lesson"] ?? "Lesson" : "\(number + 1). \(pages[index].page.frontMatter.title)"
            documents.append(("lesson", lessonPaths[number], title))
        }
        documents += worksheets.map { ("worksheet", $0.path, $0.title) }
        if hasParents { documents.append(("parents", unique("parents.html"), strings["lesson_parent_summary"] ?? "For parents")) }
        documents.append(("print", unique("print.html"), strings["pack_print"] ?? "Print everything"))
        documents.append(("license", unique("license.html"), strings["lesson_license"] ?? "Licence"))

        let stylesheets = theme.staticFiles.filter { $0.output.hasSuffix(".css") }
        let printable: [LessonPack.Printable] = withPDF
            ? [LessonPack.Printable(html: guidePath, pdf: unique("pdf/teacher-guide.pdf"), title: strings["pack_guide"] ?? "Teacher guide")]
                + worksheets.map { LessonPack.Printable(html: $0.path, pdf: unique("pdf/" + (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"), title: $0.title) }
            : []

        let lessonViews = module.lessons.enumerated().map { number, index in
            let entry = pages[index]
            let view = lessonView(entry, strings)!
            var from = 0
            let timetable = view.steps.map { step in
                defer { from += step.minutes }
                return PackLessonView.TimedStepView(number: step.number, title: step.title, minutes: step.minutes, from: from, to: from + step.minutes)
            }
            return (entry: entry, view: view, timetable: timetable, path: lessonPaths[number], number: number + 1)
        }
        let kerndoelen = lessonViews.flatMap(\.view.kerndoelen).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let links = PackLinks(inside: inside, origin: config.origin)
        let offline = ExternalLoads(allowed: [], origin: "")

        var files: [LessonPack.File] = []
        var used: Set<String> = []
        for document in documents {
            func link(_ path: String) -> String { PackLinks.relative(path, from: document.path) }
            let pack = PackView(
                name: module.name, title: head.page.frontMatter.title, description: head.page.frontMatter.description,
                permalink: config.origin + head.url, level: module.level.rawValue, levelName: levelName(module.level, strings),
                age: headLesson.age, duration: module.duration, edition: module.edition, date: format(module.date, strings),
                dateISO: module.date.description, license: License.view(headLesson.license), publisher: config.language(module.language)?.title ?? config.title,
                isSeries: module.lessons.count > 1, hasParents: hasParents, kerndoelen: kerndoelen, stylesheets: stylesheets.map { link($0.output) },
                documents: documents.map { PackLinkView(title: $0.title, href: link($0.path), format: "HTML", current: $0.path == document.path) },
                attachments: attachments.map { PackLinkView(title: $0.title ?? $0.path, href: link($0.path), format: Self.format(of: $0.path), current: false) },
                pdfs: printable.map { PackLinkView(title: $0.title, href: link($0.pdf), format: "PDF", current: false) },
                hasPDF: !printable.isEmpty)
            let shownLessons = document.kind == "lesson" ? lessonViews.filter { $0.path == document.path } : lessonViews
            let context = PackContext(
                site: SiteView(title: pack.publisher, baseURL: config.baseURL, params: [:]),
                lang: LanguageView(code: language.code, name: language.name, dir: language.direction, home: config.origin + (homes[language.code].map { pages[$0].url } ?? "/")),
                t: strings, pack: pack,
                doc: PackDocumentView(kind: document.kind, title: document.title, path: document.path, root: String(repeating: "../", count: document.path.split(separator: "/").count - 1)),
                lessons: shownLessons.map {
                    PackLessonView(
                        number: $0.number, title: $0.entry.page.frontMatter.title, description: $0.entry.page.frontMatter.description,
                        content: $0.entry.html, permalink: config.origin + $0.entry.url, lesson: $0.view, timetable: $0.timetable, href: link($0.path))
                },
                worksheets: worksheets.filter { document.kind != "worksheet" || $0.path == document.path }.map {
                    PackWorksheetView(title: $0.entry.page.frontMatter.title, content: $0.entry.html, href: link($0.path))
                })
            let rendered = links.rewrite(templates.render(context, with: "pack/\(document.kind)"), at: document.path)
            used.formUnion(rendered.used)
            for path in Set(rendered.missing).sorted() {
                diagnostics.error(head.page.file, nil, "the pack of this lesson needs \(path) (in \(document.path)), which is not in the lesson's folder: put the file next to the lesson, so that the pack can carry it")
            }
            let html = OutboundLinks.noReferrer(rendered.html) { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
            for load in offline.loads(inHTML: html) {
                diagnostics.error(head.page.file, nil, "the pack of this lesson would load \(load.url) from another host (in \(document.path)), so it would not work offline: put the file next to the lesson")
            }
            let kind: LessonPack.File.Kind = document.kind == "worksheet" ? .worksheet : .document
            files.append(LessonPack.File(path: document.path, data: Data(html.utf8), kind: kind, title: document.title, forTeachers: ["guide", "lesson", "print"].contains(document.kind)))
        }
        for (output, source) in owned.sorted(by: { $0.key < $1.key }) where used.contains(inside[output]!) {
            files.append(LessonPack.File(path: inside[output]!, data: lessonFiles.data[source]!, kind: .image))
        }
        files += attachments
        for stylesheet in stylesheets {
            files.append(LessonPack.File(path: stylesheet.output, data: Data((theme.stylesheets[stylesheet.source] ?? "").utf8), kind: .stylesheet))
        }
        return LessonPack(
            module: module, title: head.page.frontMatter.title, description: head.page.frontMatter.description,
            license: headLesson.license, permalink: config.origin + head.url, keywords: head.page.frontMatter.tags,
            kerndoelen: kerndoelen, age: headLesson.age, files: files, printable: printable, source: head.page.file)
    }

    /// `PDF`, `DOCX`, `PNG`: what kind of file a teacher downloads.
    static func format(of path: String) -> String {
        let ext = (path as NSString).pathExtension.uppercased()
        return ext.isEmpty ? "" : ext
    }
}
