public import AsyncHTTPClient
public import Foundation
public import Logging
public import MupicCore

/// Finds the video to play for a catalog song, spending the YouTube quota as little as possible.
///
/// In order: the cache (a fresh match, found or not, answers at once, with or without a
/// key); then the budget (no key, budget spent, quota exceeded, cooling down after failures
/// or a refused key: no call); then one `search.list` call, whose answer the match policy
/// turns into a video or a negative result, which is cached. Lookups of the same song that
/// arrive while one is running wait for it instead of searching again (single flight).
///
/// It never throws: every failure becomes `.unavailable` and the page shows links. A match
/// past its lifetime is still played when a new search cannot be made.
public actor VideoFinder {
    private let searcher: (any VideoSearching)?
    private let cache: any VideoMatchCache
    private let policy: MatchPolicy
    private let positiveLifetime: TimeInterval
    private let negativeLifetime: TimeInterval
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private var budget: QuotaBudget
    private var inFlight: [Int64: Task<VideoLookup, Never>] = [:]
    private var lastRefusal: QuotaBudget.Refusal?
    /// Calls made to the API by this finder (for `mupic videos warm`'s report and tests).
    public private(set) var searches = 0

    /// Whether a key is configured, so searches can happen at all.
    public nonisolated let canSearch: Bool

    public init(
        searcher: (any VideoSearching)?, cache: any VideoMatchCache, budget: QuotaBudget, policy: MatchPolicy = MatchPolicy(),
        positiveLifetime: TimeInterval = 180 * 86_400, negativeLifetime: TimeInterval = 7 * 86_400,
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "mupic.listen")
    ) {
        self.searcher = searcher
        self.cache = cache
        self.budget = budget
        self.policy = policy
        self.positiveLifetime = positiveLifetime
        self.negativeLifetime = negativeLifetime
        self.clock = clock
        self.logger = logger
        canSearch = searcher != nil
    }

    /// The finder `configuration` describes: the HTTPS client when it has a key, links only otherwise.
    public init(
        configuration: ListenConfiguration, cache: any VideoMatchCache, httpClient: HTTPClient = .shared,
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "mupic.listen")
    ) {
        let searcher = configuration.apiKey.flatMap { key in
            key.isEmpty
                ? nil
                : YouTubeSearchClient(
                    settings: .init(
                        apiKey: key, baseURL: configuration.baseURL, timeout: configuration.timeout,
                        regionCode: configuration.regionCode), httpClient: httpClient)
        }
        self.init(
            searcher: searcher, cache: cache, budget: QuotaBudget(dailyUnits: configuration.dailyUnits),
            positiveLifetime: configuration.positiveLifetime, negativeLifetime: configuration.negativeLifetime,
            clock: clock, logger: logger)
    }

    /// A finder that never calls YouTube: cached matches and links only.
    public static func linksOnly(cache: any VideoMatchCache = InMemoryVideoMatchCache()) -> VideoFinder {
        VideoFinder(searcher: nil, cache: cache, budget: QuotaBudget(dailyUnits: 0))
    }

    /// Units Mupic may still spend today.
    public var unitsRemaining: Int { budget.remaining(at: clock()) }

    public func find(_ song: Song) async -> VideoLookup {
        guard let id = song.id else { return .unavailable(.unknownSong) }
        if let running = inFlight[id] { return await running.value }
        let lookup = Task { await resolve(title: song.title, artist: song.artist, songID: id) }
        inFlight[id] = lookup
        let result = await lookup.value
        inFlight[id] = nil
        return result
    }

    private func resolve(title: String, artist: String, songID: Int64) async -> VideoLookup {
        let now = clock()
        let cached = await cachedMatch(songID)
        if let cached, isFresh(cached, at: now) {
            return cached.isNegative ? .noMatch(cached: true) : .video(cached, cached: true)
        }
        // An old video beats no video when no new search can be made.
        let stale = cached.flatMap { $0.isNegative ? nil : VideoLookup.video($0, cached: true) }
        guard let searcher else { return stale ?? .unavailable(.noKey) }
        if let refusal = budget.reserve(at: now) {
            report(refusal, at: now)
            return stale ?? .unavailable(ListenUnavailable(refusal))
        }
        lastRefusal = nil
        searches += 1
        do {
            let candidates = try await searcher.search(ListenLinks.query(title: title, artist: artist))
            budget.recordSuccess()
            let chosen = policy.best(title: title, artist: artist, among: candidates)
            let match =
                chosen.map {
                    VideoMatch(songID: songID, videoID: $0.videoID, title: $0.title, channel: $0.channelTitle, fetchedAt: now)
                } ?? .negative(songID: songID, fetchedAt: now)
            logger.debug(
                "searched YouTube",
                metadata: [
                    "song": "\(songID)", "candidates": "\(candidates.count)", "video": "\(match.videoID ?? "none")",
                ])
            await store(match)
            return match.isNegative ? .noMatch(cached: false) : .video(match, cached: false)
        } catch {
            let failedAt = clock()
            budget.recordFailure(error, at: failedAt)
            report(error, at: failedAt)
            switch error {
            case .keyRejected: return stale ?? .unavailable(.keyRejected)
            case .quotaExceeded: return stale ?? .unavailable(.quotaExceeded)
            default: return stale ?? .unavailable(.failed)
            }
        }
    }

    private func isFresh(_ match: VideoMatch, at now: Date) -> Bool {
        now.timeIntervalSince(match.fetchedAt) < (match.isNegative ? negativeLifetime : positiveLifetime)
    }

    /// A broken cache is a miss, not a failure: the song is searched (and the budget still applies).
    private func cachedMatch(_ songID: Int64) async -> VideoMatch? {
        do {
            return try await cache.videoMatch(songID: songID)
        } catch {
            logger.warning("could not read the video cache", metadata: ["song": "\(songID)", "error": "\(error)"])
            return nil
        }
    }

    private func store(_ match: VideoMatch) async {
        do {
            try await cache.save(match)
        } catch {
            logger.warning(
                "could not save a video match; the song will be searched again", metadata: ["song": "\(match.songID)", "error": "\(error)"])
        }
    }

    /// Once per change of reason, so a busy site does not log every refused lookup.
    private func report(_ refusal: QuotaBudget.Refusal, at now: Date) {
        guard refusal != lastRefusal else { return }
        lastRefusal = refusal
        let resumes = budget.resumes(after: refusal, at: now).map { "\($0)" } ?? "after a restart with a working key"
        switch refusal {
        case .budgetSpent:
            logger.notice(
                "the daily YouTube budget is spent: songs show listen links until the reset (midnight Pacific Time); raise MUPIC_YOUTUBE_DAILY_UNITS to allow more",
                metadata: ["units": "\(budget.dailyUnits)", "resumes": "\(resumes)"])
        case .quotaExceeded, .coolingDown:
            logger.info("not calling YouTube", metadata: ["reason": "\(refusal.rawValue)", "resumes": "\(resumes)"])
        case .keyRejected:
            break  // said once, loudly, when YouTube refused the key
        }
    }

    private func report(_ error: YouTubeSearchError, at now: Date) {
        switch error {
        case .keyRejected:
            logger.error("\(error)")
        case .quotaExceeded:
            logger.warning("\(error)", metadata: ["resumes": "\(QuotaDay.nextReset(after: now))"])
        default:
            logger.warning("\(error)")
        }
    }
}
