import Foundation

/// Where the stages put the files they make, from any thread: the one seam between making a site and writing it.
/// A build's sink is its staging folder; the live preview collects the files and writes those whose bytes changed.
protocol OutputSink: Sendable {
    func write(_ file: OutputFile)
}

extension Staging: OutputSink {}

/// Files kept in memory as they are made, for the live preview to compare with what its folder holds.
final class CollectedFiles: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    func write(_ file: OutputFile) {
        lock.withLock { collected.append(file) }
    }

    /// The files, sorted by path: the order threads delivered them in does not matter.
    var files: [OutputFile] { lock.withLock { collected }.sorted { $0.path < $1.path } }
}
