import BakenMarkdown
import Foundation

extension Site {
    /// The assemble stage: addresses, translations, sections, and Markdown rendered with its links resolved.
    static func assemble(_ source: SiteSource, diagnostics: inout Diagnostics) -> Site {
        let config = source.config
        let languageOrder = Dictionary(uniqueKeysWithValues: config.languages.enumerated().map { ($1.code, $0) })
        var pages = source.pages.map { page -> Page in
            var page = page
            page.url = address(of: page, config: config)
            return page
        }
        pages.sort { (languageOrder[$0.language] ?? 0, $0.url, $0.file) < (languageOrder[$1.language] ?? 0, $1.url, $1.file) }

        // Two files may not claim one address, nor one language twice for a translation key.
        var byURL: [String: Int] = [:]
        var translations: [String: [String: Int]] = [:]
        var homes: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            let addressTaken = byURL[page.url] != nil
            if let other = byURL[page.url] {
                diagnostics.error(page.file, page.frontMatter.lines["slug"], "this page has the same address \(page.url) as \(pages[other].file): give one of them another slug or file name")
            } else {
                byURL[page.url] = index
            }
            let key = page.translationKey
            // Two files at one address also share the key made from that address: one message says it.
            if let other = translations[key]?[page.language] {
                if !addressTaken {
                    diagnostics.error(page.file, page.frontMatter.lines["translationKey"], "translationKey '\(key)' is also used by \(pages[other].file) in the same language: each page of a language needs its own key")
                }
            } else {
                translations[key, default: [:]][page.language] = index
            }
            if page.kind == .home { homes[page.language] = index }
        }
        for language in config.languages where homes[language.code] == nil && pages.contains(where: { $0.language == language.code })
            && !source.failedFiles.contains("content/\(language.code)/_index.md") {
            diagnostics.error("content/\(language.code)/_index.md", nil, "the home page of '\(language.code)' is missing: make this file with at least a title")
        }
        if homes[config.defaultLanguage] == nil && !pages.contains(where: { $0.language == config.defaultLanguage })
            && !source.failedFiles.contains("content/\(config.defaultLanguage)/_index.md") {
            diagnostics.error("content/\(config.defaultLanguage)/_index.md", nil, "the site has no pages in its default language '\(config.defaultLanguage)': make this file with at least a title")
        }

        // Each page sits in the nearest section above it.
        let sectionByDirectory = Dictionary(
            pages.indices.filter { pages[$0].kind != .page }.map { ("\(pages[$0].language):\(pages[$0].directory)", $0) },
            uniquingKeysWith: { a, _ in a })
        var parents: [Int: Int] = [:]
        var children: [Int: [Int]] = [:]
        for (index, page) in pages.enumerated() where page.kind != .home {
            var directory = page.kind == .section ? parentDirectory(page.directory) : page.directory
            if page.kind == .page && page.path.hasSuffix("/index") { directory = parentDirectory(directory) }
            while true {
                if let parent = sectionByDirectory["\(page.language):\(directory)"], parent != index {
                    parents[index] = parent
                    children[parent, default: []].append(index)
                    break
                }
                if directory.isEmpty { break }
                directory = parentDirectory(directory)
            }
        }
        for key in children.keys {
            children[key]!.sort { listOrder(pages[$0], pages[$1]) }
        }

        // Aliases: old addresses that lead to a page; each must stay inside the site.
        var aliases: [(url: String, target: Int)] = []
        for (index, page) in pages.enumerated() {
            for (alias, line) in zip(page.frontMatter.aliases, page.frontMatter.aliasLines) {
                guard let url = aliasAddress(alias, root: config.root) else {
                    diagnostics.error(page.file, line, "alias '\(alias)' must be an address on this site, such as /oud/adres/, without '..'")
                    continue
                }
                if let other = byURL[url] {
                    diagnostics.error(page.file, line, "alias \(url) is already the address of \(pages[other].file)")
                    continue
                }
                aliases.append((url, index))
            }
        }

