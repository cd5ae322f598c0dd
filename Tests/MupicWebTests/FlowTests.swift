import Foundation
import Hummingbird
import HummingbirdTesting
import MupicStore
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Upload → job → result → regenerate → archive → delete, with the job workers running.
@Suite struct FlowTests {
    @Test func aPhotoBecomesFiveSongsThenAnotherDrawThenGoesAway() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let photo = try TestImages.firstShared(in: "mwd/rain")
            let upload = try await client.post("/upload", .upload(photo: photo, genres: ["ballad", "pop"]))
            #expect(upload.status == .seeOther)
            let jobPath = try #require(upload.headers[.location])
            #expect(jobPath.hasPrefix("/jobs/"))
            let jobID = String(jobPath.dropFirst("/jobs/".count))

            // The loading page shows the four stages and where to poll.
            let loading = try await client.get(jobPath)
            if loading.status == .ok {
                for stage in ["사진 읽기", "태그 분석", "노래 매칭"] { #expect(loading.text.contains(stage)) }
                #expect(loading.text.contains("data-status-url=\"/api/jobs/\(jobID)\""))
            } else {
                #expect(loading.status == .seeOther)
            }

            let job = try await client.waitForJob(jobID)
            #expect(job["state"] as? String == "done")
            let resultURL = try #require(job["resultUrl"] as? String)
            // Reloading the loading page of a finished job goes to its result.
            #expect(try await client.get(jobPath).headers[.location] == resultURL)

            let result = try await client.get(resultURL)
            #expect(result.status == .ok)
            let html = result.text
            #expect(html.components(separatedBy: "class=\"song card\"").count - 1 == 5)
            #expect(html.contains("#비오는날") && html.contains("#잔잔한") && html.contains("#밤"))
            // Each tag's evidence is on the page, one reason per line, escaped.
            #expect(html.contains("이 태그가 붙은 이유"))
            #expect(html.contains("<span class=\"reason\">← stub: rainy 0.80</span><span class=\"reason\">← second &lt;reason&gt;</span>"))
            #expect(html.contains("https://www.youtube.com/results?search_query="))
            #expect(html.contains("target=\"_blank\""))
            #expect(html.contains("사진과 같은 분위기"))
            #expect(html.contains("%"))
            // Only the uploader's browser gets the delete link.
            #expect(!html.contains("/delete/"))
            let (cookieName, token) = try #require(upload.cookie(prefix: "del_"))
            let own = try await client.get(resultURL, headers: [.cookie: "\(cookieName)=\(token)"])
            #expect(own.text.contains("/delete/"))

            // The API agrees with the page.
            let recommendationID = String(resultURL.dropFirst("/r/".count))
            let api = try await client.get("/api/recommendations/\(recommendationID)").json()
            let songs = try #require(api["songs"] as? [[String: Any]])
            #expect(songs.count == 5)
            #expect(Set(songs.compactMap { $0["genre"] as? String }).isSubset(of: ["ballad", "pop"]))
            let firstIDs = Set(songs.compactMap { $0["songId"] as? Int })
            let photoInfo = try #require(api["photo"] as? [String: Any])
            let photoURL = try #require(photoInfo["url"] as? String)
            let thumbURL = try #require(photoInfo["thumbnailUrl"] as? String)

            // Regenerate: a new draw with none of the songs already shown.
            let regenerated = try await client.execute(uri: resultURL + "/regenerate", method: .post)
            #expect(regenerated.status == .seeOther)
            let secondURL = try #require(regenerated.headers[.location])
            #expect(secondURL != resultURL)
            let second = try await client.get("/api/recommendations/\(secondURL.dropFirst(3))").json()
            let secondIDs = Set((second["songs"] as? [[String: Any]] ?? []).compactMap { $0["songId"] as? Int })
            #expect(!secondIDs.isEmpty)
            #expect(secondIDs.isDisjoint(with: firstIDs))

            // Keep drawing until the two genres' 16 songs run out: then a notice, never a repeat.
            var seen = firstIDs.union(secondIDs)
            var current = secondURL
            for _ in 0..<5 {
                let next = try await client.execute(uri: current + "/regenerate", method: .post)
                let location = try #require(next.headers[.location])
                if location.contains("notice=") {
                    let page = try await client.get(location)
                    #expect(page.text.contains("새 노래를 모두 보여 드렸어요"))
                    break
                }
                let ids = Set(
                    (try await client.get("/api/recommendations/\(location.dropFirst(3))").json()["songs"] as? [[String: Any]] ?? [])
                        .compactMap { $0["songId"] as? Int })
                #expect(ids.isDisjoint(with: seen))
                seen.formUnion(ids)
                current = location
            }
            #expect(seen.count == 16)

            // The photo and its thumbnail are served as JPEG.
            let full = try await client.get(photoURL)
            #expect(full.status == .ok && full.headers[.contentType] == "image/jpeg")
            #expect(Array(full.body.readableBytesView.prefix(2)) == [0xFF, 0xD8])
            #expect(try await client.get(thumbURL).status == .ok)

            // The archive lists it with its hashtags and playlist.
            let archive = try await client.get("/archive")
            #expect(archive.text.contains(thumbURL))
            #expect(archive.text.contains("#비오는날"))
            let archiveAPI = try await client.get("/api/archive").json()
            #expect((archiveAPI["entries"] as? [[String: Any]])?.count == 1)

            // Delete with the uploader's token (`DeleteTokenTests` for the cookie): everything goes.
            let photoID = try #require(photoInfo["id"] as? String)
            let confirmation = try await client.get("/delete/\(photoID)", headers: [.cookie: "\(cookieName)=\(token)"])
            #expect(confirmation.text.contains("action=\"/delete/\(photoID)\"") && !confirmation.text.contains(token))
            let wrong = try await client.execute(
                uri: "/delete/\(photoID)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=wrong"))
            #expect(wrong.status == .forbidden)
            let deleted = try await client.execute(
                uri: "/delete/\(photoID)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(token)"))
            #expect(deleted.status == .ok)
            #expect(deleted.text.contains("삭제했어요"))
            #expect(try await client.get(resultURL).status == .notFound)
            #expect(try await client.get(photoURL).status == .notFound)
            #expect(try await client.get("/api/jobs/\(jobID)").status == .notFound)
            #expect(app.photoFileCount() == 0)
        }
    }

    @Test func theSiteScriptUploadsThroughTheAPI() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.post("/api/recommendations", .upload(photo: TestImages.png(), genres: ["indie"]))
            #expect(response.status == .accepted)
            let body = try response.json()
            let jobID = try #require(body["jobId"] as? String)
            #expect(body["statusUrl"] as? String == "/api/jobs/\(jobID)")
            #expect(body["pageUrl"] as? String == "/jobs/\(jobID)")
            #expect((body["deleteToken"] as? String)?.count ?? 0 >= 32)
            let job = try await client.waitForJob(jobID)
            #expect(job["state"] as? String == "done")
            #expect(job["stage"] as? String == "done")
            let recommendationID = try #require(job["recommendationId"] as? String)
            let result = try await client.get("/api/recommendations/\(recommendationID)?lang=en").json()
            let songs = try #require(result["songs"] as? [[String: Any]])
            #expect(songs.count == 5)
            #expect(songs.allSatisfy { $0["genre"] as? String == "indie" })
            // The top song shares the photo's tags; a drawn one may only be close in mood.
            #expect((songs.first?["reason"] as? String)?.hasSuffix("match your photo") == true)
            #expect(songs.allSatisfy { !(($0["reason"] as? String) ?? "").isEmpty })
            #expect((songs.first?["similarity"] as? Double ?? 0) > 0.5)
            let tags = try #require((result["photo"] as? [String: Any])?["tags"] as? [[String: Any]])
            #expect(Set(tags.compactMap { $0["id"] as? String }) == ["walk", "night", "calm", "rainy"])
        }
    }

    @Test func privatePhotosStayOutOfTheArchiveButKeepTheirLink() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let upload = try await client.post("/api/recommendations", .upload(photo: TestImages.png(), visibility: "private"))
            let jobID = try #require(try upload.json()["jobId"] as? String)
            let job = try await client.waitForJob(jobID)
            let resultURL = try #require(job["resultUrl"] as? String)
            let page = try await client.get(resultURL)
            #expect(page.status == .ok)
            #expect(page.text.contains("비공개"))
            let archive = try await client.get("/api/archive").json()
            #expect((archive["entries"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func hiddenPhotosAreGoneFromEveryPage() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let upload = try await client.post("/api/recommendations", .upload(photo: TestImages.png()))
            let body = try upload.json()
            let job = try await client.waitForJob(try #require(body["jobId"] as? String))
            let resultURL = try #require(job["resultUrl"] as? String)
            let photoID = try #require(body["photoId"] as? String)
            try await app.storage.setHidden(true, photoID: photoID)
            #expect(try await client.get(resultURL).status == .notFound)
            #expect(try await client.get("/photos/\(photoID).jpg").status == .notFound)
            #expect(try await client.get("/photos/\(photoID)/thumb.jpg").status == .notFound)
            #expect(try await client.get("/api/recommendations/\(resultURL.dropFirst(3))").status == .notFound)
            #expect(!(try await client.get("/archive").text.contains(photoID)))
        }
    }

    @Test func aFailedTaggerEndsTheJobWithAMessage() async throws {
        let app = try await TestApp(tagger: FailingTagger())
        try await app.test { client in
            let upload = try await client.post("/upload", .upload(photo: TestImages.png()))
            let jobPath = try #require(upload.headers[.location])
            let job = try await client.waitForJob(String(jobPath.dropFirst("/jobs/".count)))
            #expect(job["state"] as? String == "failed")
            let error = try #require(job["error"] as? [String: String])
            #expect(error["code"] == "tagging_failed")
            let page = try await client.get(jobPath)
            #expect(page.status == .ok)
            #expect(page.text.contains("사진의 분위기를 읽지 못했어요"))
            #expect(page.text.contains("다른 사진으로 다시 하기"))
        }
    }

    @Test func manyUploadsAtOnceAllFinish() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let jobIDs = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        let response = try await client.post(
                            "/api/recommendations",
                            .upload(photo: TestImages.png(rgb: [UInt8(index * 20), 100, 200]), genres: ["pop"]))
                        return try #require(try response.json()["jobId"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for id in jobIDs {
                #expect(try await client.waitForJob(id)["state"] as? String == "done")
            }
        }
    }
}
