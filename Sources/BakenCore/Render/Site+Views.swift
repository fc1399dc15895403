/// Values every page of one language shares; made once per language.
struct LanguageShared {
    let refs: [String: RefView]
    let contacts: [ContactView]
    let contactsJSONLD: String
}

/// Builds the template values of each page from the assembled site.
extension Site {
    func shared(_ language: String) -> LanguageShared {
        let strings = theme.strings[language] ?? [:]
        return LanguageShared(
            refs: references(in: language), contacts: contactViews(language: language, strings: strings),
            contactsJSONLD: contactsJSONLD(language: language))
    }

    var safetyView: SafetyView { SafetyView(exitURL: config.safety.exitURL, reportForm: config.safety.reportForm) }

    /// `content` is the body's HTML with its shortcodes rendered.
    func context(for index: Int, content: String, shared: LanguageShared, downloads: PackDownloads = .none, printed: Printed = .none,
                 printing printFormat: PrintFormat? = nil) -> PageContext {
        let entry = pages[index]
        let page = entry.page
        let strings = theme.strings[page.language] ?? [:]

        var breadcrumbs: [CrumbView] = []
        var cursor = parents[index]
        while let parent = cursor {
            breadcrumbs.insert(CrumbView(title: pages[parent].page.frontMatter.title, url: pages[parent].url), at: 0)
            cursor = parents[parent]
        }

        var view = PageView(
            title: page.frontMatter.title,
            description: page.frontMatter.description,
            url: page.url,
            permalink: config.origin + page.url,
            content: content,
            toc: tableOfContents(entry),
            date: page.frontMatter.date.map { format($0, strings) },
            dateISO: page.frontMatter.date?.description,
            lastChecked: page.frontMatter.lastChecked.map { format($0, strings) },
            lastCheckedISO: page.frontMatter.lastChecked?.description,
            type: page.frontMatter.type.rawValue,
            kind: page.kind.rawValue,
            isHome: page.kind == .home,
            isSection: page.kind == .section,
            isDraft: page.frontMatter.draft,
            sensitive: page.isSensitive(config.safety),
            translation: isOutdated(index) || page.frontMatter.machineTranslated ? source(of: index).map { source in
                TranslationView(outdated: isOutdated(index), sourceURL: pages[source].url,
                                sourceLanguage: config.language(config.defaultLanguage)?.name ?? config.defaultLanguage, sourceCode: config.defaultLanguage)
            } : nil,
            machineTranslated: page.frontMatter.machineTranslated,
            tags: page.frontMatter.tags,
            audiences: page.frontMatter.audiences.compactMap { id in
                config.audiences.first { $0.id == id }.map {
                    AudienceLinkView(id: id, name: $0.name(in: page.language, default: config.defaultLanguage), url: hub(of: id, in: page.language)?.url)
                }
            },
            breadcrumbs: breadcrumbs,
            pages: (children[index] ?? []).map { card($0, strings, printed: printed) },
            params: Dictionary(page.frontMatter.params.map { ($0.key, $0.value.templateValue) }, uniquingKeysWith: { a, _ in a }),
            fields: fieldValues(entry),
            dates: dateValues(page.frontMatter.fields.dates, strings),
            links: linkValues(entry),
            shareImage: printed.shareImages[index],
            print: printView(index, printed: printed, strings: strings, format: printFormat),
            lesson: lessonView(entry, strings).map { downloads.decorate($0, page: index, site: self, strings: strings) },
            audience: audienceView(page, strings))
        if page.kind != .page {
            view.catalogue = downloads.catalogue(for: index, site: self, strings: strings)
            view.groups = groups(of: children[index] ?? [], strings, printed: printed)
        }
        return PageContext(page: view, menu: menu(for: index), audienceMenu: audienceMenu(for: index), languages: switcher(for: index), alternates: alternates(for: index))
    }

