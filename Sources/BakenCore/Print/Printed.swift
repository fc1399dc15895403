import Foundation

/// Print material, made after the packs: a print page per format of each page whose type has the print behaviour,
/// and with `--pdf` each printed to PDF through Chromium, with a PNG preview of the first format.
struct Printed: Sendable {
    /// The print pages, and with `--pdf` their PDFs and previews, as files of the site.
    var files: [OutputFile] = []
    /// Page index → format → the PDF's address and size in bytes.
    var pdfs: [Int: [String: (url: String, bytes: Int)]] = [:]
    /// Page index → the address of its PNG preview.
    var previews: [Int: String] = [:]
    /// The inline blocks of the print pages, for the host's header policy.
    var inline: [InlineHashes] = []
    /// Page index → the full address of its picture for sharing (`og:image`), made with `--pdf`.
    var shareImages: [Int: String] = [:]

    static let none = Printed()

    private init() {}

    /// Renders the print pages through the theme's `print/<type>` layout, then prints them when `printer` is given.
    init(_ site: Site, renderer: PageRenderer, printer: PDFPrinter?, tree: SourceTree, diagnostics: inout Diagnostics) {
        var assets = PrintAssets(site, tree: tree)
        if let printer { makeShareImages(site, renderer: renderer, printer: printer, assets: &assets, diagnostics: &diagnostics) }
        let indices = site.pages.indices.filter { site.has(.print, site.pages[$0].page) }
        guard !indices.isEmpty else { return }
        files.append(OutputFile(path: QRRecord.file, contents: .text(QRRecord.json(site))))
        for index in indices {
            let entry = site.pages[index]
            let layout = "print/\(entry.page.frontMatter.type.rawValue)"
            guard renderer.templates.exists(layout) else {
                diagnostics.error(entry.page.file, nil, "pages of the type \(entry.page.frontMatter.type.rawValue) are printed, so the theme needs layouts/\(layout).mustache")
                continue
            }
            if site.printAddress(index) == nil { continue }
            let formats = site.printFormats(index)
            for (number, format) in formats.enumerated() {
                let page = renderer.renderPrint(site, index, format: format, layout: layout)
                files.append(page.file)
                inline.append(page.inline)
                guard let printer, case .text(let html) = page.file.contents else { continue }
                let date = entry.page.frontMatter.date ?? entry.page.frontMatter.lastChecked ?? Day(year: 2000, month: 1, day: 1)!
                let loads = assets.of(html, site: site, diagnostics: &diagnostics)
                let pdfPath = site.printPath(index, format, extension: "pdf")
                switch printer.printPage(html, at: page.file.path, assets: loads, root: site.config.root) {
                case .success(let pdf):
                    let data = PDFPrinter.renumberNodes(PDFPrinter.fixDates(pdf, to: date))
                    files.append(OutputFile(path: pdfPath, contents: .data(data)))
                    pdfs[index, default: [:]][format.id] = (site.config.root + "/" + pdfPath, data.count)
                case .failure(let problem):
                    diagnostics.error(entry.page.file, nil, "Chromium could not print \(page.file.path) to PDF: \(problem.message); build without --pdf for print pages only")
                }
                guard number == 0 else { continue }
                let pngPath = site.printPath(index, format, extension: "png")
                // The page is laid out at the format's size in CSS pixels (96 to the inch), then scaled to the preview's width.
                let window = (Int((Double(format.width) / 25.4 * 96).rounded()), Int((Double(format.height) / 25.4 * 96).rounded()))
                let scale = Double(Self.previewWidth) / Double(window.0)
                if case .success(let png) = printer.screenshot(html, at: page.file.path, assets: loads, root: site.config.root, window: window, scale: scale) {
                    files.append(OutputFile(path: pngPath, contents: .data(png)))
                    previews[index] = site.config.root + "/" + pngPath
                }
            }
        }
    }

    /// The width of a preview, in pixels.
    static let previewWidth = 600

    /// With `--pdf` and a theme with `layouts/print/share.mustache`: a picture of 1200 × 630 pixels for each page, to
    /// show when the page is shared (`og:image`), named by a hash of what it shows. Pages with the quick-exit button
    /// get none: a big preview of a help page in a chat shows what the reader was looking for. Chromium takes the pictures of
    /// many pages at once, one below the other, and they are cut apart.
    private mutating func makeShareImages(_ site: Site, renderer: PageRenderer, printer: PDFPrinter, assets: inout PrintAssets,
                                      diagnostics: inout Diagnostics) {
        let layout = "print/share"
        guard renderer.templates.exists(layout) else { return }
        var cards: [(name: String, html: String)] = [], seen: Set<String> = []
        for index in site.pages.indices where !site.pages[index].page.isSensitive(site.config.safety) {
            let html = renderer.renderShare(site, index, layout: layout)
            let loads = assets.of(html, site: site, diagnostics: &diagnostics)
            let look = loads.sorted { $0.key < $1.key }.reduce(into: Data(html.utf8)) { $0 += $1.value }
            let name = "og/\(SHA256.hex(look).prefix(16)).png"
            shareImages[index] = site.config.origin + site.config.root + "/" + name
            if seen.insert(name).inserted { cards.append((name, html)) }
        }
        for start in stride(from: 0, to: cards.count, by: Self.cardsPerPicture) {
            let batch = Array(cards[start..<min(start + Self.cardsPerPicture, cards.count)])
            let html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>og</title></head><body style=\"margin: 0\">\n" + batch.map(\.html).joined() + "</body></html>\n"
            let picture = printer.screenshot(html, at: "og/cards.html", assets: assets.of(html, site: site, diagnostics: &diagnostics), root: site.config.root, window: (1200, 630 * batch.count))
            guard case .success(let png) = picture, let tiles = try? PNGTiles.split(png, height: 630), tiles.count == batch.count else {
                diagnostics.warning(nil, nil, "Chromium could not make the pictures for sharing pages; the pages have no og:image")
                shareImages = [:]
                return
            }
            for (card, tile) in zip(batch, tiles) { files.append(OutputFile(path: card.name, contents: .data(tile))) }
        }
    }

