import Foundation
import MupicCore
import Testing
@testable import MupicVision

@Suite struct ColourRuleTableTests {
    @Test func theBundledTableParsesAndCoversEveryFacetItMayUse() {
        let table = ColourRuleTable.bundled
        #expect(table.rules.count >= 20)
        let facets = Set(table.rules.map(\.tag.facet))
        #expect(facets == [.situation, .emotion, .style, .weather])
        // Each facet a photo must never lack has an unconditional fallback.
        for facet in [Facet.emotion, .situation, .style] {
            #expect(table.rules.contains { $0.tag.facet == facet && $0.isFallback && $0.conditions.isEmpty })
        }
        #expect(table.rules.allSatisfy { !$0.note.isEmpty })
    }

    @Test func readsConditions() throws {
        let table = try ColourRuleTable(tsv: "snowy\t0.35\twhite>=0.35 sky_blue<=0.5 season=winter\tsnow\n")
        let rule = try #require(table.rules.first)
        #expect(rule.tag.id == "snowy" && rule.score == 0.35 && rule.line == 1 && !rule.isFallback)
        #expect(rule.conditions == [.atLeast(.white, 0.35), .atMost(.skyBlue, 0.5), .season(["winter"])])
    }

    @Test func alwaysAndElseRules() throws {
        let table = try ColourRuleTable(tsv: "walk\t0.2\talways\tx\nrest\t0.1\telse\ty\n")
        #expect(table.rules.map(\.conditions) == [[], []])
        #expect(table.rules.map(\.isFallback) == [false, true])
        let hints = HeuristicPhotoTagger(rules: table).colourHints(
            ColourStats(brightness: 0.5, contrast: 0.2, saturation: 0.3, warmth: 0, skyBlue: 0, white: 0, dark: 0, grey: 0),
            season: nil)
        #expect(hints.map(\.tag.id) == ["walk"], "the fallback stays out when its facet already has a hint")
    }

    @Test func loadsAnOperatorsTableFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID()).tsv")
        try "sunny\t0.5\tsky_blue>=0.7\tclear\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try ColourRuleTable(contentsOf: url)
        #expect(table.source == url.lastPathComponent && table.rules.count == 1)

        #expect {
            try ColourRuleTable(contentsOf: url.appendingPathExtension("missing"))
        } throws: { error in
            (error as? DataFileError)?.problem.contains("check the path") == true
        }
    }

    @Test(arguments: [
        ("rainbow\t0.3\talways\tx", "unknown tag id 'rainbow'"),
        ("night\t0.3\tdark>=0.5\tx", "come from the EXIF date"),
        ("spring\t0.3\twarmth>=0.1\tx", "come from the EXIF date"),
        ("sunny\t1.5\tsky_blue>=0.5\tx", "between 0 and 1"),
        ("sunny\t0.5\tblueness>=0.5\tx", "cannot read condition 'blueness>=0.5'"),
        ("sunny\t0.5\tsky_blue>0.5\tx", "cannot read condition 'sky_blue>0.5'"),
        ("sunny\t0.5\tseason=hot\tx", "cannot read condition 'season=hot'"),
        ("sunny\t0.5\t\tx", "no conditions"),
        ("sunny 0.5 sky_blue>=0.5 x", "expected 4 tab-separated fields"),
    ])
    func pointsAtTheLineToFix(line: String, problem: String) {
        let text = "# comment\n\nbright\t0.3\tbrightness>=0.6\tok\n" + line + "\n"
        #expect {
            try ColourRuleTable(tsv: text, source: "rules.tsv")
        } throws: { error in
            guard let error = error as? DataFileError else { return false }
            return error.file == "rules.tsv" && error.line == 4 && error.problem.contains(problem)
        }
    }
}
