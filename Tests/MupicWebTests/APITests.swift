import Foundation
import Hummingbird
import HummingbirdTesting
import MupicCore
import MupicStore
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

@Suite struct APITests {
    @Test func missingIdsAreJSON404s() async throws {
        let app = try await TestApp()
        try await app.test { client in
            for uri in ["/api/jobs/AAAAAAAAAAAAAAAA", "/api/jobs/x", "/api/recommendations/AAAAAAAAAAAAAAAA", "/api/nothing"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(uri)")
                let error = try #require(try response.json()["error"] as? [String: String])
                #expect(error["message"]?.isEmpty == false)
            }
            let english = try await client.get("/api/jobs/AAAAAAAAAAAAAAAA", headers: [.acceptLanguage: "en"])
            #expect((try english.json()["error"] as? [String: String])?["code"] == "job_not_found")
            #expect((try english.json()["error"] as? [String: String])?["message"]?.hasPrefix("This analysis") == true)
        }
    }

    @Test func theArchivePagesNewestFirstWithCursors() async throws {
        let app = try await TestApp()
        let start = Date(timeIntervalSince1970: 1_800_000_000.123)
        var expected: [String] = []
        for index in 0..<32 {
            let id = "photo\(String(format: "%04d", index))xyz"
            // Three photos share each timestamp, so the id breaks ties.
            let created = start.addingTimeInterval(Double(index / 3) * 0.001)
            try await app.storage.savePhoto(
                PhotoRecord(
                    id: id, createdAt: created, contentHash: String(repeating: "ab", count: 32), width: 10, height: 10,
                    isPublic: index % 5 != 4, deleteTokenHash: "x",
                    tags: [PhotoTagRecord(tagID: "night", score: 0.9, evidence: "test")]),
                job: JobRecord(id: "job\(id)", photoID: id, genreIDs: ["pop"], createdAt: created, updatedAt: created))
            if index % 5 != 4 { expected.append(id) }
        }
        let newestFirst = Array(expected.reversed())
        try await app.test { client in
            var seen: [String] = []
            var cursor: String?
            repeat {
                let uri = "/api/archive?limit=7" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.get(uri).json()
                let entries = try #require(page["entries"] as? [[String: Any]])
                #expect(entries.count <= 7)
                seen += entries.compactMap { $0["photoId"] as? String }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == newestFirst)

            let html = try await client.get("/archive").text
            // 26 public photos: the first page shows 24 and links to the rest.
            #expect(html.components(separatedBy: "class=\"archive-card card\"").count - 1 == 24)
            #expect(html.contains("rel=\"next\""))
            #expect(html.contains("#밤"))
            #expect(try await client.get("/api/archive?limit=0").status == .badRequest)
            #expect(try await client.get("/api/archive?limit=abc").status == .badRequest)
            #expect(try await client.get("/api/archive?cursor=bm9wZQ").status == .badRequest)
            #expect((try await client.get("/api/archive?limit=1000").json()["entries"] as? [Any])?.count == 26)
        }
    }

    @Test func aJobLeftByADeadProcessIsPickedUpByThePoll() async throws {
        let app = try await TestApp()
        // Stored as if another process accepted it and died before a worker woke: no signal, no hand-off.
        let photo = try app.services.intake.reader.read(TestImages.png())
        try app.services.photos.store(
            contentHash: photo.contentHash, full: photo.storedJPEG, thumbnail: photo.thumbnailJPEG)
        let now = Date()
        try await app.storage.savePhoto(
            PhotoRecord(
                id: "orphanPhoto0001", createdAt: now, contentHash: photo.contentHash, width: 64, height: 48,
                isPublic: true, takenAt: LocalDateTime(minutePrecision: "2008-10-22 16:28"), deleteTokenHash: "x"),
            job: JobRecord(id: "orphanJob000001", photoID: "orphanPhoto0001", genreIDs: ["ballad"], createdAt: now, updatedAt: now))
        try await app.test { client in
            let job = try await client.waitForJob("orphanJob000001")
            #expect(job["state"] as? String == "done")
        }
    }
}
