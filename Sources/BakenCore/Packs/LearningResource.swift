/// schema.org `LearningResource` for a lesson page, as JSON-LD: level, time, kerndoelen, licence and the pack downloads.
enum LearningResource {
    static func json(_ entry: AssembledPage, lesson: LessonView, site: Site, strings: [String: String]) -> String {
        let page = entry.page
        var fields: [String: JSON] = [
            "@context": .string("https://schema.org"),
            "@type": .string("LearningResource"),
            "name": .string(page.frontMatter.title),
            "url": .string(site.config.origin + entry.url),
            "inLanguage": .string(page.language),
            "learningResourceType": .string("lesson plan"),
            "educationalLevel": .string(lesson.levelName),
            "timeRequired": .string(LessonModule.isoDuration(lesson.duration)),
            "audience": .object(["@type": .string("EducationalAudience"), "educationalRole": .string("teacher")]),
            "publisher": .object(["@type": .string("Organization"), "name": .string(site.config.language(page.language)?.title ?? site.config.title)]),
            "license": .string(lesson.license.url ?? lesson.license.id),
        ]
        if let description = page.frontMatter.description { fields["description"] = .string(description) }
        if let age = lesson.age { fields["typicalAgeRange"] = .string(age) }
        if let edition = lesson.edition { fields["version"] = .string(edition) }
        if let day = page.frontMatter.lastChecked ?? page.frontMatter.date { fields["dateModified"] = .string(day.description) }
        if !lesson.goals.isEmpty { fields["teaches"] = .array(lesson.goals.map(JSON.string)) }
        if !lesson.kerndoelen.isEmpty {
            fields["educationalAlignment"] = .array(lesson.kerndoelen.map { number in
                .object([
                    "@type": .string("AlignmentObject"),
                    "alignmentType": .string("teaches"),
                    "educationalFramework": .string("Kerndoelen"),
                    "targetName": .string("\(strings["lesson_kerndoel"] ?? "Kerndoel") \(number)"),
                ])
            })
        }
        if !lesson.downloads.isEmpty {
            fields["associatedMedia"] = .array(lesson.downloads.map { download in
                .object([
                    "@type": .string("MediaObject"),
                    "name": .string(download.title),
                    "contentUrl": .string(site.config.origin + download.url),
                    "encodingFormat": .string(download.format == "ZIP" ? "application/zip" : CommonCartridge.mediaType),
                    "contentSize": .string(download.size),
                    "sha256": .string(download.sha256),
                ])
            })
        }
        return JSON.object(fields).text()
    }
}
