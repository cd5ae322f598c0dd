import Foundation
import MupicCore

/// The phrases of `Resources/match-rules.tsv`, by group: what rejects a video and what marks
/// an official upload. Data, so the lists can be tuned without touching the policy.
struct MatchRules: Sendable {
    enum Group: String, CaseIterable, Sendable {
        case cover, live, karaoke, instrumental, reaction, edit, version, fragment, performance, compilation, lesson
        case officialAudio = "official-audio"
        case officialVideo = "official-video"
        case official, distributor, lyrics

        /// Groups whose phrases rule a video out (unless the song itself says the same).
        var rejects: Bool {
            switch self {
            case .officialAudio, .officialVideo, .official, .distributor, .lyrics: false
            default: true
            }
        }
    }

    struct Phrase: Sendable {
        let text: String
        let folded: FoldedText
    }

    let phrases: [Group: [Phrase]]

    static let bundled: MatchRules = {
        guard let url = Bundle.module.url(forResource: "match-rules", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("MupicListen resource match-rules.tsv is missing from the bundle; rebuild the package") }
        do {
            return try parse(text, file: "match-rules.tsv")
        } catch {
            // Part of the build: an invalid file is a programming error the tests catch first.
            preconditionFailure("the bundled match-rules.tsv is invalid: \(error)")
        }
    }()

    static func parse(_ text: String, file: String) throws(DataFileError) -> MatchRules {
        var phrases: [Group: [Phrase]] = [:]
        for (number, line) in DataFileLines(text) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw DataFileError(file: file, line: number, problem: "expected 'group<TAB>phrase', got \(fields.count) fields")
            }
            guard let group = Group(rawValue: String(fields[0])) else {
                throw DataFileError(
                    file: file, line: number,
                    problem: "unknown group '\(fields[0])' (one of \(Group.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let folded = FoldedText(String(fields[1]))
            guard !folded.isEmpty else {
                throw DataFileError(file: file, line: number, problem: "the phrase has no letters or digits")
            }
            phrases[group, default: []].append(Phrase(text: String(fields[1]), folded: folded))
        }
        return MatchRules(phrases: phrases)
    }

    func phrases(_ group: Group) -> [Phrase] { phrases[group] ?? [] }
}
