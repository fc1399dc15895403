import BakenSearch

/// A content type declared as data: `types/<name>.yml` in a theme or a site, a small subset of JSON Schema written
/// in YAML (docs/themes.md), so editors and other tools can read it too. It lists the front matter fields the type
/// adds to the common ones, and checks them.
public struct TypeSchema: Sendable {
    /// One field's rule.
    public indirect enum Kind: Sendable, Equatable {
        case string(format: Format?, choices: [String]?)
        case integer, number, boolean
        case array(items: Field?)
        case object(properties: [(name: String, field: Field)], required: Set<String>)

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.string(f1, c1), .string(f2, c2)): f1 == f2 && c1 == c2
            case (.integer, .integer), (.number, .number), (.boolean, .boolean): true
            case let (.array(i1), .array(i2)): i1 == i2
            case let (.object(p1, r1), .object(p2, r2)): p1.map(\.name) == p2.map(\.name) && p1.map(\.field) == p2.map(\.field) && r1 == r2
            default: false
            }
        }
    }

    /// The formats a text may be declared to have.
    public enum Format: String, Sendable, CaseIterable {
        case date, dateTime = "date-time", uri
        /// A page or file of the site, named as links name it: relative to the page's file (`../hulp.md`).
        case uriReference = "uri-reference"
    }

    public struct Field: Sendable, Equatable {
        public var kind: Kind
        public var description: String?
        /// `contentMediaType: text/markdown`: the text is Markdown, and templates read its HTML.
        public var isMarkdown = false
        /// The first of `examples`, which `baken new` writes as the field's value.
        public var example: String?

        /// Whether search reads the value as words: not a code from `enum`, a date or an address.
        var isWords: Bool {
            if case .string(let format, let choices) = kind { return format == nil && choices == nil }
            return true
        }
    }

    /// What only Swift can do, given to a type by name in `x-baken.behaviours`.
    public enum Behaviour: String, Sendable, CaseIterable {
        /// A school lesson: its pack, its place in the catalogue and the level packs (`level`, `duration`, …).
        case lessonPack = "lesson-pack"
        /// An audience's page: lists the pages for the audience in its `audience` field.
        case audienceHub = "audience-hub"
        /// Pages in the language's news feed, newest first by `date`.
        case feed
        /// Pages the service worker keeps for reading offline.
        case offline
        /// Print material: a print page per value of `formats`, with a QR code to `target`; PDFs with `--pdf`.
        case print
        /// A short, stable address `/q/<short>/` that leads to `target`, for QR codes that stay on walls for years.
        case shortAddress = "short-address"
    }

    /// The type's name: its file's name, `event` for `types/event.yml`.
    public var name: String
    /// The file it was read from, for messages.
    public var file: String
    /// The type's fields: an object's properties and which of them are required.
    public var fields: [(name: String, field: Field)]
    public var required: Set<String>
    /// The type's name per language (`x-baken.title`), for search filters and lists.
    public var title: [String: String]
    /// Fields search reads (`x-baken.search`), in order, with their weight.
    public var search: [(field: String, weight: SearchField.Weight)]
    /// Whether its pages get the quick-exit button unless they say `sensitive: false` (`x-baken.sensitive`).
    public var sensitive: Bool
    /// What Swift does for the type's pages (`x-baken.behaviours`).
    public var behaviours: Set<Behaviour> = []
    /// The field (an `enum`) by which a section groups its pages of this type (`x-baken.groupBy`): `page.groups`.
    public var groupBy: String?

    /// The field at a path such as `safeguarding.after_disclosure`.
    func field(at path: String) -> Field? {
        var fields = self.fields
        var found: Field?
        for part in path.split(separator: ".") {
            guard let next = fields.first(where: { $0.name == part })?.field else { return nil }
            found = next
            switch next.kind {
            case .object(let properties, _): fields = properties
            case .array(let items?): if case .object(let properties, _) = items.kind { fields = properties } else { fields = [] }
            default: fields = []
            }
        }
        return found
    }
}
