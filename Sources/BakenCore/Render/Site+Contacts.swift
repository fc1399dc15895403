import Foundation

/// Help contacts as views, JSON-LD and vCards.
extension Site {
    func contactViews(language: String, strings: [String: String], filter: [String: String] = [:]) -> [ContactView] {
        contacts.filter { contact in
            if let audience = filter["audience"], !contact.audiences.contains(audience) && contact.urgency != .emergency { return false }
            if let urgency = filter["urgency"], contact.urgency.rawValue != urgency { return false }
            if let ids = filter["ids"], !ids.split(separator: ",").map(String.init).contains(contact.id) { return false }
            return true
        }
        .map { contact in
            ContactView(
                id: contact.id, organisation: contact.organisation,
                about: contact.about[language] ?? contact.about[config.defaultLanguage] ?? contact.about[""],
                phone: contact.phone, tel: contact.telephoneURI, chat: contact.chat, website: contact.website,
                hoursText: contact.hours.map { hoursText($0, strings) }, hoursData: contact.hours.map(hoursData),
                languages: contact.languages.map { code in config.language(code)?.name ?? strings["language_\(code)"] ?? code },
                free: contact.free ?? false, anonymous: contact.anonymous ?? false,
                notOnPhoneBill: contact.onPhoneBill == false, urgency: contact.urgency.rawValue,
                isEmergency: contact.urgency == .emergency,
                lastVerified: contact.lastVerified.map { format($0, strings) }, lastVerifiedISO: contact.lastVerified?.description)
        }
    }

    /// "ma–vr 9.00–17.00" from the theme's day names (`day_1` … `day_7`), or "24/7".
    func hoursText(_ hours: HelpContact.Hours, _ strings: [String: String]) -> String {
        switch hours {
        case .always: return strings["hours_always"] ?? "24/7"
        case .weekly(let periods):
            func day(_ n: Int) -> String { strings["day_\(n)"] ?? ["mo", "tu", "we", "th", "fr", "sa", "su"][n - 1] }
            func time(_ minutes: Int) -> String {
                let m = minutes % 60
                return "\(minutes / 60)\(strings["time_separator"] ?? ":")\(m < 10 ? "0" : "")\(m)"
            }
            return periods.map { period in
                let days = period.days.count == 1 ? day(period.days.lowerBound) : "\(day(period.days.lowerBound))–\(day(period.days.upperBound))"
                return "\(days) \(time(period.from))–\(time(period.to))"
            }.joined(separator: ", ")
        }
    }

    func hoursData(_ hours: HelpContact.Hours) -> String {
        switch hours {
        case .always: "always"
        case .weekly(let periods): periods.map { "\($0.days.lowerBound)-\($0.days.upperBound) \($0.from)-\($0.to)" }.joined(separator: ";")
        }
    }

    /// schema.org ContactPoint for each contact with a phone number; safe inside a script element.
    func contactsJSONLD(language: String) -> String {
        let points: [JSON] = contacts.compactMap { contact in
            guard let tel = contact.telephoneURI else { return nil }
            var fields: [String: JSON] = [
                "@type": .string("ContactPoint"),
                "name": .string(contact.organisation),
                "telephone": .string(tel),
                "contactType": .string(contact.about[language] ?? contact.about[config.defaultLanguage] ?? contact.organisation),
            ]
            if !contact.languages.isEmpty { fields["availableLanguage"] = .array(contact.languages.map(JSON.string)) }
            if contact.free == true { fields["contactOption"] = .string("TollFree") }
            if contact.hours == .always {
                fields["hoursAvailable"] = .object([
                    "@type": .string("OpeningHoursSpecification"), "opens": .string("00:00"), "closes": .string("23:59"),
                    "dayOfWeek": .array(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map(JSON.string)),
                ])
            }
            if let url = contact.chat ?? contact.website { fields["url"] = .string(url) }
            return .object(fields)
        }
        let document = JSON.object([
            "@context": .string("https://schema.org"), "@type": .string("Organization"),
            "name": .string(config.language(language)?.title ?? config.title), "contactPoint": .array(points),
        ])
        return document.text()
    }

    /// A vCard 4.0 file with every contact that has a phone number; `discreet` uses each contact's neutral name.
    func vCards(discreet: Bool) -> String {
        var text = ""
        for contact in contacts {
            guard let tel = contact.telephoneURI else { continue }
            let name = discreet ? (contact.discreetName ?? contact.organisation) : contact.organisation
            text += "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:\(vCardEscape(name))\r\n"
            if !discreet { text += "ORG:\(vCardEscape(contact.organisation))\r\n" }
            text += "TEL;VALUE=uri;TYPE=voice:tel:\(tel)\r\n"
            if !discreet, let url = contact.chat ?? contact.website { text += "URL:\(url)\r\n" }
            text += "END:VCARD\r\n"
        }
        return text
    }

    private func vCardEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "\n", with: "\\n")
    }
}
