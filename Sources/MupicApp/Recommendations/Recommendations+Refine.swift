import Logging
import MupicCore
public import MupicStore

extension Recommendations {
    /// The person's correction of the photo's tags: drop `remove`, add `add`, store the new set on
    /// the photo, then rank the songs again for it (songs already shown may come back: the point
    /// is a better match, not a new draw).
    public func refine(from recommendationID: String, add: [String], remove: [String], accountID: String? = nil)
        async throws -> RecommendationRecord
    {
        let (previous, photo) = try await storage.visibleRecommendation(id: recommendationID)
        guard !(add.isEmpty && remove.isEmpty) else { throw AppError.invalid("refine_nothing") }
        // A tag outside the closed vocabulary would have no meaning for the songs; refuse it rather than drop it.
        let added = try add.map { id in
            guard let tag = Vocabulary.tag(id: id) else { throw AppError.invalid("unknown_tag") }
            return tag
        }
        guard remove.allSatisfy({ Vocabulary.tag(id: $0) != nil }) else { throw AppError.invalid("unknown_tag") }
        let removed = Set(remove)
        var records = photo.tags.filter { !removed.contains($0.tagID) }
        for tag in added where !records.contains(where: { $0.tagID == tag.id }) {
            records.append(PhotoTagRecord(tagID: tag.id, score: 1, evidence: "you added"))
        }
        let tags = TagSet(records.compactMap { Vocabulary.tag(id: $0.tagID) })
        guard !tags.isEmpty else { throw AppError.invalid("refine_no_tags") }
        let profile = try await feedback.profile(accountID: accountID)
        let next: RecommendationRecord
        do {
            next = try matcher.recommend(
                photoID: photo.id, tags: tags, genres: previous.genreIDs, language: photo.language, feedback: profile)
        } catch {
            throw AppError.noSongs(error)
        }
        try await storage.setTags(records, missingSignals: photo.missingSignals, photoID: photo.id)
        try await storage.saveRecommendation(next)
        logger.info(
            "tags refined",
            metadata: [
                "photo": "\(photo.id)", "added": "\(add.joined(separator: ","))",
                "removed": "\(remove.joined(separator: ","))", "recommendation": "\(next.id)",
            ])
        return next
    }
}
