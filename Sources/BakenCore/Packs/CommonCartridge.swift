import BakenMarkdown
import Foundation

/// A pack as an IMS Common Cartridge 1.1 (`.imscc`): the pack's files under `web_resources/`, each document a
/// `webcontent` resource with an item in one module, and LOM metadata; the guide and lessons are for instructors only.
enum CommonCartridge {
    static let folder = "web_resources/"
    static let mediaType = "application/vnd.ims.imsccv1p1"

    /// The cartridge's entries: `imsmanifest.xml` and the pack's files with `manifest.json`.
    static func entries(_ pack: LessonPack, manifest: Data) -> [ZipArchive.Entry] {
        var entries = pack.files.map { ZipArchive.Entry(path: folder + $0.path, data: $0.data) }
        entries.append(ZipArchive.Entry(path: folder + PackManifest.path, data: manifest))
        entries.append(ZipArchive.Entry(path: "imsmanifest.xml", data: Data(imsManifest(pack).utf8)))
        return entries
    }

    static func imsManifest(_ pack: LessonPack) -> String {
        let module = pack.module
        let lang = module.language
        // The pack's reading order: documents and worksheets, then attachments, then PDFs.
        let listed = [[.document, .worksheet], [.attachment], [.pdf]].flatMap { kinds in
            pack.files.filter { $0.title != nil && kinds.contains($0.kind) }
        }
        let assets = pack.sortedFiles.filter { $0.title == nil }.map(\.path) + [PackManifest.path]
        func text(_ value: String, language: String = lang) -> String {
            "<lomimscc:string language=\"\(language)\">\(HTMLEscape.text(value))</lomimscc:string>"
        }
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="\(identifier("M", module.fileName))" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource" xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd">
          <metadata>
            <schema>IMS Common Cartridge</schema>
            <schemaversion>1.1.0</schemaversion>
            <lomimscc:lom>
              <lomimscc:general>
                <lomimscc:title>\(text(pack.title))</lomimscc:title>
                <lomimscc:language>\(lang)</lomimscc:language>

        """
        if let description = pack.description {
            xml += "        <lomimscc:description>\(text(description))</lomimscc:description>\n"
        }
        for keyword in pack.keywords + pack.kerndoelen.map({ "kerndoel \($0)" }) {
            xml += "        <lomimscc:keyword>\(text(keyword))</lomimscc:keyword>\n"
        }
        xml += """
                </lomimscc:general>
                <lomimscc:lifeCycle>
                  <lomimscc:version>\(text(module.edition, language: "x-none"))</lomimscc:version>
                  <lomimscc:contribute>
                    <lomimscc:date>
                      <lomimscc:dateTime>\(module.date)</lomimscc:dateTime>
                    </lomimscc:date>
                  </lomimscc:contribute>
                </lomimscc:lifeCycle>
                <lomimscc:educational>

        """
        if let age = pack.age {
            xml += "          <lomimscc:typicalAgeRange>\(text(age, language: "x-none"))</lomimscc:typicalAgeRange>\n"
        }
        let license = License.view(pack.license)
        xml += """
                  <lomimscc:typicalLearningTime>
                    <lomimscc:duration>\(LessonModule.isoDuration(module.duration))</lomimscc:duration>
                  </lomimscc:typicalLearningTime>
                </lomimscc:educational>
                <lomimscc:rights>
                  <lomimscc:copyrightAndOtherRestrictions>
                    <lomimscc:value>yes</lomimscc:value>
                  </lomimscc:copyrightAndOtherRestrictions>
                  <lomimscc:description>\(text([license.id, license.url].compactMap { $0 }.joined(separator: " "), language: "x-none"))</lomimscc:description>
                </lomimscc:rights>
              </lomimscc:lom>
            </metadata>
            <organizations>
              <organization identifier="O_1" structure="rooted-hierarchy">
                <item identifier="I_root">
                  <item identifier="I_module">
                    <title>\(HTMLEscape.text(pack.title))</title>

        """
        for (number, file) in listed.enumerated() {
            xml += "          <item identifier=\"I_\(number + 1)\" identifierref=\"R_\(number + 1)\">\n"
            xml += "            <title>\(HTMLEscape.text(file.title ?? file.path))</title>\n"
            xml += "          </item>\n"
        }
        xml += """
                  </item>
                </item>
              </organization>
            </organizations>
            <resources>

        """
        for (number, file) in listed.enumerated() {
            xml += "    <resource identifier=\"R_\(number + 1)\" type=\"webcontent\" href=\"\(HTMLEscape.attribute(folder + file.path))\">\n"
            if file.forTeachers {
                xml += """
                      <metadata>
                        <lom:lom>
                          <lom:educational>
                            <lom:intendedEndUserRole>
                              <lom:source>IMSGLC_CC_Rolesv1p1</lom:source>
                              <lom:value>Instructor</lom:value>
                            </lom:intendedEndUserRole>
                          </lom:educational>
                        </lom:lom>
                      </metadata>

                """
            }
            xml += "      <file href=\"\(HTMLEscape.attribute(folder + file.path))\"/>\n"
            if file.path.hasSuffix(".html") { xml += "      <dependency identifierref=\"R_assets\"/>\n" }
            xml += "    </resource>\n"
        }
        xml += "    <resource identifier=\"R_assets\" type=\"webcontent\">\n"
        for path in assets {
            xml += "      <file href=\"\(HTMLEscape.attribute(folder + path))\"/>\n"
        }
        xml += """
            </resource>
          </resources>
        </manifest>

        """
        return xml
    }

    /// An XML id (NCName) from a name: `M_wat-is-oke-nl`.
    static func identifier(_ prefix: String, _ name: String) -> String {
        prefix + "_" + String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "_" })
    }
}
