/// A help line or service, from data/contacts.yml: shown as a card on any page, in every language.
public struct HelpContact: Sendable {
    public enum Urgency: String, Sendable, CaseIterable { case emergency, today, anytime }

    /// Opening hours: always, or weekly periods in Europe/Amsterdam time.
    public enum Hours: Sendable, Equatable {
        case always
        case weekly([Period])

        public struct Period: Sendable, Equatable {
            /// 1 = Monday … 7 = Sunday.
            public var days: ClosedRange<Int>
            /// Minutes after midnight.
            public var from: Int
            public var to: Int
        }
    }

    public var id: String
    public var organisation: String
    /// What the contact is for, per language code ("" for all).
    public var about: [String: String]
    public var phone: String?
    public var chat: String?
    public var website: String?
    public var hours: Hours?
    /// Language codes spoken.
    public var languages: [String]
    public var free: Bool?
    public var anonymous: Bool?
    public var onPhoneBill: Bool?
    public var urgency: Urgency
    public var audiences: [String]
    public var lastVerified: Day?
    /// A neutral name for the saved phone contact, for people whose phone may be checked.
    public var discreetName: String?
    public var line: Int

    /// `0800-0188` → `+318000188`, `06-12345678` → `+31612345678`; short numbers such as 112 stay as they are.
    public var telephoneURI: String? {
        guard let phone else { return nil }
        let digits = phone.filter(\.isNumber)
        if phone.trimmingCharactersInSet().hasPrefix("+") { return "+" + digits }
        if digits.hasPrefix("0") && digits.count >= 8 { return "+31" + digits.dropFirst() }
        return digits
    }
}
