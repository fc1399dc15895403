@testable import BakenCore
import Testing

/// Views become template values under their Swift names, with nothing left out and nothing made up.
@Suite struct TemplateEncoderTests {
    struct Inner: Encodable {
        let name: String
        let url: String?
    }

    struct Outer: Encodable {
        let title: String
        let count: Int
        let share: Double
        let draft: Bool
        let missing: String?
        let tags: [String]
        let items: [Inner]
        let words: [String: String]
        let params: [String: TemplateValue]
        var extra: Inner? = nil
    }

    @Test func fieldsKeepTheirNamesAndNilsAreLeftOut() {
        let view = Outer(
            title: "Nafluiten", count: 3, share: 0.5, draft: false, missing: nil, tags: ["straat", "uitgaan"],
            items: [Inner(name: "een", url: "/een/"), Inner(name: "twee", url: nil)],
            words: ["help": "Hulp"], params: ["kleur": .list([.string("paars")])], extra: Inner(name: "x", url: nil))
        #expect(TemplateEncoder.value(view) == .object([
            "title": .string("Nafluiten"), "count": .int(3), "share": .double(0.5), "draft": .bool(false),
            "tags": .list([.string("straat"), .string("uitgaan")]),
            "items": .list([.object(["name": .string("een"), "url": .string("/een/")]), .object(["name": .string("twee")])]),
            "words": .object(["help": .string("Hulp")]),
            "params": .object(["kleur": .list([.string("paars")])]),
            "extra": .object(["name": .string("x")]),
        ]))
    }

    @Test func aTemplateValueIsTakenAsItIs() {
        let value = TemplateValue.object(["a": .int(1)])
        #expect(TemplateEncoder.value(value) == value)
        #expect(TemplateEncoder.fields(value) == ["a": .int(1)])
        #expect(TemplateEncoder.fields([Inner(name: "lijst", url: nil)]) == [:])
    }
}