    /// The values every page of a language sees alike.
    func languageContext(_ code: String, shared: LanguageShared) -> LanguageContext {
        let language = config.language(code)!
        return LanguageContext(
            site: siteView(language), lang: languageView(language), t: theme.strings[code] ?? [:], feed: feedURL(code),
            root: config.root, ref: shared.refs, contacts: shared.contacts, contactsJSONLD: shared.contactsJSONLD, safety: safetyView)
    }

    func languageView(_ language: Language) -> LanguageView {
        let home = homes[language.code].map { pages[$0].url } ?? config.root + config.prefix(of: language.code) + "/"
        return LanguageView(code: language.code, name: language.name, dir: language.direction, home: home)
    }

    /// The values for pages that have no Markdown file, such as the 404 page.
    func context(forGenerated title: String, url: String, language code: String) -> PageContext {
        let view = PageView(
            title: title, description: nil, url: url, permalink: config.origin + url, content: "", toc: [], date: nil,
            dateISO: nil, lastChecked: nil, lastCheckedISO: nil, type: "page", kind: "page", isHome: false,
            isSection: false, isDraft: false, sensitive: false, translation: nil, machineTranslated: false, tags: [], audiences: [], breadcrumbs: [], pages: [], params: [:],
            fields: [:], dates: [:], links: [:], shareImage: nil, print: nil, lesson: nil, audience: nil)
        return PageContext(
            page: view, menu: menu(language: code, activeURL: nil), audienceMenu: audienceMenu(language: code, activeURL: nil),
            languages: config.languages.map { other in
                LanguageLinkView(code: other.code, name: other.name, dir: other.direction, url: languageView(other).home, current: other.code == code, translated: true)
            },
            alternates: [])
    }

    private func siteView(_ language: Language) -> SiteView {
        SiteView(
            title: language.title ?? config.title, baseURL: config.baseURL,
            params: Dictionary(uniqueKeysWithValues: config.params.map { ($0.key, $0.value.templateValue) }))
    }

    func feedURL(_ language: String) -> String {
        config.root + config.prefix(of: language) + "/index.xml"
    }

    /// `## ` and `### ` headings, when there are at least three.
    private func tableOfContents(_ entry: AssembledPage) -> [TocEntryView] {
        let entries = entry.headings.filter { (2...3).contains($0.level) }
        guard entries.count >= 3 else { return [] }
        return entries.map { TocEntryView(level: $0.level, id: $0.id, title: $0.text) }
    }

    /// "1 juli 2024" from the theme's month names (`month_1` …), or the ISO date when they are missing.
    func format(_ day: Day, _ strings: [String: String]) -> String {
        guard let month = strings["month_\(day.month)"] else { return day.description }
        return "\(day.day) \(month) \(day.year)"
    }

    func levelName(_ level: String, _ strings: [String: String]) -> String {
        strings["level_\(level)"] ?? level
    }

    private func card(_ index: Int, _ strings: [String: String], printed: Printed = .none) -> CardView {
        let entry = pages[index], fm = entry.page.frontMatter
        let lesson = fm.fields.lesson
        return CardView(
            title: fm.title, description: fm.description, url: entry.url, type: fm.type.rawValue,
            date: fm.date.map { format($0, strings) }, dateISO: fm.date?.description, fields: fieldValues(entry),
            print: printView(index, printed: printed, strings: strings),
            level: lesson?.level, levelName: lesson.map { levelName($0.level, strings) }, duration: lesson?.duration)
    }

    /// A section's pages grouped by the field their type's `x-baken.groupBy` names, in the order of its enum.
    private func groups(of members: [Int], _ strings: [String: String], printed: Printed) -> [GroupView] {
        let schemas = members.compactMap { theme.types[pages[$0].page.frontMatter.type.rawValue] }
        guard let schema = schemas.first(where: { $0.groupBy != nil }), let field = schema.groupBy,
              case .string(_, let choices?)? = schema.field(at: field)?.kind else { return [] }
        return choices.compactMap { choice in
            let shown = members.filter { pages[$0].page.frontMatter.fields.values[field] == .string(choice) }
            guard !shown.isEmpty else { return nil }
            return GroupView(id: choice, name: strings["\(field)_\(choice)"] ?? choice, pages: shown.map { card($0, strings, printed: printed) })
        }
    }

