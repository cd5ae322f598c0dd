import Foundation
import MupicListenTestSupport
import Testing
@testable import MupicListen

/// The HTTP client against the local fake of the Data API: the request it sends, and how it
/// reads every kind of answer.
@Suite struct YouTubeSearchClientTests {
    /// Generous by default: the whole test suite shares two cores. Only the timeout test is short.
    func client(_ base: String, key: String = "test-key", timeout: Duration = .seconds(10)) -> YouTubeSearchClient {
        YouTubeSearchClient(settings: .init(apiKey: key, baseURL: base, timeout: timeout, regionCode: "KR"))
    }

    func failure(_ key: String, timeout: Duration = .seconds(10)) async throws -> YouTubeSearchError? {
        try await FakeYouTube.run { base, _ -> YouTubeSearchError? in
            do throws(YouTubeSearchError) {
                _ = try await client(base, key: key, timeout: timeout).search("밤편지 아이유")
                return nil
            } catch {
                return error
            }
        }
    }

    @Test func sendsTheDocumentedSearchRequestAndReadsTheAnswer() async throws {
        try await FakeYouTube.run { base, log in
            let found: [VideoCandidate] = try await client(base).search("Don't Know Why Norah Jones")
            #expect(found.count == 5)
            #expect(found[0].videoID == "tO4dxvguQDk")
            #expect(found[0].title == "Norah Jones - Don't Know Why (Official Music Video)")
            #expect(found[0].channelTitle == "NorahJonesVEVO")
            #expect(found[0].channelID == "UCRwbgt8YIUQr1BQ8bHajZ_A")
            #expect(found[0].liveBroadcastContent == "none")
            #expect(found[0].publishedAt == ISO8601DateFormatter().date(from: "2009-10-25T06:41:13Z"))
            let request = try #require(await log.requests.first)
            #expect(request["part"] == "snippet")
            #expect(request["type"] == "video")
            #expect(request["maxResults"] == "8")
            #expect(request["videoCategoryId"] == "10")
            #expect(request["videoEmbeddable"] == "true")
            #expect(request["regionCode"] == "KR")
            #expect(request["key"] == "test-key")
            #expect(request["q"] == "Don't Know Why Norah Jones")
        }
    }

    @Test func koreanQueriesArriveIntactAndUnknownOnesFindNothing() async throws {
        try await FakeYouTube.run { base, log in
            let korean = try await client(base).search("밤편지 아이유")
            #expect(korean.count == 8)
            let unknown = try await client(base).search("R&B #1 + you")
            #expect(unknown.isEmpty)
            #expect(await log.requests.map { $0["q"] } == ["밤편지 아이유", "R&B #1 + you"])
        }
    }

    @Test func quotaExceededIsRecognised() async throws {
        #expect(try await failure("quota") == .quotaExceeded)
    }

    @Test func aRefusedKeyIsRecognisedInEveryShape() async throws {
        #expect(try await failure("bad-key") == .keyRejected(reason: "API_KEY_INVALID"))
        #expect(try await failure("legacy-bad-key") == .keyRejected(reason: "keyInvalid"))
        #expect(try await failure("not-enabled") == .keyRejected(reason: "SERVICE_DISABLED"))
    }

    @Test func serverErrorsRateLimitsTimeoutsAndBrokenAnswersAreTransient() async throws {
        let boom = try await failure("boom")
        #expect(boom == .server(status: 500))
        #expect(try await failure("rate") == .rateLimited)
        let waited = try await FakeYouTube.run { base, _ in
            let started = ContinuousClock.now
            do throws(YouTubeSearchError) {
                _ = try await client(base, key: "slow", timeout: .seconds(1)).search("x")
                Issue.record("the 4 s answer should time out")
            } catch {
                #expect(error == .timeout)
            }
            return ContinuousClock.now - started
        }
        #expect(waited < .seconds(3.5), "the 1 s timeout should cut the 4 s answer short, waited \(waited)")
        guard case .malformed = try await failure("garbage") else {
            Issue.record("an HTML page should be a malformed answer")
            return
        }
        guard case .malformed(let reason) = try await failure("wrong-kind") else {
            Issue.record("another resource's JSON should be a malformed answer")
            return
        }
        #expect(reason.contains("youtube#videoListResponse"))
        #expect([boom, .rateLimited, .timeout].allSatisfy { $0?.isTransient == true })
        #expect(!YouTubeSearchError.quotaExceeded.isTransient)
    }

    @Test func anUnreachableServerIsATransportFailure() async throws {
        // A port nothing listens on: the fake server's, after it stopped.
        let base = try await FakeYouTube.run { base, _ in base }
        do throws(YouTubeSearchError) {
            _ = try await client(base).search("x")
            Issue.record("a closed port should fail")
        } catch {
            guard case .transport = error else {
                Issue.record("expected a transport failure, got \(error)")
                return
            }
        }
    }

    @Test func errorBodiesAreClassifiedWithoutTheServer() throws {
        func classify(_ status: Int, _ fixture: String) throws -> YouTubeSearchError {
            YouTubeSearchError.classify(status: status, body: try FakeYouTube.fixture(fixture))
        }
        #expect(try classify(403, "error-key-service-blocked") == .keyRejected(reason: "API_KEY_SERVICE_BLOCKED"))
        #expect(YouTubeSearchError.classify(status: 503, body: Data("Service Unavailable".utf8)) == .server(status: 503))
        #expect(YouTubeSearchError.classify(status: 429, body: Data()) == .rateLimited)
        #expect(
            YouTubeSearchError.classify(
                status: 400,
                body: Data(#"{"error":{"code":400,"message":"Invalid value","errors":[{"reason":"invalidSearchFilter"}]}}"#.utf8))
                == .rejected(status: 400, reason: "invalidSearchFilter"))
        // Descriptions say what to do and never carry the key.
        #expect(YouTubeSearchError.keyRejected(reason: "keyInvalid").description.contains("MUPIC_YOUTUBE_KEY"))
        #expect(YouTubeSearchError.quotaExceeded.description.contains("Pacific"))
    }

    @Test func theRequestURLEncodesTheQueryAndCanDropTheMusicCategory() {
        var settings = YouTubeSearchClient.Settings(apiKey: "k&y", baseURL: "http://127.0.0.1:9/youtube/v3/")
        settings.musicCategoryOnly = false
        let url = YouTubeSearchClient(settings: settings).url(for: "R&B #1")
        #expect(url == "http://127.0.0.1:9/youtube/v3/search?part=snippet&type=video&maxResults=8&videoEmbeddable=true&q=R%26B%20%231&key=k%26y")
    }
}
