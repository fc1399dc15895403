import Foundation

/// The address each printed page's QR code leads to, written by every build as `qr-codes.json`: what is on the
/// walls. `baken check` compares the site with the last build's record, because a printed code cannot change.
enum QRRecord {
    static let file = "qr-codes.json"

    /// `{"content/nl/materialen/x.md": "https://…/q/ok/"}`, sorted by file.
    static func json(_ site: Site) -> String {
        JSON.object(addresses(site).mapValues(JSON.string)).text() + "\n"
    }

    static func addresses(_ site: Site) -> [String: String] {
        var result: [String: String] = [:]
        for index in site.pages.indices where site.has(.print, site.pages[index].page) {
            if let address = site.printAddress(index) { result[site.pages[index].page.file] = address }
        }
        return result
    }
}

extension Site {
    /// A warning for each printed page whose QR code would lead somewhere else than in the last build's record.
    func checkQRAddresses(recordedIn output: URL) -> [Diagnostic] {
        guard let data = try? Data(contentsOf: output.appendingPathComponent(QRRecord.file)),
              let recorded = (try? JSONSerialization.jsonObject(with: data)) as? [String: String] else { return [] }
        var found: [Diagnostic] = []
        for (file, address) in QRRecord.addresses(self).sorted(by: { $0.key < $1.key }) {
            guard let before = recorded[file], before != address, let index = fileIndex[file] else { continue }
            let fields = pages[index].page.frontMatter.fields
            found.append(.warning(
                file: file, line: fields.lines["target"],
                "the QR code now leads to \(address), but the material printed before leads to \(before): give the old page an alias for the old address, or set 'short' so the code keeps one address"))
        }
        return found
    }
}