        let resourceOutputs = Dictionary(source.resources.map { ($0.source, $0.output) }, uniquingKeysWith: { a, _ in a })
        let resolver = LinkResolver(
            pagesByFile: Dictionary(pages.map { ($0.linkPath, $0.url) }, uniquingKeysWith: { a, _ in a }),
            resources: resourceOutputs, failed: source.failedFiles, root: config.root)
        aliases += shortAddresses(pages, types: source.theme.types, resolver: resolver, byURL: byURL, root: config.root, diagnostics: &diagnostics)
        aliases.sort { $0.url < $1.url }
        let reader = MarkdownReader(
            resolver: resolver, options: MarkdownOptions(allowRawHTML: config.markdownAllowsRawHTML, smartPunctuation: config.markdownSmart),
            shortcodes: Set(source.theme.templates.keys.filter { $0.hasPrefix("shortcodes/") }.map { String($0.dropFirst("shortcodes/".count)) }),
            footnoteBackLabels: source.theme.strings.compactMapValues { $0["footnote_back"] },
            calloutLabels: source.theme.strings.mapValues { words in
                Dictionary(uniqueKeysWithValues: CalloutKind.allCases.compactMap { kind in words["callout_\(kind.rawValue)"].map { (kind.rawValue, $0) } })
            }, themeIDs: source.theme.ids,
            quotes: Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, $0.quotes.flatMap(Quotes.init) ?? Quotes.defaults(for: $0.code)) }))
        // Reading all pages, the reader knows every page's address, so links to them need no check after writing;
        // the site keeps the reader without that set, for the live preview's single pages.
        var readerForAll = reader
        readerForAll.resolver.pageAddresses = Set(pages.flatMap { [$0.url, $0.url.removingPercentEncoding ?? $0.url] })
        let assembled = readAll(pages, with: readerForAll, diagnostics: &diagnostics)
        var hubs: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            if let id = page.frontMatter.fields.audience { hubs["\(page.language):\(id)"] = hubs["\(page.language):\(id)"] ?? index }
        }
        return Site(
            config: config, theme: source.theme, pages: assembled, resources: source.resources.map { ($0.source, config.root + $0.output) },
            translations: translations, children: children, parents: parents, homes: homes, aliases: aliases,
            fileIndex: Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.file, $0) }), hubs: hubs,
            contacts: source.contacts.enumerated().sorted { a, b in
                let order: [HelpContact.Urgency] = [.emergency, .today, .anytime]
                return (order.firstIndex(of: a.element.urgency)!, a.offset) < (order.firstIndex(of: b.element.urgency)!, b.offset)
            }.map(\.element),
            markdown: reader, published: published(source.resources, by: assembled, config: config, diagnostics: &diagnostics))
    }

    /// The files of content/ that are not pages and are published: those a page links to or shows (by a relative
    /// link, an address on the site, as a lesson attachment or in a lesson's folder), those with an extension site.yml's publishFiles
    /// names; and a theme's. Each other one is a note in the build summary: a source or draft left in content/ is
    /// not published.
    static func published(_ resources: [(source: String, output: String)], by pages: [AssembledPage], config: SiteConfig,
                          diagnostics: inout Diagnostics) -> Set<String> {
        var used = Set(pages.flatMap(\.usedFiles))
        // A lesson's own folder travels with its pack (LessonFiles): what is in it, the lesson uses.
        let lessonFolders = pages.compactMap { entry -> String? in
            guard entry.page.frontMatter.fields.lesson != nil, entry.page.file.hasSuffix("/index.md") else { return nil }
            return String(entry.page.file.dropLast("index.md".count))
        }
        let linked = Set(pages.flatMap { $0.rootLinks.map { link in
            let path = LinkResolver.splitFragment(link.url).0
            return path.removingPercentEncoding ?? path
        } })
        for resource in resources {
            let name = resource.source.split(separator: "/").last ?? ""
            let ext = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
            // A theme's own files beside its pages are the theme's business, and always published.
            if !resource.source.hasPrefix("content/") || linked.contains(config.root + resource.output) || config.publishFiles.contains(ext)
                || lessonFolders.contains(where: resource.source.hasPrefix) {
                used.insert(resource.source)
            }
        }
        for resource in resources where !used.contains(resource.source) {
            diagnostics.note(resource.source, nil, "not published: no page links to it or shows it; link to it from a page, or add its extension to publishFiles in site.yml")
        }
        return used
    }

    /// `/q/<short>/` of each page whose type has the short-address behaviour, leading to the page its `target` names;
    /// the same short twice, or one that is already an address, is an error at its line.
    static func shortAddresses(_ pages: [Page], types: [String: TypeSchema], resolver: LinkResolver, byURL: [String: Int], root: String,
                               diagnostics: inout Diagnostics) -> [(url: String, target: Int)] {
        var result: [(url: String, target: Int)] = [], owners: [String: String] = [:]
        for page in pages where types[page.frontMatter.type.rawValue]?.behaviours.contains(.shortAddress) == true {
            let fields = page.frontMatter.fields
            guard case .string(let short) = fields.values["short"], case .string(let target) = fields.values["target"] else { continue }
            let line = fields.lines["short"]
            guard Slug.make(short) == short, !short.isEmpty else {
                diagnostics.error(page.file, line, "short '\(short)' must be lower-case letters, digits and hyphens, such as 'ben-je-oke'")
                continue
            }
            let url = root + "/q/" + short + "/"
            if let other = owners[url] ?? byURL[url].map({ pages[$0].file }) {
                diagnostics.error(page.file, line, "the short address \(url) is also that of \(other): give one of them another short")
                continue
            }
            owners[url] = page.file
            guard let address = resolver.target(of: LinkResolver.splitFragment(target).0, from: page) else { continue }
            if let index = byURL[address] { result.append((url, index)) }
        }
        return result
    }

    /// Lists sort by weight, then date (newest first), then title.
    static func listOrder(_ a: Page, _ b: Page) -> Bool {
        if a.frontMatter.weight != b.frontMatter.weight { return a.frontMatter.weight < b.frontMatter.weight }
        let da = a.frontMatter.date?.ordinal ?? 0, db = b.frontMatter.date?.ordinal ?? 0
        if da != db { return da > db }
        return (a.frontMatter.title, a.url) < (b.frontMatter.title, b.url)
    }

    /// The page's address: language prefix, folders, then the slug or file name.
    static func address(of page: Page, config: SiteConfig) -> String {
        var segments = page.path.split(separator: "/").map(String.init)
        let last = segments.removeLast()
        if last != "_index" && last != "index" {
            segments.append(page.frontMatter.slug ?? last)
        } else if let slug = page.frontMatter.slug, !segments.isEmpty {
            segments[segments.count - 1] = slug
        }
        let path = segments.map(urlSegment).joined(separator: "/")
        return config.root + config.prefix(of: page.language) + "/" + (path.isEmpty ? "" : path + "/")
    }

    static func urlSegment(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? segment
    }

    static func parentDirectory(_ directory: String) -> String {
        guard let slash = directory.lastIndex(of: "/") else { return "" }
        return String(directory[..<slash])
    }

    /// `/oud/adres` → `/oud/adres/` under the site's root; nil when it could leave the site.
    static func aliasAddress(_ alias: String, root: String) -> String? {
        guard alias.hasPrefix("/"), !alias.contains("\\"), !alias.contains("?"), !alias.contains("#") else { return nil }
        let segments = alias.split(separator: "/")
        guard !segments.isEmpty, segments.allSatisfy({ FrontMatter.isSafeSegment(String($0)) }) else { return nil }
        return root + "/" + segments.map { urlSegment(String($0)) }.joined(separator: "/") + "/"
    }

    /// Reads every page's Markdown on all cores; diagnostics come back in page order.
    static func readAll(_ pages: [Page], with reader: MarkdownReader, diagnostics: inout Diagnostics) -> [AssembledPage] {
        let results = ParallelMap.map(pages) { page -> (AssembledPage, [Diagnostic]) in
            var local = Diagnostics()
            let assembled = read(page, with: reader, diagnostics: &local)
            return (assembled, local.all)
        }
        for (_, found) in results { diagnostics.add(contentsOf: found) }
        return results.map(\.0)
    }

    /// One page's Markdown to HTML: shortcodes, heading ids, links resolved, typed fields.
    static func read(_ page: Page, with reader: MarkdownReader, diagnostics: inout Diagnostics) -> AssembledPage {
        let resolver = reader.resolver, options = reader.options(for: page.language), known = reader.shortcodes
        let body = MarkdownDocument(page.body, options: options)
        var shortcodes: [Shortcode] = []
        body.replaceShortcodes { shortcode in
            if !known.contains(shortcode.name) {
                diagnostics.error(page.file, page.bodyLine + shortcode.line - 1, "unknown shortcode '\(shortcode.name)' (known: \(known.sorted().joined(separator: ", "))): the theme needs layouts/shortcodes/\(shortcode.name).mustache")
                return ""
            }
            shortcodes.append(shortcode)
            return Site.shortcodeMarker(shortcodes.count - 1)
        }
        body.assignHeadingIDs(taken: reader.themeIDs)
        var usedFiles: [String] = []
        var rootLinks = resolver.rewrite(body, in: page, firstLine: page.bodyLine, usedFiles: &usedFiles, diagnostics: &diagnostics)
        // Markdown fields (`contentMediaType: text/markdown` in the type file) become HTML, their links checked at their line.
        var fieldHTML: [String: String] = [:]
        for (path, text, line) in page.frontMatter.fields.markdown where !text.isEmpty {
            let document = MarkdownDocument(text, options: options)
            rootLinks += resolver.rewrite(document, in: page, firstLine: line, usedFiles: &usedFiles, diagnostics: &diagnostics, fieldLine: true)
            fieldHTML[path] = document.html()
        }
        // Fields that name a page or file (`format: uri-reference`): their address, or an error at their line.
        var fieldLinks: [String: String] = [:]
        for (path, text, line) in page.frontMatter.fields.links {
            let (file, fragment) = LinkResolver.splitFragment(text)
            if let target = resolver.target(of: file, from: page) {
                if let used = resolver.usedFile(file, from: page) { usedFiles.append(used) }
                fieldLinks[path] = target + fragment
            } else if let message = resolver.nowhere(file, from: page) {
                diagnostics.error(page.file, line, "'\(path)' names " + message)
            }
        }
        if let lesson = page.frontMatter.fields.lesson {
            for attachment in lesson.attachments {
                if let file = resolver.usedFile(attachment.file, from: page) { usedFiles.append(file) }
                if resolver.target(of: attachment.file, from: page) == nil {
                    diagnostics.error(page.file, attachment.line, "attachment '\(attachment.file)' does not exist: put the file in the lesson's folder, or correct the name")
                }
            }
        }
        var assembled = AssembledPage(page: page, html: body.html(), headings: body.headings, fieldHTML: fieldHTML, sections: body.textSections(), shortcodes: shortcodes)
        assembled.addressLines = Self.addressLines(page.body, firstLine: page.bodyLine)
        assembled.rootLinks = rootLinks
        assembled.fieldLinks = fieldLinks
        assembled.usedFiles = usedFiles
        return assembled
    }
}

extension Site {
    /// The lines of `text` that hold `//`, with their line in the file: one pass over the bytes.
    static func addressLines(_ text: String, firstLine: Int) -> [(line: Int, text: String)] {
        var result: [(line: Int, text: String)] = []
        guard text.holds("//") else { return result }
        var text = text
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            var line = firstLine, start = 0, hasAddress = false
            for index in 0...bytes.count {
                if index == bytes.count || bytes[index] == 0x0A {
                    if hasAddress { result.append((line, String(decoding: bytes[start..<index], as: UTF8.self))) }
                    line += 1
                    start = index + 1
                    hasAddress = false
                } else if bytes[index] == 0x2F, index > start, bytes[index - 1] == 0x2F {
                    hasAddress = true
                }
            }
        }
        return result
    }
}
