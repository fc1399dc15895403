import Yams

extension HelpContact {
    static let file = "data/contacts.yml"
    static let fields: Set<String> = [
        "id", "organisation", "about", "phone", "chat", "website", "hours", "languages", "free", "anonymous",
        "on_phone_bill", "urgency", "audiences", "last_verified", "discreet_name",
    ]
    private static let dayNames = ["mo": 1, "tu": 2, "we": 3, "th": 4, "fr": 5, "sa": 6, "su": 7]

    /// Reads data/contacts.yml when the site has one; warns about contacts not checked for `maxAge` days.
    static func load(from tree: SourceTree, config: SiteConfig, today: Day, diagnostics: inout Diagnostics) -> [HelpContact] {
        guard tree.exists(file), let text = tree.text(file, diagnostics: &diagnostics) else { return [] }
        let root: Node?
        switch YAMLText.parse(text, file: file, firstLine: 1) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            diagnostics.add(diagnostic)
            return []
        }
        guard let root else { return [] }
        guard let sequence = root.sequence else {
            diagnostics.error(file, 1, "contacts.yml must be a list of contacts, each starting with '- id: …'")
            return []
        }
        let audiences = Set(config.audiences.map(\.id))
        var contacts: [HelpContact] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                diagnostics.error(file, item.mark?.line, "every contact must be a group of fields, such as '- id: csg' with 'organisation: …' below it")
                continue
            }
            let entry = YAMLFields(file: file, lineOffset: 0, mapping: mapping, line: item.mark?.line ?? 1)
            for key in entry.keys where !fields.contains(key) {
                diagnostics.error(file, entry.line(of: key), "unknown contact field '\(key)' (known: \(fields.sorted().joined(separator: ", ")))")
            }
            let id = entry.string("id", required: true, &diagnostics) ?? ""
            if contacts.contains(where: { $0.id == id }) {
                diagnostics.error(file, entry.line(of: "id"), "contact id '\(id)' is used twice")
            }
            let urgencyText = entry.string("urgency", &diagnostics) ?? "anytime"
            let urgency = Urgency(rawValue: urgencyText) ?? .anytime
            if Urgency(rawValue: urgencyText) == nil {
                diagnostics.error(file, entry.line(of: "urgency"), "unknown urgency '\(urgencyText)' (known: emergency, today, anytime)")
            }
            let contactAudiences = entry.strings("audiences", &diagnostics)
            for audience in contactAudiences where !audiences.contains(audience) {
                diagnostics.error(file, entry.line(of: "audiences"), "unknown audience '\(audience)' (known: \(audiences.sorted().joined(separator: ", ")))")
            }
            let languages = entry.strings("languages", &diagnostics)
            let contact = HelpContact(
                id: id, organisation: entry.string("organisation", required: true, &diagnostics) ?? id,
                about: entry.translations("about", &diagnostics), phone: entry.string("phone", &diagnostics),
                chat: entry.webAddress("chat", &diagnostics), website: entry.webAddress("website", &diagnostics),
                hours: hours(entry, &diagnostics), languages: languages, free: entry.bool("free", &diagnostics),
                anonymous: entry.bool("anonymous", &diagnostics), onPhoneBill: entry.bool("on_phone_bill", &diagnostics),
                urgency: urgency, audiences: contactAudiences, lastVerified: entry.day("last_verified", &diagnostics),
                discreetName: entry.string("discreet_name", &diagnostics), line: entry.line)
            if contact.phone == nil && contact.chat == nil && contact.website == nil {
                diagnostics.error(file, entry.line, "contact '\(id)' has no phone, chat or website: add at least one way to reach it")
            }
            if let verified = contact.lastVerified {
                let age = today.ordinal - verified.ordinal
                if age > config.safety.contactsMaxAgeDays {
                    diagnostics.warning(file, entry.line(of: "last_verified"), "contact '\(id)' was last checked \(age) days ago (\(verified)): check its number and hours, then set last_verified to today's date")
                }
            } else {
                diagnostics.warning(file, entry.line, "contact '\(id)' has no last_verified date: check its number and hours, then add 'last_verified: YYYY-MM-DD'")
            }
            contacts.append(contact)
        }
        return contacts
    }

    /// `24/7`, or a list of `{days: mo-fr, from: "09:00", to: "17:00"}`.
    private static func hours(_ entry: YAMLFields, _ diagnostics: inout Diagnostics) -> Hours? {
        guard let node = entry.node("hours") else { return nil }
        if let text = node.scalar?.string {
            if text == "24/7" { return .always }
            diagnostics.error(entry.file, entry.line(of: "hours"), "hours must be 24/7 or a list of periods, such as\nhours:\n  - days: mo-fr\n    from: \"09:00\"\n    to: \"17:00\"")
            return nil
        }
        var periods: [Hours.Period] = []
        for period in entry.list("hours", &diagnostics) {
            let daysText = (period.string("days", required: true, &diagnostics) ?? "").lowercased()
            let parts = daysText.split(separator: "-").map { dayNames[String($0)] }
            guard (1...2).contains(parts.count), parts.allSatisfy({ $0 != nil }), parts.first!! <= parts.last!! else {
                diagnostics.error(entry.file, period.line(of: "days"), "days must be one day or a range such as mo-fr (mo, tu, we, th, fr, sa, su), not '\(daysText)'")
                continue
            }
            guard let from = minutes(period.string("from", required: true, &diagnostics)),
                  let to = minutes(period.string("to", required: true, &diagnostics)), from < to else {
                diagnostics.error(entry.file, period.line, "from and to must be times such as \"09:00\" and \"17:30\", with from before to")
                continue
            }
            periods.append(Hours.Period(days: parts.first!!...parts.last!!, from: from, to: to))
        }
        return .weekly(periods)
    }

    private static func minutes(_ text: String?) -> Int? {
        guard let text else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }
}
