import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicTestSupport
import MupicStore
import Testing
@testable import MupicApp
@testable import MupicWeb

/// 👍 / 👎 on the result page, what they do to later picks, "more like this", and the language filter.
@Suite struct FeedbackTests {
    @Test func aDislikedSongNeverComesBackForThatPersonOnAnyPhoto() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let mina = try await client.signUp("mina")
            let first = try await client.upload(as: mina)
            let songs = try await client.songIDs(first.recommendation)
            let disliked = songs[0]  // the most similar song: every new draw would otherwise start with it

            let page = try await client.get("/r/\(first.recommendation)", headers: mina.headers).text
            #expect(page.contains("class=\"feedback-form\"") && page.contains("value=\"\(mina.csrf)\""))
            #expect(!(try await client.get("/r/\(first.recommendation)").text.contains("class=\"feedback-form\"")))

            let feedback = "/r/\(first.recommendation)/feedback"
            // Anonymous feedback is refused (see README); a forged form too.
            #expect(try await client.postForm(feedback, ["song": "\(disliked)", "verdict": "dislike"]).status == .unauthorized)
            #expect(try await client.postForm(
                feedback, ["csrf": "forged", "song": "\(disliked)", "verdict": "dislike"], cookie: mina.cookie).status == .forbidden)
            #expect(try await client.postForm(
                feedback, ["csrf": mina.csrf, "song": "999999", "verdict": "dislike"], cookie: mina.cookie).status == .notFound)
            let form = try await client.postForm(
                feedback, ["csrf": mina.csrf, "song": "\(disliked)", "verdict": "dislike"], cookie: mina.cookie)
            #expect(form.status == .seeOther && form.headers[.location] == "/r/\(first.recommendation)#song-\(disliked)")
            let pressed = try await client.get("/r/\(first.recommendation)", headers: mina.headers).text
            #expect(pressed.contains("value=\"dislike\" aria-pressed=\"true\""))

            // Across regenerations of this photo and across a new photo with the same tags.
            let again = try await client.nextRecommendation("/r/\(first.recommendation)/regenerate", [:], as: mina)
            #expect(!(try await client.songIDs(again).contains(disliked)))
            let second = try await client.upload(as: mina, rgb: [10, 200, 10])
            #expect(!(try await client.songIDs(second.recommendation).contains(disliked)))
            // Someone else still gets it: feedback is per person.
            let anonymous = try await client.upload(as: nil, rgb: [10, 200, 10])
            #expect(try await client.songIDs(anonymous.recommendation).contains(disliked))
        }
    }

    @Test func theScriptGetsJSONAndTheSameVerdictTakesItBack() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let mina = try await client.signUp("mina")
            let result = try await client.upload(as: mina)
            let song = try await client.songIDs(result.recommendation)[2]
            let uri = "/r/\(result.recommendation)/feedback"
            let fields = ["csrf": mina.csrf, "song": "\(song)", "verdict": "like"]
            let liked = try await client.postForm(uri, fields, cookie: mina.cookie, headers: [.accept: "application/json"])
            #expect(liked.status == .ok)
            #expect(try liked.json()["verdict"] as? String == "like")
            let accountID = try #require(try await app.storage.account(usernameKey: "mina")?.id)
            #expect(try await app.storage.feedback(accountID: accountID).map(\.verdict) == [.like])
            let undone = try await client.postForm(uri, fields, cookie: mina.cookie, headers: [.accept: "application/json"])
            #expect(try undone.json()["verdict"] == nil)
            #expect(try await app.storage.feedback(accountID: accountID).isEmpty)
            let bad = try await client.postForm(uri, ["csrf": mina.csrf, "song": "\(song)", "verdict": "meh"], cookie: mina.cookie)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func likesAreTheProfileTheRecommenderUses() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let mina = try await client.signUp("mina")
            let result = try await client.upload(as: mina)
            let songs = try await client.songIDs(result.recommendation)
            for (song, verdict) in [(songs[1], "like"), (songs[3], "dislike")] {
                _ = try await client.postForm(
                    "/r/\(result.recommendation)/feedback", ["csrf": mina.csrf, "song": "\(song)", "verdict": verdict],
                    cookie: mina.cookie)
            }
            let accountID = try #require(try await app.storage.account(usernameKey: "mina")?.id)
            let profile = try await app.services.feedback.profile(accountID: accountID)
            #expect(profile.liked.map(\.songID) == [songs[1]])
            #expect(profile.disliked == [songs[3]])
            #expect(try await app.services.feedback.profile(accountID: nil) == .empty)
        }
    }

    @Test func theReasonSaysWhenALikedSongBroughtASongIn() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let result = try await client.upload(as: nil)
            var moved = try #require(try await app.storage.recommendation(id: result.recommendation))
            let liked = try #require(moved.songs[1].song)
            moved.id = "moved-by-a-like-0001"
            moved.createdAt = moved.createdAt.addingTimeInterval(1)
            moved.songs[0].likedSongID = moved.songs[1].songID
            try await app.storage.saveRecommendation(moved)
            let korean = try await client.get("/r/\(moved.id)").text
            #expect(korean.contains("좋아요한 &#39;\(liked.title)&#39;(\(liked.artist))와 비슷해요")
                || korean.contains("좋아요한 '\(liked.title)'(\(liked.artist))와 비슷해요"))
            #expect(korean.components(separatedBy: "feedback-note").count - 1 == 1)
            let english = try await client.get("/r/\(moved.id)?lang=en").text
            #expect(english.contains("you liked “\(liked.title)” (\(liked.artist))"))
            let api = try await client.get("/api/recommendations/\(moved.id)").json()
            let songs = try #require(api["songs"] as? [[String: Any]])
            #expect((songs[0]["likedSongId"] as? NSNumber)?.int64Value == moved.songs[1].songID)
        }
    }

    @Test func moreLikeThisIsANewDrawWithoutRepeats() async throws {
        let app = try await TestApp(limits: AccountSupport.limits)
        try await app.test { client in
            let result = try await client.upload(as: nil)
            let first = try await client.songIDs(result.recommendation)
            let page = try await client.get("/r/\(result.recommendation)").text
            #expect(page.contains("action=\"/r/\(result.recommendation)/more\""))
            let more = try await client.nextRecommendation(
                "/r/\(result.recommendation)/more", ["song": "\(first[4])"], as: nil)
            let next = try await client.songIDs(more)
            #expect(next.count == 5 && Set(next).isDisjoint(with: first))
            // Only a song of that list can be the seed.
            let stranger = try await client.postForm("/r/\(result.recommendation)/more", ["song": "999999"])
            #expect(stranger.status == .notFound)
        }
    }

    @Test func theLanguageFilterHoldsForEveryPlaylistOfThePhoto() async throws {
        let app = try await TestApp(limits: AccountSupport.limits, catalog: AccountSupport.mixedLanguageCatalog)
        try await app.test { client in
            let korean = Set(AccountSupport.mixedLanguageCatalog.filter { $0.language == "ko" }.map(\.dedupKey))
            let catalog = try await app.storage.catalog(mode: SongText().modeKey).songs
            let koreanIDs = Set(catalog.filter { korean.contains($0.dedupKey) }.compactMap(\.id))

            let result = try await client.upload(
                as: nil, genres: ["ballad", "pop", "indie"], language: "ko")
            #expect(try await client.songIDs(result.recommendation).allSatisfy { koreanIDs.contains($0) })
            let api = try await client.get("/api/recommendations/\(result.recommendation)").json()
            #expect(api["language"] as? String == "ko")
            #expect(try await client.get("/r/\(result.recommendation)").text.contains("국내 노래만"))
            let again = try await client.nextRecommendation("/r/\(result.recommendation)/regenerate", [:], as: nil)
            #expect(try await client.songIDs(again).allSatisfy { koreanIDs.contains($0) })

            let international = try await client.upload(as: nil, rgb: [1, 2, 3], genres: ["ballad", "pop"], language: "intl")
            #expect(try await client.songIDs(international.recommendation).allSatisfy { !koreanIDs.contains($0) })

            var body = MultipartBody.upload(photo: TestImages.png(), filename: "p.png")
            body.field("language", "klingon")
            let refused = try await client.post("/upload", body)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("노래 언어"))
            let home = try await client.get("/").text
            #expect(home.contains("name=\"language\" value=\"ko\""))
        }
    }
}
