/// Pages past their `review_by` date, or whose `last_checked` is too long ago.
enum ReviewDateCheck {
    static func check(_ page: Page, today: Day, settings: CheckSettings) -> [Diagnostic] {
        let fm = page.frontMatter
        var found: [Diagnostic] = []
        if let review = fm.reviewBy, review < today {
            found.append(.warning(file: page.file, line: fm.lines["review_by"],
                "the page was due for review on \(review): check it, then set review_by to a new date"))
        }
        if let checked = fm.lastChecked, today.ordinal - checked.ordinal > settings.lastCheckedMaxAgeDays {
            found.append(.warning(file: page.file, line: fm.lines["last_checked"],
                "the page was last checked \(today.ordinal - checked.ordinal) days ago (\(checked)): check it, then set last_checked to today's date"))
        }
        return found
    }
}
