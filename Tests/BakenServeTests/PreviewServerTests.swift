@testable import BakenServe
import BakenCore
import Foundation
import Testing

/// The preview server as a browser sees it: pages, the live script, reload and error events over SSE.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesReloadsOnChangeAndShowsErrors() async throws {
        let site = try ServedSite([
            "themes/t/layouts/404.mustache": "<html><body>weg</body></html>",
            "content/nl/_index.md": "---\ntitle: Home\n---\nEerst.",
            "content/nl/concept.md": "---\ntitle: Concept\ndraft: true\n---\nNog niet klaar.",
        ])
        let (port, task, _) = try await site.serve()
        defer { task.cancel() }
        func write(_ path: String, _ text: String) throws { try site.write(path, text) }

        let home = try HTTP.get(port: port, path: "/")
        #expect(home.status == 200)
        #expect(home.body.contains("<h1>Home</h1>"))
        #expect(home.body.contains("<script src=\"/_baken/live.js\" defer></script></body>"))
        #expect(try HTTP.get(port: port, path: "/concept/").body.contains("Nog niet klaar."))
        #expect(try HTTP.get(port: port, path: "/bestaat-niet/").status == 404)
        #expect(try HTTP.get(port: port, path: "/_baken/live.js").body.contains("EventSource"))

        let events = try HTTP.EventStream(port: port, path: "/_baken/events")
        #expect(try events.next() == ("ready", "1"))

        try write("content/nl/_index.md", "---\ntitle: Home\n---\nTweede versie.")
        #expect(try events.next() == ("ready", "2"))
        #expect(try HTTP.get(port: port, path: "/").body.contains("Tweede versie."))

        try write("content/nl/_index.md", "---\ntitle: Home\n---\n[kapot](weg.md)")
        let failed = try events.next()
        #expect(failed.0 == "failed")
        #expect(failed.1.hasPrefix("content/nl/_index.md:4: link to 'weg.md' leads nowhere"))
        #expect(try HTTP.get(port: port, path: "/").body.contains("Tweede versie."))

        try write("content/nl/_index.md", "---\ntitle: Home\n---\nHersteld.")
        #expect(try events.next() == ("ready", "3"))
    }

    @Test func writesAnEditedPageAtOnceAndTheSearchIndexRightAfter() async throws {
        let site = try ServedSite([
            "themes/t/layouts/search.mustache": "<html><body><form data-index=\"{{search.index}}\"></form></body></html>",
            "content/nl/_index.md": "---\ntitle: Home\n---\nEerst.",
            "content/nl/a.md": "---\ntitle: A\n---\nAppel.",
            "content/nl/b.md": "---\ntitle: B\n---\nBanaan.",
        ])
        let clean = FileManager.default.temporaryDirectory.appendingPathComponent("baken-serve-clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clean) }
        let (port, task, log) = try await site.serve()
        defer { task.cancel() }
        let options = site.options
        // Written in place, as most editors save: the watcher sees the page itself change.
        func write(_ path: String, _ text: String) throws { try site.write(path, text, inPlace: true) }
        let events = try HTTP.EventStream(port: port, path: "/_baken/events")
        #expect(try events.next() == ("ready", "1"))

        let index = try String(contentsOf: options.output.appendingPathComponent("search-index/nl/index.js"), encoding: .utf8)
        try write("content/nl/a.md", "---\ntitle: A\n---\nPeer.")
        #expect(try events.next() == ("ready", "2"))
        #expect(try HTTP.get(port: port, path: "/a/").body.contains("Peer."))
        // A second edit right after the first, while the first one's follow-up may still wait or run.
        try write("content/nl/b.md", "---\ntitle: B\n---\nKers.")
        #expect(try events.next() == ("ready", "3"))
        #expect(try HTTP.get(port: port, path: "/b/").body.contains("Kers."))

        try Baken.build(BuildOptions(site: site.root, output: clean, includeDrafts: true))
        var same = false
        for _ in 0..<300 where !same {
            try await Task.sleep(nanoseconds: 100_000_000)
            same = Self.files(in: options.output) == Self.files(in: clean)
        }
        #expect(same, "the preview folder equals a clean build once the follow-up is written")
        #expect(log.lines.contains { $0.hasPrefix("search and site files:") })
        #expect(!log.lines.contains { $0.contains("(whole site)") })
        #expect(try String(contentsOf: options.output.appendingPathComponent("search-index/nl/index.js"), encoding: .utf8) != index)
    }

    /// Every file of a folder with its bytes.
    static func files(in folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            result[String(url.path.dropFirst(folder.path.count + 1))] = try? Data(contentsOf: url)
        }
        return result
    }
}

/// A site for the server to watch, written from inline files with a one-language site.yml and a page layout.
struct ServedSite {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("baken-serve-\(UUID().uuidString)")
    var options: BuildOptions { BuildOptions(site: root, output: root.appendingPathComponent(".baken-preview"), includeDrafts: true) }

    init(_ files: [String: String]) throws {
        let base = [
            "site.yml": "title: T\nbaseURL: https://example.nl/\ntheme: t\nlanguages:\n  - code: nl\n    name: Nederlands\n",
            "themes/t/layouts/page.mustache": "<html><body><h1>{{page.title}}</h1>{{{page.content}}}</body></html>",
        ]
        for (path, text) in base.merging(files, uniquingKeysWith: { _, new in new }) { try write(path, text) }
    }

    /// Into a new file renamed over the old one; `inPlace`, into the file itself.
    func write(_ path: String, _ text: String, inPlace: Bool = false) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: !inPlace, encoding: .utf8)
    }

    /// Starts the server on a free port once its first build is done; its lines go into `log`.
    func serve() async throws -> (port: Int, task: Task<Void, Error>, log: LogBox) {
        let ready = PortBox(), log = LogBox()
        let server = PreviewServer(options: options, port: 0, log: { log.add($0) }, onReady: { ready.set($0) })
        let task = Task { try await server.run() }
        return (try await ready.wait(), task, log)
    }
}

/// Hands the server's port from its callback to the test.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    func set(_ value: Int) {
        lock.lock()
        port = value
        lock.unlock()
    }

    private var current: Int? {
        lock.lock()
        defer { lock.unlock() }
        return port
    }

    func wait() async throws -> Int {
        for _ in 0..<600 {
            if let value = current { return value }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw HTTP.Failure.timeout
    }
}

/// The lines the server logs, for the test to read.
final class LogBox: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [String] = []

    func add(_ line: String) {
        lock.lock()
        all.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return all
    }
}
