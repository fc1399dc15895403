import CCMarkGFM
import Foundation

/// A Markdown document parsed by cmark-gfm; owns and frees every cmark pointer it touches.
public final class MarkdownDocument {
    let root: OpaquePointer
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    private let parser: OpaquePointer
    private let renderOptions: Int32
    private let footnoteBackLabel: String
    /// Heading nodes taken out of the tree: their inline text still points into their buffers.
    var detached: [OpaquePointer] = []

    /// The document's headings in order, with the ids written into the HTML.
    public private(set) var headings: [Heading] = []
    /// What the author should know, in order of lines: raw HTML that Baken's rule took out (none where a site
    /// allows raw HTML), `:::` blocks it does not know.
    public internal(set) var warnings: [MarkdownWarning] = []
    /// The custom nodes that hold kept raw HTML with a link or image, and that HTML in parts.
    var rawHTMLLinks: [(node: OpaquePointer, parts: [RawHTMLPart])] = []

    public init(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) {
        CMarkExtensions.register()
        var flags = CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        renderOptions = flags & ~CMARK_OPT_SOURCEPOS
        footnoteBackLabel = options.footnoteBackLabel
        let parser = cmark_parser_new(flags)!
        for name in ["table", "strikethrough", "autolink", "tasklist", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        let directives = CalloutDirectives.rewrite(markdown)
        var text = directives.text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        self.parser = parser
        root = CMarkExtensions.finish(parser)
        extensions = cmark_parser_get_syntax_extensions(parser)
        warnings = directives.warnings
        // Walks of the whole tree that can only find something when the text holds these bytes.
        if !options.allowRawHTML && text.holds("<") { cleanRawHTML() }
        if text.holds("[!") { makeCallouts(labels: options.calloutLabels) }
        warnings = warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        labelTaskItems()
        if options.smartPunctuation { localizeQuotes(options.quotes) }
    }

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
        cmark_parser_free(parser)
    }

    /// Gives every heading a unique id from its text; ids already in `taken` (the theme's) and the ids the
    /// body writes itself (footnotes, raw HTML) are avoided, as a second heading of the same name is: `main-1`.
    public func assignHeadingIDs(taken: Set<String> = []) {
        var used = taken.union(ownIDs())
        var found: [Heading] = []
        var headingNodes: [OpaquePointer] = []
        walk { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_HEADING { headingNodes.append(node) }
        }
        found.reserveCapacity(headingNodes.count)
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.plainText(of: node).trimmingWhitespace()
            var id = Slug.make(text)
            if id.isEmpty { id = "section" }
            var candidate = id
            var n = 1
            while used.contains(candidate) {
                candidate = "\(id)-\(n)"
                n += 1
            }
            used.insert(candidate)
            found.append(Heading(level: level, id: candidate, text: text, line: Int(cmark_node_get_start_line(node))))
            replaceHeading(node, level: level, id: candidate)
        }
        headings = found
    }

    /// Calls `transform` with every link and image destination and its line, those of kept raw HTML too; a non-nil
    /// result replaces it.
    public func rewriteLinks(_ transform: (_ url: String, _ line: Int, _ isImage: Bool) -> String?) {
        walkLinks { node, url, isImage in
            if let replacement = transform(url, Int(cmark_node_get_start_line(node)), isImage) {
                cmark_node_set_url(node, replacement)
            }
        }
        rewriteRawHTMLLinks(transform)
    }

    /// Visits every link and image with its destination, in document order. A link or image inside an image's
    /// description is left out: cmark-gfm writes it as alt text (`![[foo](uri1)](uri2)` has the alt "foo"), so it
    /// never leads anywhere.
    func walkLinks(_ visit: (_ node: OpaquePointer, _ url: String, _ isImage: Bool) -> Void) {
        var insideImage = 0
        walk { node, entering in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            if type == CMARK_NODE_IMAGE && !entering { insideImage -= 1 }
            guard entering else { return }
            if insideImage == 0 { visit(node, cmark_node_get_url(node).map { String(cString: $0) } ?? "", type == CMARK_NODE_IMAGE) }
            if type == CMARK_NODE_IMAGE { insideImage += 1 }
        }
    }

    /// Every link and image destination with its line, in document order.
    public var links: [Link] {
        labeledLinks.map { Link(url: $0.url, line: $0.line, isImage: $0.isImage) }
    }

    /// The document rendered to HTML by cmark-gfm.
    public func html() -> String {
        guard let cString = cmark_render_html(root, renderOptions, extensions) else { return "" }
        defer { free(cString) }
        return Self.localizeFootnotes(Self.alignmentAsClasses(String(cString: cString)), backLabel: footnoteBackLabel)
    }

    /// The document's text without markup, block by block.
    public func plainText() -> String {
        guard let cString = cmark_render_plaintext(root, renderOptions, 0) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Visits every node depth first; `entering` is false when leaving a container.
    func walk(_ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator) {
                visit(node, event == CMARK_EVENT_ENTER)
            }
            event = cmark_iter_next(iterator)
        }
    }

    /// Puts the heading's inlines into a custom block that writes `<hN id="…">`.
    private func replaceHeading(_ node: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(HTMLEscape.attribute(id))\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        guard cmark_node_replace(node, block) == 1 else {
            // The parent does not take a custom block: put the heading back as it was.
            while let child = cmark_node_first_child(block) {
                cmark_node_unlink(child)
                cmark_node_append_child(node, child)
            }
            cmark_node_free(block)
            return
        }
        detached.append(node)
    }

    /// The literal text under a node: text, code and line breaks as spaces.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) {
                let type = cmark_node_get_type(child)
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                    text += String(cString: literal)
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    text += " "
                }
            }
            event = cmark_iter_next(iterator)
        }
        return text
    }
}

/// Registers cmark-gfm's extensions once per process.
enum CMarkExtensions {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func register() { _ = registered }

    private static let inlineLock = NSLock()

    /// `cmark_parser_finish`, one document at a time: while it parses inlines, cmark-gfm adds the extensions'
    /// characters (`~` for strikethrough, `w` and `:` for autolinks) to one table shared by the whole process,
    /// and takes them out again at the end, so a document finishing on another thread would switch them off here.
    static func finish(_ parser: OpaquePointer) -> OpaquePointer {
        inlineLock.lock()
        defer { inlineLock.unlock() }
        return cmark_parser_finish(parser)
    }
}
