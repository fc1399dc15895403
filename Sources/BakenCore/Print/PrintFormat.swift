/// A size of print material, in millimetres: what `formats` in a type with the print behaviour may list.
struct PrintFormat: Sendable, Equatable {
    let id: String
    let width: Int
    let height: Int

    static let all = [
        PrintFormat(id: "a4", width: 210, height: 297),
        PrintFormat(id: "a3", width: 297, height: 420),
        PrintFormat(id: "a5-card", width: 148, height: 210),
        PrintFormat(id: "sticker-100", width: 100, height: 100),
    ]

    static func named(_ id: String) -> PrintFormat? {
        all.first { $0.id == id }
    }
}
