@testable import BakenCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Lesson packs: a small school site with the real theme, built, its packs unzipped and read.
@Suite struct PackTests {
    static let theme: [String: String] = {
        let root = AlmeloSiteTests.repository.appendingPathComponent("themes/baken")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files["themes/baken/" + String(url.path.dropFirst(root.path.count + 1))] = try? String(contentsOf: url, encoding: .utf8)
        }
        return files
    }()

    static let siteYML = TestSite.siteYML.replacingOccurrences(of: "theme: t", with: "theme: baken")

    static func lesson(
        title: String = "Grenzen op straat", level: String = "po-7-8", duration: Int = 60, extra: String = "",
        attachments: String = "  - file: werkblad.md\n    title: Werkblad\n  - file: brief.pdf\n    title: Brief voor ouders\n",
        body: String = "Lees eerst het [werkblad](werkblad.md).\n\n![Een straat](straat.png)\n\nMeer op de pagina [hulp](../../hulp.md)."
    ) -> String {
        """
        ---
        title: "\(title)"
        description: Een les over grenzen.
        type: lesson
        last_checked: 2026-11-20
        level: \(level)
        age: "10-12"
        duration: \(duration)
        edition: "1.2"
        goals:
          - De leerling kan uitleggen wat een grens is.
        kerndoelen: ["38"]
        materials: [Werkblad, Digibord]
        preparation: Lees de les.
        steps:
          - title: Start
            minutes: 10
            text: Vraag wat de klas meemaakt.
          - title: Oefenen
            minutes: 50
            text: Oefen met het werkblad.
        teacher_notes: Sommige kinderen hebben dit meegemaakt.
        safeguarding:
          contact: de vertrouwenspersoon
          after_disclosure: Luister en volg de meldcode.
        parent_summary: Uw kind praat over grenzen.
        \(extra)attachments:
        \(attachments)---
        \(body)

        """
    }

    static let files: [String: String] = [
        "content/nl/_index.md": "---\ntitle: Home\n---\n",
        "content/nl/hulp.md": "---\ntitle: Hulp\n---\n",
        "content/nl/scholen/_index.md": "---\ntitle: Scholen\n---\nLessen voor scholen.",
        "content/nl/scholen/grenzen/index.md": lesson(),
        "content/nl/scholen/grenzen/werkblad.md": "---\ntitle: \"Werkblad: grenzen\"\n---\n## Opdracht 1\nSchrijf op wat een grens is.",
        "content/nl/scholen/grenzen/brief.pdf": "%PDF-1.4 brief",
        "content/nl/scholen/grenzen/straat.png": "PNG",
        "content/nl/scholen/grenzen/niet-gebruikt.txt": "x",
        "content/nl/scholen/stage/index.md": lesson(title: "Op stage", level: "mbo", duration: 90, attachments: "  - file: werkblad.md\n", body: "Een les voor het mbo."),
        "content/nl/scholen/stage/werkblad.md": "---\ntitle: Werkblad stage\n---\nOpdracht.",
    ]

    func site(_ changes: [String: String?] = [:]) throws -> TestSite {
        var files = Self.files
        for (path, text) in changes { files[path] = text }
        return try TestSite(files.compactMapValues { $0 }, theme: Self.theme, siteYML: Self.siteYML)
    }

    func pack(_ site: TestSite, _ path: String = "packs/grenzen-nl.zip") throws -> Unzipped {
        try Unzipped(try #require(try? Data(contentsOf: site.output.appendingPathComponent(path))))
    }

    @Test func aPackHoldsTheLessonGuideWorksheetsParentsAndLicence() throws {
        let site = try site()
        let report = try site.build()
        #expect(report.packs == 2)
        #expect(report.notes.contains("The lesson packs hold print-ready HTML only; build with --pdf to add PDFs of the teacher guides and worksheets."))
        let pack = try pack(site)
        #expect(pack.listing == [
            "css/baken.css", "css/pack.css", "files/brief.pdf", "files/straat.png", "index.html", "lesson.html", "license.html",
            "manifest.json", "parents.html", "print.html", "teacher-guide.html", "worksheets/werkblad.html",
        ])
        #expect(pack.dates == ["2026-11-20 00:00"])

        let lesson = try #require(pack.text("lesson.html"))
        #expect(lesson.contains("<a href=\"worksheets/werkblad.html\">werkblad</a>"))
        #expect(lesson.contains("<img src=\"files/straat.png\" alt=\"Een straat\" />"))
        #expect(lesson.contains("<a href=\"https://example.nl/hulp/\" rel=\"noreferrer\">hulp</a>"))
        #expect(lesson.contains("<link rel=\"stylesheet\" href=\"css/baken.css\">"))
        let worksheet = try #require(pack.text("worksheets/werkblad.html"))
        #expect(worksheet.contains("<link rel=\"stylesheet\" href=\"../css/pack.css\">"))
        #expect(worksheet.contains("<a href=\"../teacher-guide.html\">Lerarenhandleiding</a>"))
        #expect(worksheet.contains("Schrijf op wat een grens is."))

        let guide = try #require(pack.text("teacher-guide.html"))
        for part in ["Groep 7 en 8", "60 minuten", "De leerling kan uitleggen wat een grens is.", "Kerndoel 38", "Digibord",
                     "Lees de les.", "<bdi>0–10</bdi></td><td>1. Start", "<bdi>10–60</bdi></td><td>2. Oefenen",
                     "Sommige kinderen hebben dit meegemaakt.", "de vertrouwenspersoon", "Luister en volg de meldcode."] {
            #expect(guide.contains(part), "teacher guide lacks \(part)")
        }
        #expect(pack.text("parents.html")?.contains("Uw kind praat over grenzen.") == true)
        #expect(pack.text("license.html")?.contains("<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"noreferrer license\">CC BY 4.0</a> (SPDX: <code>CC-BY-4.0</code>)") == true)
        let print = try #require(pack.text("print.html"))
        #expect(print.components(separatedBy: "class=\"pack-part ").count - 1 == 4)  // guide, lesson, worksheet, parents
        #expect(pack.data("files/brief.pdf") == Data("%PDF-1.4 brief".utf8))
    }

    @Test func manifestListsEveryFileWithItsSizeAndChecksum() throws {
        let site = try site()
        try site.build()
        let pack = try pack(site)
        let manifestData = try #require(pack.data("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        #expect(manifest["title"] as? String == "Grenzen op straat")
        #expect(manifest["language"] as? String == "nl")
        #expect(manifest["edition"] as? String == "1.2")
        #expect(manifest["date"] as? String == "2026-11-20")
        #expect(manifest["license"] as? String == "CC-BY-4.0")
        #expect(manifest["duration"] as? String == "PT1H")
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String ?? "" } == pack.listing.filter { $0 != "manifest.json" })
        for file in files {
            let data = try #require(pack.data(file["path"] as! String))
            #expect(file["size"] as? Int == data.count)
            #expect(file["sha256"] as? String == SHA256.hex(data))
        }
    }

    @Test func twoBuildsGiveByteIdenticalPacks() throws {
        let site = try site()
        let second = site.root.appendingPathComponent("second")
        try site.build()
        try site.build(output: second)
        let first = site.snapshot(), other = site.snapshot(second)
        #expect(first.keys.filter { $0.hasPrefix("packs/") }.sorted() == [
            "packs/grenzen-nl.imscc", "packs/grenzen-nl.zip", "packs/levels/level-mbo-nl.zip", "packs/levels/level-po-7-8-nl.zip",
            "packs/stage-nl.imscc", "packs/stage-nl.zip",
        ])
        #expect(first == other)
    }

    @Test func cartridgeIsCommonCartridge11WithEveryFileInIt() throws {
        let site = try site()
        try site.build()
        let cartridge = try pack(site, "packs/grenzen-nl.imscc")
        let xml = try #require(cartridge.data("imsmanifest.xml"))
        let manifest = try #require(XMLElementTree.parse(xml))
        let cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
        let lomManifest = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
        let lomResource = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
        #expect(manifest.namespace == cp && manifest.name == "manifest")
        #expect(manifest.attributes["identifier"] == "M_grenzen-nl")

        let metadata = try #require(manifest.child("metadata", cp))
        #expect(metadata.child("schema", cp)?.text == "IMS Common Cartridge")
        #expect(metadata.child("schemaversion", cp)?.text == "1.1.0")
        let lom = try #require(metadata.child("lom", lomManifest))
        #expect(lom.child("general", lomManifest)?.child("title", lomManifest)?.child("string", lomManifest)?.text == "Grenzen op straat")
        #expect(lom.child("general", lomManifest)?.child("language", lomManifest)?.text == "nl")
        #expect(lom.child("lifeCycle", lomManifest)?.child("version", lomManifest)?.child("string", lomManifest)?.text == "1.2")
        #expect(lom.child("educational", lomManifest)?.child("typicalLearningTime", lomManifest)?.child("duration", lomManifest)?.text == "PT1H")
        #expect(lom.child("rights", lomManifest)?.child("description", lomManifest)?.child("string", lomManifest)?.text == "CC-BY-4.0 https://creativecommons.org/licenses/by/4.0/")

        let organization = try #require(manifest.child("organizations", cp)?.child("organization", cp))
        #expect(organization.attributes["structure"] == "rooted-hierarchy")
        let module = try #require(organization.child("item", cp)?.child("item", cp))
        #expect(module.child("title", cp)?.text == "Grenzen op straat")
        let items = module.children.filter { $0.name == "item" }
        #expect(items.compactMap { $0.child("title", cp)?.text } == [
            "Inhoud van het pakket", "Lerarenhandleiding", "Les", "Werkblad", "Voor ouders en verzorgers", "Alles afdrukken",
            "Licentie", "Brief voor ouders",
        ])

        let resources = try #require(manifest.child("resources", cp)).children.filter { $0.name == "resource" && $0.namespace == cp }
        let ids = Set(resources.compactMap { $0.attributes["identifier"] })
        #expect(ids.count == resources.count)
        for item in items { #expect(ids.contains(item.attributes["identifierref"] ?? "")) }
        var referenced: Set<String> = []
        for resource in resources {
            #expect(resource.attributes["type"] == "webcontent")
            if let href = resource.attributes["href"] { #expect(resource.children.contains { $0.name == "file" && $0.attributes["href"] == href }) }
            for file in resource.children where file.name == "file" {
                let href = try #require(file.attributes["href"])
                #expect(cartridge.data(href) != nil, "\(href) is named in imsmanifest.xml but not in the cartridge")
                referenced.insert(href)
            }
            for dependency in resource.children where dependency.name == "dependency" {
                #expect(ids.contains(dependency.attributes["identifierref"] ?? ""))
            }
        }
        #expect(Set(cartridge.listing.filter { $0 != "imsmanifest.xml" }) == referenced)
        let guide = try #require(resources.first { $0.attributes["href"] == "web_resources/teacher-guide.html" })
        let role = guide.child("metadata", cp)?.child("lom", lomResource)?.child("educational", lomResource)?.child("intendedEndUserRole", lomResource)
        #expect(role?.child("source", lomResource)?.text == "IMSGLC_CC_Rolesv1p1")
        #expect(role?.child("value", lomResource)?.text == "Instructor")
    }

    @Test func lessonPageShowsDownloadsAndLearningResourceJSON() throws {
        let site = try site(["content/nl/scholen/grenzen/index.md": Self.lesson(title: "Grenzen </script><script>alert(1)</script>")])
        try site.build()
        let html = try #require(site.read("scholen/grenzen/index.html"))
        let zip = try #require(try? Data(contentsOf: site.output.appendingPathComponent("packs/grenzen-nl.zip")))
        #expect(html.contains("<a class=\"download__link\" href=\"/packs/grenzen-nl.zip\" download=\"grenzen-nl.zip\">Lespakket (zip): offline en om te printen</a>"))
        #expect(html.contains("<span class=\"download__format\">ZIP</span> · \(ByteSize(zip.count)) · Versie 1.2 · <time datetime=\"2026-11-20\">20 november 2026</time>"))
        #expect(html.contains("<code>\(SHA256.hex(zip))</code>"))
        #expect(html.contains("href=\"/packs/grenzen-nl.imscc\""))

        // The title cannot end the script element: every </script> closes a script the theme opened.
        #expect(html.components(separatedBy: "</script>").count == html.components(separatedBy: "<script").count)
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "LearningResource")
        #expect(json["name"] as? String == "Grenzen </script><script>alert(1)</script>")
        #expect(json["educationalLevel"] as? String == "Groep 7 en 8")
        #expect(json["timeRequired"] as? String == "PT1H")
        #expect(json["license"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        let alignment = try #require((json["educationalAlignment"] as? [[String: Any]])?.first)
        #expect(alignment["@type"] as? String == "AlignmentObject")
        #expect(alignment["targetName"] as? String == "Kerndoel 38")
        #expect((json["associatedMedia"] as? [[String: Any]])?.first?["contentUrl"] as? String == "https://example.nl/packs/grenzen-nl.zip")
    }

    @Test func schoolsPageFiltersByLevelAndDurationAndOffersEachLevel() throws {
        let site = try site()
        try site.build()
        let html = try #require(site.read("scholen/index.html"))
        #expect(html.contains("<input class=\"visually-hidden\" type=\"radio\" name=\"catalogue-level\" id=\"catalogue-level-po-7-8\" value=\"po-7-8\"><label for=\"catalogue-level-po-7-8\">Groep 7 en 8 <span class=\"catalogue__count\">(1)</span></label>"))
        #expect(html.contains("id=\"catalogue-duration-long\""))
        #expect(html.contains("<li class=\"catalogue__module\" data-level=\"mbo\" data-duration=\"long\">"))
        #expect(html.contains("<li class=\"catalogue__module\" data-level=\"po-7-8\" data-duration=\"period\">"))
        #expect(html.contains("<a href=\"/packs/levels/level-mbo-nl.zip\" download=\"level-mbo-nl.zip\">Alle lespakketten van dit niveau (zip): Mbo</a>"))
        let level = try pack(site, "packs/levels/level-po-7-8-nl.zip")
        #expect(level.listing.contains("index.html") && level.listing.contains("grenzen-nl/lesson.html") && level.listing.contains("css/baken.css"))
        #expect(level.text("index.html")?.contains("<a class=\"card__link\" href=\"grenzen-nl/index.html\">Grenzen op straat</a>") == true)
        #expect(level.data("grenzen-nl/manifest.json") == (try pack(site)).data("manifest.json"))
    }

    @Test func aSeriesIsOnePack() throws {
        let site = try site([
            "content/nl/scholen/grenzen/index.md": Self.lesson(extra: "lessons: [les-2.md]\n"),
            "content/nl/scholen/grenzen/les-2.md": Self.lesson(title: "Grenzen online", duration: 45, attachments: "  - file: werkblad-2.md\n", body: "Les twee."),
            "content/nl/scholen/grenzen/werkblad-2.md": "---\ntitle: Werkblad twee\n---\nOpdracht.",
        ])
        let report = try site.build()
        #expect(report.packs == 2)
        #expect(!site.exists("packs/grenzen-online-nl.zip"))
        let pack = try pack(site)
        #expect(pack.listing.contains("lesson-1.html") && pack.listing.contains("lesson-2.html") && pack.listing.contains("worksheets/werkblad-2.html"))
        #expect(pack.text("lesson-2.html")?.contains("<h1 class=\"pack-title\">Les 2: Grenzen online</h1>") == true)
        #expect(pack.text("index.html")?.contains("<dd>105 minuten</dd>") == true)
        #expect(site.read("scholen/grenzen/les-2/index.html")?.contains("<p class=\"lesson-series\">Deze les hoort bij een reeks. Het lespakket staat bij de eerste les: <a href=\"/scholen/grenzen/\">Grenzen op straat</a></p>") == true)
    }

    @Test func aMissingAttachmentStopsTheBuildAtItsLine() throws {
        let site = try site(["content/nl/scholen/grenzen/index.md": Self.lesson(attachments: "  - file: weg.pdf\n", body: "")])
        #expect(site.errors() == [
            "content/nl/scholen/grenzen/index.md:28: attachment 'weg.pdf' does not exist: put the file in the lesson's folder, or correct the name",
        ])
    }

    @Test func whatAPackNeedsIsCheckedForEveryLesson() throws {
        let site = try site([
            "content/nl/scholen/grenzen/index.md": Self.lesson().replacingOccurrences(of: "edition: \"1.2\"\n", with: "edition: \"\"\n"),
            "content/nl/scholen/stage/index.md": Self.lesson(title: "Op stage", extra: "pack: grenzen\n", attachments: "  - file: werkblad.md\n", body: ""),
            "content/nl/scholen/reeks.md": Self.lesson(title: "Reeks", extra: "lessons: [bestaat-niet.md]\n", attachments: "  - file: grenzen/werkblad.md\n", body: ""),
        ])
        #expect(site.errors() == [
            "content/nl/scholen/grenzen/index.md:2: 'edition' is missing: a lesson pack says which edition it is, such as 'edition: \"1.0\"'",
            "content/nl/scholen/reeks.md:27: lesson 'bestaat-niet.md' of this series does not exist: name the .md file of a lesson, relative to this page",
            "content/nl/scholen/stage/index.md:27: pack name 'grenzen' is also the pack of content/nl/scholen/grenzen/index.md: give one of the lessons its own name with 'pack: …'",
        ])
    }

    @Test func aPictureOutsideTheLessonsFolderCannotTravelWithThePack() throws {
        let site = try site([
            "content/nl/scholen/grenzen/index.md": Self.lesson(body: "![Logo](../../beeld/logo.png)"),
            "content/nl/beeld/logo.png": "PNG",
        ])
        #expect(site.errors() == [
            "content/nl/scholen/grenzen/index.md:33: the pack of this lesson needs /beeld/logo.png, which is not in the lesson's folder: put the file next to the lesson, so that the pack can carry it",
        ])
    }

    @Test func aThemeWithoutPackLayoutsGivesAWarningAndNoPacks() throws {
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n", "content/nl/les/index.md": Self.lesson(attachments: "", body: "")])
        let report = try site.build()
        #expect(report.packs == 0)
        #expect(report.warnings.map(\.description).first?.hasPrefix("themes/t/layouts/pack: warning: the theme has no layouts/pack/index.mustache") == true)
        #expect(site.read("les/index.html") != nil)
    }

    @Test func aLargeAttachmentIsAWarningWithItsSize() throws {
        let site = try site(["site.yml": Self.siteYML + "packs:\n  attachmentLimit: 1 KB\n"])
        try site.write("content/nl/scholen/grenzen/brief.pdf", Data(repeating: 65, count: 3000))
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "content/nl/scholen/grenzen/index.md:30: warning: attachment 'brief.pdf' is 3 KB, larger than packs.attachmentLimit (1 KB) in site.yml: every download of the pack carries it; make it smaller, or raise the limit",
        ])
    }

    @Test func withChromiumTheGuideAndWorksheetsArePrintedToTheSamePDFsEveryTime() throws {
        guard PDFPrinter.find() != nil else { return }
        let site = try site()
        let report = try Baken.build(BuildOptions(site: site.root, output: site.output, pdf: true))
        #expect(!report.notes.contains { $0.contains("print-ready HTML only") })
        let first = try pack(site)
        #expect(first.listing.contains("pdf/teacher-guide.pdf") && first.listing.contains("pdf/werkblad.pdf"))
        #expect(first.data("pdf/teacher-guide.pdf")?.starts(with: Data("%PDF".utf8)) == true)
        #expect(first.text("index.html")?.contains("<a href=\"pdf/teacher-guide.pdf\">Lerarenhandleiding</a> <span class=\"pack-files__format\">PDF</span>") == true)
        let zip = try Data(contentsOf: site.output.appendingPathComponent("packs/grenzen-nl.zip"))
        _ = try Baken.build(BuildOptions(site: site.root, output: site.output, pdf: true))
        #expect(try Data(contentsOf: site.output.appendingPathComponent("packs/grenzen-nl.zip")) == zip)
    }

    @Test func structureNodeNamesAreNumberedFromOneInTheirOrder() {
        let printed = Data("<</ID (node00000098)>> /Names [(node00000097) 3 0 R (node00000098) 4 0 R] (node123)".utf8)
        let fixed = PDFPrinter.renumberNodes(printed)
        #expect(String(decoding: fixed, as: UTF8.self) == "<</ID (node00000002)>> /Names [(node00000001) 3 0 R (node00000002) 4 0 R] (node123)")
        #expect(fixed.count == printed.count)
    }

    @Test func withoutChromiumThereIsNoPrinter() {
        #expect(PDFPrinter.find(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(PDFPrinter.find(environment: ["BAKEN_CHROMIUM": "/nonexistent/chromium", "PATH": "/usr/bin"]) == nil)
        #expect(PDFPrinter.note(packs: 3, asked: true, printed: false) == "Chromium was not found, so the lesson packs hold print-ready HTML only, no PDF (install Debian's chromium for PDFs).")
        #expect(PDFPrinter.note(packs: 3, asked: true, printed: true) == nil)
        #expect(PDFPrinter.note(packs: 0, asked: false, printed: false) == nil)
    }

    @Test func printedPDFsCarryThePacksDateAndNoLinksIntoTheTemporaryFolder() {
        let pdf = Data("<</CreationDate (D:20261129091112+00'00')\n/ModDate (D:20261129091112+00'00')>>".utf8)
        #expect(PDFPrinter.fixDates(pdf, to: Day(year: 2026, month: 3, day: 1)!) == Data("<</CreationDate (D:20260301000000+00'00')\n/ModDate (D:20260301000000+00'00')>>".utf8))
        let html = Data("<a href=\"lesson.html#stap-2\">les</a> <a href=\"https://example.nl/\" rel=\"noreferrer\">site</a> <a href=\"#top\">boven</a>".utf8)
        #expect(String(decoding: PDFPrinter.withoutLocalLinks(html), as: UTF8.self) == "<a>les</a> <a href=\"https://example.nl/\" rel=\"noreferrer\">site</a> <a href=\"#top\">boven</a>")
    }

    @Test func durationsInISO8601() {
        #expect(LessonModule.isoDuration(50) == "PT50M")
        #expect(LessonModule.isoDuration(90) == "PT1H30M")
        #expect(LessonModule.isoDuration(120) == "PT2H")
    }

    @Test func sizesForPeople() {
        #expect(ByteSize(840).description == "840 B")
        #expect(ByteSize(33739).description == "33 KB")
        #expect(ByteSize(2_516_582).description == "2.4 MB")
        #expect(ByteSize(20 * 1_048_576).description == "20 MB")
        #expect(PackSettings.bytes("20 MB") == 20 * 1_048_576)
        #expect(PackSettings.bytes("500kb") == 512_000)
        #expect(PackSettings.bytes("veel") == nil)
    }
}

/// An XML document as a tree of elements with their namespaces, read with Foundation's XMLParser.
final class XMLElementTree: NSObject, XMLParserDelegate {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    private(set) var children: [XMLElementTree] = []
    private(set) var text = ""
    private weak var parent: XMLElementTree?
    private var current: XMLElementTree?

    init(name: String, namespace: String?, attributes: [String: String], parent: XMLElementTree?) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.parent = parent
    }

    static func parse(_ data: Data) -> XMLElementTree? {
        let document = XMLElementTree(name: "", namespace: nil, attributes: [:], parent: nil)
        document.current = document
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = document
        guard parser.parse() else { return nil }
        return document.children.first
    }

    func child(_ name: String, _ namespace: String) -> XMLElementTree? {
        children.first { $0.name == name && $0.namespace == namespace }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = XMLElementTree(name: elementName, namespace: namespaceURI, attributes: attributes, parent: current)
        current?.children.append(element)
        current = element
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        current?.text = current?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        current = current?.parent
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current?.text += string
    }
}
