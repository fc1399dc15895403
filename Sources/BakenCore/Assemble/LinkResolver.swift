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

    func rewrite(_ document: MarkdownDocument, in page: Page, firstLine: Int, diagnostics: inout Diagnostics, fieldLine: Bool = false) {
        document.rewriteLinks { url, line, _ in
            // Text in a front matter field has no lines of its own in the file: point at the field.
            let fileLine = fieldLine ? firstLine : firstLine + line - 1
            guard Self.isRelativeFile(url) else { return nil }
            let (path, fragment) = Self.splitFragment(url)
            if path.isEmpty { return nil }
            if let target = target(of: path, from: page) { return target + fragment }
            let resolved = Self.resolve(path, from: page.file) ?? path
            if failed.contains(resolved) { return nil }
            if path.hasSuffix(".md") {
                diagnostics.error(page.file, fileLine, "link to '\(path)' leads nowhere: there is no page \(resolved)\(page.frontMatter.draft ? "" : " (or it is a draft)"); link to an existing .md file")
            } else {
                diagnostics.error(page.file, fileLine, "link to '\(path)' leads nowhere: there is no file \(resolved); put the file next to the page or correct the link")
            }
            return nil
        }
    }

    /// The address of a page or file named relative to `page`'s file, or nil.
    func target(of path: String, from page: Page) -> String? {
        guard let resolved = Self.resolve(path, from: page.file) else { return nil }
        if let url = pagesByFile[resolved] { return url }
        if let output = resources[resolved] { return root + output }
        return nil
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
