import BakenMarkdown
import Yams

extension Theme {
    /// The ids the theme writes on its pages: those it declares in `ids.yml` (`ids: [main, toc-title]`) and every
    /// literal `id="…"` in its templates. Headings never take one of them (docs/themes.md).
    static func ids(declaredIn themeDir: String, templates: [String: Template], tree: SourceTree, diagnostics: inout Diagnostics) -> Set<String> {
        var ids = templates.values.reduce(into: Set<String>()) { $0.formUnion(HTMLIDs.all(in: $1.text)) }
        let file = "\(themeDir)/ids.yml"
        guard tree.exists(file), let text = tree.text(file, diagnostics: &diagnostics) else { return ids }
        switch YAMLText.parse(text, file: file, firstLine: 1) {
        case .failure(let diagnostic):
            diagnostics.add(diagnostic)
        case .success(let root):
            guard let list = root?.mapping?["ids"], let items = list.sequence else {
                diagnostics.error(file, root?.mark?.line ?? 1, "ids.yml must hold 'ids:' with a list of the ids the theme writes, such as ids: [main, toc-title]")
                return ids
            }
            for item in items {
                guard let id = item.scalar?.string, !id.isEmpty, !id.contains(where: \.isWhitespace) else {
                    diagnostics.error(file, item.mark?.line, "each id must be one word without spaces, such as main")
                    continue
                }
                ids.insert(id)
            }
        }
        return ids
    }
}
