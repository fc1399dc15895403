import Yams

extension FrontMatter {
    static let knownFields: Set<String> = [
        "title", "description", "date", "draft", "weight", "slug", "aliases", "translationKey", "tags", "type",
        "audiences", "layout", "last_checked", "sensitive", "review_by", "translationOf",
    ]

    /// Splits a page file into front matter and Markdown body, and checks every known field.
    /// `audiences` are the ids from site.yml.
    static func split(_ text: String, file: String) -> Result<(yaml: String, body: String, bodyLine: Int), Diagnostic> {
        // Lines are read one at a time up to the closing marker; the body is taken whole after it.
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        func nextLine() -> Substring? {
            guard !rest.isEmpty else { return nil }
            if let newline = rest.firstIndex(of: "\n") {
                let line = rest[..<newline]
                rest = rest[rest.index(after: newline)...]
                return line
            }
            let line = rest
            rest = rest[rest.endIndex...]
            return line
        }
        guard let first = nextLine(), first.trimmingCharactersInSet() == "---" else {
            if text.hasPrefix("+++") {
                return .failure(Diagnostic(file: file, line: 1, "front matter in TOML (+++) is not supported: write it in YAML between two lines '---'"))
            }
            // A page without front matter is a page: its title comes from its first heading.
            return .success(("", String(text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)), 1))
        }
        var yamlLines: [Substring] = []
        while let line = nextLine() {
            let trimmed = line.trimmingCharactersInSet()
            if trimmed == "---" || trimmed == "..." {
                return .success((yamlLines.joined(separator: "\n"), String(rest), yamlLines.count + 3))
            }
            yamlLines.append(line)
        }
        return .failure(Diagnostic(file: file, line: 1, "the front matter is not closed: add a line '---' after the last field"))
    }

    static func parse(yaml: String, file: String, audiences: Set<String>, types: [String: TypeSchema] = [:], diagnostics: inout Diagnostics) -> FrontMatter? {
        let root: Node?
        switch YAMLText.parse(yaml, file: file, firstLine: 2) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            diagnostics.add(diagnostic)
            return nil
        }
        // No fields at all: the page's title comes from its first heading.
        if root == nil { return FrontMatter() }
        guard let mapping = root?.mapping else {
            diagnostics.error(file, 2, "the front matter must be fields (name: value), such as 'title: Contact'")
            return nil
        }
        let fields = YAMLFields(file: file, lineOffset: 1, mapping: mapping, line: 1)
        var fm = FrontMatter()
        for key in fields.keys { fm.lines[key] = fields.line(of: key) }

        // Without a title, the page's first `# ` heading gives it (ContentFiles.page).
        fm.title = fields.string("title", &diagnostics) ?? ""
        fm.description = fields.string("description", &diagnostics)
        fm.date = fields.day("date", &diagnostics)
        fm.draft = fields.bool("draft", &diagnostics) ?? false
        fm.weight = fields.int("weight", &diagnostics) ?? 0
        fm.slug = fields.string("slug", &diagnostics)
        if let slug = fm.slug, !isSafeSegment(slug) {
            diagnostics.error(file, fields.line(of: "slug"), "slug '\(slug)' must be one part of an address: letters, digits and hyphens, without '/' or '..', such as 'wat-kun-je-doen'")
            fm.slug = nil
        }
        fm.aliases = fields.strings("aliases", &diagnostics)
        fm.aliasLines = fm.aliases.map { _ in fields.line(of: "aliases") }
        fm.translationKey = fields.string("translationKey", &diagnostics)
        fm.tags = fields.strings("tags", &diagnostics)
        fm.layout = fields.string("layout", &diagnostics)
        fm.lastChecked = fields.day("last_checked", &diagnostics)
        fm.sensitive = fields.bool("sensitive", &diagnostics)
        fm.reviewBy = fields.day("review_by", &diagnostics)
        fm.translationOf = fields.string("translationOf", &diagnostics)

        if let type = fields.string("type", &diagnostics) {
            let named = ContentType(rawValue: type)
            if ContentType.builtIn.contains(named) || types[type] != nil {
                fm.type = named
            } else {
                diagnostics.error(file, fields.line(of: "type"), "unknown type '\(type)' (known: \(ContentType.known(types).map(\.rawValue).joined(separator: ", ")))")
            }
        }
        fm.audiences = fields.strings("audiences", &diagnostics)
        for audience in fm.audiences where !audiences.contains(audience) {
            diagnostics.error(file, fields.line(of: "audiences"), "unknown audience '\(audience)' (known: \(audiences.sorted().joined(separator: ", ")))")
        }

        let typeFields: Set<String>
        switch fm.type {
        case .norm:
            fm.fields = parseNorm(fields, &diagnostics)
            typeFields = ["norm", "law"]
        case .guide:
            fm.fields = parseGuide(fields, &diagnostics)
            typeFields = ["safety", "options", "scenarios", "aftercare"]
        case .lesson:
            fm.fields = parseLesson(fields, &diagnostics)
            typeFields = Lesson.fieldNames
        case .audience:
            let id = fields.string("audience", required: true, &diagnostics) ?? ""
            if !id.isEmpty && !audiences.contains(id) {
                diagnostics.error(file, fields.line(of: "audience"), "unknown audience '\(id)' (known: \(audiences.sorted().joined(separator: ", ")))")
            }
            fm.fields = .audience(id: id)
            typeFields = ["audience"]
        case .page, .news, .report, .help:
            typeFields = []
        default:
            guard let schema = types[fm.type.rawValue] else { return fm }
            let checked = schema.check(fields, &diagnostics)
            fm.fields = .data(checked)
            fm.typeFields = checked.values
            typeFields = Set(schema.fields.map(\.name))
            if schema.sensitive && fm.sensitive == nil { fm.sensitive = true }
        }
        if case .data = fm.fields {} else {
            for key in typeFields.sorted() { fm.typeFields[key] = fields.value(key)?.templateValue }
        }
        for key in fields.keys where !knownFields.contains(key) && !typeFields.contains(key) {
            if let value = fields.value(key) { fm.params.append((key, value)) }
        }
        return fm
    }

    /// One address segment: no slashes, no dots-only parts, nothing that could leave the output folder.
    static func isSafeSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment != "." && segment != ".." && !segment.contains("/") && !segment.contains("\\")
            && !segment.contains("\0") && !segment.hasPrefix(".")
    }

    private static func parseNorm(_ fields: YAMLFields, _ diagnostics: inout Diagnostics) -> TypedFields {
        let statement = fields.string("norm", required: true, &diagnostics) ?? ""
        var law: Norm.Law?
        if let lawFields = fields.fields("law", &diagnostics) {
            law = Norm.Law(
                since: lawFields.day("since", &diagnostics),
                title: lawFields.string("title", required: true, &diagnostics) ?? "",
                url: lawFields.webAddress("url", &diagnostics))
        }
        return .norm(Norm(statement: statement, law: law))
    }

    private static func parseGuide(_ fields: YAMLFields, _ diagnostics: inout Diagnostics) -> TypedFields {
        let options: [Guide.Option] = fields.list("options", &diagnostics).compactMap { item in
            let actionText = item.string("action", required: true, &diagnostics) ?? ""
            guard let action = Guide.Action(rawValue: actionText) else {
                if !actionText.isEmpty {
                    diagnostics.error(item.file, item.line(of: "action"), "unknown action '\(actionText)' (known: \(Guide.Action.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return nil
            }
            return Guide.Option(
                action: action, title: item.string("title", required: true, &diagnostics) ?? "",
                text: item.string("text", &diagnostics) ?? "", say: item.strings("say", &diagnostics))
        }
        let scenarios: [Guide.Scenario] = fields.list("scenarios", &diagnostics).compactMap { item in
            let settingText = item.string("setting", required: true, &diagnostics) ?? ""
            guard let setting = Guide.Setting(rawValue: settingText) else {
                if !settingText.isEmpty {
                    diagnostics.error(item.file, item.line(of: "setting"), "unknown setting '\(settingText)' (known: \(Guide.Setting.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return nil
            }
            return Guide.Scenario(
                setting: setting, title: item.string("title", required: true, &diagnostics) ?? "",
                text: item.string("text", &diagnostics) ?? "", contact: item.string("contact", &diagnostics))
        }
        return .guide(Guide(
            safety: fields.string("safety", &diagnostics), options: options, scenarios: scenarios,
            aftercare: fields.string("aftercare", &diagnostics)))
    }

    private static func parseLesson(_ fields: YAMLFields, _ diagnostics: inout Diagnostics) -> TypedFields {
        let levelText = fields.string("level", required: true, &diagnostics) ?? ""
        let level = Lesson.Level(rawValue: levelText)
        if level == nil && !levelText.isEmpty {
            diagnostics.error(fields.file, fields.line(of: "level"), "unknown level '\(levelText)' (known: \(Lesson.Level.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let duration = fields.int("duration", &diagnostics)
        if fields.node("duration") == nil {
            diagnostics.error(fields.file, fields.line, "'duration' is missing: add the lesson's length in minutes, such as 'duration: 60'")
        }
        let steps: [Lesson.Step] = fields.list("steps", &diagnostics).map { item in
            Lesson.Step(
                title: item.string("title", required: true, &diagnostics) ?? "",
                minutes: item.int("minutes", &diagnostics) ?? 0, text: item.string("text", &diagnostics) ?? "")
        }
        let attachments: [Lesson.Attachment] = fields.list("attachments", &diagnostics).compactMap { item in
            guard let file = item.string("file", required: true, &diagnostics) else { return nil }
            return Lesson.Attachment(file: file, title: item.string("title", &diagnostics) ?? file, line: item.line(of: "file"))
        }
        let safeguarding = fields.fields("safeguarding", &diagnostics)
        if fields.node("goals") == nil {
            diagnostics.error(fields.file, fields.line, "'goals' is missing: list what pupils learn, such as\ngoals:\n  - De leerling kan …")
        }
        guard let level, let duration else { return .none }
        return .lesson(Lesson(
            level: level, age: fields.string("age", &diagnostics), duration: duration,
            edition: fields.string("edition", &diagnostics), goals: fields.strings("goals", &diagnostics),
            kerndoelen: fields.strings("kerndoelen", &diagnostics), materials: fields.strings("materials", &diagnostics),
            preparation: fields.string("preparation", &diagnostics), steps: steps,
            teacherNotes: fields.string("teacher_notes", &diagnostics),
            safeguardingContact: safeguarding?.string("contact", &diagnostics),
            afterDisclosure: safeguarding?.string("after_disclosure", &diagnostics),
            parentSummary: fields.string("parent_summary", &diagnostics),
            license: fields.string("license", &diagnostics) ?? "CC-BY-4.0", attachments: attachments,
            pack: fields.string("pack", &diagnostics), series: fields.strings("lessons", &diagnostics)))
    }
}

extension Lesson {
    static let fieldNames: Set<String> = [
        "level", "age", "duration", "edition", "goals", "kerndoelen", "materials", "preparation", "steps",
        "teacher_notes", "safeguarding", "parent_summary", "license", "attachments", "pack", "lessons",
    ]
}
