import BakenMarkdown

/// Images without alt text: screen readers say nothing, or read out the file name.
enum ImageAltCheck {
    static func check(_ page: Page, links: [LabeledLink]) -> [Diagnostic] {
        links.filter { $0.isImage && $0.text.isEmpty }.map { image in
            Diagnostic(file: page.file, line: page.bodyLine + image.line - 1,
                "image '\(image.url)' has no alt text: write what it shows between the brackets, ![like this](\(image.url))")
        }
    }
}
