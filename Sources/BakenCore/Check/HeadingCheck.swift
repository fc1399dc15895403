/// Headings that skip a level, or a `#` heading in the body where the title is already the page's h1.
enum HeadingCheck {
    static func check(_ assembled: AssembledPage) -> [Diagnostic] {
        let page = assembled.page
        var found: [Diagnostic] = []
        var previous = 1
        for heading in assembled.headings {
            let line = page.bodyLine + heading.line - 1
            if heading.level == 1 {
                found.append(.warning(file: page.file, line: line,
                    "heading '\(heading.text)' is a # heading, but the page's title is already its main heading: use ## instead"))
            } else if heading.level > previous + 1 {
                let marks = String(repeating: "#", count: heading.level), expected = String(repeating: "#", count: previous + 1)
                found.append(.warning(file: page.file, line: line,
                    "heading '\(heading.text)' skips a level (\(marks) after \(String(repeating: "#", count: previous))): use \(expected)"))
            }
            previous = heading.level
        }
        return found
    }
}
