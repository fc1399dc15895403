@testable import BakenCore
import Foundation
import Testing

/// The formats a lesson pack is written in: zip, SHA-256 and JSON, checked against known answers and other tools.
@Suite struct PackFormatTests {
    @Test func sha256MatchesTheStandardExamples() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func zipIsReadByUnzipAndTheSameEveryTime() throws {
        let text = Data(String(repeating: "Grenzen op straat. ", count: 200).utf8)
        let archive = ZipArchive(entries: [
            .init(path: "worksheets/werkblad.html", data: text),
            .init(path: "index.html", data: Data("<p>oké</p>".utf8)),
            .init(path: "files/leeg.txt", data: Data()),
        ], date: Day(year: 2026, month: 11, day: 29)!)
        let bytes = archive.bytes()
        #expect(bytes == archive.bytes())
        #expect(bytes.count < text.count)  // deflated

        let folder = try Unzipped(bytes)
        #expect(folder.listing == ["files/leeg.txt", "index.html", "worksheets/werkblad.html"])
        #expect(folder.data("worksheets/werkblad.html") == text)
        #expect(folder.data("index.html") == Data("<p>oké</p>".utf8))
        #expect(folder.dates == ["2026-11-29 00:00"])
    }

    @Test func jsonSortsKeysAndCannotCloseAScript() {
        let json = JSON.object(["b": .int(1), "a": .string("</script><script>alert(1)</script> & \u{2028}"), "@type": .string("x")])
        #expect(json.text() == """
            {
              "@type": "x",
              "a": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u2028",
              "b": 1
            }
            """)
    }
}

/// A zip unpacked by Info-ZIP's unzip into a temporary folder, so that tests read it the way teachers' tools do.
struct Unzipped {
    let folder: URL
    /// Paths of the entries, as `unzip -Z1` lists them, in archive order.
    let listing: [String]
    /// The distinct modification dates of the entries.
    let dates: Set<String>

    init(_ zip: Data) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("baken-unzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("archive.zip")
        try zip.write(to: file)
        let test = try Self.run(["-tq", file.path])
        guard test.contains("No errors detected") else { throw UnzipError(message: test) }
        listing = try Self.run(["-Z1", file.path]).split(separator: "\n").map(String.init)
        dates = Set(try Self.run(["-l", file.path]).split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count == 4 && parts[1].count == 10 && parts[1].first?.isNumber == true ? "\(parts[1]) \(parts[2])" : nil
        })
        _ = try Self.run(["-q", "-o", file.path, "-d", folder.appendingPathComponent("files").path])
    }

    func data(_ path: String) -> Data? {
        try? Data(contentsOf: folder.appendingPathComponent("files").appendingPathComponent(path))
    }

    func text(_ path: String) -> String? {
        data(path).flatMap { String(data: $0, encoding: .utf8) }
    }

    struct UnzipError: Error { let message: String }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
