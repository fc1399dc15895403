#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches a folder tree with Linux's inotify and reports the relative paths of files that changed.
/// Folders made later are watched too; the output folder and hidden folders are left out.
final class FileWatcher: @unchecked Sendable {
    /// What changed, and when the first of it was seen.
    struct Change {
        var paths: Set<String> = []
        var first = Date()
    }

    private let root: URL
    private let ignored: Set<String>
    private let descriptor: Int32
    /// Watch descriptor → folder path relative to root ("" for root).
    private var folders: [Int32: String] = [:]
    private let lock = NSLock()
    private var stopped = false

    /// Makes `next` return nothing within half a second, for good.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// `ignored` are top-level folder names not to watch, such as the output folder.
    init?(root: URL, ignoring ignored: Set<String>) {
        self.root = root.standardizedFileURL
        self.ignored = ignored
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        watchTree("")
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        close(descriptor)
        #endif
    }

    private func watchTree(_ relative: String) {
        #if canImport(Glibc)
        let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)
        let wd = inotify_add_watch(descriptor, path, mask)
        if wd >= 0 {
            lock.lock()
            folders[wd] = relative
            lock.unlock()
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            if relative.isEmpty && ignored.contains(name) { continue }
            var isDirectory: ObjCBool = false
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(child).path, isDirectory: &isDirectory), isDirectory.boolValue {
                watchTree(child)
            }
        }
        #endif
    }

    /// Blocks until something changes (or `timeout` milliseconds pass), then gathers what follows until
    /// nothing came for `quiet` and every file made meanwhile was closed, at most `limit` after the first.
    /// Saving a file is a burst of events within a millisecond or two, so this adds little to an edit's time.
    func next(timeout: Int32 = 500, quiet: TimeInterval = 0.004, limit: TimeInterval = 0.2) -> Change {
        var change = Change()
        var open: Set<String> = []
        read(into: &change.paths, open: &open, timeout: timeout)
        if change.paths.isEmpty { return change }
        change.first = Date()
        let end = change.first.addingTimeInterval(limit)
        while Date() < end {
            // A file made but not yet closed is still being written: wait for it longer than for more files.
            let wait = open.isEmpty ? quiet : min(0.02, end.timeIntervalSinceNow)
            let more = read(into: &change.paths, open: &open, timeout: Int32(max(1, (wait * 1000).rounded(.up))))
            if !more && open.isEmpty { break }
        }
        return change
    }

    /// Reads what inotify has within `timeout` milliseconds; whether anything of interest came.
    @discardableResult
    private func read(into changed: inout Set<String>, open: inout Set<String>, timeout: Int32) -> Bool {
        #if canImport(Glibc)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeout) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        var offset = 0
        var found = false
        while offset < count {
            let (wd, mask, nameLength): (Int32, UInt32, Int) = buffer.withUnsafeBytes { raw in
                let event = raw.baseAddress!.advanced(by: offset).assumingMemoryBound(to: inotify_event.self).pointee
                return (event.wd, event.mask, Int(event.len))
            }
            let nameStart = offset + MemoryLayout<inotify_event>.size
            let nameBytes = buffer[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset = nameStart + nameLength
            lock.lock()
            let folder = folders[wd]
            lock.unlock()
            guard let folder, !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
            let path = folder.isEmpty ? name : "\(folder)/\(name)"
            if folder.isEmpty && ignored.contains(name) { continue }
            found = true
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                changed.insert(path + "/")
            } else {
                if mask & UInt32(IN_CREATE) != 0 { open.insert(path) } else { open.remove(path) }
                changed.insert(path)
            }
        }
        return found
        #else
        return false
        #endif
    }
}
