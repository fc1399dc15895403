import BakenCore
import Foundation
import Hummingbird

/// `baken serve`: builds the site, serves it on localhost, rebuilds what each change affects,
/// and reloads open pages; a failed build shows over the page while the last good build stays served.
public struct PreviewServer: Sendable {
    public let options: BuildOptions
    public let port: Int
    /// Called with each line worth telling the person at the terminal.
    public let log: @Sendable (String) -> Void
    /// Called with the port once the server listens (useful with port 0, which picks a free one).
    public let onReady: @Sendable (Int) -> Void

    public init(options: BuildOptions, port: Int, log: @escaping @Sendable (String) -> Void, onReady: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.options = options
        self.port = port
        self.log = log
        self.onReady = onReady
    }

    public func run() async throws {
        let live = LiveSite(options)
        let reload = LiveReload()
        await build(reload) { () throws(BuildFailure) in try live.rebuildAll() }

        let outputName = options.output.standardizedFileURL.lastPathComponent
        let watchedRoot = options.site.standardizedFileURL
        guard let watcher = FileWatcher(root: watchedRoot, ignoring: [outputName, "public", ".build"]) else {
            throw BuildFailure([Diagnostic(file: nil, "cannot watch \(watchedRoot.path) for changes")])
        }
        defer { watcher.stop() }
        // One thread makes every change, in order, off the threads that serve requests. After an edit's pages
        // are written and the browser told, the files made from all pages follow, unless more edits already
        // wait: those come first, and one follow-up then covers them all.
        Thread.detachNewThread {
            var followUp = false
            while !watcher.isStopped {
                let change = watcher.next(timeout: followUp ? 0 : 500)
                if !change.paths.isEmpty {
                    followUp = PreviewServer.rebuild(live, change: change, reload: reload, log: self.log)
                } else if followUp {
                    PreviewServer.finish(live, reload: reload, log: self.log)
                    followUp = false
                }
            }
        }

        let router = Router()
        router.get(RouterPath(stringLiteral: LiveScript.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveScript.source)))
        }
        router.get(RouterPath(stringLiteral: LiveScript.events)) { _, _ in
            let stream = await reload.subscribe()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: .init { writer in
                for await state in stream {
                    try await writer.write(ByteBuffer(string: LiveReload.event(state)))
                }
                try await writer.finish(nil)
            })
        }
        let output = options.output
        router.get("/") { request, _ in PreviewServer.file(at: request.uri.path, in: output) }
        router.get("**") { request, _ in PreviewServer.file(at: request.uri.path, in: output) }
        let log = self.log, onReady = self.onReady, site = options.site.path, drafts = options.includeDrafts
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "baken"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                log("Serving \(site) at http://127.0.0.1:\(bound)/\(drafts ? " (drafts shown)" : ""); press Ctrl-C to stop")
                onReady(bound)
            })
        try await app.runService()
    }

    private func build(_ reload: LiveReload, _ work: () throws(BuildFailure) -> LiveUpdate) async {
        switch Result(catching: work) {
        case .success(let update):
            for warning in update.warnings { log(warning.description) }
            log("Built in \(String(format: "%.0f", update.seconds * 1000)) ms")
            await reload.succeeded()
        case .failure(let failure):
            for diagnostic in failure.diagnostics { log(diagnostic.description) }
            await reload.publish(.failed(failure.diagnostics.map(\.description)))
        }
    }

    /// Tells the open pages, from the watcher's thread.
    private static func tell(_ reload: LiveReload, _ state: LiveReload.State?) {
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            if let state { await reload.publish(state) } else { await reload.succeeded() }
            semaphore.signal()
        }
        semaphore.wait()
    }

    /// The first step after a change: the edited pages, or the whole site; then the browser reloads.
    /// Returns whether the files made from all pages still wait.
    static func rebuild(_ live: LiveSite, change: FileWatcher.Change, reload: LiveReload, log: (String) -> Void) -> Bool {
        let changed = change.paths
        switch Result(catching: { () throws(BuildFailure) in try live.update(changed) }) {
        case .success(let update):
            let since = Date().timeIntervalSince(change.first) * 1000
            log("\(changed.sorted().joined(separator: ", ")) changed: \(update.changed.count) files written in \(String(format: "%.0f", update.seconds * 1000)) ms, \(String(format: "%.0f", since)) ms after the change\(update.full ? " (whole site)" : "")")
            tell(reload, nil)
        case .failure(let failure):
            for diagnostic in failure.diagnostics { log(diagnostic.description) }
            tell(reload, .failed(failure.diagnostics.map(\.description)))
        }
        return live.hasFollowUp
    }

    /// The second step: search, feeds and the other files made from all pages. The open page reloaded
    /// already; a failure to write shows over it.
    static func finish(_ live: LiveSite, reload: LiveReload, log: (String) -> Void) {
        switch Result(catching: { () throws(BuildFailure) in try live.finish() }) {
        case .success(let update):
            log("search and site files: \(update.changed.count) files written in \(String(format: "%.0f", update.seconds * 1000)) ms")
        case .failure(let failure):
            for diagnostic in failure.diagnostics { log(diagnostic.description) }
            tell(reload, .failed(failure.diagnostics.map(\.description)))
        }
    }

    /// A file of the built site; HTML gets the live script; a missing page gets its language's 404 page.
    static func file(at path: String, in output: URL) -> Response {
        let clean = (path.removingPercentEncoding ?? path).split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "/")
        var url = output.appendingPathComponent(clean)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("index.html")
        }
        var status = HTTPResponse.Status.ok
        if !FileManager.default.fileExists(atPath: url.path) {
            status = .notFound
            let language = clean.split(separator: "/").first.map(String.init) ?? ""
            let localized = output.appendingPathComponent(language).appendingPathComponent("404.html")
            url = FileManager.default.fileExists(atPath: localized.path) ? localized : output.appendingPathComponent("404.html")
        }
        guard let data = try? Data(contentsOf: url) else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "Not found")))
        }
        let type = contentType(url.pathExtension)
        var body = ByteBuffer(bytes: data)
        if url.pathExtension == "html" {
            body = ByteBuffer(string: LiveScript.inject(into: String(decoding: data, as: UTF8.self)))
        }
        return Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: body))
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "application/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "woff2": "font/woff2"
        case "vcf": "text/vcard; charset=utf-8"
        case "zip": "application/zip"
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        case "vtt": "text/vtt; charset=utf-8"
        case "mp4": "video/mp4"
        case "webm": "video/webm"
        default: "application/octet-stream"
        }
    }
}
