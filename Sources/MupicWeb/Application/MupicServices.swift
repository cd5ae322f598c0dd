public import Foundation
import Logging
public import MupicCore
import MupicIndex
public import MupicListen
public import MupicStore
public import MupicVision

/// Everything the site and its job workers use, built once at start-up and shared by
/// every request: storage, the catalog in memory, the sentence model, the photo reader
/// and tagger, the photo files, limits, and the templates.
///
/// Tests build one with a temporary database, hand-made vectors and stub taggers.
public struct MupicServices: Sendable {
    public let storage: any MupicStorage
    public let reader: any PhotoReader
    public let tagger: any PhotoTagger
    /// Scores every upload before it may reach the archive; nil only when the operator turned
    /// screening off explicitly (`--no-screening`), and then public uploads are archived unscreened.
    public let screen: UnsafeImageScreen?
    public let photos: PhotoFileStore
    public let limits: WebLimits
    public let jobs: JobSettings
    /// Finds each song's YouTube video when someone presses play; links only without a key.
    public let videos: VideoFinder
    let matcher: SongMatcher
    let signal = JobSignal()
    let completions = JobCompletions()
    let pending: PendingPhotos
    let uploadGate: UploadGate
    let uploadNonces = UploadNonces()
    /// Share cards drawn at once; the rest wait (each takes a core for a moment).
    let cardGate = UploadGate(limit: 2)
    /// Account password hashing at once: bcrypt is slow by design, so a burst of sign-ups or
    /// sign-ins waits its turn instead of taking every core from the recommendations.
    let passwordGate = UploadGate(limit: 2)
    let strings: Strings
    let pages: PageRenderer
    let assets: StaticAssets
    let logger = Logger(label: "mupic.web")

    /// Loads the catalog for `songText`'s mode from storage into memory and prepares the site.
    ///
    /// - Parameters:
    ///   - embedder: must be the model the catalog was embedded with (all-MiniLM-L6-v2 by default).
    ///   - songText: must be the text mode the catalog was embedded with, or no song will have a vector.
    ///   - videos: the YouTube finder; by default one that never calls YouTube.
    ///   - screen: the unsafe-image screen; no default, so every caller decides (nil: off).
    public static func load(
        storage: any MupicStorage, embedder: any SentenceEmbedder, songText: SongText = SongText(),
        reader: any PhotoReader, tagger: any PhotoTagger, screen: UnsafeImageScreen?, photoDirectory: URL,
        limits: WebLimits = WebLimits(),
        jobs: JobSettings = JobSettings(), videos: VideoFinder = .linksOnly()
    ) async throws -> MupicServices {
        let logger = Logger(label: "mupic.web")
        let catalog = try await storage.catalog(mode: songText.modeKey)
        let index: SongIndex? =
            catalog.songs.isEmpty
            ? nil
            : SongIndex(
                songs: catalog.songs, vectorRow: catalog.vectorRow, vectors: catalog.vectors,
                dimension: catalog.dimension)
        if index == nil {
            logger.warning(
                "the catalog has no embedded songs: recommendations will fail until 'mupic ingest' runs",
                metadata: ["mode": "\(songText.modeKey)"])
        } else {
            logger.info("catalog loaded", metadata: ["songs": "\(catalog.songs.count)", "mode": "\(songText.modeKey)"])
        }
        let strings = try Strings.bundled()
        let assets = try StaticAssets.bundled()
        let pages = try await PageRenderer.bundled(strings: strings, assetVersion: assets.version)
        return MupicServices(
            storage: storage, reader: reader, tagger: tagger, screen: screen, photos: PhotoFileStore(directory: photoDirectory),
            limits: limits, jobs: jobs, videos: videos, matcher: SongMatcher(index: index, embedder: embedder, songText: songText),
            pending: PendingPhotos(capacityBytes: 64 << 20),
            uploadGate: UploadGate(limit: limits.maxConcurrentUploads), strings: strings, pages: pages,
            assets: assets)
    }

    /// Songs the recommender can pick from.
    public var catalogSongCount: Int { matcher.songCount }
}
