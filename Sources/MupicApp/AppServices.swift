public import Foundation
import Logging
public import MupicCore
import MupicIndex
public import MupicListen
public import MupicStore
public import MupicVision

/// Mupic's use cases, built once at start-up and shared by every request, job worker and
/// command: each is a small service holding only the stores and models it uses.
///
/// `load(_:)` builds them from settings, as `mupic serve` does; tests call
/// `init(storage:embedder:…)` with a temporary database, hand-made vectors and stub taggers.
public struct AppServices: Sendable {
    public let storage: any MupicStorage
    /// Accept a photo: decode, store, queue its job.
    public let intake: PhotoIntake
    /// The background workers that screen, tag and match queued photos.
    public let workers: JobWorkers
    /// Jobs, recommendations, regenerate, "more like this", refine.
    public let recommendations: Recommendations
    /// A photo file to five songs at once, nothing stored.
    public let instant: InstantRecommendation
    public let feedback: FeedbackService
    public let removal: PhotoRemoval
    public let sharing: Sharing
    public let archive: ArchiveService
    public let accounts: AccountService
    public let admin: AdminService
    /// Finds each song's YouTube video when someone presses play; links only without a key.
    public let videos: VideoFinder
    /// The stored copies and thumbnails of photos.
    public let photos: PhotoFileStore
    let matcher: SongMatcher
    let completions: JobCompletions
    let cards: ShareCardStore

    /// Prepares every use case around `storage`, loading the catalog for `songText`'s mode into memory.
    ///
    /// - Parameters:
    ///   - embedder: must be the model the catalog was embedded with (all-MiniLM-L6-v2 by default).
    ///   - songText: must be the text mode the catalog was embedded with, or no song will have a vector.
    ///   - screen: the unsafe-image screen; no default, so every caller decides (nil: off).
    ///   - videos: the YouTube finder; by default one that never calls YouTube.
    public init(
        storage: any MupicStorage, embedder: any SentenceEmbedder, songText: SongText = SongText(),
        reader: any PhotoReader, tagger: any PhotoTagger, screen: UnsafeImageScreen?, photoDirectory: URL,
        limits: AppLimits = AppLimits(), jobs: JobSettings = JobSettings(), videos: VideoFinder = .linksOnly()
    ) async throws {
        let logger = Logger(label: "mupic.app")
        let catalog = try await storage.catalog(mode: songText.modeKey)
        let index: SongIndex? =
            catalog.songs.isEmpty
            ? nil
            : SongIndex(
                songs: catalog.songs, vectorRow: catalog.vectorRow, vectors: catalog.vectors, dimension: catalog.dimension)
        if index == nil {
            logger.warning(
                "the catalog has no embedded songs: recommendations will fail until 'mupic ingest' runs",
                metadata: ["mode": "\(songText.modeKey)"])
        } else {
            logger.info("catalog loaded", metadata: ["songs": "\(catalog.songs.count)", "mode": "\(songText.modeKey)"])
        }
        let photos = PhotoFileStore(directory: photoDirectory)
        let cards = ShareCardStore(directory: photoDirectory.appendingPathComponent("cards", isDirectory: true))
        let matcher = SongMatcher(index: index, embedder: embedder, songText: songText)
        let signal = JobSignal()
        let completions = JobCompletions()
        let pending = PendingPhotos(capacityBytes: limits.pendingPhotoBytes)
        let feedback = FeedbackService(storage: storage, matcher: matcher, logger: logger)
        let removal = PhotoRemoval(storage: storage, photos: photos, cards: cards, logger: logger)
        let runner = JobRunner(
            storage: storage, tagger: tagger, screen: screen, reader: reader, photos: photos, pending: pending,
            matcher: matcher, feedback: feedback, completions: completions, lease: jobs.lease, logger: logger)

        self.storage = storage
        self.photos = photos
        self.cards = cards
        self.matcher = matcher
        self.completions = completions
        self.videos = videos
        self.feedback = feedback
        self.removal = removal
        intake = PhotoIntake(
            storage: storage, reader: reader, photos: photos, pending: pending, signal: signal, taggerInput: tagger.input,
            isScreening: screen != nil, maxPendingJobs: limits.maxPendingJobs, logger: logger)
        instant = InstantRecommendation(reader: reader, tagger: tagger, matcher: matcher)
        workers = JobWorkers(runner: runner, signal: signal, settings: jobs, logger: logger)
        recommendations = Recommendations(
            storage: storage, matcher: matcher, feedback: feedback, completions: completions, logger: logger)
        sharing = Sharing(storage: storage, photos: photos, cards: cards, cardGate: UploadGate(limit: 2), logger: logger)
        archive = ArchiveService(storage: storage, pageSize: limits.archivePageSize, maxPageSize: limits.maxArchivePageSize)
        let throttle = SignInThrottle(policy: limits.signIn)
        accounts = AccountService(
            storage: storage, removal: removal, passwordCost: limits.passwordCost, passwordGate: UploadGate(limit: 2),
            throttle: throttle, weakPasswords: try WeakPasswords.bundled(), logger: logger)
        admin = AdminService(storage: storage, removal: removal, throttle: throttle, logger: logger)
    }
}
