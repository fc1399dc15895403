import Foundation
@testable import BakenCore
@testable import BakenMarkdown

/// One input as a page file: bytes → checked text → front matter → Markdown with shortcodes, heading ids and links resolved.
/// Besides crashes, it stops on answers that would be unsafe: an address that leaves the site, a script link in the HTML.
enum FuzzPage {
    static let audiences: Set<String> = ["omstanders", "lhbtiq"]
    static let resolver = LinkResolver(
        pagesByFile: ["content/nl/a.md": "/a/", "content/nl/normen/_index.md": "/normen/"],
        resources: ["content/nl/beeld.png": "/beeld.png"], failed: [], root: "")

    static func run(_ data: Data) {
        var diagnostics = Diagnostics()
        let file = "content/nl/normen/fuzz.md"
        guard let text = SourceTree.decode(data, file: file, limit: 1 << 20, diagnostics: &diagnostics) else { return }

        let body: String, bodyLine: Int
        var frontMatter = FrontMatter()
        switch FrontMatter.split(text, file: file) {
        case .success(let split):
            body = split.body
            bodyLine = split.bodyLine
            if let parsed = FrontMatter.parse(yaml: split.yaml, file: file, audiences: audiences, diagnostics: &diagnostics) {
                frontMatter = parsed
            }
            for alias in frontMatter.aliases {
                if let address = Site.aliasAddress(alias, root: "") {
                    check(!address.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }), "alias \(alias) → \(address)")
                }
            }
            if let slug = frontMatter.slug { check(FrontMatter.isSafeSegment(slug), "slug \(slug)") }
        case .failure:
            body = text
            bodyLine = 1
        }
        if text.hasPrefix("title:") || text.hasPrefix("languages:") {
            _ = try? SiteConfig.parse(text)
        }

        let page = Page(file: file, language: "nl", path: "normen/fuzz", kind: .page, frontMatter: frontMatter, body: body, bodyLine: bodyLine)
        let document = MarkdownDocument(body, options: MarkdownOptions(footnoteBackLabel: "Terug \"naar\" de tekst"))
        document.replaceShortcodes { "<div data-shortcode=\"\(HTMLEscape.attribute($0.name))\"></div>" }
        document.assignHeadingIDs()
        for link in document.links {
            if let resolved = LinkResolver.resolve(link.url, from: file) {
                check(resolved == "content" || resolved.hasPrefix("content/"), "link \(link.url) → \(resolved)")
            }
        }
        resolver.rewrite(document, in: page, firstLine: bodyLine, diagnostics: &diagnostics)
        let html = document.html()
        let lower = html.lowercased()
        for attribute in ["href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "href=\"data:text"] {
            check(!lower.contains(attribute), "\(attribute) in \(html)")
        }
        _ = document.plainText()
        _ = Slug.make(text)
        _ = HTMLEscape.attribute(frontMatter.title)
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition {
            FileHandle.standardError.write(Data("unsafe result: \(message())\n".utf8))
            abort()
        }
    }
}
