import Foundation

/// Where each translation stands against its default-language source page.
public struct TranslationStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        case missing, upToDate = "up to date", outdated, unmarked = "not marked"
        /// `machine_translated: true`, and the source has not changed since: a person still has to check it.
        case machineTranslated = "machine translation, not checked"
    }

    public struct Entry: Sendable, Equatable {
        public let language: String
        public let source: String
        /// The translation's file; nil when it is missing.
        public let file: String?
        public let state: State
        /// What changed in the source since the translation was marked, as a unified diff, when known.
        public let changes: String?
        /// The translation says `machine_translated: true`; its state is `outdated` when the source changed since.
        public var machineTranslated = false
    }

    public let entries: [Entry]
}

extension Page {
    /// The short hash a translation records of its source: front matter and body together.
    var sourceHash: String {
        keptSourceHash ?? String(SHA256.hex(Array((frontMatterText + "\n---\n" + body).utf8)).prefix(12))
    }
}

extension Site {
    /// The default-language page a translation was made from.
    func source(of index: Int) -> Int? {
        let page = pages[index].page
        guard page.language != config.defaultLanguage else { return nil }
        return translations[page.translationKey]?[config.defaultLanguage]
    }

    /// Whether a translation's source changed since the translation was marked.
    func isOutdated(_ index: Int) -> Bool {
        guard let recorded = pages[index].page.frontMatter.translationOf, let source = source(of: index) else { return false }
        return pages[source].page.sourceHash != recorded
    }
}

extension Baken {
    /// Per language: missing, up to date, outdated or not marked; for outdated pages the source's change
    /// since the marked version when git still has that version (the last commit's copy).
    public static func translations(_ options: BuildOptions) throws(BuildFailure) -> TranslationStatus {
        var diagnostics = Diagnostics()
        let tree = SourceTree(options)
        let source = try SiteSource.load(from: tree, includeDrafts: options.includeDrafts, today: options.today, diagnostics: &diagnostics)
        let site = Site.assemble(source, diagnostics: &diagnostics)
        try diagnostics.check()
        var entries: [TranslationStatus.Entry] = []
        for language in site.config.languages where language.code != site.config.defaultLanguage {
            for entry in site.pages where entry.page.language == site.config.defaultLanguage && !entry.page.file.hasPrefix("themes/") {
                guard let translated = site.translations[entry.page.translationKey]?[language.code] else {
                    entries.append(.init(language: language.code, source: entry.page.file, file: nil, state: .missing, changes: nil))
                    continue
                }
                let page = site.pages[translated].page
                var state = TranslationStatus.State.unmarked, changes: String?
                if let recorded = page.frontMatter.translationOf {
                    state = recorded == entry.page.sourceHash ? .upToDate : .outdated
                    if state == .outdated { changes = self.changes(of: entry.page, since: recorded, in: options.site) }
                }
                if page.frontMatter.machineTranslated && state != .outdated { state = .machineTranslated }
                var listed = TranslationStatus.Entry(language: language.code, source: entry.page.file, file: page.file, state: state, changes: changes)
                listed.machineTranslated = page.frontMatter.machineTranslated
                entries.append(listed)
            }
        }
        return TranslationStatus(entries: entries)
    }

    /// Writes `translationOf: <hash of the source now>` into a translation's front matter; the rest of the file stays byte for byte.
    public static func markTranslation(_ file: String, options: BuildOptions) throws(BuildFailure) -> String {
        var diagnostics = Diagnostics()
        let tree = SourceTree(options)
        let source = try SiteSource.load(from: tree, includeDrafts: true, today: options.today, diagnostics: &diagnostics)
        let site = Site.assemble(source, diagnostics: &diagnostics)
        try diagnostics.check()
        guard let index = site.fileIndex[file] else {
            throw BuildFailure([Diagnostic(file: file, "no such page: name a translation's file, such as content/en/norms/catcalling.md")])
        }
        guard let sourceIndex = site.source(of: index) else {
            throw BuildFailure([Diagnostic(file: file, "this page has no source in \(site.config.defaultLanguage) to be a translation of: give it the translationKey of its source, or the same path")])
        }
        let hash = site.pages[sourceIndex].page.sourceHash
        guard let text = try? String(contentsOf: tree.url(file), encoding: .utf8) else {
            throw BuildFailure([Diagnostic(file: file, "cannot read this file")])
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharactersInSet() == "---" }) else {
            throw BuildFailure([Diagnostic(file: file, line: 1, "the front matter is not closed")])
        }
        if let existing = lines[1..<end].firstIndex(where: { $0.hasPrefix("translationOf:") }) {
            lines[existing] = "translationOf: \(hash)"
        } else {
            lines.insert("translationOf: \(hash)", at: end)
        }
        do {
            try Data(lines.joined(separator: "\n").utf8).write(to: tree.url(file))
        } catch {
            throw BuildFailure([Diagnostic(file: file, "cannot write this file: \(error.localizedDescription)")])
        }
        return hash
    }

    /// The source's diff from the last commit's version, when that version is the one the translation was marked against.
    private static func changes(of page: Page, since recorded: String, in folder: URL) -> String? {
        guard let old = git(["show", "HEAD:./\(page.file)"], in: folder) else { return nil }
        guard case .success(let split) = FrontMatter.split(old, file: page.file) else { return nil }
        var before = page
        before.frontMatterText = split.yaml
        before.body = split.body
        guard before.sourceHash == recorded else { return nil }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("baken-diff-\(UUID().uuidString)")
        try? Data(old.utf8).write(to: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }
        return git(["diff", "--no-index", "--no-color", "-U1", temporary.path, folder.appendingPathComponent(page.file).path], in: folder, allowFailure: true)
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("@@") }.joined(separator: "\n") }
    }

    private static func git(_ arguments: [String], in folder: URL, allowFailure: Bool = false) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 || allowFailure else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Baken {
    /// Translation states as one JSON array of {language, source, file, state, machineTranslated}, for CI.
    public static func json(_ status: TranslationStatus) -> String {
        JSON.array(status.entries.map { entry in
            .object([
                "language": .string(entry.language), "source": .string(entry.source),
                "file": entry.file.map(JSON.string) ?? .null, "state": .string(entry.state.rawValue),
                "machineTranslated": .bool(entry.machineTranslated),
            ])
        }).text() + "\n"
    }
}
