/// A file to download, as a page shows it.
struct DownloadView: Encodable {
    let title: String
    /// `ZIP`, `IMS CC`.
    let format: String
    let url: String
    let fileName: String
    /// `48 KB`
    let size: String
    let bytes: Int
    let edition: String?
    let date: String
    let dateISO: String
    let sha256: String
}

/// Every lesson module of a section, for the "for schools" page: filters by level and duration work with CSS alone.
struct CatalogueView: Encodable {
    let levels: [Level]
    let durations: [Duration]
    let modules: [Module]

    struct Level: Encodable {
        let id: String
        let name: String
        let count: Int
        /// The zip with every pack of this level.
        let download: DownloadView?
    }

    struct Duration: Encodable {
        /// `short` (up to 45 minutes), `period` (46 to 60), `long` (over 60).
        let id: String
        let name: String
        let count: Int
    }

    struct Module: Encodable {
        let title: String
        let description: String?
        let url: String
        let level: String
        let levelName: String
        let age: String?
        let duration: Int
        let durationBand: String
        let edition: String?
        let downloads: [DownloadView]
    }

    static func band(_ minutes: Int) -> String {
        minutes <= 45 ? "short" : minutes <= 60 ? "period" : "long"
    }
}

extension PackDownloads {
    /// A lesson page's view with its downloads, its JSON-LD and, for a lesson in a series, the series it is in.
    func decorate(_ view: LessonView, page index: Int, site: Site, strings: [String: String]) -> LessonView {
        var view = view
        let entry = site.pages[index]
        if let module = moduleOfPage[index].map({ modules[$0] }) {
            view.downloads = downloadViews(module, site: site, strings: strings)
            let head = module.pack.module.lessons[0]
            if head != index { view.series = RefView(title: site.pages[head].page.frontMatter.title, url: site.pages[head].url) }
        }
        view.jsonLD = LearningResource.json(entry, lesson: view, site: site, strings: strings)
        return view
    }

    func downloadViews(_ module: Module, site: Site, strings: [String: String]) -> [DownloadView] {
        [
            downloadView(module.zip, title: strings["download_zip"] ?? "Lesson pack (zip)", format: "ZIP", site: site, strings: strings),
            downloadView(module.cartridge, title: strings["download_cartridge"] ?? "For your learning platform (IMS Common Cartridge)", format: "IMS CC", site: site, strings: strings),
        ]
    }

    func downloadView(_ archive: Archive, title: String, format: String, site: Site, strings: [String: String]) -> DownloadView {
        DownloadView(
            title: title, format: format, url: archive.url, fileName: archive.fileName, size: ByteSize(archive.data.count).description,
            bytes: archive.data.count, edition: archive.edition, date: site.format(archive.date, strings), dateISO: archive.date.description,
            sha256: archive.sha256)
    }

    /// For a section page with lessons in it: every module there, with its downloads and the downloads per level.
    func catalogue(for index: Int, site: Site, strings: [String: String]) -> CatalogueView? {
        let language = site.pages[index].page.language
        let lessons = (site.children[index] ?? []).filter { child in
            guard site.pages[child].page.frontMatter.fields.lesson != nil else { return false }
            // A lesson in a series is shown through the series' first lesson.
            return moduleOfPage[child].map { modules[$0].pack.module.lessons[0] == child } ?? true
        }
        guard !lessons.isEmpty else { return nil }
        let shown: [CatalogueView.Module] = lessons.compactMap { child in
            let entry = site.pages[child]
            guard let lesson = entry.page.frontMatter.fields.lesson else { return nil }
            let module = moduleOfPage[child].map { modules[$0] }
            let duration = module?.pack.module.duration ?? lesson.duration
            return CatalogueView.Module(
                title: entry.page.frontMatter.title, description: entry.page.frontMatter.description, url: entry.url,
                level: lesson.level, levelName: site.levelName(lesson.level, strings), age: lesson.age, duration: duration,
                durationBand: CatalogueView.band(duration), edition: lesson.edition,
                downloads: module.map { downloadViews($0, site: site, strings: strings) } ?? [])
        }
        let levelViews = site.lessonLevels(shown.map(\.level)).compactMap { level -> CatalogueView.Level? in
            let count = shown.count { $0.level == level }
            guard count > 0 else { return nil }
            let download = levels["\(language):\(level)"].map {
                downloadView($0, title: strings["download_level"] ?? "Every pack of this level (zip)", format: "ZIP", site: site, strings: strings)
            }
            return CatalogueView.Level(id: level, name: site.levelName(level, strings), count: count, download: download)
        }
        let durations = ["short", "period", "long"].compactMap { band -> CatalogueView.Duration? in
            let count = shown.count { $0.durationBand == band }
            return count > 0 ? CatalogueView.Duration(id: band, name: strings["duration_\(band)"] ?? band, count: count) : nil
        }
        return CatalogueView(levels: levelViews, durations: durations, modules: shown)
    }
}