    /// A page's fields as templates read them: Markdown fields as their HTML.
    func fieldValues(_ entry: AssembledPage) -> [String: TemplateValue] {
        let values = entry.page.frontMatter.fields.values
        guard !entry.fieldHTML.isEmpty else { return values }
        func html(_ value: TemplateValue, _ path: String) -> TemplateValue {
            switch value {
            case .string: entry.fieldHTML[path].map(TemplateValue.string) ?? value
            case .list(let items): .list(items.enumerated().map { html($1, "\(path)[\($0 + 1)]") })
            case .object(let fields): .object(Dictionary(uniqueKeysWithValues: fields.map { ($0, html($1, "\(path).\($0)")) }))
            default: value
            }
        }
        return Dictionary(uniqueKeysWithValues: values.map { ($0, html($1, $0)) })
    }

    /// Date fields written out in a language, nested as the fields are: `law.since` is `{law: {since: …}}`.
    func dateValues(_ dates: [String: Day], _ strings: [String: String]) -> [String: TemplateValue] {
        Self.nested(dates.map { ($0.key, .string(format($0.value, strings))) })
    }

    /// The pages and files that `uri-reference` fields name: `{target: {url, permalink}}`.
    func linkValues(_ entry: AssembledPage) -> [String: TemplateValue] {
        Self.nested(entry.fieldLinks.map { ($0.key, .object(["url": .string($0.value), "permalink": .string(config.origin + $0.value)])) })
    }

    /// Values by field path, nested as the fields are: `law.since` is `{law: {since: …}}`.
    static func nested(_ values: [(path: String, value: TemplateValue)]) -> [String: TemplateValue] {
        func insert(_ path: ArraySlice<Substring>, _ value: TemplateValue, into fields: inout [String: TemplateValue]) {
            let key = String(path.first!)
            guard path.count > 1 else { return fields[key] = value }
            var inner: [String: TemplateValue] = if case .object(let existing) = fields[key] { existing } else { [:] }
            insert(path.dropFirst(), value, into: &inner)
            fields[key] = .object(inner)
        }
        var result: [String: TemplateValue] = [:]
        for (path, value) in values { insert(path.split(separator: ".")[...], value, into: &result) }
        return result
    }

    func lessonView(_ entry: AssembledPage, _ strings: [String: String]) -> LessonView? {
        guard let lesson = entry.page.frontMatter.fields.lesson else { return nil }
        let html = entry.fieldHTML
        let safeguarding = lesson.safeguardingContact == nil && lesson.afterDisclosure == nil ? nil
            : LessonView.SafeguardingView(contact: lesson.safeguardingContact, afterDisclosure: html["safeguarding.after_disclosure"])
        return LessonView(
            level: lesson.level, levelName: levelName(lesson.level, strings), age: lesson.age,
            duration: lesson.duration, edition: lesson.edition, goals: lesson.goals, kerndoelen: lesson.kerndoelen,
            materials: lesson.materials, preparation: html["preparation"],
            steps: lesson.steps.enumerated().map { i, step in
                LessonView.StepView(number: i + 1, title: step.title, minutes: step.minutes, text: html["steps[\(i + 1)].text"] ?? "")
            },
            teacherNotes: html["teacher_notes"], safeguarding: safeguarding, parentSummary: html["parent_summary"],
            license: License.view(lesson.license),
            attachments: lesson.attachments.compactMap { attachment in
                attachmentURL(attachment.file, of: entry.page).map { LessonView.AttachmentView(title: attachment.title, url: $0) }
            })
    }

    /// The address of a file named relative to a page: a page's address or a copied file's.
    func attachmentURL(_ path: String, of page: Page) -> String? {
        guard let file = LinkResolver.resolve(path, from: page.file) else { return nil }
        if let index = fileIndex[file] { return pages[index].url }
        return resources.first { $0.source == file }?.output
    }

