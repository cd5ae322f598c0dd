import ArgumentParser
import Foundation
import MupicCore
import MupicListen
import MupicStore

/// `mupic videos`: the YouTube side of listening.
struct Videos: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "videos", abstract: "Find songs' YouTube videos (needs MUPIC_YOUTUBE_KEY).",
        subcommands: [VideosWarm.self])
}

/// `mupic videos warm --limit N`: searches ahead of time, so the first listeners of a song
/// find it ready; stops when the daily budget or YouTube's quota says so.
struct VideosWarm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warm",
        abstract: "Look up the YouTube video of the most recommended songs ahead of time, within the daily budget.",
        discussion: """
            Each new song costs one search.list call (100 of the default 10,000 daily units); songs already \
            matched cost nothing. Stops early when MUPIC_YOUTUBE_DAILY_UNITS is spent, YouTube reports its \
            quota exceeded, or YouTube keeps failing. Example: MUPIC_YOUTUBE_KEY=… mupic videos warm --limit 50
            """)

    @Option(help: "Songs to look up at most (default: as many as today's budget allows).") var limit: Int?
    @Flag(name: .customLong("korean-text"), help: "The catalog was embedded with --korean-text.") var koreanText = false
    @OptionGroup var storage: StorageOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() async throws {
        let listen: ListenConfiguration
        do { listen = try ListenConfiguration.fromEnvironment(ProcessInfo.processInfo.environment) } catch { throw CommandFailure("\(error)") }
        guard listen.hasKey else {
            throw CommandFailure(
                "MUPIC_YOUTUBE_KEY is not set: create a YouTube Data API v3 key (see README, Listening) and export it")
        }
        try await storage.withStorage { store in try await warm(store, listen: listen) }
    }

    private func warm(_ store: any MupicStorage, listen: ListenConfiguration) async throws {
        let catalog = try await store.catalog(mode: SongText(language: koreanText ? .korean : .english).modeKey)
        guard !catalog.songs.isEmpty else { throw CommandFailure("the catalog is empty: run 'mupic ingest' first") }
        // The most recommended songs first; the rest in catalog order, genres taking turns.
        let order = WarmOrder.songs(catalog.songs, timesRecommended: try await store.timesRecommended())
        let planned = order.prefix(limit ?? max(1, listen.dailyUnits / QuotaBudget.searchCost))
        // Matches go to the database, where every 'mupic serve' on it finds them.
        let finder = VideoFinder(configuration: listen, cache: store)
        let progress = ProgressBar("videos", total: planned.count)
        var tally = WarmTally()
        for song in planned {
            let lookup = await finder.find(song)
            tally.add(lookup)
            progress.advance(by: 1)
            if let stop = tally.stop { progress.finish(); status("stopped: \(stop)"); break }
        }
        if tally.stop == nil { progress.finish() }
        let searches = await finder.searches
        print(
            "\(tally.looked) songs: \(tally.found) found, \(tally.noMatch) without a good video, \(tally.cached) already known, "
                + "\(tally.failed) failed; \(searches) searches (\(searches * QuotaBudget.searchCost) units), "
                + "\(await finder.unitsRemaining) units left today")
        if case .keyRejected = tally.stopReason {
            throw CommandFailure("YouTube refused MUPIC_YOUTUBE_KEY: fix the key and run again")
        }
    }
}

/// Counts of a warm run, and whether to go on.
struct WarmTally {
    var looked = 0
    var found = 0
    var noMatch = 0
    var cached = 0
    var failed = 0
    var stopReason: ListenUnavailable?

    /// Counts a lookup; one that could not be made (budget, quota, failing YouTube, key) ends the run uncounted.
    mutating func add(_ lookup: VideoLookup) {
        switch lookup {
        case .video(_, let wasCached):
            if wasCached { cached += 1 } else { found += 1 }
        case .noMatch(let wasCached):
            if wasCached { cached += 1 } else { noMatch += 1 }
        case .unavailable(.failed), .unavailable(.unknownSong):
            failed += 1
        case .unavailable(let reason):
            stopReason = reason
            return
        }
        looked += 1
    }

    /// Why the run should end now, worded for the operator.
    var stop: String? {
        stopReason.map { reason in
            switch reason {
            case .budgetSpent: "today's budget (MUPIC_YOUTUBE_DAILY_UNITS) is spent; run again after midnight Pacific Time"
            case .quotaExceeded: "YouTube says the project's quota is exceeded; run again after midnight Pacific Time"
            case .coolingDown: "YouTube is failing (see the log above); run again later"
            case .keyRejected: "YouTube refused the API key"
            case .noKey: "no API key"
            case .failed, .unknownSong: "failed"
            }
        }
    }
}
