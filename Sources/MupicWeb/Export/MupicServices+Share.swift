import Foundation
import MupicCore
import MupicStore
import MupicVision

/// The share card and the playlist files of a recommendation.
extension MupicServices {
    /// Where cards are cached: beside the photos, in their own folder.
    var cards: ShareCardStore {
        ShareCardStore(directory: photos.directory.appendingPathComponent("cards", isDirectory: true))
    }

    /// The card's PNG from the cache, or drawn now (a few at a time: drawing is CPU work) and cached.
    func shareCard(_ recommendation: RecommendationRecord, photo: PhotoRecord, language: Language) async throws -> Data {
        if let cached = cards.read(photoID: photo.id, recommendationID: recommendation.id, language: language) {
            return cached
        }
        guard let jpeg = photos.read(contentHash: photo.contentHash, .full) else {
            logger.error("a stored photo file is missing", metadata: ["photo": "\(photo.id)"])
            throw WebError.notFound("photo_not_found")
        }
        let card = ShareCard(
            photoJPEG: jpeg, hashtags: recommendation.tags.map { $0.label(language) },
            songs: recommendation.songs.compactMap { entry in
                entry.song.map { ShareCard.Song(title: $0.title, artist: $0.artist) }
            },
            tagline: strings.text("card_tagline", language))
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
    func playlistExport(_ recommendation: RecommendationRecord, language: Language, pageURL: String) async
        -> PlaylistExport
    {
        var entries: [PlaylistExport.Entry] = []
        for entry in recommendation.songs {
            guard let song = entry.song else { continue }
            let match = try? await storage.videoMatch(songID: entry.songID)
            entries.append(
                PlaylistExport.Entry(
                    rank: entry.rank, title: song.title, artist: song.artist, genre: song.genreID,
                    genreLabel: Labels.genre(song.genreID, language), tags: song.tags.map { $0.label(language) },
                    youtubeId: match?.videoID))
        }
        return PlaylistExport(
            recommendationID: recommendation.id, hashtags: recommendation.tags.map { $0.label(language) },
            entries: entries, pageURL: pageURL)
    }
}
