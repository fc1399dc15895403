import BakenMarkdown
import Foundation

/// The site's lesson packs as downloads: each pack as a zip and as a Common Cartridge, and per language one zip
/// per level with every pack of that level. Made in the render stage, before the pages that link them.
struct PackDownloads: Sendable {
    /// One file to download, with what a page shows about it.
    struct Archive: Sendable {
        /// Site address: `/packs/wat-is-oke-nl.zip`.
        let url: String
        let format: Format
        let data: Data
        let edition: String?
        let date: Day
        let sha256: String

        var fileName: String { String(url.split(separator: "/").last ?? "") }
    }

    enum Format: String, Sendable {
        case zip, cartridge = "imscc"
        var mediaType: String { self == .zip ? "application/zip" : CommonCartridge.mediaType }
    }

    struct Module: Sendable {
        let pack: LessonPack
        let zip: Archive
        let cartridge: Archive
    }

    private(set) var modules: [Module] = []
    /// Index of a lesson page (every lesson of a module) → index in `modules`.
    private(set) var moduleOfPage: [Int: Int] = [:]
    /// "language:level" → the zip with every pack of that level.
    private(set) var levels: [String: Archive] = [:]

    static let none = PackDownloads()

    private init() {}

    init(_ packs: [LessonPack], site: Site, templates: Templates) {
        for pack in packs {
            let folder = site.config.root + site.config.prefix(of: pack.module.language) + "/packs/"
            let manifest = PackManifest.json(pack)
            let zip = ZipArchive(entries: Self.entries(pack, manifest: manifest), date: pack.module.date).bytes()
            let cartridge = ZipArchive(entries: CommonCartridge.entries(pack, manifest: manifest), date: pack.module.date).bytes()
            for page in pack.module.lessons { moduleOfPage[page] = modules.count }
            modules.append(Module(
                pack: pack,
                zip: Archive(url: folder + pack.module.fileName + ".zip", format: .zip, data: zip, edition: pack.module.edition, date: pack.module.date, sha256: SHA256.hex(zip)),
                cartridge: Archive(url: folder + pack.module.fileName + ".imscc", format: .cartridge, data: cartridge, edition: pack.module.edition, date: pack.module.date, sha256: SHA256.hex(cartridge))))
        }
        for language in site.config.languages {
            for level in site.lessonLevels(modules.map(\.pack.module.level)) {
                let members = modules.filter { $0.pack.module.language == language.code && $0.pack.module.level == level }
                guard let date = members.map(\.pack.module.date).max() else { continue }
                let name = "level-\(level)-\(language.code)"
                let entries = levelEntries(members, level: level, language: language, name: name, date: date, site: site, templates: templates)
                // Each pack has at most Site.packLimit bytes; more than seven large packs of one level get no level zip.
                guard ZipArchive.fits(entries) else { continue }
                let data = ZipArchive(entries: entries, date: date).bytes()
                let url = site.config.root + site.config.prefix(of: language.code) + "/packs/levels/\(name).zip"
                levels["\(language.code):\(level)"] = Archive(url: url, format: .zip, data: data, edition: nil, date: date, sha256: SHA256.hex(data))
            }
        }
    }

    /// The archives as files of the site.
    func files(_ site: Site) -> [OutputFile] {
        (modules.flatMap { [$0.zip, $0.cartridge] } + levels.values).map {
            OutputFile(path: site.outputPath($0.url), contents: .data($0.data))
        }
    }

    /// The zip's entries: the pack's files and its manifest.json.
    static func entries(_ pack: LessonPack, manifest: Data) -> [ZipArchive.Entry] {
        pack.files.map { ZipArchive.Entry(path: $0.path, data: $0.data) } + [ZipArchive.Entry(path: PackManifest.path, data: manifest)]
    }

    /// A level's zip: an index page, the theme's stylesheets, each pack in a folder of its own, and a manifest.json.
    private func levelEntries(_ members: [Module], level: String, language: Language, name: String, date: Day, site: Site, templates: Templates) -> [ZipArchive.Entry] {
        let strings = site.theme.strings[language.code] ?? [:]
        let stylesheets = site.theme.packStylesheetFiles
        var entries: [ZipArchive.Entry] = stylesheets.map { ZipArchive.Entry(path: $0.output, data: Data($0.text.utf8)) }
        for member in members {
            let folder = member.pack.module.fileName + "/"
            entries += Self.entries(member.pack, manifest: PackManifest.json(member.pack)).map { ZipArchive.Entry(path: folder + $0.path, data: $0.data) }
        }
        let context = PackLevelContext(
            site: SiteView(title: language.title ?? site.config.title, baseURL: site.config.baseURL, params: [:]),
            lang: LanguageView(code: language.code, name: language.name, dir: language.direction, home: site.config.origin + (site.homes[language.code].map { site.pages[$0].url } ?? "/")),
            t: strings, levelName: site.levelName(level, strings), stylesheets: stylesheets.map(\.output),
            packs: members.map {
                PackLevelContext.Entry(
                    title: $0.pack.title, description: $0.pack.description, href: $0.pack.module.fileName + "/index.html",
                    duration: $0.pack.module.duration, edition: $0.pack.module.edition, date: site.format($0.pack.module.date, strings))
            })
        let html = OutboundLinks.noReferrer(templates.render(context, with: "pack/level")) { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        entries.append(ZipArchive.Entry(path: "index.html", data: Data(html.utf8)))
        let files: [JSON] = entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }.map {
            .object(["path": .string($0.path), "size": .int($0.data.count), "sha256": .string(SHA256.hex($0.data))])
        }
        let manifest = JSON.object([
            "name": .string(name), "language": .string(language.code), "level": .string(level),
            "date": .string(date.description), "packs": .array(members.map { .string($0.pack.module.name) }),
            "generator": .string("Baken"), "files": .array(files),
        ])
        entries.append(ZipArchive.Entry(path: PackManifest.path, data: Data((manifest.text() + "\n").utf8)))
        return entries
    }
}
