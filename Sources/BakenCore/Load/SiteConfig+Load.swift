import BakenMarkdown
import Yams

extension SiteConfig {
    static let file = "site.yml"
    static let knownFields: Set<String> = [
        "title", "baseURL", "defaultLanguage", "languages", "theme", "menus", "audiences", "markdown",
        "defaultLanguageInSubdir", "params", "allowExternal", "safety", "packs", "check", "search", "publishFiles",
    ]

    /// Reads site.yml's text; every mistake in it is reported at its line.
    static func parse(_ text: String) throws(BuildFailure) -> SiteConfig {
        let file = Self.file
        var diagnostics = Diagnostics()
        let root: Node?
        switch YAMLText.parse(text, file: file, firstLine: 1) {
        case .success(let node): root = node
        case .failure(let diagnostic): throw BuildFailure([diagnostic])
        }
        guard let root else {
            throw BuildFailure([Diagnostic(file: file, line: 1, "site.yml is empty: it needs at least 'title:', 'baseURL:' and 'languages:' (see docs/content.md)")])
        }
        guard let mapping = root.mapping else {
            throw BuildFailure([Diagnostic(file: file, line: 1, "site.yml must be a list of settings (name: value), such as 'title: My site'")])
        }
        let fields = YAMLFields(file: file, lineOffset: 0, mapping: mapping, line: 1)
        for key in fields.keys where !knownFields.contains(key) {
            diagnostics.error(file, fields.line(of: key), "unknown setting '\(key)' (known: \(knownFields.sorted().joined(separator: ", ")))")
        }

        let title = fields.string("title", required: true, &diagnostics) ?? ""
        var baseURL = fields.string("baseURL", &diagnostics) ?? "/"
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") || baseURL == "/") {
            diagnostics.error(file, fields.line(of: "baseURL"), "baseURL must start with https:// (for example https://example.nl/), not '\(baseURL)'")
        }
        let theme = fields.string("theme", &diagnostics) ?? "baken"

        var languages: [Language] = []
        let languageList = fields.list("languages", &diagnostics)
        if fields.node("languages") == nil {
            diagnostics.error(file, 1, "'languages' is missing: list the site's languages, such as\nlanguages:\n  - code: nl\n    name: Nederlands")
        }
        for entry in languageList {
            guard let code = entry.string("code", required: true, &diagnostics) else { continue }
            if !isLanguageCode(code) {
                diagnostics.error(file, entry.line(of: "code"), "language code '\(code)' is not valid: use a code such as nl, en, ar or pt-BR")
                continue
            }
            if languages.contains(where: { $0.code == code }) {
                diagnostics.error(file, entry.line(of: "code"), "language '\(code)' is listed twice")
                continue
            }
            let name = entry.string("name", required: true, &diagnostics) ?? code
            var rtl = false
            if let direction = entry.string("direction", &diagnostics) {
                switch direction {
                case "rtl": rtl = true
                case "ltr": rtl = false
                default: diagnostics.error(file, entry.line(of: "direction"), "direction must be rtl or ltr, not '\(direction)'")
                }
            }
            for key in entry.keys where !["code", "name", "title", "direction", "quotes"].contains(key) {
                diagnostics.error(file, entry.line(of: key), "unknown language setting '\(key)' (known: code, name, title, direction, quotes)")
            }
            var language = Language(code: code, name: name, title: entry.string("title", &diagnostics), isRightToLeft: rtl)
            language.quotes = quotes(entry, code: code, &diagnostics)
            languages.append(language)
        }

        let defaultLanguage = fields.string("defaultLanguage", &diagnostics) ?? languages.first?.code ?? "nl"
        if !languages.isEmpty && !languages.contains(where: { $0.code == defaultLanguage }) {
            diagnostics.error(file, fields.line(of: "defaultLanguage"), "defaultLanguage '\(defaultLanguage)' is not in languages (known: \(languages.map(\.code).joined(separator: ", ")))")
        }

        var menus: [String: [MenuEntry]] = [:]
        if let menuFields = fields.fields("menus", &diagnostics) {
            for name in menuFields.keys {
                menus[name] = menuFields.list(name, &diagnostics).compactMap { item in
                    guard let page = item.string("page", required: true, &diagnostics) else { return nil }
                    return MenuEntry(page: page, line: item.line(of: "page"))
                }
            }
        }

        var audiences: [Audience] = []
        for entry in fields.list("audiences", &diagnostics) {
            guard let id = entry.string("id", required: true, &diagnostics) else { continue }
            if audiences.contains(where: { $0.id == id }) {
                diagnostics.error(file, entry.line(of: "id"), "audience '\(id)' is listed twice")
            }
            audiences.append(Audience(id: id, names: entry.translations("name", &diagnostics)))
        }

