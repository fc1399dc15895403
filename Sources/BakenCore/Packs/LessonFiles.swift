import Foundation

/// The bytes of the files that lesson packs carry: every attachment that is not a page, and every other file
/// in a lesson's own folder (`scholen/les/index.md` owns `scholen/les/`). Read in the load stage.
struct LessonFiles: Sendable {
    /// Source path → bytes.
    var data: [String: Data] = [:]

    static func load(_ source: SiteSource, from tree: SourceTree, diagnostics: inout Diagnostics) -> LessonFiles {
        let resources = Set(source.resources.map(\.source))
        var wanted: [String: (page: String, line: Int?, name: String?)] = [:]
        for page in source.pages {
            guard let lesson = page.frontMatter.fields.lesson else { continue }
            if page.file.hasSuffix("/index.md") {
                let folder = String(page.file.dropLast("index.md".count))
                for file in resources.sorted() where file.hasPrefix(folder) && wanted[file] == nil {
                    wanted[file] = (page.file, nil, nil)
                }
            }
            for attachment in lesson.attachments {
                guard let file = LinkResolver.resolve(attachment.file, from: page.file), resources.contains(file) else { continue }
                wanted[file] = (page.file, attachment.line, attachment.file)
            }
        }
        var files = LessonFiles()
        let limit = source.config.packs.attachmentLimit
        for (file, origin) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let data = tree.data(file, diagnostics: &diagnostics) else { continue }
            if data.count > limit {
                let name = origin.name.map { "attachment '\($0)'" } ?? "\(file), in the lesson's folder,"
                diagnostics.warning(origin.page, origin.line, "\(name) is \(ByteSize(data.count)), larger than packs.attachmentLimit (\(ByteSize(limit))) in site.yml: every download of the pack carries it; make it smaller, or raise the limit")
            }
            files.data[file] = data
        }
        return files
    }
}

/// A number of bytes for people, in units of 1024 as site.yml's sizes: `840 B`, `48 KB`, `2.4 MB`, `20 MB`.
struct ByteSize: CustomStringConvertible, Sendable {
    let bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths >= 100 || tenths % 10 == 0 ? "\((tenths + 5) / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
