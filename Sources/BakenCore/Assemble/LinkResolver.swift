import Foundation
import BakenMarkdown

/// Turns links to source files (`../omstanders/wat-kun-je-doen.md`) into addresses, and reports links that lead nowhere.
struct LinkResolver: Sendable {
    /// Source file → address.
    let pagesByFile: [String: String]
    /// Source file → output path (without root) of files in content/ that are not pages.
    let resources: [String: String]
    /// Pages whose own errors are already reported.
    let failed: Set<String>
    let root: String
    /// The pages' addresses, as written and decoded: a link to one of them needs no check once files are written.
    var pageAddresses: Set<String> = []

    /// Resolves the document's links to files (those in raw HTML too), adding the files of content/ they lead to to
    /// `usedFiles`, and warns of what the Markdown lost (raw HTML, unknown `:::` blocks); returns its
    /// links to addresses on the site (`/…`), with their lines, which the build checks once it knows every file it wrote.
    @discardableResult
    func rewrite(_ document: MarkdownDocument, in page: Page, firstLine: Int, usedFiles: inout [String], diagnostics: inout Diagnostics, fieldLine: Bool = false) -> [(line: Int, url: String)] {
        var rootLinks: [(line: Int, url: String)] = []
        // Text in a front matter field has no lines of its own in the file: point at the field.
        func fileLine(_ line: Int) -> Int { fieldLine ? firstLine : firstLine + line - 1 }
        for removal in document.warnings {
            diagnostics.warning(page.file, fileLine(removal.line), removal.message)
        }
        document.rewriteLinks { url, line, _ in
            let fileLine = fileLine(line)
            if url.hasPrefix("/") && !url.hasPrefix("//") && !isPageAddress(url) { rootLinks.append((fileLine, url)) }
            guard Self.isRelativeFile(url) else { return nil }
            let (path, fragment) = Self.splitFragment(url)
            if path.isEmpty { return nil }
            if let target = target(of: path, from: page) {
                if let file = usedFile(path, from: page) { usedFiles.append(file) }
                return target + fragment
            }
            if let message = nowhere(path, from: page) { diagnostics.error(page.file, fileLine, "link to " + message) }
            return nil
        }
        return rootLinks
    }

    /// Whether `url` is the address of a page, with or without its last `/`.
    func isPageAddress(_ url: String) -> Bool {
        let path = Self.splitFragment(url).0
        return pageAddresses.contains(path) || pageAddresses.contains(path + "/")
    }

    /// What is wrong with a link to `path` that has no target: `'x.md' leads nowhere: …`, with the nearest page as
    /// a suggestion; nil when the target is a page whose own errors were reported.
    func nowhere(_ path: String, from page: Page) -> String? {
        let resolved = Self.resolve(path, from: page.file) ?? path
        if Self.candidates(resolved, path: path).contains(where: failed.contains) { return nil }
        let hint = suggestion(for: resolved, from: page).map { " Did you mean '\($0)'?" } ?? ""
        if path.hasSuffix(".md") {
            return "'\(path)' leads nowhere: there is no page \(resolved)\(page.frontMatter.draft ? "" : " (or it is a draft)"); link to an existing .md file.\(hint)"
        }
        return "'\(path)' leads nowhere: there is no page or file \(resolved); put the file next to the page or correct the link.\(hint)"
    }

    /// The address of a page or file named relative to `page`'s file, or nil: a page by its file with or without
    /// `.md`, or by its folder (`x/` is `x/index.md` or `x/_index.md`), or a file beside the pages.
    func target(of path: String, from page: Page) -> String? {
        guard let resolved = Self.resolve(path, from: page.file) else { return nil }
        if let output = resources[resolved] { return root + output }
        for candidate in Self.candidates(resolved, path: path) {
            if let url = pagesByFile[candidate] { return url }
        }
        return nil
    }

    /// The file of content/ (not a page) that `path`, relative to `page`, names; nil for a page or nothing.
    func usedFile(_ path: String, from page: Page) -> String? {
        Self.resolve(path, from: page.file).flatMap { resources[$0] == nil ? nil : $0 }
    }

    /// The page files a link may mean: as written, with `.md`, or the folder's index.
    static func candidates(_ resolved: String, path: String) -> [String] {
        let folder = [resolved + "/index.md", resolved + "/_index.md"]
        if path.hasSuffix("/") || path == "." || path == ".." { return folder }
        if resolved.hasSuffix(".md") { return [resolved] }
        return [resolved + ".md"] + folder
    }

    /// The nearest page (or, for a link with another extension, file) to a link that leads nowhere, written as a
    /// link from `page`: in the same language, a few typing mistakes away.
    func suggestion(for resolved: String, from page: Page) -> String? {
        let parts = resolved.split(separator: "/")
        guard parts.count >= 3 else { return nil }
        let language = "\(parts[0])/\(parts[1])/"
        let name = Self.stem(resolved).split(separator: "/").last.map(String.init) ?? ""
        let isPage = resolved.hasSuffix(".md") || !name.contains(".")
        let wanted = Array(Self.stem(resolved).utf8)
        var best: (file: String, distance: Int)?
        for file in (isPage ? Array(pagesByFile.keys) : Array(resources.keys)).sorted() where file.hasPrefix(language) {
            let distance = Self.editDistance(wanted, Array(Self.stem(file).utf8))
            if distance < (best?.distance ?? Int.max) { best = (file, distance) }
        }
        // About one mistake in three letters of the name, and at least one: further away it is a guess.
        guard let best, best.distance <= max(1, name.count / 3) else { return nil }
        return Self.relative(best.file, from: page.linkPath)
    }

    /// `content/nl/x/index.md` → `content/nl/x`: what a link names, without the index file and `.md`.
    private static func stem(_ file: String) -> String {
        var text = file
        for suffix in ["/_index.md", "/index.md", ".md"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        return text
    }

    /// `file` as a link from the folder of `from`: `../haven-plus.md`.
    static func relative(_ file: String, from: String) -> String {
        let target = file.split(separator: "/"), base = from.split(separator: "/").dropLast()
        var shared = 0
        while shared < min(target.count - 1, base.count), target[shared] == base[shared] { shared += 1 }
        let up = Array(repeating: "..", count: base.count - shared)
        return (up + target[shared...].map(String.init)).joined(separator: "/")
    }

    /// Levenshtein distance on bytes.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...max(1, b.count) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A link with no scheme, not starting with `/` or `#`: a path relative to the page's file.
    static func isRelativeFile(_ url: String) -> Bool {
        if url.isEmpty || url.hasPrefix("/") || url.hasPrefix("#") || url.hasPrefix("?") { return false }
        if let colon = url.firstIndex(of: ":") {
            let scheme = url[..<colon]
            if !scheme.isEmpty && scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) { return false }
        }
        return true
    }

    static func splitFragment(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }

    /// `../omstanders/x.md` from `content/nl/normen/y.md` → `content/nl/omstanders/x.md`; nil above content/.
    static func resolve(_ path: String, from file: String) -> String? {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        // A theme's pages link as if they stood in the site's content/ folder.
        if parts.count > 2, parts[0] == "themes", parts[2] == "content" { parts.removeFirst(2) }
        for segment in (path.removingPercentEncoding ?? path).split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard parts.count > 1 else { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        guard parts.first == "content" else { return nil }
        return parts.joined(separator: "/")
    }
}
