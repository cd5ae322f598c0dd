import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Refine: removing or adding a photo tag stores the new set and re-ranks the songs.
@Suite struct RefineTests {
    @Test func removingATagDropsItFromThePhotoAndFromEveryReason() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait()
            let page = try await client.get("/r/\(recommendation)")
            #expect(page.text.contains("name=\"remove\" value=\"rainy\""))
            #expect(page.text.contains("<option value=\"sunny\">"))

            let refined = try await client.postForm("/r/\(recommendation)/refine", ["remove": "rainy"])
            #expect(refined.status == .seeOther)
            let next = try #require(refined.headers[.location])
            #expect(next != "/r/\(recommendation)")
            let body = try await client.get("/api/recommendations/\(next.dropFirst(3))").json()
            #expect(Self.photoTags(body) == ["calm", "night", "walk"])
            #expect(Self.sharedTags(body).allSatisfy { !$0.contains("rainy") })
            // Gone from the tags; now offered back in the add list.
            let refinedPage = try await client.get(next).text
            #expect(!refinedPage.contains("name=\"remove\" value=\"rainy\""))
            #expect(refinedPage.contains("<option value=\"rainy\">#비오는날</option>"))
            #expect(try await app.storage.photo(id: photo)?.tags.map(\.tagID).sorted() == ["calm", "night", "walk"])
        }
    }

    @Test func theAPIAddsAndRemovesAndTheReasonsFollow() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait()
            let change = #"{"add": ["sunny", "summer", "upbeat"], "remove": ["walk", "night", "calm", "rainy"]}"#
            let response = try await client.execute(
                uri: "/api/recommendations/\(recommendation)/refine", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(string: change))
            #expect(response.status == .created)
            let body = try response.json()
            #expect(Self.photoTags(body) == ["summer", "sunny", "upbeat"])
            let shared = Self.sharedTags(body)
            #expect(shared.count == 5)
            #expect(shared.allSatisfy { $0.isSubset(of: ["sunny", "summer", "upbeat"]) })
            #expect(shared.first == ["sunny", "summer", "upbeat"])
            let reasons = (body["songs"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
            #expect(reasons.first?.contains("맑은날") == true)
            let stored = try await app.storage.photo(id: photo)
            #expect(stored?.tags.first { $0.tagID == "sunny" }?.evidence == "you added")
        }
    }

    @Test func badRefinementsAreRefusedAndChangeNothing() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let (recommendation, photo) = try await client.uploadAndWait()
            let uri = "/api/recommendations/\(recommendation)/refine"
            for (body, code) in [
                (#"{"add": ["not-a-tag"]}"#, "unknown_tag"), (#"{}"#, "refine_nothing"), ("nope", "bad_json"),
                (#"{"remove": ["walk", "night", "calm", "rainy"]}"#, "refine_no_tags"),
            ] {
                let response = try await client.execute(
                    uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
                #expect(response.status == .badRequest)
                #expect((try response.json()["error"] as? [String: Any])?["code"] as? String == code)
            }
            #expect(try await app.storage.photo(id: photo)?.tags.count == 4)
            #expect(try await app.storage.recommendations(photoID: photo).count == 1)
            #expect(try await client.postForm("/r/AAAAAAAAAAAA/refine", ["remove": "rainy"]).status == .notFound)
        }
    }

    static func photoTags(_ body: [String: Any]) -> [String] {
        ((body["photo"] as? [String: Any])?["tags"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.sorted()
    }

    static func sharedTags(_ body: [String: Any]) -> [Set<String>] {
        (body["songs"] as? [[String: Any]] ?? []).map { song in
            Set((song["sharedTags"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
    }
}
