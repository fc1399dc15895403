import Foundation

/// Skips a build when nothing it reads has changed: a fingerprint of every input file's bytes, the
/// options and the date, kept beside the output in `.baken-cache/` with the list of files it wrote.
struct BuildCache {
    let file: URL
    let output: URL

    init(output: URL) {
        self.output = output
        file = output.deletingLastPathComponent().appendingPathComponent(".baken-cache").appendingPathComponent(output.lastPathComponent + ".fingerprint")
    }

    /// Folders and files of a site that a build reads.
    static func inputs(_ tree: SourceTree, theme: String?) -> [String] {
        var diagnostics = Diagnostics()
        var files = [SiteConfig.file]
        var roots = ["content", "data", "layouts", "static", "css", "i18n"]
        if let theme { roots.append("themes/\(theme)") }
        for root in roots where tree.isDirectory(root) {
            files += tree.files(under: root, diagnostics: &diagnostics)
        }
        return files.sorted()
    }

    /// A 64-bit fingerprint of the options and of every input file's path and bytes, read on all cores.
    static func fingerprint(_ options: BuildOptions, tree: SourceTree) -> String? {
        guard let config = try? String(contentsOf: tree.url(SiteConfig.file), encoding: .utf8) else { return nil }
        let theme = config.split(separator: "\n").first { $0.hasPrefix("theme:") }.map { $0.dropFirst(6).trimmingCharactersInSet() }.map(String.init) ?? "baken"
        let files = inputs(tree, theme: theme)
        let hashes = ParallelMap.map(files) { path -> UInt64? in
            guard let data = try? Data(contentsOf: tree.url(path)) else { return nil }
            return Hash64.of(data, seed: Hash64.of(Data(path.utf8)))
        }
        guard !hashes.contains(where: { $0 == nil }) else { return nil }
        var summary = "baken 1|\(options.includeDrafts)|\(options.baseURL ?? "")|\(options.pdf)|\(options.today)|\(files.count)"
        for hash in hashes { summary += "|\(hash!)" }
        return String(Hash64.of(Data(summary.utf8)), radix: 16)
    }

    /// Whether the last build had this fingerprint and its files are all still there, unchanged in size.
    func isFresh(_ fingerprint: String) -> Bool {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return false }
        var lines = text.split(separator: "\n")
        guard lines.first.map(String.init) == fingerprint else { return false }
        lines.removeFirst()
        for line in lines {
            guard let tab = line.lastIndex(of: "\t"), let size = Int(line[line.index(after: tab)...]) else { return false }
            var info = stat()
            guard stat(output.path + "/" + line[..<tab], &info) == 0, Int(info.st_size) == size else { return false }
        }
        return true
    }

    /// Records the fingerprint and the files the build wrote into the output folder, with their sizes.
    func record(_ fingerprint: String, files: [(path: String, size: Int)]) {
        let text = fingerprint + "\n" + files.map { "\($0.path)\t\($0.size)" }.sorted().joined(separator: "\n")
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: file)
    }

    func forget() { try? FileManager.default.removeItem(at: file) }
}

/// A fast 64-bit hash of bytes (not for security): eight bytes at a time, multiplied and mixed.
enum Hash64 {
    static func of(_ data: Data, seed: UInt64 = 0x9E3779B97F4A7C15) -> UInt64 {
        data.withUnsafeBytes { raw -> UInt64 in
            var h = seed ^ UInt64(raw.count)
            var i = 0
            let count = raw.count
            while i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ (word &* 0xff51afd7ed558ccd)) &* 0xc4ceb9fe1a85ec53
                h ^= h >> 29
                i += 8
            }
            while i < count {
                h = (h ^ UInt64(raw[i])) &* 0x100000001b3
                i += 1
            }
            h ^= h >> 33
            h = h &* 0xff51afd7ed558ccd
            return h ^ (h >> 33)
        }
    }
}
