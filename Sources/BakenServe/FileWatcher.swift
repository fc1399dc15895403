#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches a folder tree with Linux's inotify and reports the relative paths of files that changed.
/// Folders made later are watched too; the output folder and hidden folders are left out.
final class FileWatcher: @unchecked Sendable {
    private let root: URL
    private let ignored: Set<String>
    private let descriptor: Int32
    /// Watch descriptor → folder path relative to root ("" for root).
    private var folders: [Int32: String] = [:]
    private let lock = NSLock()
    private var stopped = false

    /// Makes `next` return an empty set within half a second, for good.
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

    /// Blocks until something changes (or half a second passes), then waits `settle` for more changes and returns them all.
    func next(settle: TimeInterval = 0.03) -> Set<String> {
        var changed = Set<String>()
        read(into: &changed, timeout: 500)
        if changed.isEmpty { return changed }
        let deadline = Date().addingTimeInterval(settle)
        while Date() < deadline {
            read(into: &changed, timeout: Int32(max(1, deadline.timeIntervalSinceNow * 1000)))
        }
        return changed
    }

    private func read(into changed: inout Set<String>, timeout: Int32) {
        #if canImport(Glibc)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeout) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        var offset = 0
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
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                changed.insert(path + "/")
            } else {
                changed.insert(path)
            }
        }
        #endif
    }
}
