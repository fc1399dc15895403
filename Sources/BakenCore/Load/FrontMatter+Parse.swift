import Yams

extension FrontMatter {
    static let knownFields: Set<String> = [
        "title", "description", "date", "draft", "weight", "slug", "aliases", "translationKey", "tags", "type",
        "audiences", "layout", "last_checked", "sensitive", "review_by", "translationOf", "machine_translated",
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
        fm.machineTranslated = fields.bool("machine_translated", &diagnostics) ?? false

        if let type = fields.string("type", &diagnostics) {
            let named = ContentType(rawValue: type)
            if named == .page || types[type] != nil {
                fm.type = named
            } else {
                diagnostics.error(file, fields.line(of: "type"), "unknown type '\(type)' (known: \(ContentType.known(types).map(\.rawValue).joined(separator: ", ")))")
            }
        }
        fm.audiences = fields.strings("audiences", &diagnostics)
        for audience in fm.audiences where !audiences.contains(audience) {
            diagnostics.error(file, fields.line(of: "audiences"), "unknown audience '\(audience)' (known: \(audiences.sorted().joined(separator: ", ")))")
        }

        var typeFields: Set<String> = []
        if let schema = types[fm.type.rawValue] {
            fm.fields = schema.check(fields, &diagnostics)
            typeFields = Set(schema.fields.map(\.name))
            if schema.sensitive && fm.sensitive == nil { fm.sensitive = true }
            if schema.behaviours.contains(.lessonPack) {
                fm.fields.lesson = Lesson(fm.fields)
            }
            if schema.behaviours.contains(.audienceHub), case .string(let id) = fm.fields.values["audience"] {
                if audiences.contains(id) {
                    fm.fields.audience = id
                } else {
                    diagnostics.error(file, fields.line(of: "audience"), "unknown audience '\(id)' (known: \(audiences.sorted().joined(separator: ", ")))")
                }
            }
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
}

extension Lesson {
    /// The lesson a page of a type with the lesson-pack behaviour describes, from its fields as checked against the
    /// type file; nil without the level and the duration a pack needs (the type file makes them required).
    init?(_ fields: TypedFields) {
        let values = fields.values
        func text(_ value: TemplateValue?) -> String? { if case .string(let text) = value { text } else { nil } }
        func texts(_ value: TemplateValue?) -> [String] { if case .list(let items) = value { items.compactMap(text) } else { [] } }
        func objects(_ value: TemplateValue?) -> [[String: TemplateValue]] {
            if case .list(let items) = value { items.compactMap { if case .object(let fields) = $0 { fields } else { nil } } } else { [] }
        }
        guard let level = text(values["level"]), case .int(let duration) = values["duration"] else { return nil }
        let safeguarding: [String: TemplateValue]? = if case .object(let inner) = values["safeguarding"] { inner } else { nil }
        self.init(
            level: level, age: text(values["age"]), duration: duration, edition: text(values["edition"]),
            goals: texts(values["goals"]), kerndoelen: texts(values["kerndoelen"]), materials: texts(values["materials"]),
            preparation: text(values["preparation"]),
            steps: objects(values["steps"]).map { step in
                let minutes: Int = if case .int(let minutes) = step["minutes"] { minutes } else { 0 }
                return Step(title: text(step["title"]) ?? "", minutes: minutes, text: text(step["text"]) ?? "")
            },
            teacherNotes: text(values["teacher_notes"]), safeguardingContact: text(safeguarding?["contact"]),
            afterDisclosure: text(safeguarding?["after_disclosure"]), parentSummary: text(values["parent_summary"]),
            license: text(values["license"]) ?? "CC-BY-4.0",
            attachments: objects(values["attachments"]).enumerated().compactMap { index, attachment in
                guard let file = text(attachment["file"]) else { return nil }
                return Attachment(file: file, title: text(attachment["title"]) ?? file, line: fields.lines["attachments[\(index + 1)].file"] ?? 1)
            },
            pack: text(values["pack"]), series: texts(values["lessons"]))
    }
}
