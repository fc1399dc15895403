import Foundation

/// Reads a site's folder: lists files in a stable order and reads them as checked UTF-8 text.
/// The only place, with `Staging`, that touches the disk.
struct SourceTree: Sendable {
    /// The site folder, absolute.
    let root: URL
    /// Installed themes that the site has no `themes/<name>/` folder for: name → folder. They read as if
    /// they were in the site, at `themes/<name>/`; a site's own folder of the same name wins.
    let installedThemes: [String: URL]
    static let maxPageBytes = 8 * 1024 * 1024

    init(root: URL, themeFolders: [URL] = []) {
        self.root = root
        var installed: [String: URL] = [:]
        for folder in themeFolders {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where !name.hasPrefix(".") && installed[name] == nil {
                var isDirectory: ObjCBool = false
                let own = root.appendingPathComponent("themes").appendingPathComponent(name).path
                guard !FileManager.default.fileExists(atPath: own),
                      FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory), isDirectory.boolValue
                else { continue }
                installed[name] = folder.appendingPathComponent(name)
            }
        }
        installedThemes = installed
    }

    /// The site of a build, with the themes installed where `options` says.
    init(_ options: BuildOptions) {
        self.init(root: options.site, themeFolders: options.themeFolders)
    }

    func url(_ relative: String) -> URL {
        if !installedThemes.isEmpty, relative.hasPrefix("themes/") {
            let rest = relative.dropFirst("themes/".count)
            let name = rest.prefix { $0 != "/" }
            if let folder = installedThemes[String(name)] {
                let inside = rest.dropFirst(name.count).drop { $0 == "/" }
                return inside.isEmpty ? folder : folder.appendingPathComponent(String(inside))
            }
        }
        return root.appendingPathComponent(relative)
    }

    /// The themes a site can use: its own `themes/` folders and the installed ones.
    var themeNames: [String] {
        let own = ((try? FileManager.default.contentsOfDirectory(atPath: url("themes").path)) ?? []).filter { !$0.hasPrefix(".") }
        return Set(own + installedThemes.keys).sorted()
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Every file below `relative`, as paths relative to the site, sorted. Links to folders are reported, not followed.
    func files(under relative: String, diagnostics: inout Diagnostics) -> [String] {
        var result: [String] = []
        walk(relative, into: &result, diagnostics: &diagnostics)
        return result.sorted()
    }

    private func walk(_ relative: String, into result: inout [String], diagnostics: inout Diagnostics) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: url(relative).path) else {
            diagnostics.error(relative, nil, "cannot read this folder: check that it exists and that you may read it")
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            let path = url(child).path
            guard let attributes = try? fm.attributesOfItem(atPath: path), let type = attributes[.type] as? FileAttributeType else {
                diagnostics.error(child, nil, "cannot read this file: check that you may read it")
                continue
            }
            switch type {
            case .typeDirectory where name.hasSuffix(".md"):
                diagnostics.error(child, nil, "this is a folder, not a page: a page is a file \(name); a page with files of its own is a folder \(name.dropLast(3))/ with an index.md")
            case .typeDirectory:
                walk(child, into: &result, diagnostics: &diagnostics)
            case .typeSymbolicLink:
                let target = (try? fm.destinationOfSymbolicLink(atPath: path)) ?? "?"
                var isDir: ObjCBool = false
                if !fm.fileExists(atPath: path, isDirectory: &isDir) {
                    diagnostics.error(child, nil, "this link leads nowhere (to '\(target)'), or in a circle: remove it or point it at a file")
                } else if isDir.boolValue {
                    diagnostics.error(child, nil, "links to folders are not followed (this one leads to '\(target)'): copy the folder into the site instead")
                } else {
                    result.append(child)
                }
            case .typeRegular:
                result.append(child)
            default:
                // Reading a pipe would wait forever, and a page that silently disappears is lost work.
                let kind = type == .typeCharacterSpecial || type == .typeBlockSpecial ? "a device" : type == .typeSocket ? "a socket" : "a named pipe"
                diagnostics.error(child, nil, "this is \(kind), not a file: Baken reads only plain files; remove it or put a file in its place")
            }
        }
    }

    /// The bytes an output file will hold: its text, its data, or the site file it copies.
    func bytes(of file: OutputFile) throws -> Data {
        switch file.contents {
        case .text(let text): Data(text.utf8)
        case .data(let data): data
        case .copy(let source): try Data(contentsOf: url(source))
        }
    }

    /// The file's bytes; nil with a diagnostic when it cannot be read.
    func data(_ relative: String, limit: Int = .max, diagnostics: inout Diagnostics) -> Data? {
        do {
            // A huge file is refused before it is read.
            if let size = (try? FileManager.default.attributesOfItem(atPath: url(relative).path))?[.size] as? Int, size > limit {
                diagnostics.error(relative, nil, Self.tooLarge(size, limit: limit))
                return nil
            }
            return try Data(contentsOf: url(relative))
        } catch {
            diagnostics.error(relative, nil, "cannot read this file: check that it exists and that you may read it")
            return nil
        }
    }

    /// The file as text: must be UTF-8 without NUL bytes and at most `limit` bytes.
    func text(_ relative: String, limit: Int = SourceTree.maxPageBytes, diagnostics: inout Diagnostics) -> String? {
        guard let data = data(relative, limit: limit, diagnostics: &diagnostics) else { return nil }
        return Self.decode(data, file: relative, limit: limit, diagnostics: &diagnostics)
    }

    static func decode(_ data: Data, file: String, limit: Int, diagnostics: inout Diagnostics) -> String? {
        if data.count > limit {
            diagnostics.error(file, nil, tooLarge(data.count, limit: limit))
            return nil
        }
        if let kind = binaryKind(data) {
            diagnostics.error(file, nil, "this file is \(kind.name), not text: give it the extension .\(kind.ext), or save the page again as plain UTF-8 text")
            return nil
        }
        let (hasNUL, hasCR) = data.withUnsafeBytes { raw -> (Bool, Bool) in
            guard let base = raw.baseAddress else { return (false, false) }
            return (memchr(base, 0, raw.count) != nil, memchr(base, 13, raw.count) != nil)
        }
        if hasNUL, let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            diagnostics.error(file, line, "this file contains a NUL byte, so it is not a text file: save it again as plain UTF-8 text")
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let bad = firstInvalidUTF8(data)
            let line = data[data.startIndex..<bad].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            diagnostics.error(file, line, "this file is not valid UTF-8 text (byte \(bad - data.startIndex + 1)): save it again with the encoding UTF-8")
            return nil
        }
        return hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    static func tooLarge(_ bytes: Int, limit: Int) -> String {
        "this file is too large (\(megabytes(bytes)); at most \(megabytes(limit))): split it into several pages"
    }

    /// Files that editors save by mistake under a text name: an image or a document with its first bytes.
    static func binaryKind(_ data: Data) -> (name: String, ext: String)? {
        let signatures: [([UInt8], String, String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image", "png"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image", "jpg"),
            (Array("GIF8".utf8), "a GIF image", "gif"),
            (Array("%PDF-".utf8), "a PDF document", "pdf"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive (or a Word or OpenDocument file)", "zip"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Word or Excel document", "doc"),
        ]
        return signatures.first { data.starts(with: $0.0) }.map { ($0.1, $0.2) }
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb >= 10 || mb == mb.rounded() ? "\(Int(mb)) MB" : "\(Double(Int(mb * 10)) / 10) MB"
    }

    private static func firstInvalidUTF8(_ data: Data) -> Int {
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= data.endIndex else { return index }
            if length > 1, String(validating: data[index..<(index + length)], as: UTF8.self) == nil { return index }
            index += length
        }
        return index
    }
}
