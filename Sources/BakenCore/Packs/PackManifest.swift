import Foundation

/// `manifest.json` of a pack: what it is, and every file with its size and SHA-256 checksum.
enum PackManifest {
    static let path = "manifest.json"

    static func json(_ pack: LessonPack, generator: String = "Baken") -> Data {
        let module = pack.module
        let files: [JSON] = pack.sortedFiles.map { file in
            .object([
                "path": .string(file.path),
                "size": .int(file.data.count),
                "sha256": .string(SHA256.hex(file.data)),
                "kind": .string(file.kind.rawValue),
            ].merging(file.title.map { ["title": JSON.string($0)] } ?? [:]) { a, _ in a })
        }
        var fields: [String: JSON] = [
            "name": .string(module.name),
            "title": .string(pack.title),
            "language": .string(module.language),
            "edition": .string(module.edition),
            "date": .string(module.date.description),
            "level": .string(module.level),
            "duration": .string(LessonModule.isoDuration(module.duration)),
            "kerndoelen": .array(pack.kerndoelen.map(JSON.string)),
            "license": .string(pack.license),
            "source": .string(pack.permalink),
            "generator": .string(generator),
            "files": .array(files),
        ]
        if let description = pack.description { fields["description"] = .string(description) }
        if let url = License.view(pack.license).url { fields["licenseURL"] = .string(url) }
        return Data((JSON.object(fields).text() + "\n").utf8)
    }
}
