import BakenMarkdown
import Foundation
import Yams

extension Theme {
    /// Reads `themes/<name>/` and the site's own `layouts/`, `i18n/`, `static/`, `css/` and `types/`, which win over the theme's.
    static func load(_ config: SiteConfig, from tree: SourceTree, diagnostics: inout Diagnostics) -> Theme {
        let themeDir = "themes/\(config.theme)"
        let layers = [themeDir, ""]
        if !tree.isDirectory(themeDir) {
            let available = tree.themeNames
            diagnostics.error(SiteConfig.file, nil, "theme '\(config.theme)' not found: there is no folder \(themeDir), and no installed theme of that name" + (available.isEmpty ? "" : " (themes here: \(available.joined(separator: ", ")))"))
        }

        var templates: [String: Template] = [:]
        var staticFiles: [String: String] = [:]
        // Type name → its file; the site's file replaces the theme's.
        var typeFiles: [String: String] = [:]
        // css/<name>.css → part name → source; the site's part of the same name replaces the theme's.
        var parts: [String: [String: String]] = [:]
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
            if tree.isDirectory(prefix + "types") {
                for file in tree.files(under: prefix + "types", diagnostics: &diagnostics) {
                    let name = String(file.dropFirst(prefix.count + "types/".count))
                    guard name.hasSuffix(".yml"), !name.contains("/") else {
                        diagnostics.error(file, nil, "a content type is a file types/<name>.yml, such as types/event.yml")
                        continue
                    }
                    typeFiles[String(name.dropLast(4))] = file
                }
            }
            if tree.isDirectory(prefix + "css") {
                for file in tree.files(under: prefix + "css", diagnostics: &diagnostics) {
                    let inside = file.dropFirst(prefix.count + "css/".count).split(separator: "/")
                    guard inside.count == 2, inside[1].hasSuffix(".css") else {
                        diagnostics.error(file, nil, "a stylesheet part belongs in css/<stylesheet>/<part>.css, such as css/baken/10-base.css, and ends in .css")
                        continue
                    }
                    parts["css/\(inside[0]).css", default: [:]][String(inside[1])] = file
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
        for (name, file) in typeFiles.sorted(by: { $0.key < $1.key }) {
            guard Slug.make(name) == name else {
                diagnostics.error(file, nil, "a type's name is its file's name, and must be lower-case letters, digits and hyphens, such as event.yml")
                continue
            }
            guard let text = tree.text(file, limit: 1 << 20, diagnostics: &diagnostics) else { continue }
            if let schema = TypeSchema.parse(text, name: name, file: file, diagnostics: &diagnostics) {
                theme.types[name] = schema
            }
        }
        for (output, named) in parts.sorted(by: { $0.key < $1.key }) {
            if let copied = staticFiles[output] {
                diagnostics.error(copied, nil, "\(output) is made from the parts in css/\(output.dropFirst(4).dropLast(4))/, so it cannot be a static file too: remove one of the two")
            }
            theme.joinedStylesheets.append((output, named.sorted { $0.key < $1.key }.map(\.value)))
        }
        for source in theme.staticFiles.map(\.source).filter({ $0.hasSuffix(".css") }) + theme.joinedStylesheets.flatMap(\.parts) {
            theme.stylesheets[source] = tree.text(source, diagnostics: &diagnostics)
        }
        for (output, text) in theme.stylesheetFiles where theme.joinedStylesheets.contains(where: { $0.output == output }) {
            let dot = output.lastIndex(of: ".")!
            theme.hashedNames[output] = "\(output[..<dot]).\(SHA256.hex(Data(text.utf8)).prefix(8))\(output[dot...])"
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
