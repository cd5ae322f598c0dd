import Foundation
import MupicCore
import MupicListenTestSupport
import Testing
@testable import MupicListen

/// The finder end to end against the fake Data API: cache, budget, breaker and single flight.
@Suite struct VideoFinderTests {
    func finder(
        _ base: String, key: String = "test-key", units: Int = 9_000, cache: any VideoMatchCache = InMemoryVideoMatchCache(),
        clock: TestClock = TestClock("2026-03-07T20:00:00-08:00"), timeout: Duration = .seconds(10)
    ) -> VideoFinder {
        VideoFinder(
            configuration: ListenConfiguration(apiKey: key, dailyUnits: units, baseURL: base, timeout: timeout),
            cache: cache, clock: clock.read)
    }

    @Test func aFoundVideoIsCachedSoTheSongIsSearchedOnce() async throws {
        try await FakeYouTube.run { base, log in
            let cache = InMemoryVideoMatchCache()
            let finder = finder(base, cache: cache)
            let first = await finder.find(Songs.throughTheNight)
            let match = try #require(first.match)
            #expect(first == .video(match, cached: false))
            #expect(match.videoID == "n7i2Ps7mKzI")
            #expect(match.channel == "IU - Topic")
            #expect(match.title == "밤편지")
            #expect(match.fetchedAt == date("2026-03-07T20:00:00-08:00"))
            #expect(await cache.videoMatch(songID: 1) == match)
            #expect(await finder.find(Songs.throughTheNight) == .video(match, cached: true))
            #expect(await log.count == 1)
            #expect(await log.requests.first?["q"] == "밤편지 아이유 (IU)")
        }
    }

    @Test func aCacheHitMakesNoRequestEvenWithoutAKey() async throws {
        let stored = VideoMatch(
            songID: 2, videoID: "tO4dxvguQDk", title: "Don't Know Why", channel: "NorahJonesVEVO",
            fetchedAt: date("2026-03-01T00:00:00Z"))
        try await FakeYouTube.run { base, log in
            let keyed = finder(base, cache: InMemoryVideoMatchCache([stored]))
            #expect(await keyed.find(Songs.dontKnowWhy) == .video(stored, cached: true))
            #expect(await log.count == 0)
        }
        let linksOnly = VideoFinder.linksOnly(cache: InMemoryVideoMatchCache([stored]))
        #expect(!linksOnly.canSearch)
        #expect(await linksOnly.find(Songs.dontKnowWhy) == .video(stored, cached: true))
        #expect(await linksOnly.find(Songs.throughTheNight) == .unavailable(.noKey))
    }

    @Test func aNegativeResultIsCachedForAWeekThenSearchedAgain() async throws {
        try await FakeYouTube.run { base, log in
            let clock = TestClock("2026-03-07T20:00:00-08:00")
            let finder = finder(base, clock: clock)
            #expect(await finder.find(Songs.spring) == .noMatch(cached: false))
            clock.advance(6 * 86_400)
            #expect(await finder.find(Songs.spring) == .noMatch(cached: true))
            #expect(await log.count == 1)
            clock.advance(86_400)
            #expect(await finder.find(Songs.spring) == .noMatch(cached: false))
            #expect(await log.count == 2)
            // A found video lasts much longer.
            _ = await finder.find(Songs.liveForever)
            clock.advance(179 * 86_400)
            #expect(await finder.find(Songs.liveForever).match?.videoID == "TDe1DqxwJoX")
            #expect(await log.count == 3)
        }
    }

    @Test func concurrentLookupsOfOneSongShareOneRequest() async throws {
        try await FakeYouTube.run(delay: .milliseconds(300)) { base, log in
            let finder = finder(base)
            let results = await withTaskGroup(of: VideoLookup.self) { group in
                for _ in 0..<12 { group.addTask { await finder.find(Songs.dontKnowWhy) } }
                return await group.reduce(into: [VideoLookup]()) { $0.append($1) }
            }
            #expect(results.count == 12)
            #expect(Set(results.map { $0.match?.videoID }) == ["tO4dxvguQDk"])
            #expect(await log.count == 1)
            #expect(await finder.searches == 1)
            // Different songs are not held up by each other.
            async let a = finder.find(Songs.throughTheNight)
            async let b = finder.find(Songs.liveForever)
            _ = await (a, b)
            #expect(await log.count == 3)
        }
    }