    private func audienceView(_ page: Page, _ strings: [String: String]) -> AudienceHubView? {
        guard let id = page.frontMatter.fields.audience else { return nil }
        let name = config.audiences.first { $0.id == id }?.name(in: page.language, default: config.defaultLanguage) ?? id
        let members = pages.indices.filter {
            pages[$0].page.language == page.language && pages[$0].page.frontMatter.audiences.contains(id) && pages[$0].page.file != page.file
        }
        .sorted { Site.listOrder(pages[$0].page, pages[$1].page) }
        return AudienceHubView(id: id, name: name, pages: members.map { card($0, strings) })
    }

    /// The hub page of an audience in a language.
    func hub(of audience: String, in language: String) -> AssembledPage? {
        hubs["\(language):\(audience)"].map { pages[$0] }
    }

    private func menu(for index: Int) -> [MenuItemView] {
        menu(language: pages[index].page.language, activeURL: pages[index].url)
    }

    private func menu(language: String, activeURL: String?) -> [MenuItemView] {
        (config.menus["main"] ?? []).compactMap { entry in
            guard let target = menuTarget(entry, language: language) else { return nil }
            let active = activeURL.map { $0 == target.url || ($0.hasPrefix(target.url) && target.page.kind == .section) } ?? false
            return MenuItemView(title: target.page.frontMatter.title, url: target.url, active: active)
        }
    }

    /// A menu entry names a default-language path; other languages show that page's translation.
    func menuTarget(_ entry: MenuEntry, language: String) -> AssembledPage? {
        let file = "content/\(config.defaultLanguage)/\(entry.page).md"
        guard let source = fileIndex[file] else { return nil }
        return translation(of: source, in: language)
    }

    private func audienceMenu(for index: Int) -> [AudienceItemView] {
        audienceMenu(language: pages[index].page.language, activeURL: pages[index].url)
    }

    private func audienceMenu(language: String, activeURL: String?) -> [AudienceItemView] {
        config.audiences.compactMap { audience in
            guard let hub = hub(of: audience.id, in: language) else { return nil }
            return AudienceItemView(
                id: audience.id, name: audience.name(in: language, default: config.defaultLanguage), url: hub.url,
                active: hub.url == activeURL)
        }
    }

    private func switcher(for index: Int) -> [LanguageLinkView] {
        let page = pages[index].page
        return config.languages.map { language in
            let translation = translation(of: index, in: language.code)
            return LanguageLinkView(
                code: language.code, name: language.name, dir: language.direction, url: translation?.url ?? languageView(language).home,
                current: language.code == page.language, translated: translation != nil)
        }
    }

    private func alternates(for index: Int) -> [AlternateView] {
        var result = config.languages.compactMap { language in
            translation(of: index, in: language.code).map { AlternateView(hreflang: language.code, href: config.origin + $0.url) }
        }
        if let fallback = translation(of: index, in: config.defaultLanguage) {
            result.append(AlternateView(hreflang: "x-default", href: config.origin + fallback.url))
        }
        return result
    }

    /// Every page of a language by translationKey; made once per language, shared by its pages.
    func references(in language: String) -> [String: RefView] {
        var result: [String: RefView] = [:]
        for (key, languages) in translations {
            if let index = languages[language] {
                result[key] = RefView(title: pages[index].page.frontMatter.title, url: pages[index].url)
            }
        }
        return result
    }
}

/// Licences named by their SPDX id.
enum License {
    static func view(_ id: String) -> LessonView.LicenseView {
        switch id {
        case "CC-BY-4.0": .init(id: id, name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/")
        case "CC-BY-SA-4.0": .init(id: id, name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/")
        case "CC-BY-NC-4.0": .init(id: id, name: "CC BY-NC 4.0", url: "https://creativecommons.org/licenses/by-nc/4.0/")
        case "CC0-1.0": .init(id: id, name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/")
        default: .init(id: id, name: id, url: nil)
        }
    }
}
