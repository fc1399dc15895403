@testable import BakenCore
import Foundation
import Testing

/// A theme's stylesheet in parts: `css/<name>/*.css` is served as one hashed `css/<name>.css`, a site's part
/// replacing the theme's of the same name.
@Suite struct StylesheetPartsTests {
    static func theme() -> [String: String] {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/base.mustache"] = "<html><head><link rel=\"stylesheet\" href=\"{{root}}/css/main.css\"></head>{{$main}}{{/main}}</html>\n"
        theme["themes/t/css/main/10-tokens.css"] = ":root { --ink: #222; }\n"
        theme["themes/t/css/main/20-base.css"] = "body { color: var(--ink); }\n"
        theme["themes/t/css/main/30-layout.css"] = "main { max-inline-size: 40rem; }\n"
        return theme
    }

    @Test func partsAreJoinedInNameOrderUnderOneHashedName() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n", "css/main/20-base.css": "body { color: black; }\n"], theme: Self.theme())
        try site.build()
        let joined = ":root { --ink: #222; }\nbody { color: black; }\nmain { max-inline-size: 40rem; }\n"
        let name = "css/main.\(String(SHA256.hex(Array(joined.utf8)).prefix(8))).css"
        #expect(site.read(name) == joined)
        #expect(site.read("index.html")?.contains("href=\"/\(name)\"") == true)
        #expect(!site.exists("css/main.css"))
    }

    @Test func aStaticFileOfTheSameNameIsAnError() throws {
        var theme = Self.theme()
        theme["themes/t/static/css/main.css"] = "body {}\n"
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], theme: theme)
        #expect(site.errors() == ["themes/t/static/css/main.css: css/main.css is made from the parts in css/main/, so it cannot be a static file too: remove one of the two"])
    }

    @Test func aPartOutsideAStylesheetFolderIsAnError() throws {
        var theme = Self.theme()
        theme["themes/t/css/loose.css"] = "body {}\n"
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], theme: theme)
        #expect(site.errors() == ["themes/t/css/loose.css: a stylesheet part belongs in css/<stylesheet>/<part>.css, such as css/baken/10-base.css, and ends in .css"])
    }
}
