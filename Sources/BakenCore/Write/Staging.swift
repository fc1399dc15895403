import CBakenIO
import Foundation

/// The write stage: a fresh folder beside the output that files go into as soon as they are made, from any
/// thread, each with its `.gz` and `.br` copies. `commit` swaps it into place; `discard` removes it. A failed
/// or killed build so leaves the previous output exactly as it was.
final class Staging: @unchecked Sendable {
    let output: URL
    let folder: URL
    private let tree: SourceTree
    private let lock = NSLock()
    /// Folders made so far, relative to `folder`.
    private var folders: Set<Substring> = [""]
    /// The first file that could not be written.
    private var failure: String?
    /// The previous output, whose `.gz` and `.br` copies of a file with the same bytes are taken over by a hard
    /// link instead of being made again; nil when there is none or the build was asked not to reuse anything.
    private let previous: String?
    private var files: [(path: String, size: Int)] = []
    private var compressing = 0.0
    private var taken = 0

    /// Every file written so far (copies too), relative to the folder, with its size.
    var written: [(path: String, size: Int)] { lock.withLock { files } }
    /// Processor time spent making `.gz` and `.br` copies so far, on all threads, in seconds.
    var compressionSeconds: Double { lock.withLock { compressing } }
    /// Files whose `.gz` and `.br` copies were taken from the previous output.
    var copiesTaken: Int { lock.withLock { taken } }

    init(output: URL, tree: SourceTree, reuseCopies: Bool = false) throws(BuildFailure) {
        self.output = output
        self.tree = tree
        var isFolder: ObjCBool = false
        previous = reuseCopies && FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) && isFolder.boolValue ? output.path : nil
        let parent = output.deletingLastPathComponent()
        folder = parent.appendingPathComponent(".\(output.lastPathComponent).baken-new-\(getpid())")
        Self.removeLeftovers(of: output.lastPathComponent, in: parent)
        baken_remove_tree(folder.path)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([Diagnostic(file: nil, "cannot write the site into \(parent.path): \(error.localizedDescription)")])
        }
    }

    /// Writes the files on all cores.
    func write(_ files: [OutputFile]) {
        _ = ParallelMap.map(files) { self.write($0) }
    }

    /// Writes one file and its compressed copies; a failure is kept for `commit` to report.
    func write(_ file: OutputFile) {
        guard Self.isInside(file.path) else {
            fail("refusing to write '\(file.path)' outside the output folder")
            return
        }
        do {
            let data = try tree.bytes(of: file)
            try makeFolders(for: file.path)
            let linked = takeCopies(of: file.path, data)
            var made: [(path: String, data: Data)] = [], spent = 0.0
            if linked == nil {
                let start = ProcessorTime.thread()
                made = Precompressed.copies(of: file.path, data)
                spent = ProcessorTime.thread() - start
            }
            let writing = [(path: file.path, data: data)] + made
            for copy in writing {
                let path = folder.path + "/" + copy.path
                let status = copy.data.withUnsafeBytes { baken_write_file(path, $0.baseAddress, $0.count) }
                if status != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
            lock.withLock {
                files += writing.map { ($0.path, $0.data.count) } + (linked ?? [])
                compressing += spent
                if linked != nil { taken += 1 }
            }
        } catch {
            fail("\(file.path): \(error.localizedDescription)")
        }
    }

    /// Hard-links the previous output's `.gz` and `.br` of `path` into the folder when the previous output has
    /// the same bytes at `path`: compressing the same bytes again would give the same copies. Nothing is ever
    /// written into a linked file, so the previous output stays as it was until the swap.
    /// Returns the copies with their sizes, or nil when they must be made.
    private func takeCopies(of path: String, _ data: Data) -> [(path: String, size: Int)]? {
        guard let previous, Precompressed.wants(path), data.count >= Precompressed.minimumSize,
              let old = FileManager.default.contents(atPath: previous + "/" + path), old == data else { return nil }
        var linked: [(path: String, size: Int)] = []
        for suffix in [".gz", ".br"] {
            let target = folder.path + "/" + path + suffix
            var info = stat()
            guard link(previous + "/" + path + suffix, target) == 0, stat(target, &info) == 0 else {
                for made in linked { unlink(folder.path + "/" + made.path) }
                unlink(target)
                return nil
            }
            linked.append((path + suffix, Int(info.st_size)))
        }
        return linked
    }

    /// Puts the folder in the output's place, in one step where the system can; otherwise in two renames,
    /// the old folder kept until the new one is in place.
    func commit() throws(BuildFailure) {
        if let failure = lock.withLock({ failure }) {
            discard()
            throw BuildFailure([Diagnostic(file: nil, "cannot write the site into \(output.deletingLastPathComponent().path): \(failure)")])
        }
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            do {
                try fm.moveItem(at: folder, to: output)
            } catch {
                discard()
                throw BuildFailure([Diagnostic(file: nil, "cannot create \(output.path): \(error.localizedDescription)")])
            }
            return
        }
        if baken_exchange_paths(folder.path, output.path) == 0 {
            discard()
            return
        }
        let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).baken-old-\(getpid())")
        do {
            baken_remove_tree(retired.path)
            try fm.moveItem(at: output, to: retired)
            try fm.moveItem(at: folder, to: output)
            baken_remove_tree(retired.path)
        } catch {
            if !fm.fileExists(atPath: output.path) { try? fm.moveItem(at: retired, to: output) }
            discard()
            throw BuildFailure([Diagnostic(file: nil, "cannot replace \(output.path): \(error.localizedDescription)")])
        }
    }

    /// Removes the folder and all that was written into it (after the swap: the old output).
    func discard() {
        Self.removeTree(folder.path)
    }

    /// Removes a folder tree, the entries at its top on all cores: an output holds tens of thousands of files.
    static func removeTree(_ path: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        _ = ParallelMap.map(entries) { baken_remove_tree(path + "/" + $0) }
        baken_remove_tree(path)
    }

    private func fail(_ message: String) {
        lock.withLock { if failure == nil { failure = message } }
    }

    /// Makes the folders a file at `path` needs, each once.
    private func makeFolders(for path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        var missing: [Substring] = []
        var current = path[..<slash]
        lock.withLock {
            while !folders.contains(current) {
                missing.append(current)
                current = current.lastIndex(of: "/").map { current[..<$0] } ?? ""
            }
        }
        guard !missing.isEmpty else { return }
        for relative in missing.reversed() {
            guard baken_make_folder(folder.path + "/" + relative) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        lock.withLock { folders.formUnion(missing) }
    }

    /// Removes the folders that builds killed before their end left beside the output: they belong to no running process.
    static func removeLeftovers(of name: String, in parent: URL) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for marker in [".\(name).baken-new-", ".\(name).baken-old-"] where entry.hasPrefix(marker) {
                guard let pid = pid_t(entry.dropFirst(marker.count)), pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH {
                    baken_remove_tree(parent.appendingPathComponent(entry).path)
                }
            }
        }
    }

    /// A relative path with no `..` part: it cannot leave the output folder.
    static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.isEmpty && !path.split(separator: "/").contains { $0 == ".." || $0 == "." } && !path.contains("\0")
    }
}
