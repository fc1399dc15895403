import Foundation
import BakenMarkdown

/// Link texts that say nothing about where the link goes, such as "klik hier" alone.
enum LinkTextCheck {
    /// Per language, in lower case.
    static let vague: [String: Set<String>] = [
        "nl": ["klik hier", "hier", "lees meer", "meer"],
        "en": ["click here", "here", "read more", "more"],
    ]

    static func check(_ page: Page, links: [LabeledLink]) -> [Diagnostic] {
        guard let words = vague[page.language] else { return [] }
        return links.filter { !$0.isImage }.compactMap { link in
            let text = link.text.lowercased().trimmingCharacters(in: .whitespaces.union(.punctuationCharacters).union(.symbols))
            guard words.contains(text) else { return nil }
            return .warning(file: page.file, line: page.bodyLine + link.line - 1,
                "link text '\(link.text)' does not say where the link goes: use words that name the page, such as its title")
        }
    }
}
