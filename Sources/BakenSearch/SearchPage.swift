/// One page as search sees it: the fields it is found by and the sections a result can lead to.
public struct SearchPage: Sendable {
    /// The address relative to the site's root, without a leading slash: `normen/nafluiten/`.
    public var url: String
    public var title: String
    public var description: String
    public var tags: [String]
    /// Audience ids (for filters) with their names in the page's language (for matching).
    public var audiences: [(id: String, name: String)]
    /// The content type: `page`, `norm`, `lesson` …
    public var type: String
    /// Text from typed front matter fields (a norm's statement, a guide's options), found like the intro text.
    public var fields: [String]
    /// Front matter fields that a type declared as data gives search, each with its weight.
    public var weightedFields: [SearchField] = []
    /// `sections[0]` is the text before the first heading; every heading starts another.
    public var sections: [SearchSection]
    /// Where the page comes from, for notes: `content/nl/normen/nafluiten.md`.
    public var file: String
    /// A home or section page: its list of pages is its content, so having no text of its own is no news.
    public var lists: Bool

    public init(
        url: String, title: String, description: String = "", tags: [String] = [], audiences: [(id: String, name: String)] = [],
        type: String = "page", fields: [String] = [], sections: [SearchSection], file: String = "", lists: Bool = false,
        weightedFields: [SearchField] = []
    ) {
        self.weightedFields = weightedFields
        self.url = url
        self.title = title
        self.description = description
        self.tags = tags
        self.audiences = audiences
        self.type = type
        self.fields = fields
        self.sections = sections.isEmpty ? [SearchSection(heading: nil, id: nil, text: "")] : sections
        self.file = file
        self.lists = lists
    }

}

/// A front matter field's text and how much a word in it counts: as much as in the title, a heading, the
/// description, or the page's text.
public struct SearchField: Sendable, Equatable {
    public enum Weight: String, Sendable, CaseIterable {
        case title, heading, summary, text
    }

    public var text: String
    public var weight: Weight

    public init(text: String, weight: Weight) {
        self.text = text
        self.weight = weight
    }
}

/// A heading with the text up to the next heading; the part before the first heading has no heading.
public struct SearchSection: Sendable, Equatable {
    public var heading: String?
    /// The heading's id in the page's HTML, for `/page/#id`.
    public var id: String?
    public var text: String

    public init(heading: String?, id: String?, text: String) {
        self.heading = heading
        self.id = id
        self.text = text
    }
}
