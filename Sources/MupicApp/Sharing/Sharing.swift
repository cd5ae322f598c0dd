public import Foundation
import Logging
public import MupicCore
public import MupicShare
public import MupicStore
import MupicVision

/// A recommendation's share card and playlist files. Both follow the result page's visibility:
/// a hidden or deleted photo has none.
public struct Sharing: Sendable {
    let storage: any MupicStorage
    let photos: PhotoFileStore
    let cards: ShareCardStore
    /// Share cards drawn at once; the rest wait (each takes a core for a moment).
    let cardGate: UploadGate
    let logger: Logger

    /// The recommendation to share and its photo, when it may be seen.
    public func recommendation(id: String) async throws -> (RecommendationRecord, PhotoRecord) {
        try await storage.visibleRecommendation(id: id)
    }

    /// The card's PNG from the cache, or drawn now (a few at a time: drawing is CPU work) and cached.
    ///
    /// - Parameter tagline: the line under the mark, in `language`.
    public func card(
        for recommendation: RecommendationRecord, photo: PhotoRecord, language: Language, tagline: String
    ) async throws -> Data {
        if let cached = cards.read(photoID: photo.id, recommendationID: recommendation.id, language: language) {
            return cached
        }
        guard let jpeg = photos.read(contentHash: photo.contentHash, .full) else {
            logger.error("a stored photo file is missing", metadata: ["photo": "\(photo.id)"])
            throw AppError.notFound("photo_not_found")
        }
        let card = ShareCard(
            photoJPEG: jpeg, hashtags: recommendation.tags.map { $0.label(language) },
            songs: recommendation.songs.compactMap { entry in
                entry.song.map { ShareCard.Song(title: $0.title, artist: $0.artist) }
            },
            tagline: tagline)
        let started = ContinuousClock.now
        let png = try await cardGate.withPermit {
            try await BlockingWork.run { () throws(ShareCardError) in try ShareCardRenderer().render(card) }
        }
        logger.info(
            "drew a share card",
            metadata: ["recommendation": "\(recommendation.id)", "elapsed": "\(ContinuousClock.now - started)"])
        cards.store(png, photoID: photo.id, recommendationID: recommendation.id, language: language)
        return png
    }

    /// The playlist files' content; YouTube ids only from the listen cache (no search, no quota).
    public func playlist(for recommendation: RecommendationRecord, language: Language, pageURL: String) async
        -> PlaylistExport
    {
        var entries: [PlaylistExport.Entry] = []
        for entry in recommendation.songs {
            guard let song = entry.song else { continue }
            let match = try? await storage.videoMatch(songID: entry.songID)
            entries.append(
                PlaylistExport.Entry(
                    rank: entry.rank, title: song.title, artist: song.artist, genre: song.genreID,
                    genreLabel: GenreTable.bundled.label(song.genreID, language), tags: song.tags.map { $0.label(language) },
                    youtubeId: match?.videoID))
        }
        return PlaylistExport(
            recommendationID: recommendation.id, hashtags: recommendation.tags.map { $0.label(language) },
            entries: entries, pageURL: pageURL)
    }
}
