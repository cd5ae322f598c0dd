public import Foundation
public import MupicCore
public import MupicStore
public import MupicVision

/// Five songs for a photo file with nothing stored: the server's path (decode, tag, match) without
/// the queue, for `mupic recommend --photo`.
public struct InstantRecommendation: Sendable {
    let reader: any PhotoReader
    let tagger: any PhotoTagger
    let matcher: SongMatcher

    /// The photo's tags (with their evidence) and the songs picked for them.
    ///
    /// Throws `PhotoError` for a file that is not a photo Mupic reads, `MatchFailure` when no song can be picked.
    public func recommend(
        photo data: Data, genres: [String], language: LanguageFilter = .any, seed: UInt64? = nil
    ) async throws -> (tagging: PhotoTagging, recommendation: RecommendationRecord) {
        let reader = reader
        let photo = try await BlockingWork.run { () throws(PhotoError) in try reader.read(data) }
        let tagging = try await tagger.tag(TaggerPhoto(photo).keeping(tagger.input))
        let recommendation = try matcher.recommend(
            photoID: "", tags: tagging.tagSet, genres: genres, language: language, seed: seed)
        return (tagging, recommendation)
    }
}
