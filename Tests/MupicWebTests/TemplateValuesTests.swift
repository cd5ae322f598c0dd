import Foundation
import Mustache
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Flattened page models render exactly as the structs themselves do.
@Suite struct TemplateValuesTests {
    enum Mood: String { case calm, bright }

    struct Song {
        let title: String
        let rank: Int
        let liked: Bool
        let note: String?
        let tags: [String]
    }

    struct Page {
        let heading: String
        let songs: [Song]
        let empty: [Song]
        let picked: Set<String>
        let mood: Mood
        let when: Date
        let score: Double
        let error: String?
        let detail: Detail?
        let hidden: Bool
    }

    struct Detail {
        let label: String
        let count: Int
    }

    struct Frame {
        let t: [String: String]
        let title: String
        let page: Any
    }

    static let template = """
        <h1>{{title}} {{page.heading}}</h1>{{#page}}<p>{{heading}} {{mood}} {{when}} {{score}} {{t.hello}}</p>
        {{#songs}}<li>{{rank}} {{title}} {{#liked}}liked{{/liked}}{{^liked}}no{{/liked}}
        {{#note}}[{{.}}]{{/note}}{{^note}}(no note){{/note}} {{#tags}}#{{.}} {{/tags}}{{t.hello}}</li>{{/songs}}
        {{^empty}}nothing{{/empty}}{{#picked}}<b>{{.}}</b>{{/picked}}{{#error}}E:{{error}}{{/error}}{{^error}}fine{{/error}}
        {{#detail}}{{label}}={{count}} {{title}}{{/detail}}{{^hidden}}shown{{/hidden}}{{missing}}{{/page}}
        """

    @Test func aFlattenedModelRendersAsTheModel() throws {
        let library = MustacheLibrary(templates: ["page": try MustacheTemplate(string: Self.template)])
        let page = Page(
            heading: "<Rain & \"night\">",
            songs: [
                Song(title: "밤편지", rank: 1, liked: true, note: "좋아요", tags: ["비오는날", "잔잔한"]),
                Song(title: "Walk", rank: 2, liked: false, note: nil, tags: []),
            ],
            empty: [], picked: ["ballad"], mood: .calm, when: Date(timeIntervalSince1970: 1_700_000_000), score: 0.25,
            error: nil, detail: Detail(label: "tags", count: 3), hidden: false)
        let frame = Frame(t: ["hello": "안녕"], title: "Mupic", page: page)
        let direct = try #require(library.render(frame, withTemplate: "page"))
        let flattened = try #require(library.render(TemplateValues.flatten(frame), withTemplate: "page"))
        #expect(flattened == direct)
        #expect(direct.contains("[좋아요]") && direct.contains("(no note)") && direct.contains("#비오는날"))
        #expect(TemplateValues.flatten(frame) is [String: Any])
    }
}
