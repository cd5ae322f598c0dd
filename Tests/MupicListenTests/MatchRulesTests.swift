import MupicCore
import Testing
@testable import MupicListen

@Suite struct MatchRulesTests {
    @Test func bundledRulesHaveEveryGroup() {
        let rules = MatchRules.bundled
        for group in MatchRules.Group.allCases {
            #expect(!rules.phrases(group).isEmpty, "match-rules.tsv has no phrase for \(group.rawValue)")
        }
        #expect(rules.phrases(.cover).contains { $0.text == "커버" })
    }

    @Test func noPhraseIsBothRejectedAndPreferred() {
        let rules = MatchRules.bundled
        let rejecting = Set(MatchRules.Group.allCases.filter(\.rejects).flatMap { rules.phrases($0).map(\.folded.compact) })
        let preferring = Set(MatchRules.Group.allCases.filter { !$0.rejects }.flatMap { rules.phrases($0).map(\.folded.compact) })
        #expect(rejecting.intersection(preferring).isEmpty)
    }

    @Test func mistakesNameTheLine() {
        #expect(throws: DataFileError(file: "t.tsv", line: 2, problem: "expected 'group<TAB>phrase', got 1 fields")) {
            try MatchRules.parse("# comment\ncover\n", file: "t.tsv")
        }
        #expect(throws: DataFileError(
            file: "t.tsv", line: 1,
            problem: "unknown group 'covers' (one of \(MatchRules.Group.allCases.map(\.rawValue).joined(separator: ", ")))")
        ) {
            try MatchRules.parse("covers\tcover\n", file: "t.tsv")
        }
        #expect(throws: DataFileError(file: "t.tsv", line: 1, problem: "the phrase has no letters or digits")) {
            try MatchRules.parse("cover\t!!\n", file: "t.tsv")
        }
    }
}
