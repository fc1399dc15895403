import BakenMarkdown
import Foundation

extension Baken {
    /// Writes the targets of an XLIFF file into the translations' files and marks them up to date with their source.
    /// Every unit is checked first; one mistake anywhere and no file changes. Returns the files written.
    public static func importXLIFF(_ text: String, path: String, options: BuildOptions) throws(BuildFailure) -> [String] {
        let site = try translationSite(options)
        let files: [XLIFF.File]
        switch XLIFF.read(text, path: path) {
        case .success(let read): files = read
        case .failure(let diagnostic): throw BuildFailure([diagnostic])
        }
        guard let first = files.first else {
            throw BuildFailure([Diagnostic(file: path, line: 1, "there is no <file> in this XLIFF: import a file that baken translations export wrote")])
        }
        let language = first.targetLanguage
        var problems: [Diagnostic] = []
        for file in files {
            if file.sourceLanguage != site.config.defaultLanguage {
                problems.append(Diagnostic(file: path, line: file.line, "source-language is '\(file.sourceLanguage)', but this site's pages are written in '\(site.config.defaultLanguage)': import a file exported from this site"))
            }
            if file.targetLanguage != language {
                problems.append(Diagnostic(file: path, line: file.line, "target-language is '\(file.targetLanguage)', but the first <file> says '\(language)': one XLIFF file holds one language"))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        try site.checkTargetLanguage(language, file: path, line: first.line)

        // Units by page: the <file>'s original, or (after a trip through PO) the unit's location.
        var order: [String] = []
        var byPage: [String: [XLIFF.Unit]] = [:]
        for file in files {
            for var unit in file.units {
                var page = file.original
                if !site.isSourcePage(page), let location = unit.location, let hash = location.lastIndex(of: "#") {
                    page = String(location[..<hash])
                    unit.id = String(location[location.index(after: hash)...])
                }
                if byPage[page] == nil { order.append(page) }
                byPage[page, default: []].append(unit)
            }
        }
        var writes: [(file: String, text: String)] = []
        for page in order {
            switch site.importedText(page, units: byPage[page] ?? [], language: language, path: path, tree: SourceTree(options)) {
            case .success(let write?): writes.append(write)
            case .success(nil): break
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        let tree = SourceTree(options)
        for write in writes {
            let url = tree.url(write.file)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(write.text.utf8).write(to: url)
            } catch {
                throw BuildFailure([Diagnostic(file: write.file, "cannot write this file: \(error.localizedDescription)")])
            }
        }
        return writes.map(\.file)
    }
}

extension Site {
    func isSourcePage(_ file: String) -> Bool {
        fileIndex[file].map { pages[$0].page.language == config.defaultLanguage } ?? false
    }

    /// The new text of the translation of `file`, nil when the targets say what it says already.
    func importedText(_ file: String, units: [XLIFF.Unit], language: String, path: String, tree: SourceTree)
        -> Result<(file: String, text: String)?, BuildFailure> {
        guard let index = fileIndex[file], isSourcePage(file) else {
            let line = units.first?.line ?? 1
            return .failure(BuildFailure([Diagnostic(file: path, line: line, "there is no page \(file) in '\(config.defaultLanguage)': import a file exported from this site, with <file original> as it was")]))
        }
        let source = pages[index].page
        let current = source.translationUnits()
        let byID = Dictionary(current.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [Diagnostic] = []
        var targets: [String: [Segment]] = [:]
        var raw: Set<String> = []
        for unit in units {
            guard let now = byID[unit.id] else {
                let hash = String(SHA256.hex(Array(unit.source.markdown().utf8)).prefix(8))
                let changed = unit.id.hasSuffix(hash) || unit.id.contains("-\(hash)-")
                problems.append(Diagnostic(file: path, line: unit.line, changed
                    ? "unit '\(unit.id)' of \(file): the page no longer has this text (it changed since the export): export again and translate the new text"
                    : "unit '\(unit.id)' is not a unit of \(file): keep the ids of the export (\(current.prefix(3).map(\.id).joined(separator: ", "))\(current.count > 3 ? ", …" : ""))"))
                continue
            }
            guard now.segments.flat == unit.source.flat else {
                problems.append(Diagnostic(file: path, line: unit.line, "unit '\(unit.id)' of \(file): the source no longer matches the page, which now reads \"\(now.segments.plainText)\": export again and translate the new text"))
                continue
            }
            guard let target = unit.target else { continue }
            if !unit.targetHasCodes && now.segments.contains(where: { if case .code = $0 { true } else { false } }) { raw.insert(unit.id) }
            targets[unit.id] = target
        }
        if !problems.isEmpty { return .failure(BuildFailure(problems)) }

        let existingIndex = translationPage(of: index, in: language)
        let existing = existingIndex.map { pages[$0].page }
        let exported = existing?.targets(for: current, source: source) ?? [:]
        let output = existing?.file ?? "content/\(language)/" + source.file.split(separator: "/").dropFirst(2).joined(separator: "/")
        var writer = TranslationWriter(site: self, source: source, output: output, language: language)
        let changed = current.filter { unit in
            guard let target = targets[unit.id] else { return false }
            let new = raw.contains(unit.id) ? writer.rawMarkdown(target) : writer.markdown(target, unit: unit)
            return exported[unit.id].map { writer.markdown($0, unit: unit) } != new
        }
        if changed.isEmpty { return .success(nil) }
        for unit in changed where !raw.contains(unit.id) {
            let known = unit.segments.codes
            for case .code(let code) in targets[unit.id] ?? [] where !(known[code.id]?.contains { $0.role == code.role } ?? false) {
                let line = units.first { $0.id == unit.id }?.line ?? 1
                problems.append(Diagnostic(file: path, line: line, "unit '\(unit.id)' of \(file): the target has an inline tag with id=\"\(code.id)\" that its source does not have: keep the tags of <source>, with their ids"))
            }
        }
        if !problems.isEmpty { return .failure(BuildFailure(problems)) }

        // Without a translation whose blocks line up, the source's text is the skeleton, and every unit needs a target.
        let skeleton = existing.flatMap { page in exported.isEmpty ? nil : page } ?? source
        let missing = current.filter { targets[$0.id] == nil && exported[$0.id] == nil }
        if skeleton.file == source.file || !missing.isEmpty, let unit = missing.first {
            let line = units.first { $0.id == unit.id }?.line ?? units.first?.line ?? 1
            return .failure(BuildFailure([Diagnostic(file: path, line: line, "unit '\(unit.id)' of \(file) has no target: translate every unit of a page, or none of them to leave the page as it is")]))
        }
        guard let text = try? String(contentsOf: tree.url(skeleton.file), encoding: .utf8) else {
            return .failure(BuildFailure([Diagnostic(file: skeleton.file, "cannot read this file")]))
        }
        writer.raw = raw
        switch writer.write(text, skeleton: skeleton, units: current, targets: targets, exported: exported, sourceHash: source.sourceHash) {
        case .success(let written):
            if written == text && skeleton.file == output { return .success(nil) }
            return .success((output, written))
        case .failure(let problem): return .failure(BuildFailure([Diagnostic(file: path, line: units.first?.line ?? 1, "\(file): \(problem.message)")]))
        }
    }
}

extension [Segment] {
    /// The text as one string with the codes' Markdown in it: what tools that drop inline elements (xliff2po) keep.
    var flat: String {
        map { segment in
            switch segment {
            case .text(let text): text
            case .code(let code): code.native
            }
        }.joined()
    }
}
