import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicListen
import MupicListenTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Listening on the result page: play buttons, the "listen on" menu, and the video endpoint,
/// with no key and with a key against the fake Data API.
@Suite struct ListenTests {
    func keyedApp(_ base: String, key: String = "echo") async throws -> TestApp {
        // Short only where the fake server is made to be slow; the suite shares two cores.
        try await TestApp(
            videos: VideoFinder(
                configuration: ListenConfiguration(apiKey: key, baseURL: base, timeout: .seconds(key == "slow" ? 1 : 10)),
                cache: InMemoryVideoMatchCache()))
    }

    /// The song ids of a result page, in rank order.
    func songIDs(_ html: String) -> [Int64] {
        html.components(separatedBy: "data-song-id=\"").dropFirst().compactMap { Int64($0.prefix { $0 != "\"" }) }
    }

    @Test func theResultPageOffersPlayAndListenOnButLoadsNothingFromYouTube() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, _) = try await client.uploadAndWait()
            let response = try await client.get("/r/\(recommendation)")
            let html = response.text
            let ids = songIDs(html)
            #expect(ids.count == 5)
            for id in ids { #expect(html.contains("data-video-url=\"/api/songs/\(id)/video\"")) }
            // Play buttons come with app.js; the menu works without it: six services per song.
            #expect(html.components(separatedBy: "class=\"play-song\"").count - 1 == 5)
            #expect(html.contains("id=\"play-all\""))
            #expect(html.components(separatedBy: "<details class=\"listen-menu\">").count - 1 == 5)
            for service in ["youtube", "youtube_music", "melon", "genie", "spotify", "apple_music"] {
                #expect(html.components(separatedBy: "data-service=\"\(service)\"").count - 1 == 5, "\(service)")
            }
            #expect(html.contains("https://www.melon.com/search/total/index.htm?q="))
            // No player, image or script from YouTube until someone presses play.
            #expect(!html.contains("<iframe"))
            #expect(!html.contains("youtube-nocookie.com/embed"))
            #expect(!html.contains("src=\"http"))
            #expect(html.contains("재생을 누르기 전에는 YouTube에 아무것도 요청하지 않아요"))
            let csp = try #require(response.headers[.contentSecurityPolicy])
            #expect(csp.contains("frame-src https://www.youtube-nocookie.com"))
            #expect(csp.contains("script-src 'self'") && csp.contains("default-src 'self'"))
            // The API names the same endpoint.
            let api = try await client.get("/api/recommendations/\(recommendation)").json()
            let songs = try #require(api["songs"] as? [[String: Any]])
            #expect(songs.compactMap { $0["videoUrl"] as? String } == ids.map { "/api/songs/\($0)/video" })
        }
    }

    @Test func withoutAKeyPressingPlayGetsTheLinksNotAnError() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let id = try #require(app.services.matcher.recommender?.index.songs.first?.id)
            let response = try await client.get("/api/songs/\(id)/video")
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["video"] is NSNull)
            #expect(body["fallback"] as? String == "no_key")
            #expect(body["message"] as? String == "지금은 여기서 바로 재생할 수 없어요. 다른 곳에서 들어 보세요.")
            let links = try #require(body["links"] as? [[String: Any]])
            #expect(links.compactMap { $0["name"] as? String } == ["YouTube", "YouTube Music", "Melon", "Genie", "Spotify", "Apple Music"])
            let english = try await client.get("/api/songs/\(id)/video", headers: [.acceptLanguage: "en"]).json()
            #expect(english["message"] as? String == "It cannot be played here right now. Listen to it on one of these instead.")
        }
    }

    @Test func withAKeyTheVideoIsFoundOnceAndRemembered() async throws {
        try await FakeYouTube.run { base, log in
            let app = try await keyedApp(base)
            try await app.test { client in
                let song = try #require(app.services.matcher.recommender?.index.songs.first)
                let id = try #require(song.id)
                let query = "\(song.title) \(song.artist)"
                let body = try await client.get("/api/songs/\(id)/video").json()
                let video = try #require(body["video"] as? [String: Any])
                #expect(video["id"] as? String == FakeYouTube.echoID(query))
                #expect(video["embedUrl"] as? String == "https://www.youtube-nocookie.com/embed/\(FakeYouTube.echoID(query))")
                #expect(video["title"] as? String == "\(query) (Official Audio)")
                #expect(body["fallback"] is NSNull)
                #expect(body["songId"] as? Int == Int(id))
                _ = try await client.get("/api/songs/\(id)/video")
                #expect(await log.count == 1)
                #expect(await log.requests.first?["q"] == query)
            }
        }
    }

    @Test func youtubeTroubleIsAFallbackNeverAnErrorPage() async throws {
        try await FakeYouTube.run { base, _ in
            for (key, fallback) in [
                ("quota", "quota_exceeded"), ("bad-key", "key_rejected"), ("boom", "failed"), ("slow", "failed"),
                ("garbage", "failed"),
            ] {
                let app = try await keyedApp(base, key: key)
                try await app.test { client in
                    let id = try #require(app.services.matcher.recommender?.index.songs.first?.id)
                    let response = try await client.get("/api/songs/\(id)/video")
                    #expect(response.status == .ok, "\(key)")
                    let body = try response.json()
                    #expect(body["fallback"] as? String == fallback, "\(key)")
                    #expect((body["links"] as? [Any])?.count == 6, "\(key)")
                }
            }
        }
    }

    @Test func unknownSongsAre404s() async throws {
        let app = try await TestApp()
        try await app.test { client in
            for path in ["/api/songs/999999/video", "/api/songs/abc/video", "/api/songs/-1/video"] {
                let response = try await client.get(path)
                #expect(response.status == .notFound, "\(path)")
                let error = try #require(try response.json()["error"] as? [String: Any])
                #expect(error["code"] as? String == "song_not_found")
            }
        }
    }

    @Test func theHomePageSaysWhenYouTubeIsContacted() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let korean = try await client.get("/")
            #expect(korean.text.contains("YouTube는 결과 화면에서 재생을 누를 때만 연결돼요."))
            let english = try await client.get("/?lang=en")
            #expect(english.text.contains("YouTube is contacted only when you press play on your result."))
        }
    }
}
