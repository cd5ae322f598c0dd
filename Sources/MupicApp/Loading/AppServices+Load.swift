import Logging
import MupicCore
import MupicListen
import MupicML
import MupicStore
import MupicVision

extension AppServices {
    /// Opens the database, loads the sentence model, the tagger, the screen and the catalog, as
    /// `configuration` says, within `limits`. On failure nothing stays open, and the error names its
    /// cause and the fix.
    public static func load(_ configuration: AppConfiguration, limits: AppLimits = AppLimits()) async throws -> AppServices {
        let storage = try await configuration.database.open()
        do {
            let encoder = try SentenceEncoder(modelDirectory: configuration.modelDirectory)
            let screen = try configuration.screening.load(logger: Logger(label: "mupic.app"))
            let tagger = try configuration.tagger.makeTagger()
            // Only the inputs something reads: the resampling for the others was a fifth of an upload's CPU.
            let reader = PhotoDecoder(
                limits: PhotoLimits(maxBytes: limits.maxPhotoBytes, maxPixels: limits.maxPixels),
                modelInputs: tagger.modelInputs.union(screen == nil ? [] : .screening))
            return try await AppServices(
                storage: storage, embedder: encoder, songText: configuration.songText, reader: reader, tagger: tagger,
                screen: screen, photoDirectory: configuration.photoDirectory, limits: limits,
                jobs: configuration.jobs, videos: videoFinder(configuration.listen, cache: storage))
        } catch {
            await storage.close()
            throw error
        }
    }

    /// The YouTube finder: it remembers matches in the database, so a song is searched once across
    /// restarts and servers.
    static func videoFinder(_ listen: ListenConfiguration, cache: any VideoMatchCache) -> VideoFinder {
        let logger = Logger(label: "mupic.listen")
        if listen.hasKey {
            logger.info(
                "YouTube player on: songs are searched when someone presses play",
                metadata: [
                    "daily_units": "\(listen.dailyUnits)",
                    "searches_per_day": "\(listen.dailyUnits / QuotaBudget.searchCost)",
                ])
        } else {
            logger.info("no MUPIC_YOUTUBE_KEY: the result page offers listen links, no in-page player")
        }
        return VideoFinder(configuration: listen, cache: cache, logger: logger)
    }
}
