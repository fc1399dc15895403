import BakenSearch

/// One Markdown page of one language, as read from its file and placed in the site.
public struct Page: Sendable {
    public enum Kind: String, Sendable { case home, section, page }

    /// Path relative to the site folder: `content/nl/normen/nafluiten.md`.
    public var file: String
    public var language: String
    /// Path inside the language folder without `.md`: `normen/nafluiten`, `normen/_index`.
    public var path: String
    public var kind: Kind
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter, and the file line it starts on.
    public var body: String
    public var bodyLine: Int
    /// The front matter as written, to tell an edit of the body alone from one that moves the page.
    var frontMatterText: String = ""
    /// `sourceHash`, taken before the body was let go (`Site.releaseBodies`).
    var keptSourceHash: String?

    /// Set during assembly.
    public var url: String = ""
    public var translationKey: String { frontMatter.translationKey ?? Page.defaultKey(path) }

    /// The path other pages link to: `content/nl/…`, also for a theme's own pages.
    var linkPath: String {
        let parts = file.split(separator: "/")
        if parts.count > 3, parts[0] == "themes", parts[2] == "content" { return parts.dropFirst(2).joined(separator: "/") }
        return file
    }

    /// Whether the page shows the quick-exit button: its own setting or its type's (`x-baken.sensitive`, set while
    /// parsing), else its section in site.yml.
    func isSensitive(_ safety: SiteConfig.Safety) -> Bool {
        if let own = frontMatter.sensitive { return own }
        return safety.sensitiveSections.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// The folder this page lists or sits in: `normen` for both `normen/_index` and `normen/nafluiten`'s section.
    var directory: String {
        let parts = path.split(separator: "/").dropLast()
        return parts.joined(separator: "/")
    }

    /// The key shared by pages at the same path in each language.
    static func defaultKey(_ path: String) -> String {
        if path == "_index" { return "home" }
        if path.hasSuffix("/_index") || path.hasSuffix("/index") {
            return String(path[..<path.lastIndex(of: "/")!])
        }
        return path
    }
}

/// The front matter fields Baken knows, checked and typed; the rest is kept in `params`.
public struct FrontMatter: Sendable {
    public var title: String = ""
    /// Whether the title is the body's first `# ` heading, the page having no `title` of its own.
    public var titleFromHeading = false
    public var description: String?
    public var date: Day?
    public var draft: Bool = false
    public var weight: Int = 0
    public var slug: String?
    public var aliases: [String] = []
    public var aliasLines: [Int] = []
    public var translationKey: String?
    public var tags: [String] = []
    public var type: ContentType = .page
    public var audiences: [String] = []
    public var layout: String?
    public var lastChecked: Day?
    public var sensitive: Bool?
    /// The day by which an editor should look at the page again (`review_by`).
    public var reviewBy: Day?
    /// The short hash of the source page this translation was made from (`translationOf`).
    public var translationOf: String?
    /// Whether a machine made this translation and no person has checked it yet (`machine_translated`).
    public var machineTranslated = false
    public var fields = TypedFields()
    public var params: [(key: String, value: YAMLValue)] = []
    /// Lines of fields, for messages about values that are only checked later.
    public var lines: [String: Int] = [:]
}

/// A kind of content: its fields and its template. `page` has no fields of its own; every other type is declared
/// as data, in a theme's or site's `types/<name>.yml` (`TypeSchema`).
public struct ContentType: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let page = ContentType(rawValue: "page")

    /// `page` and the types declared as data, in that order.
    static func known(_ types: [String: TypeSchema]) -> [ContentType] {
        [.page] + types.keys.sorted().filter { $0 != page.rawValue }.map(ContentType.init(rawValue:))
    }
}

/// A page's own fields, checked against its type's `types/<name>.yml`.
public struct TypedFields: Sendable {
    /// Field name → value, as templates read it in `page.fields`.
    var values: [String: TemplateValue] = [:]
    /// Dates among them, by path (`starts`, `law.since`), to print in the page's language.
    var dates: [String: Day] = [:]
    /// Markdown fields (`contentMediaType: text/markdown`) by path (`options[2].text`), with their line: the
    /// assemble stage turns them into HTML.
    var markdown: [(path: String, text: String, line: Int)] = []
    /// Text fields that are words and not Markdown, by path (`law.title`, `options[2].say[1]`): what translators translate.
    var texts: [(path: String, text: String)] = []
    /// What search reads, with the weight the type gives it.
    var search: [SearchField] = []
    /// Fields of format `uri-reference` by path, with their line: the assemble stage finds the page or file each names.
    var links: [(path: String, text: String, line: Int)] = []
    /// The line of each value, by path, for messages about values that are only checked later.
    var lines: [String: Int] = [:]
    /// The lesson, for a type with the lesson-pack behaviour; held by reference, so that the many pages that are
    /// not lessons carry one pointer instead of a lesson's worth of fields.
    public var lesson: Lesson? {
        get { lessonBox?.lesson }
        set { lessonBox = newValue.map(LessonBox.init) }
    }
    private var lessonBox: LessonBox?
    /// The audience whose page this is, for a type with the audience-hub behaviour.
    public var audience: String?
}

/// A school lesson module. Long text fields are Markdown.
public struct Lesson: Sendable {
    public struct Step: Sendable {
        public var title: String
        public var minutes: Int
        public var text: String
    }

    public struct Attachment: Sendable {
        public var file: String
        public var title: String
        public var line: Int
    }

    /// A code from the `level` field's `enum` in the type file, such as `po-7-8`.
    public var level: String
    public var age: String?
    public var duration: Int
    public var edition: String?
    public var goals: [String]
    public var kerndoelen: [String]
    public var materials: [String]
    public var preparation: String?
    public var steps: [Step]
    public var teacherNotes: String?
    public var safeguardingContact: String?
    public var afterDisclosure: String?
    public var parentSummary: String?
    public var license: String
    public var attachments: [Attachment]
    /// The name of the lesson's pack (`pack`), when it should differ from the page's slug.
    public var pack: String?
    /// Further lessons of a series (`lessons`): files relative to this page, in order; they share its pack.
    public var series: [String] = []
}

/// A lesson on the heap (`TypedFields.lesson`).
private final class LessonBox: Sendable {
    let lesson: Lesson

    init(_ lesson: Lesson) {
        self.lesson = lesson
    }
}
