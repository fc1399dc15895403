@testable import BakenCore
import Foundation
import Testing

/// The repository's own site: the example every new user builds first.
@Suite struct AlmeloSiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func buildsWithNoWarning() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("baken-almelo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try Baken.build(BuildOptions(site: Self.repository, output: output, strict: true))
        #expect(report.warnings.isEmpty)
        let pages = Dictionary(uniqueKeysWithValues: report.pagesPerLanguage.map { ($0.language, $0.pages) })
        #expect(pages["nl"] ?? 0 >= 40)
        #expect(pages["en"] ?? 0 >= 40)
        #expect(pages["ar"] ?? 0 >= 20)

        let norm = try String(contentsOf: output.appendingPathComponent("normen/nafluiten/index.html"), encoding: .utf8)
        #expect(norm.contains("<html lang=\"nl\" dir=\"ltr\">"))
        #expect(norm.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://veilig.almelo.nl/en/norms/catcalling/\">"))
        let arabic = try String(contentsOf: output.appendingPathComponent("ar/index.html"), encoding: .utf8)
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
    }

    /// Two builds, one on all cores and one on a single core in order, give the same bytes.
    @Test func sameInputSameBytesOnAllCoresOrOne() throws {
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("baken-almelo-\(UUID().uuidString)")
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("baken-almelo-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        _ = try Baken.build(BuildOptions(site: Self.repository, output: first))
        var single = BuildOptions(site: Self.repository, output: second)
        single.singleThreaded = true
        _ = try Baken.build(single)
        let files = FolderState(first)
        #expect(files.entries.count > 100)
        #expect(files == FolderState(second))
    }
}
