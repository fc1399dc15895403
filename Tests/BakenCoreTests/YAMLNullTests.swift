@testable import BakenCore
import Testing
import Yams

@Suite struct YAMLNullTests {
    /// Null as YAML means it, decided without resolving tags: `~`, `null`, nothing, or the `!!null` tag.
    @Test func nullIsWhatYAMLCallsNull() throws {
        let yaml = "a: ~\nb: null\nc:\nd: 'null'\ne: x\nf: NULL\ng: !!null ''\nh: \"\"\ni: [1]\nj: nul\n"
        let node = try #require(try Yams.compose(yaml: yaml))
        let nulls = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].filter { node[$0]?.isNull == true }
        #expect(nulls == ["a", "b", "c", "f", "g"])
        // The same as Yams' own resolution.
        for key in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            let fresh = try #require(try Yams.compose(yaml: yaml))
            #expect(fresh[key]!.isNull == (fresh[key]!.tag.description == Tag.Name.null.rawValue), "\(key)")
        }
    }
}
