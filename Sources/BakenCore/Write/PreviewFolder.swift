import CBakenIO
import Foundation

/// The live preview's output folder: the sink `baken serve` writes into. It remembers the bytes of every file it
/// wrote, so a file is rewritten only when its bytes change, each with its `.gz` and `.br` copies (`Precompressed`,
/// as the staging folder makes them), through a temporary file and a rename, so a reader sees the old file or the
/// new one. Use it from one thread at a time.
final class PreviewFolder {
    let output: URL
    private let tree: SourceTree
    /// Output path → bytes last written.
    private var written: [String: Data] = [:]

    init(output: URL, tree: SourceTree) {
        self.output = output
        self.tree = tree
    }

    /// Writes the files whose bytes changed, each with its compressed copies, through a temporary file and
    /// a rename, so a reader sees the old file or the new one. Files written before under one of the
    /// `replacing` prefixes (or any, with `replacingAll`) that are not among `files` are removed.
    func write(_ files: [OutputFile], replacing prefixes: [String] = [], replacingAll: Bool = false) throws(BuildFailure) -> [String] {
        let fm = FileManager.default
        var changed: [String] = []
        do {
            var contents: [(path: String, data: Data)] = []
            for file in files where Staging.isInside(file.path) {
                contents.append((file.path, try tree.bytes(of: file)))
            }
            // Only changed files need new compressed copies; an unchanged file keeps those it has.
            let fresh = contents.filter { written[$0.path] != $0.data }
            let made = Precompressed.adding(to: fresh)
            var folders: Set<String> = []
            for file in made where written[file.path] != file.data {
                let destination = output.appendingPathComponent(file.path)
                let folder = destination.deletingLastPathComponent()
                if folders.insert(folder.path).inserted {
                    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).baken-tmp")
                // The same write as the staging folder's, then the rename.
                let status = file.data.withUnsafeBytes { baken_write_file(temporary.path, $0.baseAddress, $0.count) }
                if status != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                guard rename(temporary.path, destination.path) == 0 else {
                    throw BuildFailure([Diagnostic(file: nil, "cannot write \(destination.path): \(String(cString: strerror(errno)))")])
                }
                written[file.path] = file.data
                changed.append(file.path)
            }

            var obsolete: [String] = []
            let madePaths = Set(made.map(\.path))
            // A file that changed and no longer gets a compressed copy (now too small) loses the old one.
            for file in fresh {
                for copy in [file.path + ".gz", file.path + ".br"] where written[copy] != nil && !madePaths.contains(copy) {
                    obsolete.append(copy)
                }
            }
            if replacingAll || !prefixes.isEmpty {
                let kept = Set(contents.map(\.path))
                for path in written.keys where replacingAll || prefixes.contains(where: { path.hasPrefix($0) }) {
                    if kept.contains(path) || madePaths.contains(path) { continue }
                    if path.hasSuffix(".gz") || path.hasSuffix(".br"), kept.contains(String(path.dropLast(3))) { continue }
                    obsolete.append(path)
                }
            }
            for path in Set(obsolete) {
                try? fm.removeItem(at: output.appendingPathComponent(path))
                written[path] = nil
                changed.append(path)
            }
            // Files left in the folder by an earlier run that this site does not make.
            if replacingAll, let enumerator = fm.enumerator(at: output, includingPropertiesForKeys: nil) {
                for case let url as URL in enumerator where !url.hasDirectoryPath {
                    let relative = String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1))
                    if written[relative] == nil {
                        try? fm.removeItem(at: url)
                        changed.append(relative)
                    }
                }
            }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure([Diagnostic(file: nil, "cannot write into \(output.path): \(error.localizedDescription)")])
        }
        return changed.sorted()
    }
}
