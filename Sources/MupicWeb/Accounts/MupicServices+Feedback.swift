import Foundation
import MupicCore
import MupicStore

/// 👍 / 👎 on songs, and what they do to a person's later picks.
extension MupicServices {
    /// The profile the recommender uses: liked songs (newest first) as the catalog knows them, and dislikes.
    func feedbackProfile(accountID: String?) async throws -> FeedbackProfile {
        guard let accountID else { return .empty }
        var profile = FeedbackProfile()
        for entry in try await storage.feedback(accountID: accountID) {
            switch entry.verdict {
            case .dislike: profile.disliked.insert(entry.songID)
            case .like: if let liked = song(id: entry.songID).flatMap(FeedbackProfile.Liked.init) { profile.liked.append(liked) }
            }
        }
        return profile
    }

    /// Records a verdict on a song of a visible recommendation; the same verdict again takes it back.
    /// Returns the verdict now in force.
    func toggleFeedback(_ verdict: SongVerdict, songID: Int64, recommendationID: String, account: AccountIdentity)
        async throws -> SongVerdict?
    {
        let (recommendation, _) = try await visibleRecommendation(id: recommendationID)
        guard recommendation.songs.contains(where: { $0.songID == songID }) else { throw WebError.notFound("song_not_found") }
        let current = try await storage.feedback(accountID: account.accountID).first { $0.songID == songID }?.verdict
        let next: SongVerdict? = current == verdict ? nil : verdict
        try await storage.setFeedback(next, songID: songID, accountID: account.accountID, now: Date().roundedToMilliseconds)
        logger.info(
            "song feedback",
            metadata: ["account": "\(account.accountID)", "song": "\(songID)", "verdict": "\(next?.rawValue ?? "none")"])
        return next
    }

    /// The account's verdicts, by song.
    func verdicts(account: AccountIdentity?) async throws -> [Int64: SongVerdict] {
        guard let account else { return [:] }
        return Dictionary(
            try await storage.feedback(accountID: account.accountID).map { ($0.songID, $0.verdict) },
            uniquingKeysWith: { first, _ in first })
    }
}