        var allowsRawHTML = false, smart = true
        if let markdown = fields.fields("markdown", &diagnostics) {
            for key in markdown.keys where !["unsafe", "smart"].contains(key) {
                diagnostics.error(file, markdown.line(of: key), "unknown markdown setting '\(key)' (known: smart, unsafe)")
            }
            allowsRawHTML = markdown.bool("unsafe", &diagnostics) ?? false
            smart = markdown.bool("smart", &diagnostics) ?? true
        }

        var skipMachineTranslated = false
        if let search = fields.fields("search", &diagnostics) {
            for key in search.keys where key != "skipMachineTranslated" {
                diagnostics.error(file, search.line(of: key), "unknown search setting '\(key)' (known: skipMachineTranslated)")
            }
            skipMachineTranslated = search.bool("skipMachineTranslated", &diagnostics) ?? false
        }

        var params: [String: YAMLValue] = [:]
        if let paramFields = fields.fields("params", &diagnostics) {
            for key in paramFields.keys { params[key] = paramFields.value(key) }
        }

        let allowExternal = fields.strings("allowExternal", &diagnostics)
        for url in allowExternal where !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            diagnostics.error(file, fields.line(of: "allowExternal"), "allowExternal entries must be addresses starting with https://, not '\(url)'")
        }
        var publishFiles: Set<String> = []
        for entry in fields.strings("publishFiles", &diagnostics) {
            let ext = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            guard !ext.isEmpty, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !["md", "markdown"].contains(ext.lowercased()) else {
                diagnostics.error(file, fields.line(of: "publishFiles"), "publishFiles lists file extensions to publish even when no page links to them, such as [pdf, ods], not '\(entry)'")
                continue
            }
            publishFiles.insert(ext.lowercased())
        }
        let packs = PackSettings.parse(fields.fields("packs", &diagnostics), &diagnostics)
        let check = CheckSettings.parse(fields.fields("check", &diagnostics), &diagnostics)
        try diagnostics.check()
        var config = SiteConfig(
            title: title, baseURL: baseURL, defaultLanguage: defaultLanguage, languages: languages, theme: theme,
            menus: menus, audiences: audiences, markdownAllowsRawHTML: allowsRawHTML,
            defaultLanguageInSubdir: fields.bool("defaultLanguageInSubdir", &diagnostics) ?? false, params: params)
        config.markdownSmart = smart
        config.searchSkipsMachineTranslated = skipMachineTranslated
        config.allowExternal = allowExternal
        config.publishFiles = publishFiles
        config.packs = packs
        config.check = check
        if let safety = fields.fields("safety", &diagnostics) {
            for key in safety.keys where !["exitURL", "sensitiveSections", "reportForm", "contactsMaxAgeDays"].contains(key) {
                diagnostics.error(file, safety.line(of: key), "unknown safety setting '\(key)' (known: contactsMaxAgeDays, exitURL, reportForm, sensitiveSections)")
            }
            if let exit = safety.string("exitURL", &diagnostics) {
                if exit.hasPrefix("https://") { config.safety.exitURL = exit } else {
                    diagnostics.error(file, safety.line(of: "exitURL"), "safety.exitURL must be a neutral site's address starting with https://, such as https://www.buienradar.nl/")
                }
            }
            config.safety.sensitiveSections = safety.strings("sensitiveSections", &diagnostics)
            config.safety.reportForm = safety.string("reportForm", &diagnostics)
            if let days = safety.int("contactsMaxAgeDays", &diagnostics) { config.safety.contactsMaxAgeDays = days }
        }
        try diagnostics.check()
        return config
    }

    /// A language's `quotes:`: four marks, or nil (with an error when they are not).
    private static func quotes(_ entry: YAMLFields, code: String, _ diagnostics: inout Diagnostics) -> [String]? {
        guard entry.node("quotes") != nil else { return nil }
        let marks = entry.strings("quotes", &diagnostics)
        guard marks.count == 4, marks.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            let usual = Quotes.defaults(for: code).marks.map { "\"\($0)\"" }.joined(separator: ", ")
            diagnostics.error(file, entry.line(of: "quotes"), "quotes of '\(code)' must be a list of 4 quotation marks (opening and closing double, then opening and closing single), not \(marks.count == 4 ? "empty ones" : "\(marks.count)"): for example quotes: [\(usual)]")
            return nil
        }
        return marks
    }

    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
