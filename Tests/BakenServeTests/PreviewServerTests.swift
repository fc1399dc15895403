@testable import BakenServe
import BakenCore
import Foundation
import Testing

/// The preview server as a browser sees it: pages, the live script, reload and error events over SSE.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesReloadsOnChangeAndShowsErrors() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("baken-serve-\(UUID().uuidString)")
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("site.yml", "title: T\nbaseURL: https://example.nl/\ntheme: t\nlanguages:\n  - code: nl\n    name: Nederlands\n")
        try write("themes/t/layouts/page.mustache", "<html><body><h1>{{page.title}}</h1>{{{page.content}}}</body></html>")
        try write("themes/t/layouts/404.mustache", "<html><body>weg</body></html>")
        try write("content/nl/_index.md", "---\ntitle: Home\n---\nEerst.")
        try write("content/nl/concept.md", "---\ntitle: Concept\ndraft: true\n---\nNog niet klaar.")

        let ready = PortBox()
        let options = BuildOptions(site: root, output: root.appendingPathComponent(".baken-preview"), includeDrafts: true)
        let server = PreviewServer(options: options, port: 0, log: { _ in }, onReady: { ready.set($0) })
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let port = try await ready.wait()

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
