import Foundation
import Hummingbird
import HummingbirdTesting
import MupicML
import MupicVision
import MupicTestSupport
import Testing
@testable import MupicApp
@testable import MupicWeb

/// The whole pipeline as `mupic serve` runs it: a real photo with EXIF, the offline tagger,
/// all-MiniLM-L6-v2, over a real socket.
@Suite struct RealModelTests {
    /// `$MUPIC_MODEL_DIR`, else `models/all-MiniLM-L6-v2` in the package; a missing model fails with what to do.
    static func encoder() throws -> SentenceEncoder {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let directory = ModelDirectory.defaultURL(environment: ProcessInfo.processInfo.environment, currentDirectory: packageRoot)
        do {
            return try SentenceEncoder(modelDirectory: directory)
        } catch {
            throw ModelMissing(
                description: "all-MiniLM-L6-v2 not loadable from \(directory.path): \(error); "
                    + "run scripts/fetch-model.sh or set MUPIC_MODEL_DIR")
        }
    }

    struct ModelMissing: Error, CustomStringConvertible {
        let description: String
    }

    @Test func anEXIFPhotoIsTaggedByTimeAndSeasonAndMatchedWithTheRealModel() async throws {
        let app = try await TestApp(tagger: HeuristicPhotoTagger(), embedder: try Self.encoder())
        let photo = try TestImages.shared("exif/DSCN0010.jpg")
        try await app.test(.live) { client in
            let upload = try await client.post("/api/recommendations", .upload(photo: photo, genres: ["ballad", "indie", "pop"]))
            #expect(upload.status == .accepted)
            let body = try upload.json()
            let job = try await client.waitForJob(try #require(body["jobId"] as? String))
            #expect(job["state"] as? String == "done")
            let resultURL = try #require(job["resultUrl"] as? String)
            // The uploader's browser: only it is shown the capture time (`CapturePrivacyTests`).
            let (cookieName, token) = try #require(upload.cookie(prefix: "del_"))
            let page = try await client.get(resultURL, headers: [.cookie: "\(cookieName)=\(token)"])
            #expect(page.status == .ok)
            // Taken 2008-10-22 16:28 at latitude 43 N: afternoon, autumn.
            #expect(page.text.contains("#오후"))
            #expect(page.text.contains("#가을"))
            #expect(page.text.contains("2008-10-22 16:28"))
            #expect(page.text.components(separatedBy: "class=\"song card\"").count - 1 == 5)

            // The stored copy has no EXIF (so no GPS): it was re-encoded.
            let api = try await client.get("/api/recommendations/\(resultURL.dropFirst(3))").json()
            let photoURL = try #require((api["photo"] as? [String: Any])?["url"] as? String)
            let stored = try await client.get(photoURL)
            #expect(stored.status == .ok)
            let bytes = Array(stored.body.readableBytesView)
            #expect(bytes.starts(with: [0xFF, 0xD8]))
            #expect(!Data(bytes).contains(Data("Exif".utf8)))
            #expect(!Data(bytes).contains(Data("GPS".utf8)))
        }
    }

    @Test func theImageModelsTagASeaPhotoAndThePageSaysWhy() async throws {
        let tagger = try TaggerSettings(imageModels: SharedImageModels.directory).makeTagger()
        #expect(tagger is ModelPhotoTagger)
        let app = try await TestApp(tagger: tagger, embedder: try Self.encoder())
        let photo = try TestImages.firstShared(in: "intel/sea")
        try await app.test(.live) { client in
            let upload = try await client.post("/api/recommendations", .upload(photo: photo, genres: ["pop"]))
            #expect(upload.status == .accepted)
            let job = try await client.waitForJob(try #require(try upload.json()["jobId"] as? String))
            #expect(job["state"] as? String == "done")
            let page = try await client.get(try #require(job["resultUrl"] as? String))
            #expect(page.text.contains("#해변") || page.text.contains("#휴가/여행"))
            #expect(page.text.contains("← scene: "))
            #expect(!page.text.contains(HeuristicPhotoTagger.noModels))
        }
    }
}
