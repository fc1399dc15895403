/// XLIFF 1.2 as Baken writes and reads it: a `<file>` per default-language page, a `<trans-unit>` per text, inline
/// Markdown as `<bpt>`/`<ept>`/`<ph>` holding the Markdown they stand for (docs/translating.md).
enum XLIFF {
    static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    /// One `<file>`: a page and its units, each with the current translation when there is one.
    struct File {
        var original: String
        var sourceLanguage: String
        var targetLanguage: String
        var units: [Unit]
        var line = 0
    }

    struct Unit {
        var id: String
        var source: [Segment]
        var target: [Segment]?
        /// `translated`, `needs-review-translation` or `new`.
        var state: String?
        /// `content/nl/hulp.md#p-1a2b3c4d`: which page and unit, for tools that renumber units (po2xliff).
        var location: String?
        var line = 0
        /// Whether the target has inline elements; a target without them after a trip through PO is Markdown.
        var targetHasCodes = true
    }

    static func write(_ files: [File]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"\(namespace)\">\n"
        for file in files {
            out += "  <file original=\"\(XMLEscape.attribute(file.original))\" source-language=\"\(file.sourceLanguage)\" target-language=\"\(file.targetLanguage)\" datatype=\"x-markdown\">\n"
            out += "    <body>\n"
            for unit in file.units {
                out += "      <trans-unit id=\"\(XMLEscape.attribute(unit.id))\" xml:space=\"preserve\">\n"
                out += "        <source>\(xml(unit.source))</source>\n"
                if let target = unit.target {
                    out += "        <target state=\"\(unit.state ?? "translated")\">\(xml(target))</target>\n"
                } else {
                    out += "        <target state=\"new\"/>\n"
                }
                out += "        <context-group purpose=\"location\"><context context-type=\"sourcefile\">\(XMLEscape.text(file.original))#\(XMLEscape.text(unit.id))</context></context-group>\n"
                out += "      </trans-unit>\n"
            }
            out += "    </body>\n  </file>\n"
        }
        return out + "</xliff>\n"
    }

    static func xml(_ segments: [Segment]) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): XMLEscape.text(text)
            case .code(let code):
                switch code.role {
                case .open: "<bpt id=\"\(code.id)\" ctype=\"\(code.type)\">\(XMLEscape.text(code.native))</bpt>"
                case .close: "<ept id=\"\(code.id)\">\(XMLEscape.text(code.native))</ept>"
                case .placeholder: "<ph id=\"\(code.id)\" ctype=\"\(code.type)\">\(XMLEscape.text(code.native))</ph>"
                }
            }
        }.joined()
    }

    /// The files of a document, or the first thing wrong with it, at its line in `path`.
    static func read(_ text: String, path: String) -> Result<[File], Diagnostic> {
        let root: XMLElement
        switch XMLReader.parse(text) {
        case .success(let element): root = element
        case .failure(let failure):
            return .failure(Diagnostic(file: path, line: failure.line, "this is not well-formed XML: \(failure.message)"))
        }
        guard root.name == "xliff" else {
            return .failure(Diagnostic(file: path, line: root.line, "the root element is <\(root.name)>: an XLIFF file starts with <xliff version=\"1.2\">"))
        }
        guard root.attributes["version"] == "1.2" else {
            return .failure(Diagnostic(file: path, line: root.line, "XLIFF version \(root.attributes["version"] ?? "(none)"): Baken reads XLIFF 1.2, <xliff version=\"1.2\">"))
        }
        var files: [File] = []
        for element in root.elements where element.name == "file" {
            var file = File(original: element.attributes["original"] ?? "", sourceLanguage: element.attributes["source-language"] ?? "",
                            targetLanguage: element.attributes["target-language"] ?? "", units: [], line: element.line)
            // The header a trip through PO adds (po2xliff) is no text of a page.
            for unit in units(in: element) where unit.attributes["restype"] != "x-gettext-domain-header" {
                var read = Unit(id: unit.attributes["id"] ?? "", source: [], line: unit.line)
                guard let source = unit.first("source") else {
                    return .failure(Diagnostic(file: path, line: unit.line, "<trans-unit id=\"\(read.id)\"> has no <source>: keep the <source> of the export"))
                }
                switch segments(source, path: path) {
                case .success(let segments): read.source = segments
                case .failure(let diagnostic): return .failure(diagnostic)
                }
                if let target = unit.first("target") {
                    read.state = target.attributes["state"]
                    switch segments(target, path: path) {
                    case .success(let segments): read.target = segments.isEmpty ? nil : segments
                    case .failure(let diagnostic): return .failure(diagnostic)
                    }
                    read.targetHasCodes = !target.elements.isEmpty
                }
                read.location = unit.elements.filter { $0.name == "context-group" }.flatMap(\.elements)
                    .first { $0.name == "context" && $0.attributes["context-type"] == "sourcefile" && $0.text.contains("#") }?.text
                file.units.append(read)
            }
            files.append(file)
        }
        return .success(files)
    }

    /// Trans-units, also inside `<group>`s.
    private static func units(in element: XMLElement) -> [XMLElement] {
        element.elements.flatMap { child in child.name == "trans-unit" ? [child] : units(in: child) }
    }

    /// A `<source>` or `<target>` as segments: `<g>` and `<bx>`/`<ex>` as the start and end codes they are.
    private static func segments(_ element: XMLElement, path: String) -> Result<[Segment], Diagnostic> {
        var result: [Segment] = []
        for child in element.children {
            switch child {
            case .text(let text): result.append(.text(text))
            case .element(let inner):
                let type = inner.attributes["ctype"] ?? ""
                guard let id = Int(inner.attributes["id"] ?? inner.attributes["rid"] ?? "") else {
                    if inner.name == "mrk" {
                        switch segments(inner, path: path) {
                        case .success(let segments): result += segments
                        case .failure(let diagnostic): return .failure(diagnostic)
                        }
                        continue
                    }
                    return .failure(Diagnostic(file: path, line: inner.line, "<\(inner.name)> needs the id it had in the export, such as id=\"1\": keep the inline tags of <source>"))
                }
                switch inner.name {
                case "bpt", "bx": result.append(.code(InlineCode(role: .open, id: id, type: type, native: inner.text)))
                case "ept", "ex": result.append(.code(InlineCode(role: .close, id: id, type: type, native: inner.text)))
                case "ph", "x", "it": result.append(.code(InlineCode(role: .placeholder, id: id, type: type, native: inner.text)))
                case "g":
                    result.append(.code(InlineCode(role: .open, id: id, type: type, native: "")))
                    switch segments(inner, path: path) {
                    case .success(let segments): result += segments
                    case .failure(let diagnostic): return .failure(diagnostic)
                    }
                    result.append(.code(InlineCode(role: .close, id: id, type: type, native: "")))
                default:
                    return .failure(Diagnostic(file: path, line: inner.line, "<\(inner.name)> is not an inline element of XLIFF 1.2: keep the tags of <source> (bpt, ept, ph)"))
                }
            }
        }
        return .success(result.merged)
    }
}
