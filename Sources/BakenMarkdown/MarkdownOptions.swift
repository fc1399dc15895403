/// How Markdown is read: raw HTML is cleaned by Baken's rule (`RawHTMLCleaner`) unless a site allows all of it.
public struct MarkdownOptions: Sendable, Equatable {
    public var allowRawHTML: Bool
    /// Curly quotes, – for `--` and — for `---`, … for `...` (cmark-gfm's SMART option).
    public var smartPunctuation: Bool
    /// The quotation marks smart punctuation writes, in the page's language.
    public var quotes: Quotes = .english
    /// What a footnote's link back to the text says to a screen reader, in the page's language.
    public var footnoteBackLabel: String
    /// A callout's label in the page's language, by kind (`note`, `tip`, `important`, `warning`, `caution`);
    /// English for a kind without one.
    public var calloutLabels: [String: String] = [:]

    public init(allowRawHTML: Bool = false, smartPunctuation: Bool = true, footnoteBackLabel: String = "Back to content") {
        self.allowRawHTML = allowRawHTML
        self.smartPunctuation = smartPunctuation
        self.footnoteBackLabel = footnoteBackLabel
    }
}

/// A heading found in a document, with the id written into its HTML.
public struct Heading: Sendable, Equatable {
    public let level: Int
    public let id: String
    public let text: String
    public let line: Int

    public init(level: Int, id: String, text: String, line: Int) {
        self.level = level
        self.id = id
        self.text = text
        self.line = line
    }
}

/// A link or image destination as written in the Markdown.
public struct Link: Sendable, Equatable {
    public let url: String
    public let line: Int
    public let isImage: Bool
}
