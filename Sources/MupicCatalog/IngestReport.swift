import MupicCore

/// The numbers an operator needs after an ingest: what was read, what was
/// rejected and why (with examples to fix), and what the catalog now holds.
public struct IngestReport: Sendable, Codable, Hashable {
    public var rowsRead = 0
    public var rejected: [RejectReason: Int] = [:]
    /// Up to `examplesPerReason` concrete problems per reason, e.g. `songs.csv:12: unknown genre 'Ballad?'`.
    public var examples: [RejectReason: [String]] = [:]
    public var songsKept = 0
    public var hashtagsUnmapped = 0
    public var songsPerGenre: [String: Int] = [:]
    public var songsPerTag: [String: Int] = [:]

    public static let examplesPerReason = 5

    public init() {}

    public var rejectedTotal: Int { rejected.values.reduce(0, +) }

    mutating func reject(_ problem: RowProblem) {
        rejected[problem.reason, default: 0] += 1
        if examples[problem.reason, default: []].count < Self.examplesPerReason {
            examples[problem.reason, default: []].append("\(problem.location): \(problem.detail)")
        }
    }

    mutating func keep(_ song: Song) {
        songsKept += 1
        songsPerGenre[song.genreID, default: 0] += 1
        for tag in song.tags { songsPerTag[tag.id, default: 0] += 1 }
    }
}
