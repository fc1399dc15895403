@testable import BakenCore
import Foundation
import Mustache
import Testing

/// The compiled templates print what swift-mustache prints, for every construct a theme uses.
@Suite struct CompiledTemplateTests {
    static let partials: [String: String] = [
        "item": "<li>{{name}}</li>\n",
        "list": "<ul>\n  {{#items}}\n  {{> item}}\n  {{/items}}\n</ul>\n",
        "base": "<html>\n  <body>\n    {{$content}}default{{/content}}\n    {{$footer}}\n    <p>foot</p>\n    {{/footer}}\n  </body>\n</html>\n",
    ]

    static let cases: [String] = [
        "Hello {{name}}!",
        "{{{html}}} {{&html}} {{html}}",
        "{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}",
        "{{#items}}\n  {{#first()}}first{{/first()}}{{name}}\n{{/items}}\n",
        "{{^missing}}none{{/missing}}{{^empty}}empty list{{/empty}}{{#empty}}never{{/empty}}",
        "{{#empty(items)}}no items{{/empty(items)}}{{^empty(items)}}{{items.count}} items?{{/empty(items)}}",
        "{{#flag}}\n    yes\n{{/flag}}\n{{^flag}}\nno\n{{/flag}}\n",
        "  {{! a comment }}\nafter\n",
        "<div>\n  {{> list}}\n</div>\n",
        "{{< base}}\n{{$content}}\n  <main>\n    <h1>{{name}}</h1>\n  </main>\n{{/content}}\n{{/base}}\n",
        "{{< base}}{{/base}}",
        "{{#page}}{{title}} in {{lang.code}}{{/page}} {{page.title}} {{.missing}}",
        "{{#page}}{{#tags}}[{{.}}]{{/tags}}{{/page}}",
        "{{#zero}}zero is {{.}}{{/zero}} {{#text}}<{{.}}>{{/text}} {{#blank}}blank{{/blank}}",
        "  {{#flag}}  inline  {{/flag}}  \n",
        "a\r\n{{#flag}}\r\nb\r\n{{/flag}}\r\nc",
        "{{#items}}{{index()}}:{{name}} {{/items}}",
        "{{uppercased(name)}} {{lowercased(name)}} {{count(items)}}",
        "{{#page.audiences}}\n  <a href=\"{{url}}\">{{name}}</a>\n{{/page.audiences}}\n",
    ]

    static let context: TemplateValue = value([
        "name": "Ana & Bo's \"tuin\"",
        "html": "<b>vet</b>",
        "items": [["name": "een"], ["name": "twee"], ["name": "drie"]],
        "empty": [Any](),
        "flag": true,
        "zero": 0,
        "text": "tekst",
        "blank": "",
        "page": ["title": "Titel <1>", "tags": ["a", "b"], "audiences": [["url": "/x/", "name": "X"]]] as [String: Any],
        "lang": ["code": "nl"],
    ] as [String: Any])

    /// Literal test data as template values.
    static func value(_ any: Any) -> TemplateValue {
        switch any {
        case let string as String: .string(string)
        case let bool as Bool: .bool(bool)
        case let int as Int: .int(int)
        case let list as [Any]: .list(list.map(value))
        case let object as [String: Any]: .object(object.mapValues(value))
        default: .string("\(any)")
        }
    }

    @Test(arguments: cases) func printsWhatSwiftMustachePrints(_ template: String) throws {
        var library = MustacheLibrary()
        var texts = Self.partials
        texts["main"] = template
        for (name, text) in texts { library.register(try MustacheTemplate(string: text), named: name) }
        let value = Self.context
        let expected = library.render(value.libraryValue, withTemplate: "main")
        let compiled = CompiledTheme(templates: texts.compactMapValues(CompiledTemplate.init))
        #expect(compiled.templates.count == texts.count)
        #expect(compiled.render(value, with: "main") == expected)
    }

    @Test func setDelimitersAreAnErrorAtTheirLine() throws {
        #expect(CompiledTemplate("{{=<% %>=}}<% name %>") == nil)
        #expect(CompiledTemplate("{{name}}") != nil)
        var theme = TestSite.minimalTheme
        theme["themes/t/layouts/page.mustache"] = "{{<base}}{{$main}}\n{{=<% %>=}}<% page.title %><%={{ }}=%>{{/main}}{{/base}}"
        let site = try TestSite(["content/nl/_index.md": "---\ntitle: Home\n---\n"], theme: theme)
        #expect(site.errors() == [
            "themes/t/layouts/page.mustache:2: this template changes Mustache's delimiters ({{=…=}}), uses a pragma ({{%…}}) or a dynamic partial ({{>*…}}), which Baken does not render: write tags as {{name}} and name partials as they are",
        ])
    }
}

extension TemplateValue {
    /// The value as swift-mustache takes it, to compare the two renderers.
    var libraryValue: Any {
        switch self {
        case .string(let string): string
        case .bool(let bool): bool
        case .int(let int): int
        case .double(let double): double
        case .list(let items): items.map(\.libraryValue)
        case .object(let fields): fields.mapValues(\.libraryValue)
        }
    }
}
