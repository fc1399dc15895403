import CBakenIO
import Foundation

/// The write stage: writes every file into a fresh folder beside the output, then swaps it into place,
/// so a failed or killed build leaves the previous output exactly as it was.
struct OutputWriter: Sendable {
    let tree: SourceTree

    func write(_ files: [OutputFile], to output: URL) throws(BuildFailure) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).baken-new-\(getpid())")
        let retired = parent.appendingPathComponent(".\(name).baken-old-\(getpid())")
        Self.removeLeftovers(of: name, in: parent)
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            let sorted = files.sorted(by: { $0.path < $1.path })
            var folders: Set<String> = []
            for file in sorted {
                guard Self.isInside(file.path) else {
                    throw BuildFailure([Diagnostic(file: nil, "refusing to write '\(file.path)' outside the output folder")])
                }
                folders.insert(staging.appendingPathComponent(file.path).deletingLastPathComponent().path)
            }
            for folder in folders.sorted() { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            // Each file with its compressed copies, on all cores: a file's bytes are written and let go at once.
            let tree = self.tree
            let failures = ParallelMap.map(sorted) { file -> String? in
                do {
                    let data = try tree.bytes(of: file)
                    for copy in [(path: file.path, data: data)] + Precompressed.copies(of: file.path, data) {
                        try copy.data.write(to: staging.appendingPathComponent(copy.path))
                    }
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw Failure.file(failure) }
        } catch let failure as BuildFailure {
            try? fm.removeItem(at: staging)
            throw failure
        } catch {
            try? fm.removeItem(at: staging)
            throw BuildFailure([Diagnostic(file: nil, "cannot write the site into \(parent.path): \(error.localizedDescription)")])
        }

        // Swap in one step where the system can; otherwise two renames, the old folder kept until the new one is in place.
        if fm.fileExists(atPath: output.path) {
            if baken_exchange_paths(staging.path, output.path) == 0 {
                try? fm.removeItem(at: staging)
                return
            }
            do {
                try? fm.removeItem(at: retired)
                try fm.moveItem(at: output, to: retired)
                try fm.moveItem(at: staging, to: output)
                try? fm.removeItem(at: retired)
            } catch {
                if !fm.fileExists(atPath: output.path) { try? fm.moveItem(at: retired, to: output) }
                try? fm.removeItem(at: staging)
                throw BuildFailure([Diagnostic(file: nil, "cannot replace \(output.path): \(error.localizedDescription)")])
            }
        } else {
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                try? fm.removeItem(at: staging)
                throw BuildFailure([Diagnostic(file: nil, "cannot create \(output.path): \(error.localizedDescription)")])
            }
        }
    }

    /// Removes the folders that builds killed before their end left beside the output: they belong to no running process.
    private enum Failure: Error, LocalizedError {
        case file(String)
        var errorDescription: String? { if case .file(let message) = self { message } else { nil } }
    }

    static func removeLeftovers(of name: String, in parent: URL) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for marker in [".\(name).baken-new-", ".\(name).baken-old-"] where entry.hasPrefix(marker) {
                guard let pid = pid_t(entry.dropFirst(marker.count)), pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH {
                    try? fm.removeItem(at: parent.appendingPathComponent(entry))
                }
            }
        }
    }

    /// A relative path with no `..` part: it cannot leave the output folder.
    static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." } && !path.contains("\0")
    }
}
