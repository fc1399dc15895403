import BakenMarkdown

/// A Markdown text split into the blocks a translator translates.
struct MarkdownBlocks {
    let text: String
    let blocks: [InlineBlock]

    init(_ text: String) {
        self.text = text
        let document = MarkdownDocument(text, options: MarkdownOptions(allowRawHTML: true, smartPunctuation: false))
        blocks = document.inlineBlocks(source: text).filter { block in
            // A block that is only a shortcode, HTML or an address has nothing to translate.
            SegmentWriter.segments(block.inlines).contains { if case .text(let words) = $0 { !words.trimmingCharactersInSet().isEmpty } else { false } }
        }
    }

    /// The kinds of the blocks in order: a translation is aligned with its source when these are the same.
    var shape: [InlineBlock.Kind] { blocks.map(\.kind) }
}

extension Page {
    /// The page's units in order: title, description, the type's text fields, then the body's blocks. Block ids are
    /// the kind and a hash of the source text (`p-1a2b3c4d`), so an edit elsewhere on the page keeps them.
    func translationUnits() -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        if !frontMatter.titleFromHeading && !frontMatter.title.isEmpty {
            units.append(TranslationUnit(id: "title", place: .title, segments: [.text(frontMatter.title)]))
        }
        if let description = frontMatter.description, !description.isEmpty {
            units.append(TranslationUnit(id: "description", place: .description, segments: [.text(description)]))
        }
        var fields: [(path: String, unit: [TranslationUnit])] = frontMatter.fields.texts.filter { !$0.text.isEmpty }.map { field in
            (field.path, [TranslationUnit(id: "fields.\(field.path)", place: .field(field.path), segments: [.text(field.text)])])
        }
        fields += frontMatter.fields.markdown.map { field in
            (field.path, Self.blockUnits(MarkdownBlocks(field.text), field: field.path))
        }
        // In the order of the file, as far as paths tell it: a field before the ones inside the next.
        units += fields.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.flatMap(\.unit)
        units += Self.blockUnits(MarkdownBlocks(body), field: nil)
        return units
    }

    static func blockUnits(_ markdown: MarkdownBlocks, field: String?) -> [TranslationUnit] {
        var seen: [String: Int] = [:]
        return markdown.blocks.enumerated().map { index, block in
            let segments = SegmentWriter.segments(block.inlines)
            var id = (field.map { "fields.\($0)." } ?? "") + block.kind.rawValue + "-" + String(SHA256.hex(Array(segments.markdown().utf8)).prefix(8))
            seen[id, default: 0] += 1
            if let count = seen[id], count > 1 { id += "-\(count)" }
            return TranslationUnit(id: id, place: .block(field: field, index: index), segments: segments)
        }
    }
}
