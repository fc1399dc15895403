import CQRencode

/// A QR code made by libqrencode, drawn as inline SVG: error correction level M (a code still reads with 15 % of
/// it damaged or dirty) and a quiet zone of four modules, as the standard asks, so it scans from a wall.
enum QRCode {
    static let quietZone = 4

    /// The modules of the code for `text`, row by row (true is dark); nil when the text is too long for a QR code.
    static func modules(_ text: String) -> [[Bool]]? {
        guard !text.isEmpty, let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        return (0..<width).map { row in (0..<width).map { column in code.pointee.data[row * width + column] & 1 == 1 } }
    }

    /// An `<svg>` with one path of dark squares on a white ground, scaled by its container. Hidden from screen
    /// readers: a layout prints the address in words beside it. Empty for a text too long for a QR code.
    static func svg(_ text: String) -> String {
        guard let modules = modules(text) else { return "" }
        let size = modules.count + 2 * quietZone
        var path = ""
        for (row, cells) in modules.enumerated() {
            var column = 0
            while column < cells.count {
                guard cells[column] else { column += 1; continue }
                var run = 1
                while column + run < cells.count && cells[column + run] { run += 1 }
                path += "M\(column + quietZone) \(row + quietZone)h\(run)v1h-\(run)z"
                column += run
            }
        }
        return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" aria-hidden=\"true\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
