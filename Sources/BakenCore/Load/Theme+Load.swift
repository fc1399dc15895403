import Foundation
import Yams

extension Theme {
    /// Reads `themes/<name>/` and the site's own `layouts/`, `i18n/` and `static/`, which win over the theme's.
    static func load(_ config: SiteConfig, from tree: SourceTree, diagnostics: inout Diagnostics) -> Theme {
        let themeDir = "themes/\(config.theme)"
        let layers = [themeDir, ""]
        if !tree.isDirectory(themeDir) {
            let available = tree.themeNames
            diagnostics.error(SiteConfig.file, nil, "theme '\(config.theme)' not found: there is no folder \(themeDir), and no installed theme of that name" + (available.isEmpty ? "" : " (themes here: \(available.joined(separator: ", ")))"))
        }

        var templates: [String: Template] = [:]
        var staticFiles: [String: String] = [:]
        var strings: [String: [String: String]] = [:]
        // Languages whose words file has errors: the words it lacks are a consequence, not news.
        var unreadable: Set<String> = []
        for layer in layers {
            let prefix = layer.isEmpty ? "" : "\(layer)/"
            if tree.isDirectory(prefix + "layouts") {
                for file in tree.files(under: prefix + "layouts", diagnostics: &diagnostics) where file.hasSuffix(".mustache") {
                    let name = String(file.dropFirst(prefix.count + "layouts/".count).dropLast(".mustache".count))
                    if let text = tree.text(file, diagnostics: &diagnostics) {
                        templates[name] = Template(file: file, text: text)
                    }
                }
            }
            if tree.isDirectory(prefix + "static") {
                for file in tree.files(under: prefix + "static", diagnostics: &diagnostics) {
                    staticFiles[String(file.dropFirst(prefix.count + "static/".count))] = file
                }
            }
            if tree.isDirectory(prefix + "i18n") {
                for file in tree.files(under: prefix + "i18n", diagnostics: &diagnostics) where file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
                    let code = String(file.split(separator: "/").last!.split(separator: ".").first!)
                    guard config.language(code) != nil else { continue }
                    let errorsBefore = diagnostics.all.count
                    defer { if diagnostics.all.count > errorsBefore { unreadable.insert(code) } }
                    for (key, value) in readStrings(file, tree: tree, diagnostics: &diagnostics) {
                        strings[code, default: [:]][key] = value
                    }
                }
            }
        }

        // A word missing in a language falls back to the default language; the build lists what is missing.
        let fallback = strings[config.defaultLanguage] ?? [:]
        for language in config.languages where language.code != config.defaultLanguage {
            let own = strings[language.code] ?? [:]
            let missing = fallback.keys.filter { own[$0] == nil }.sorted()
            if !missing.isEmpty && !unreadable.contains(language.code) {
                let shown = missing.prefix(12).joined(separator: ", ") + (missing.count > 12 ? ", …" : "")
                diagnostics.warning("\(themeDir)/i18n/\(language.code).yml", nil, "\(missing.count) word\(missing.count == 1 ? "" : "s") missing, shown in \(config.defaultLanguage) instead: \(shown)")
            }
            strings[language.code] = fallback.merging(own) { _, mine in mine }
        }
        var theme = Theme(
            name: config.theme, templates: templates, strings: strings,
            staticFiles: staticFiles.sorted { $0.key < $1.key }.map { (source: $0.value, output: $0.key) })
        for file in theme.staticFiles where file.source.hasSuffix(".css") {
            theme.stylesheets[file.source] = tree.text(file.source, diagnostics: &diagnostics)
        }
        for file in theme.staticFiles where file.output.hasSuffix(".css") || file.output.hasSuffix(".js") {
            guard let data = tree.data(file.source, diagnostics: &diagnostics), let dot = file.output.lastIndex(of: ".") else { continue }
            let hash = String(SHA256.hex(data).prefix(8))
            theme.hashedNames[file.output] = "\(file.output[..<dot]).\(hash)\(file.output[dot...])"
        }
        theme.ids = ids(declaredIn: themeDir, templates: templates, tree: tree, diagnostics: &diagnostics)
        return theme
    }

    private static func readStrings(_ file: String, tree: SourceTree, diagnostics: inout Diagnostics) -> [String: String] {
        guard let text = tree.text(file, diagnostics: &diagnostics) else { return [:] }
        switch YAMLText.parse(text, file: file, firstLine: 1) {
        case .failure(let diagnostic):
            diagnostics.add(diagnostic)
            return [:]
        case .success(let root):
            guard let root else { return [:] }
            guard let mapping = root.mapping else {
                diagnostics.error(file, 1, "an i18n file must be a list of 'key: text' lines")
                return [:]
            }
            var result: [String: String] = [:]
            for (key, value) in mapping {
                guard let name = key.string, let text = value.scalar?.string else {
                    diagnostics.error(file, key.mark?.line, "every entry must be 'key: text' on one line")
                    continue
                }
                result[name] = text
            }
            return result
        }
    }
}
