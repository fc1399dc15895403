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

    /// The largest pack: a zip holds 4 GiB, and a level's zip holds several packs.
    static let packLimit = 512 * 1024 * 1024

    static let packLayouts = ["pack/index", "pack/guide", "pack/lesson", "pack/worksheet", "pack/parents", "pack/print", "pack/license", "pack/level"]

    private func pack(of module: LessonModule, files lessonFiles: LessonFiles, withPDF: Bool, templates: Templates, diagnostics: inout Diagnostics) -> LessonPack? {
        let head = pages[module.lessons[0]]
        guard let headLesson = head.page.frontMatter.fields.lesson else { return nil }
        let strings = theme.strings[module.language] ?? [:]
        let language = config.language(module.language)!
        let plan = PackPlan(module, site: self, files: lessonFiles, withPDF: withPDF, strings: strings)
        let stylesheets = theme.packStylesheetFiles

        let lessonViews = module.lessons.enumerated().map { number, index in
            let entry = pages[index]
            let view = lessonView(entry, strings)!
            var from = 0
            let timetable = view.steps.map { step in
                defer { from += step.minutes }
                return PackLessonView.TimedStepView(number: step.number, title: step.title, minutes: step.minutes, from: from, to: from + step.minutes)
            }
            return (entry: entry, view: view, timetable: timetable, path: plan.lessonPaths[number], number: number + 1)
        }
        let kerndoelen = lessonViews.flatMap(\.view.kerndoelen).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let links = PackLinks(inside: plan.inside, origin: config.origin)
        let offline = ExternalLoads(allowed: [], origin: "")

        var files: [LessonPack.File] = []
        var used: Set<String> = [], missing: Set<String> = [], external: Set<String> = []
        for document in plan.documents {
            func link(_ path: String) -> String { PackLinks.relative(path, from: document.path) }
            let pack = PackView(
                name: module.name, title: head.page.frontMatter.title, description: head.page.frontMatter.description,
                permalink: config.origin + head.url, level: module.level, levelName: levelName(module.level, strings),
                age: headLesson.age, duration: module.duration, edition: module.edition, date: format(module.date, strings),
                dateISO: module.date.description, license: License.view(headLesson.license), publisher: config.language(module.language)?.title ?? config.title,
                isSeries: module.lessons.count > 1, hasParents: plan.hasParents, kerndoelen: kerndoelen, stylesheets: stylesheets.map { link($0.output) },
                documents: plan.documents.map { PackLinkView(title: $0.title, href: link($0.path), format: "HTML", current: $0.path == document.path) },
                attachments: plan.attachments.map { PackLinkView(title: $0.title ?? $0.path, href: link($0.path), format: Self.format(of: $0.path), current: false) },
                pdfs: plan.printable.map { PackLinkView(title: $0.title, href: link($0.pdf), format: "PDF", current: false) },
                hasPDF: !plan.printable.isEmpty)
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
                worksheets: plan.worksheets.filter { document.kind != "worksheet" || $0.path == document.path }.map {
                    PackWorksheetView(title: pages[$0.page].page.frontMatter.title, content: pages[$0.page].html, href: link($0.path))
                })
            let rendered = links.rewrite(templates.render(context, with: "pack/\(document.kind)"), at: document.path)
            used.formUnion(rendered.used)
            missing.formUnion(rendered.missing)
            let html = OutboundLinks.noReferrer(rendered.html) { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
            for load in offline.loads(inHTML: html) where !rendered.missing.contains(where: { config.origin + $0 == load.url }) {
                external.insert(load.url)
            }
            let kind: LessonPack.File.Kind = document.kind == "worksheet" ? .worksheet : .document
            files.append(LessonPack.File(path: document.path, data: Data(html.utf8), kind: kind, title: document.title, forTeachers: ["guide", "lesson", "print"].contains(document.kind)))
        }
        // A pack opens without network: what its pages load must be in it.
        for path in missing.sorted() {
            let (file, line) = origin(of: (path as NSString).lastPathComponent, in: module)
            diagnostics.error(file, line, "the pack of this lesson needs \(path), which is not in the lesson's folder: put the file next to the lesson, so that the pack can carry it")
        }
        for url in external.sorted() {
            let (file, line) = origin(of: url, in: module)
            diagnostics.error(file, line, "the pack of this lesson would load \(url) from another host, so it would not work offline: put the file next to the lesson")
        }
        // Files of the lessons' folders that no page shows or links stay out.
        for (output, source) in plan.folderFiles.sorted(by: { $0.key < $1.key }) where used.contains(plan.inside[output]!) {
            files.append(LessonPack.File(path: plan.inside[output]!, data: lessonFiles.data[source]!, kind: .image))
        }
        files += plan.attachments
        for stylesheet in stylesheets {
            files.append(LessonPack.File(path: stylesheet.output, data: Data(stylesheet.text.utf8), kind: .stylesheet))
        }
        guard ZipArchive.fits(files.map { ZipArchive.Entry(path: $0.path, data: $0.data) }, limit: Self.packLimit) else {
            diagnostics.error(head.page.file, nil, "the pack of this lesson would be larger than \(ByteSize(Self.packLimit)): make its attachments smaller")
            return nil
        }
        return LessonPack(
            module: module, title: head.page.frontMatter.title, description: head.page.frontMatter.description,
            license: headLesson.license, permalink: config.origin + head.url, keywords: head.page.frontMatter.tags,
            kerndoelen: kerndoelen, age: headLesson.age, files: files, printable: plan.printable, source: head.page.file)
    }

    /// The lesson file and line that name `text`, else the module's first lesson.
    private func origin(of text: String, in module: LessonModule) -> (String, Int?) {
        for index in module.lessons {
            let page = pages[index].page
            if let line = Self.line(of: text, in: page.body) { return (page.file, page.bodyLine + line - 1) }
        }
        return (pages[module.lessons[0]].page.file, nil)
    }

    /// `PDF`, `DOCX`, `PNG`: what kind of file a teacher downloads.
    static func format(of path: String) -> String {
        let ext = (path as NSString).pathExtension.uppercased()
        return ext.isEmpty ? "" : ext
    }
}
