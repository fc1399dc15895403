import Foundation

/// Prints each pack's teacher guide and worksheets to PDF through Debian's headless Chromium (`baken build --pdf`).
/// Like load and write, it touches the disk: each pack is unpacked into a temporary folder that Chromium opens
/// from file://, with every host name unresolvable so that nothing is fetched.
struct PDFPrinter: Sendable {
    let chromium: URL
    static let timeout: TimeInterval = 120

    /// Chromium from `BAKEN_CHROMIUM` or the PATH (`chromium`, `chromium-browser`), or nil.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFPrinter? {
        if let path = environment["BAKEN_CHROMIUM"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? PDFPrinter(chromium: URL(fileURLWithPath: path)) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return PDFPrinter(chromium: URL(fileURLWithPath: path)) }
            }
        }
        return nil
    }

    /// What the build says about PDFs when the packs have none.
    static func note(packs: Int, asked: Bool, printed: Bool) -> String? {
        guard packs > 0, !printed else { return nil }
        return asked
            ? "Chromium was not found, so the lesson packs hold print-ready HTML only, no PDF (install Debian's chromium for PDFs)."
            : "The lesson packs hold print-ready HTML only; build with --pdf to add PDFs of the teacher guides and worksheets."
    }

    /// Adds `pdf/…` to every pack that lists printable documents.
    func print(_ packs: inout [LessonPack], diagnostics: inout Diagnostics) {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("baken-pdf-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        for index in packs.indices where !packs[index].printable.isEmpty {
            let pack = packs[index]
            let folder = work.appendingPathComponent(pack.module.fileName)
            do {
                let printed = Set(pack.printable.map(\.html))
                for file in pack.files {
                    let url = folder.appendingPathComponent(file.path)
                    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try (printed.contains(file.path) ? Self.withoutLocalLinks(file.data) : file.data).write(to: url)
                }
            } catch {
                diagnostics.error(pack.source, nil, "cannot unpack the lesson's pack into \(work.path) to print it: \(error.localizedDescription)")
                continue
            }
            for printable in pack.printable {
                let output = work.appendingPathComponent("out.pdf")
                try? fm.removeItem(at: output)
                let problem = run(folder.appendingPathComponent(printable.html), ["--print-to-pdf=\(output.path)"], profile: work.appendingPathComponent("profile"))
                guard problem == nil, let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
                    diagnostics.error(pack.source, nil, "Chromium could not print \(printable.html) of this lesson's pack to PDF\(problem.map { ": \($0)" } ?? ""); build without --pdf for print-ready HTML only")
                    continue
                }
                packs[index].files.append(LessonPack.File(
                    path: printable.pdf, data: Self.renumberNodes(Self.fixDates(data, to: pack.module.date)), kind: .pdf, title: printable.title,
                    forTeachers: printable.html.hasPrefix("teacher-guide")))
            }
        }
    }

    /// Runs Chromium once on `html` with `output` (what to make); a message when it failed or took too long.
    private func run(_ html: URL, _ output: [String], profile: URL) -> String? {
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile.path)",
            // Wait for fonts and layout in virtual time, so a busy machine prints the same bytes.
            "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000",
        ] + output + [html.absoluteString]
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "\(chromium.path) did not start (\(error.localizedDescription))"
        }
        let deadline = Date().addingTimeInterval(Self.timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return "it took longer than \(Int(Self.timeout)) seconds"
        }
        return process.terminationStatus == 0 ? nil : "it exited with status \(process.terminationStatus)"
    }

    /// A link between a pack's files would become a file:// address of the temporary folder in the PDF:
    /// such links lose their href (their text stays); links to the web and within the page stay links.
    static func withoutLocalLinks(_ html: Data) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        var result = ""
        while let open = text.range(of: "<a "), let close = text[open.upperBound...].firstIndex(of: ">") {
            result += text[..<open.lowerBound]
            var tag = String(text[open.lowerBound...close])
            if let href = tag.range(of: " href=\""), let end = tag[href.upperBound...].firstIndex(of: "\"") {
                let value = tag[href.upperBound..<end]
                if !["http:", "https:", "mailto:", "tel:", "#"].contains(where: { value.hasPrefix($0) }) {
                    tag.removeSubrange(href.lowerBound...end)
                }
            }
            result += tag
            text = String(text[text.index(after: close)...])
        }
        return Data((result + text).utf8)
    }

    /// A tagged PDF names its structure elements after Chromium's DOM nodes, `(node00000097)`, and where that count
    /// starts differs from run to run. The names are numbered again from 1 in their own order, in as many bytes,
    /// so the same page prints to the same bytes, the ID tree stays sorted and the PDF's offsets stay right.
    static func renumberNodes(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        let marker = Array("(node".utf8), digits = 8
        var found: [(at: Int, number: Int)] = []
        var index = 0
        while index + marker.count + digits < bytes.count {
            if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) {
                let start = index + marker.count
                let run = bytes[start..<start + digits]
                if run.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[start + digits] == UInt8(ascii: ")"), let number = Int(String(decoding: run, as: UTF8.self)) {
                    found.append((start, number))
                    index = start + digits
                    continue
                }
            }
            index += 1
        }
        let order = Dictionary(uniqueKeysWithValues: Set(found.map(\.number)).sorted().enumerated().map { ($1, $0 + 1) })
        for (at, number) in found {
            let text = String(order[number]!)
            bytes.replaceSubrange(at..<at + digits, with: Array((String(repeating: "0", count: digits - text.count) + text).utf8))
        }
        return Data(bytes)
    }

    /// Chromium writes the time of printing into the PDF; the pack's date takes its place, in as many bytes,
    /// so that the same pack prints to the same bytes and the PDF's offsets stay right.
    static func fixDates(_ pdf: Data, to day: Day) -> Data {
        var bytes = [UInt8](pdf)
        let stamp = Array((day.description.replacingOccurrences(of: "-", with: "") + "000000").utf8)
        let marker = Array("(D:".utf8)
        var index = 0
        while index + marker.count + stamp.count <= bytes.count {
            if bytes[index..<index + marker.count].elementsEqual(marker),
               bytes[(index + marker.count)..<(index + marker.count + stamp.count)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                bytes.replaceSubrange((index + marker.count)..<(index + marker.count + stamp.count), with: stamp)
                index += marker.count + stamp.count
            } else {
                index += 1
            }
        }
        return Data(bytes)
    }

    /// What went wrong when printing a page.
    struct Problem: Error {
        let message: String
    }

    /// Prints one page of the site to PDF: `html` stands at `path` in the output, beside the `assets` it loads (by
    /// their output paths), in a temporary folder, with its addresses on the site made relative.
    func printPage(_ html: String, at path: String, assets: [String: Data], root: String) -> Result<Data, Problem> {
        inFolder(html, at: path, assets: assets, root: root) { page, work in
            let output = work.appendingPathComponent("out.pdf")
            if let problem = run(page, ["--print-to-pdf=\(output.path)"], profile: work.appendingPathComponent("profile")) { return .failure(Problem(message: problem)) }
            guard let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else { return .failure(Problem(message: "it wrote no PDF")) }
            return .success(data)
        }
    }

    /// A PNG of one page of the site as the screen shows it in a window of `window` CSS pixels, scaled by `scale`.
    func screenshot(_ html: String, at path: String, assets: [String: Data], root: String, window: (width: Int, height: Int), scale: Double = 1) -> Result<Data, Problem> {
        inFolder(html, at: path, assets: assets, root: root) { page, work in
            let output = work.appendingPathComponent("out.png")
            let arguments = ["--screenshot=\(output.path)", "--window-size=\(window.width),\(window.height)", "--force-device-scale-factor=\(scale)", "--hide-scrollbars"]
            if let problem = run(page, arguments, profile: work.appendingPathComponent("profile")) { return .failure(Problem(message: problem)) }
            guard let data = try? Data(contentsOf: output), data.starts(with: Data([0x89, 0x50, 0x4E, 0x47])) else { return .failure(Problem(message: "it wrote no PNG")) }
            return .success(data)
        }
    }

    private func inFolder(_ html: String, at path: String, assets: [String: Data], root: String, _ body: (URL, URL) -> Result<Data, Problem>) -> Result<Data, Problem> {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("baken-print-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        do {
            for (file, data) in assets.sorted(by: { $0.key < $1.key }) + [(path, Data(Self.relativeAddresses(html, at: path, root: root).utf8))] {
                let url = site.appendingPathComponent(file)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            return .failure(Problem(message: "cannot write it into \(work.path) (\(error.localizedDescription))"))
        }
        return body(site.appendingPathComponent(path), work)
    }

    /// The addresses on the site (`href="/css/x.css"`, `src="/…"`) that a page loads or links to.
    static func rootAddresses(in html: String, root: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute + root + "/") {
                let value = rest[start.upperBound...]
                guard let end = value.firstIndex(of: "\"") else { break }
                let url = String(html[html.index(start.lowerBound, offsetBy: attribute.count)..<end])
                if !url.hasPrefix(root + "//") { found.append(url) }
                rest = html[end...]
            }
        }
        return found
    }

    /// `href="/css/x.css"` as `href="../../css/x.css"` for a page at `path`: a page opened from a folder finds what
    /// it loads there.
    static func relativeAddresses(_ html: String, at path: String, root: String) -> String {
        let up = String(repeating: "../", count: path.split(separator: "/").count - 1)
        var text = html
        for attribute in ["href=\"", "src=\""] {
            text = text.replacingOccurrences(of: attribute + root + "/", with: attribute + up)
        }
        return text.replacingOccurrences(of: "=\"" + up + "/", with: "=\"" + root + "//")
    }
}
