@testable import BakenCore
import Foundation
import Testing

/// Campaign material: a type with the print behaviour gets a print page per format with a QR code to its target,
/// a short address, and a record of what its codes lead to.
@Suite struct PrintTests {
    static func poster(_ extra: String = "", target: String = "hulp.md", formats: String = "[a4, sticker-100]", short: String? = "hulp") -> String {
        """
        ---
        title: Poster hulp
        type: poster
        headline: Hulp nodig?
        text: Je staat er niet alleen voor.
        target: \(target)
        setting: nightlife
        formats: \(formats)
        \(short.map { "short: \($0)" } ?? "")
        \(extra)---
        Tekst.

        """
    }

    static func site(_ files: [String: String]) throws -> TestSite {
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/poster.mustache"] = "{{<base}}{{$main}}{{#page.print}}<p>{{addressText}}</p>{{#formats}}<a href=\"{{html}}\">{{name}}</a>{{/formats}}{{/page.print}}{{/main}}{{/base}}"
        theme["themes/t/layouts/print/poster.mustache"] = "<html><style>@page { size: {{page.print.format.width}}mm {{page.print.format.height}}mm }</style><h1>{{page.fields.headline}}</h1>{{{page.print.qr}}}<p>{{page.print.addressText}}</p></html>\n"
        return try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n", "content/nl/hulp.md": "---\ntitle: Hulp\n---\n"].merging(files) { _, new in new }, theme: theme)
    }

    @Test func aPosterGetsAPrintPagePerFormatWithItsQRCodeAndShortAddress() throws {
        let site = try Self.site(["content/nl/poster.md": Self.poster()])
        try site.build()
        #expect(site.read("poster/index.html")?.contains("<p>example.nl/q/hulp</p><a href=\"/poster/poster-a4.html\">a4</a><a href=\"/poster/poster-sticker-100.html\">sticker-100</a>") == true)
        let a4 = try #require(site.read("poster/poster-a4.html"))
        #expect(a4.contains("@page { size: 210mm 297mm }"))
        #expect(a4.contains("<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 33 33\" aria-hidden=\"true\""))
        #expect(a4.contains("<p>example.nl/q/hulp</p>"))
        #expect(site.read("poster/poster-sticker-100.html")?.contains("@page { size: 100mm 100mm }") == true)
        #expect(site.read("q/hulp/index.html")?.contains("url=https://example.nl/hulp/") == true)
        #expect(site.read("qr-codes.json") == "{\n  \"content/nl/poster.md\": \"https://example.nl/q/hulp/\"\n}\n")
    }

    @Test func withoutShortTheCodeLeadsToTheTarget() throws {
        let site = try Self.site(["content/nl/poster.md": Self.poster(short: nil)])
        try site.build()
        #expect(site.read("qr-codes.json")?.contains("\"https://example.nl/hulp/\"") == true)
        #expect(!site.exists("q/hulp/index.html"))
    }

    @Test func aTargetThatDoesNotExistAnUnknownFormatAndATwiceUsedShortAreErrors() throws {
        let site = try Self.site([
            "content/nl/a.md": Self.poster(target: "hulpp.md"),
            "content/nl/b.md": Self.poster(formats: "[a4, a2]"),
            "content/nl/c.md": Self.poster(),
        ])
        #expect(site.errors() == [
            "content/nl/a.md:6: 'target' names 'hulpp.md' leads nowhere: there is no page content/nl/hulpp.md (or it is a draft); link to an existing .md file. Did you mean 'hulp.md'?",
            "content/nl/b.md:8: 'formats[2]' must be one of a4, a3, a5-card, sticker-100, not 'a2'",
            "content/nl/c.md:9: the short address /q/hulp/ is also that of content/nl/a.md: give one of them another short",
        ])
    }

    @Test func checkWarnsWhenAPrintedCodeWouldLeadElsewhere() throws {
        let site = try Self.site(["content/nl/poster.md": Self.poster(short: nil), "content/nl/steun.md": "---\ntitle: Steun\n---\n"])
        try site.build()
        try site.write("content/nl/poster.md", Self.poster(target: "steun.md", short: nil))
        let options = BuildOptions(site: site.root, output: site.output)
        #expect(Baken.check(options).filter { $0.severity == .warning }.map(\.description) == [
            "content/nl/poster.md:6: warning: the QR code now leads to https://example.nl/steun/, but the material printed before leads to https://example.nl/hulp/: give the old page an alias for the old address, or set 'short' so the code keeps one address",
        ])
    }

    @Test func aTypeThatPrintsNeedsItsFieldsAndItsPrintLayout() throws {
        let site = try Self.site(["content/nl/poster.md": Self.poster()])
        try site.write("types/flyer.yml", "type: object\nproperties:\n  formats:\n    type: array\n    items: {type: string, enum: [a4, a2]}\nx-baken:\n  behaviours: [print]\n")
        #expect(site.errors() == [
            "types/flyer.yml:6: the behaviour print reads the field 'formats': declare it as type: array, with items of type string whose enum lists formats (a4, a3, a5-card, sticker-100)",
            "types/flyer.yml:6: the behaviour print reads the field 'target': declare it as type: string, format: uri-reference",
        ])
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/poster.mustache"] = "{{<base}}{{$main}}{{/main}}{{/base}}"
        let bare = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n", "content/nl/hulp.md": "---\ntitle: Hulp\n---\n", "content/nl/poster.md": Self.poster()], theme: theme)
        #expect(bare.errors() == ["content/nl/poster.md: pages of the type poster are printed, so the theme needs layouts/print/poster.mustache"])
    }

    @Test func theQRCodeHasAQuietZoneOfFourModules() throws {
        let modules = try #require(QRCode.modules("https://veilig.almelo.nl/q/ok/"))
        #expect(modules.count == 29)
        // The three finder patterns: 7 dark modules in the top row, at both corners.
        #expect(modules[0].prefix(7).allSatisfy { $0 } && modules[0].suffix(7).allSatisfy { $0 })
        #expect(QRCode.svg("https://veilig.almelo.nl/q/ok/").contains("viewBox=\"0 0 37 37\""))
        #expect(QRCode.svg("").isEmpty)
    }

    @Test func aTallPictureIsCutIntoPicturesOfEqualHeight() throws {
        // 3 × 4 pixels of RGB, two tiles of 3 × 2: each tile comes out as the PNG of its own pixels.
        let pixels: [UInt8] = (0..<36).map { UInt8($0 * 7 % 256) }
        let tall = PNGTiles.encode(pixels[...], width: 3, height: 4, channels: 3)
        let tiles = try PNGTiles.split(tall, height: 2)
        #expect(tiles == [PNGTiles.encode(pixels[0..<18], width: 3, height: 2, channels: 3), PNGTiles.encode(pixels[18..<36], width: 3, height: 2, channels: 3)])
        #expect(throws: PNGTiles.Failure.self) { try PNGTiles.split(Data("GIF89a".utf8), height: 2) }
    }
}
