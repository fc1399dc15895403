extension Site {
    /// Every lesson module of every language, checked: what a pack needs, series that add up, pack names used once.
    func lessonModules(diagnostics: inout Diagnostics) -> [LessonModule] {
        // Lessons named in another lesson's `lessons` belong to that lesson's module.
        var seriesHead: [Int: Int] = [:]
        for (index, entry) in pages.enumerated() {
            guard let lesson = entry.page.frontMatter.fields.lesson, !lesson.series.isEmpty else { continue }
            let line = entry.page.frontMatter.lines["lessons"]
            for path in lesson.series {
                guard let file = LinkResolver.resolve(path, from: entry.page.file), let member = fileIndex[file] else {
                    diagnostics.error(entry.page.file, line, "lesson '\(path)' of this series does not exist: name the .md file of a lesson, relative to this page")
                    continue
                }
                guard let memberLesson = pages[member].page.frontMatter.fields.lesson else {
                    diagnostics.error(entry.page.file, line, "'\(path)' in lessons is not a lesson: a series lists pages with 'type: lesson'")
                    continue
                }
                if pages[member].page.language != entry.page.language {
                    diagnostics.error(entry.page.file, line, "'\(path)' in lessons is in another language: a series lists lessons of its own language")
                } else if member == index || !memberLesson.series.isEmpty {
                    diagnostics.error(entry.page.file, line, "'\(path)' in lessons lists lessons itself: a series has one first lesson, which lists the others")
                } else if let other = seriesHead[member] {
                    diagnostics.error(entry.page.file, line, "'\(path)' is already in the series of \(pages[other].page.file): a lesson belongs to one series")
                } else {
                    seriesHead[member] = index
                }
            }
        }

        var modules: [LessonModule] = []
        var names: [String: String] = [:]
        for (index, entry) in pages.enumerated() where seriesHead[index] == nil {
            let page = entry.page
            guard let lesson = page.frontMatter.fields.lesson else { continue }
            let fm = page.frontMatter
            let firstLine = fm.lines.values.min()
            let edition = lesson.edition ?? ""
            if edition.isEmpty {
                diagnostics.error(page.file, firstLine, "'edition' is missing: a lesson pack says which edition it is, such as 'edition: \"1.0\"'")
            }
            let date = fm.date ?? fm.lastChecked
            if date == nil {
                diagnostics.error(page.file, firstLine, "the lesson has no date: add 'last_checked: YYYY-MM-DD', the day its content was last checked; it dates the pack")
            }
            let name = lesson.pack ?? String(page.url.split(separator: "/").last ?? "")
            let nameLine = fm.lines["pack"] ?? fm.lines["type"] ?? firstLine
            if !Self.isPackName(name) {
                diagnostics.error(page.file, nameLine, "pack name '\(name)' must be lowercase letters, digits and hyphens, such as 'wat-is-oke': set it with 'pack: …'")
                continue
            }
            let key = "\(page.language):\(name)"
            if let other = names[key] {
                diagnostics.error(page.file, nameLine, "pack name '\(name)' is also the pack of \(other): give one of the lessons its own name with 'pack: …'")
                continue
            }
            names[key] = page.file
            let series = lesson.series.compactMap { LinkResolver.resolve($0, from: page.file).flatMap { fileIndex[$0] } }
                .filter { seriesHead[$0] == index }
            let lessons = [index] + series
            let duration = lessons.reduce(0) { total, member in
                if let value = pages[member].page.frontMatter.fields.lesson { return total + value.duration }
                return total
            }
            guard let date, !edition.isEmpty else { continue }
            modules.append(LessonModule(
                name: name, language: page.language, lessons: lessons, edition: edition, date: date, level: lesson.level,
                duration: duration))
        }
        return modules
    }

    static func isPackName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-") && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}

extension Site {
    /// School levels in the order the lesson types' `level` field lists them (`enum`), then any others, sorted.
    func lessonLevels(_ present: [String]) -> [String] {
        var order: [String] = []
        for (_, schema) in theme.types.sorted(by: { $0.key < $1.key }) where schema.behaviours.contains(.lessonPack) {
            if case .string(_, let choices?)? = schema.field(at: "level")?.kind {
                order += choices.filter { !order.contains($0) }
            }
        }
        let shown = Set(present)
        return order.filter(shown.contains) + shown.subtracting(order).sorted()
    }
}
