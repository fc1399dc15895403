/// The values a template sees for one page: the theme's API, documented in docs/themes.md. These structs are its
/// one definition: the compiler lists each one's fields (`Encodable`), and `TemplateEncoder` hands them to the
/// templates under the same names. A page's templates see the fields of its language's `LanguageContext` and of
/// its own `PageContext` side by side.
struct PageContext: Encodable {
    let page: PageView
    let menu: [MenuItemView]
    let audienceMenu: [AudienceItemView]
    let languages: [LanguageLinkView]
    let alternates: [AlternateView]
}

/// What every page of one language sees alike; made once per language.
struct LanguageContext: Encodable {
    let site: SiteView
    let lang: LanguageView
    let t: [String: String]
    let feed: String
    let root: String
    /// translationKey → page of the current language, for links such as `{{ref.help.url}}`.
    let ref: [String: RefView]
    /// Help contacts from data/contacts.yml, most urgent first.
    let contacts: [ContactView]
    /// schema.org ContactPoint data for the contacts, escaped for a `<script type="application/ld+json">` block.
    let contactsJSONLD: String
    let safety: SafetyView
}

struct SiteView: Encodable {
    let title: String
    let baseURL: String
    let generator = "Baken"
    let params: [String: TemplateValue]
}

struct LanguageView: Encodable {
    let code: String
    let name: String
    let dir: String
    let home: String
}

struct PageView: Encodable {
    let title: String
    let description: String?
    let url: String
    let permalink: String
    let content: String
    let toc: [TocEntryView]
    let date: String?
    let dateISO: String?
    let lastChecked: String?
    let lastCheckedISO: String?
    let type: String
    let kind: String
    let isHome: Bool
    let isSection: Bool
    let isDraft: Bool
    /// Shows the quick-exit button.
    let sensitive: Bool
    /// For a translation whose source changed since it was made, or that a machine made:
    /// `{outdated, sourceURL, sourceLanguage, sourceCode}`.
    let translation: TranslationView?
    /// A machine translated the page and no person has checked it yet (`machine_translated: true`).
    let machineTranslated: Bool
    let tags: [String]
    let audiences: [AudienceLinkView]
    let breadcrumbs: [CrumbView]
    let pages: [CardView]
    let params: [String: TemplateValue]
    /// The type's own fields (`{{page.fields.place}}`), as checked against its `types/<name>.yml`: dates as
    /// YYYY-MM-DD, Markdown fields as HTML.
    let fields: [String: TemplateValue]
    /// The date fields written out in the page's language, by the same names (`{{page.dates.law.since}}`).
    let dates: [String: TemplateValue]
    /// What `uri-reference` fields name: `{{page.links.target.url}}`, `{{page.links.target.permalink}}`.
    let links: [String: TemplateValue]
    /// With `--pdf`: the full address of a 1200 × 630 picture of the page, for `og:image`.
    let shareImage: String?
    /// What the print behaviour adds: the QR code, its address, the formats' files.
    let print: PrintView?
    /// What the lesson-pack behaviour adds: the level's name, license, attachments' addresses, downloads, JSON-LD.
    let lesson: LessonView?
    /// What the audience-hub behaviour adds: the audience's name and its pages.
    let audience: AudienceHubView?
    /// For a section with lessons: every lesson module, with filters by level and duration.
    var catalogue: CatalogueView? = nil
    /// For a section whose pages' type has `x-baken.groupBy`: its pages by that field, in the order of its enum.
    var groups: [GroupView] = []
}

/// Pages that share the value of a field: `{id, name, pages}`; `name` is the theme's word `<field>_<id>`.
struct GroupView: Encodable {
    let id: String
    let name: String
    let pages: [CardView]
}

struct TocEntryView: Encodable {
    let level: Int
    let id: String
    let title: String
}

struct AudienceLinkView: Encodable {
    let id: String
    let name: String
    let url: String?
}

struct CrumbView: Encodable {
    let title: String
    let url: String
}

/// A page as it appears in a list.
struct CardView: Encodable {
    let title: String
    let description: String?
    let url: String
    let type: String
    let date: String?
    let dateISO: String?
    /// The page's own fields, as in `page.fields`.
    let fields: [String: TemplateValue]
    /// For print material: as `page.print`.
    let print: PrintView?
    let level: String?
    let levelName: String?
    let duration: Int?
}

struct LessonView: Encodable {
    let level: String
    let levelName: String
    let age: String?
    let duration: Int
    let edition: String?
    let goals: [String]
    let kerndoelen: [String]
    let materials: [String]
    let preparation: String?
    let steps: [StepView]
    let teacherNotes: String?
    let safeguarding: SafeguardingView?
    let parentSummary: String?
    let license: LicenseView
    let attachments: [AttachmentView]
    /// The lesson's pack: `[{title, format, url, size, edition, date, dateISO, sha256, fileName}]`.
    var downloads: [DownloadView] = []
    /// schema.org LearningResource as JSON, safe to write into `<script type="application/ld+json">`.
    var jsonLD: String = ""
    /// For a lesson in a series: the series' first lesson, whose pack holds it.
    var series: RefView? = nil

    struct StepView: Encodable {
        let number: Int
        let title: String
        let minutes: Int
        let text: String
    }

    struct SafeguardingView: Encodable {
        let contact: String?
        let afterDisclosure: String?
    }

    struct LicenseView: Encodable {
        let id: String
        let name: String
        let url: String?
    }

    struct AttachmentView: Encodable {
        let title: String
        let url: String
    }
}

struct AudienceHubView: Encodable {
    let id: String
    let name: String
    let pages: [CardView]
}

struct MenuItemView: Encodable {
    let title: String
    let url: String
    let active: Bool
}

struct AudienceItemView: Encodable {
    let id: String
    let name: String
    let url: String
    let active: Bool
}

struct LanguageLinkView: Encodable {
    let code: String
    let name: String
    let dir: String
    let url: String
    let current: Bool
    let translated: Bool
}

struct AlternateView: Encodable {
    let hreflang: String
    let href: String
}

struct RefView: Encodable {
    let title: String
    let url: String
}

/// A help contact as templates see it, in the page's language.
struct ContactView: Encodable {
    let id: String
    let organisation: String
    let about: String?
    let phone: String?
    let tel: String?
    let chat: String?
    let website: String?
    let hoursText: String?
    /// For the browser's "open now": `always`, or `1-5 540-1020;6 600-720` (days, minutes after midnight).
    let hoursData: String?
    let languages: [String]
    let free: Bool
    let anonymous: Bool
    let notOnPhoneBill: Bool
    let urgency: String
    let isEmergency: Bool
    let lastVerified: String?
    let lastVerifiedISO: String?
}

/// The quick-exit and reporting settings of the site.
struct SafetyView: Encodable {
    let exitURL: String
    let reportForm: String?
}

/// What a shortcode's template sees: its parameters, the contacts it asks for, and the page's words and links.
struct ShortcodeContext: Encodable {
    let params: [String: String]
    let contacts: [ContactView]
    let contactsJSONLD: String
    let t: [String: String]
    let lang: LanguageView
    let ref: [String: RefView]
    let root: String
    let safety: SafetyView
}

/// The source of a translation that is behind it or that no person has checked.
struct TranslationView: Encodable {
    let outdated: Bool
    let sourceURL: String
    let sourceLanguage: String
    let sourceCode: String
}