    @Test func theDailyBudgetStopsRequestsUntilPacificMidnight() async throws {
        try await FakeYouTube.run { base, log in
            let clock = TestClock("2026-03-07T20:00:00-08:00")
            let finder = finder(base, units: 200, clock: clock)
            #expect(await finder.find(Songs.throughTheNight).match != nil)
            #expect(await finder.find(Songs.dontKnowWhy).match != nil)
            #expect(await finder.unitsRemaining == 0)
            #expect(await finder.find(Songs.liveForever) == .unavailable(.budgetSpent))
            clock.set("2026-03-07T23:59:59-08:00")
            #expect(await finder.find(Songs.liveForever) == .unavailable(.budgetSpent))
            #expect(await log.count == 2)
            // Cached songs still play while the budget is spent.
            #expect(await finder.find(Songs.throughTheNight).match != nil)
            clock.set("2026-03-08T00:00:00-08:00")
            #expect(await finder.find(Songs.liveForever).match?.videoID == "TDe1DqxwJoX")
            #expect(await log.count == 3)
            #expect(await finder.unitsRemaining == 100)
        }
    }

    @Test func quotaExceededStopsCallsUntilTheReset() async throws {
        try await FakeYouTube.run { base, log in
            let clock = TestClock("2026-07-10T09:00:00-07:00")
            let finder = finder(base, key: "quota", clock: clock)
            #expect(await finder.find(Songs.throughTheNight) == .unavailable(.quotaExceeded))
            #expect(await finder.find(Songs.dontKnowWhy) == .unavailable(.quotaExceeded))
            clock.set("2026-07-10T23:00:00-07:00")
            #expect(await finder.find(Songs.liveForever) == .unavailable(.quotaExceeded))
            #expect(await log.count == 1)
            clock.set("2026-07-11T00:00:01-07:00")
            _ = await finder.find(Songs.liveForever)
            #expect(await log.count == 2)
        }
    }

    @Test func aRefusedKeyStopsCallsForGood() async throws {
        try await FakeYouTube.run { base, log in
            let clock = TestClock("2026-07-10T09:00:00-07:00")
            let finder = finder(base, key: "bad-key", clock: clock)
            #expect(await finder.find(Songs.throughTheNight) == .unavailable(.keyRejected))
            clock.advance(3 * 86_400)
            #expect(await finder.find(Songs.dontKnowWhy) == .unavailable(.keyRejected))
            #expect(await log.count == 1)
        }
    }

    @Test func serverErrorsTimeoutsAndBrokenAnswersBackOff() async throws {
        try await FakeYouTube.run { base, log in
            for key in ["boom", "slow", "garbage"] {
                let clock = TestClock("2026-07-10T09:00:00-07:00")
                let finder = finder(base, key: key, clock: clock, timeout: .seconds(1))
                let before = await log.count
                #expect(await finder.find(Songs.throughTheNight) == .unavailable(.failed), "\(key)")
                #expect(await finder.find(Songs.throughTheNight) == .unavailable(.coolingDown), "\(key)")
                clock.advance(59)
                #expect(await finder.find(Songs.dontKnowWhy) == .unavailable(.coolingDown), "\(key)")
                #expect(await log.count == before + 1, "\(key): one call, then the breaker")
                clock.advance(1)
                #expect(await finder.find(Songs.dontKnowWhy) == .unavailable(.failed), "\(key)")
                #expect(await log.count == before + 2, "\(key): after the cool-down it tries again")
            }
        }
    }

    @Test func anOldVideoPlaysWhenNoNewSearchCanBeMade() async throws {
        let old = VideoMatch(
            songID: 1, videoID: "oldVideo123", title: "밤편지", channel: "IU - Topic", fetchedAt: date("2025-01-01T00:00:00Z"))
        try await FakeYouTube.run { base, log in
            let finder = finder(base, key: "quota", cache: InMemoryVideoMatchCache([old]))
            #expect(await finder.find(Songs.throughTheNight) == .video(old, cached: true))
            #expect(await log.count == 1)  // it did try to refresh
        }
        let fresh = try await FakeYouTube.run { base, _ in
            await finder(base, cache: InMemoryVideoMatchCache([old])).find(Songs.throughTheNight)
        }
        #expect(fresh.match?.videoID == "n7i2Ps7mKzI")
    }

    @Test func aBrokenCacheStillFindsTheVideo() async throws {
        try await FakeYouTube.run { base, log in
            let finder = finder(base, cache: BrokenCache())
            #expect(await finder.find(Songs.dontKnowWhy).match?.videoID == "tO4dxvguQDk")
            #expect(await log.count == 1)
        }
    }

    @Test func songsWithoutAnIdAreNotSearched() async throws {
        try await FakeYouTube.run { base, log in
            var song = Songs.dontKnowWhy
            song.id = nil
            #expect(await finder(base).find(song) == .unavailable(.unknownSong))
            #expect(await log.count == 0)
        }
    }

    @Test func fallbackCodesAreStable() {
        #expect(VideoLookup.noMatch(cached: true).fallbackCode == "no_match")
        #expect(VideoLookup.unavailable(.budgetSpent).fallbackCode == "budget_spent")
        let match = VideoMatch(songID: 1, videoID: "a", title: nil, channel: nil, fetchedAt: Date())
        #expect(VideoLookup.video(match, cached: false).fallbackCode == nil)
    }
}
