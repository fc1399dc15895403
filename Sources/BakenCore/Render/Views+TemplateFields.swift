/// The views every page has many of, turned into template values field by field instead of by reflection
/// (which cost a tenth of a build). Each must give exactly what reflection gives: a test compares the two on
/// every page of the Almelo site (`TemplateData.reflected`).
protocol TemplateFields {
    var templateFields: [String: TemplateValue] { get }
}

/// Builds an object's fields; a nil value leaves its key out, as reflection does.
private struct Fields {
    var values: [String: TemplateValue] = [:]

    mutating func add(_ key: String, _ value: String?) { if let value { values[key] = .string(value) } }
    mutating func add(_ key: String, _ value: Int?) { if let value { values[key] = .int(value) } }
    mutating func add(_ key: String, _ value: Bool) { values[key] = .bool(value) }
    mutating func add(_ key: String, _ value: [String]) { values[key] = .list(value.map(TemplateValue.string)) }
    mutating func add(_ key: String, _ value: [some TemplateFields]) { values[key] = .list(value.map { .object($0.templateFields) }) }
    mutating func add(_ key: String, _ value: [String: TemplateValue]) { values[key] = .object(value) }
    /// A view without fields of its own here: converted by reflection.
    mutating func add(_ key: String, reflecting value: Any?) {
        if let value, let converted = TemplateData.convertIfPresent(value) { values[key] = converted }
    }
}

extension PageView: TemplateFields {
    var templateFields: [String: TemplateValue] {
        var f = Fields()
        f.add("title", title)
        f.add("description", description)
        f.add("url", url)
        f.add("permalink", permalink)
        f.add("content", content)
        f.add("toc", toc)
        f.add("date", date)
        f.add("dateISO", dateISO)
        f.add("lastChecked", lastChecked)
        f.add("lastCheckedISO", lastCheckedISO)
        f.add("type", type)
        f.add("kind", kind)
        f.add("isHome", isHome)
        f.add("isSection", isSection)
        f.add("isDraft", isDraft)
        f.add("sensitive", sensitive)
        f.add("translation", reflecting: translation)
        f.add("tags", tags)
        f.add("audiences", audiences)
        f.add("breadcrumbs", breadcrumbs)
        f.add("pages", pages)
        f.add("params", params)
        f.add("norm", reflecting: norm)
        f.add("guide", reflecting: guide)
        f.add("lesson", reflecting: lesson)
        f.add("audience", reflecting: audience)
        f.add("catalogue", reflecting: catalogue)
        return f.values
    }
}

extension CardView: TemplateFields {
    var templateFields: [String: TemplateValue] {
        var f = Fields()
        f.add("title", title)
        f.add("description", description)
        f.add("url", url)
        f.add("type", type)
        f.add("date", date)
        f.add("dateISO", dateISO)
        f.add("norm", norm)
        f.add("level", level)
        f.add("levelName", levelName)
        f.add("duration", duration)
        return f.values
    }
}

extension TocEntryView: TemplateFields {
    var templateFields: [String: TemplateValue] { ["level": .int(level), "id": .string(id), "title": .string(title)] }
}

extension AudienceLinkView: TemplateFields {
    var templateFields: [String: TemplateValue] {
        var f = Fields()
        f.add("id", id)
        f.add("name", name)
        f.add("url", url)
        return f.values
    }
}

extension CrumbView: TemplateFields {
    var templateFields: [String: TemplateValue] { ["title": .string(title), "url": .string(url)] }
}

extension MenuItemView: TemplateFields {
    var templateFields: [String: TemplateValue] { ["title": .string(title), "url": .string(url), "active": .bool(active)] }
}

extension AudienceItemView: TemplateFields {
    var templateFields: [String: TemplateValue] { ["id": .string(id), "name": .string(name), "url": .string(url), "active": .bool(active)] }
}

extension LanguageLinkView: TemplateFields {
    var templateFields: [String: TemplateValue] {
        ["code": .string(code), "name": .string(name), "dir": .string(dir), "url": .string(url), "current": .bool(current), "translated": .bool(translated)]
    }
}

extension AlternateView: TemplateFields {
    var templateFields: [String: TemplateValue] { ["hreflang": .string(hreflang), "href": .string(href)] }
}