    /// Share cards per picture: 20 cards are 12,600 pixels high, within what Chromium draws in one go.
    static let cardsPerPicture = 20
}

extension Site {
    /// The address the QR code of page `index` leads to, in full: its short address, else the page its `target`
    /// names; nil when the target leads nowhere.
    func printAddress(_ index: Int) -> String? {
        let entry = pages[index]
        if has(.shortAddress, entry.page), case .string(let short) = entry.page.frontMatter.fields.values["short"] {
            let url = config.root + "/q/" + short + "/"
            if aliases.contains(where: { $0.url == url }) { return config.origin + url }
        }
        return entry.fieldLinks["target"].map { config.origin + $0 }
    }

    /// The formats page `index` lists in `formats`, in its order.
    func printFormats(_ index: Int) -> [PrintFormat] {
        guard case .list(let items) = pages[index].page.frontMatter.fields.values["formats"] else { return [] }
        return items.compactMap { if case .string(let id) = $0 { PrintFormat.named(id) } else { nil } }
    }

    /// `materialen/ben-je-oke/poster-a4.html`: a format's file beside the page.
    func printPath(_ index: Int, _ format: PrintFormat, extension ext: String) -> String {
        let path = outputPath(pages[index].url)
        let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path + "/"
        return "\(folder)\(pages[index].page.frontMatter.type.rawValue)-\(format.id).\(ext)"
    }

    /// What templates see of a printed page: the address and its QR code, each format's files, the preview; on a
    /// print page, the format it prints.
    func printView(_ index: Int, printed: Printed, strings: [String: String], format: PrintFormat? = nil) -> PrintView? {
        guard has(.print, pages[index].page), let address = printAddress(index) else { return nil }
        func view(_ format: PrintFormat) -> PrintView.Format {
            let pdf = printed.pdfs[index]?[format.id]
            return PrintView.Format(
                id: format.id, name: strings["format_\(format.id)"] ?? format.id, width: format.width, height: format.height,
                html: config.root + "/" + printPath(index, format, extension: "html"), pdf: pdf?.url,
                size: pdf.map { "\(max(1, ($0.bytes + 512) / 1024)) KB" })
        }
        var text = address
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text.removeFirst(scheme.count) }
        return PrintView(
            address: address, addressText: text.hasSuffix("/") ? String(text.dropLast()) : text, qr: QRCode.svg(address),
            formats: printFormats(index).map(view), preview: printed.previews[index], format: format.map(view))
    }
}

/// The files print pages load from the site (stylesheets, images), by their path in the output, to lay beside a
/// page where Chromium prints it: where each comes from is worked out once, and each file is read once.
struct PrintAssets {
    private let root: String
    private let joined: [String: String]
    private let copied: [String: String]
    private let tree: SourceTree
    private var read: [String: Data] = [:]

    init(_ site: Site, tree: SourceTree) {
        let theme = site.theme
        root = site.config.root
        joined = Dictionary(theme.stylesheetFiles.map { (theme.hashedNames[$0.output] ?? $0.output, $0.text) }, uniquingKeysWith: { a, _ in a })
        copied = Dictionary(theme.staticFiles.map { (theme.hashedNames[$0.output] ?? $0.output, $0.source) } + site.resources.map { (site.outputPath($0.output), $0.source) },
                            uniquingKeysWith: { a, _ in a })
        self.tree = tree
    }

    /// What `html` loads, by output path.
    mutating func of(_ html: String, site: Site, diagnostics: inout Diagnostics) -> [String: Data] {
        var assets: [String: Data] = [:]
        for url in PDFPrinter.rootAddresses(in: html, root: root) {
            let path = site.outputPath(url)
            if let data = read[path] {
                assets[path] = data
            } else if let text = joined[path] {
                assets[path] = Data(text.utf8)
            } else if let source = copied[path], let data = tree.data(source, diagnostics: &diagnostics) {
                assets[path] = data
            }
            read[path] = assets[path]
        }
        return assets
    }
}

/// Print material as templates see it (docs/themes.md: `page.print`).
struct PrintView: Encodable {
    /// The address the QR code leads to, in full, and as printed under it: without `https://` and the last `/`.
    let address: String
    let addressText: String
    /// The QR code, as inline SVG, hidden from screen readers (the address is printed in words beside it).
    let qr: String
    let formats: [Format]
    /// A PNG of the first format, made with `--pdf`.
    let preview: String?
    /// On a print page: the format it prints.
    let format: Format?

    struct Format: Encodable {
        let id: String
        /// The theme's word `format_<id>`, such as "A4-poster".
        let name: String
        /// In millimetres.
        let width: Int
        let height: Int
        /// The print page, and with `--pdf` the PDF and its size ("312 KB").
        let html: String
        let pdf: String?
        let size: String?
    }
}
