public import Foundation
public import MupicCore
public import MupicStore
import Logging

/// 👍 / 👎 on songs, and what they do to a person's later picks.
public struct FeedbackService: Sendable {
    let storage: any MupicStorage
    let matcher: SongMatcher
    let logger: Logger

    /// The profile the recommender uses: liked songs (newest first) as the catalog knows them, and dislikes.
    public func profile(accountID: String?) async throws -> FeedbackProfile {
        guard let accountID else { return .empty }
        var profile = FeedbackProfile()
        for entry in try await storage.feedback(accountID: accountID) {
            switch entry.verdict {
            case .dislike: profile.disliked.insert(entry.songID)
            case .like:
                if let liked = matcher.song(id: entry.songID).flatMap(FeedbackProfile.Liked.init) { profile.liked.append(liked) }
            }
        }
        return profile
    }

    /// Records a verdict on a song of a visible recommendation; the same verdict again takes it back.
    /// Returns the verdict now in force.
    public func toggle(_ verdict: SongVerdict, songID: Int64, recommendationID: String, accountID: String, now: Date = Date())
        async throws -> SongVerdict?
    {
        let (recommendation, _) = try await storage.visibleRecommendation(id: recommendationID)
        guard recommendation.songs.contains(where: { $0.songID == songID }) else { throw AppError.notFound("song_not_found") }
        let current = try await storage.feedback(accountID: accountID).first { $0.songID == songID }?.verdict
        let next: SongVerdict? = current == verdict ? nil : verdict
        try await storage.setFeedback(next, songID: songID, accountID: accountID, now: now.roundedToMilliseconds)
        logger.info(
            "song feedback", metadata: ["account": "\(accountID)", "song": "\(songID)", "verdict": "\(next?.rawValue ?? "none")"])
        return next
    }

    /// The account's verdicts, by song.
    public func verdicts(accountID: String?) async throws -> [Int64: SongVerdict] {
        guard let accountID else { return [:] }
        return Dictionary(
            try await storage.feedback(accountID: accountID).map { ($0.songID, $0.verdict) },
            uniquingKeysWith: { first, _ in first })
    }
}
