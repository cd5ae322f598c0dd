import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicApp
@testable import MupicWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The catalog dashboard: counts per genre and per tag as inline SVG.
@Suite struct DashboardTests {
    @Test func chartsShowTheCatalogsCountsAsWellFormedSVG() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let page = try await client.get("/dashboard")
            #expect(page.status == .ok)
            let html = page.text
            #expect(!html.contains("<script>"))
            #expect(html.contains("aria-current=\"page\">카탈로그"))
            // 32 songs; 8 per genre; "calm" is on 3 of the 8 tag sets, in 4 genres.
            #expect(html.contains("노래 32 ·"))
            let svgs = Self.svgs(in: html)
            #expect(svgs.count == 7)
            for svg in svgs {
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "not well-formed: \(svg.prefix(200))")
            }
            let genres = try #require(svgs.first)
            #expect(genres.contains("발라드"))
            #expect(Self.count(after: "발라드", in: genres) == 8)
            let emotion = try #require(svgs.first { $0.contains("잔잔한") })
            #expect(Self.count(after: "잔잔한", in: emotion) == 12)

            let english = try await client.get("/dashboard?lang=en")
            #expect(english.text.contains("Songs per genre"))
        }
    }

    static func svgs(in html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().compactMap { part in
            part.range(of: "</svg>").map { "<svg " + part[..<$0.upperBound] }
        }
    }

    /// The number in the bar row that follows a label.
    static func count(after label: String, in svg: String) -> Int? {
        guard let start = svg.range(of: ">\(label)") else { return nil }
        let rest = svg[start.upperBound...]
        guard let marker = rest.range(of: "class=\"bar-count\">") else { return nil }
        return Int(rest[marker.upperBound...].prefix { $0.isNumber })
    }
}
