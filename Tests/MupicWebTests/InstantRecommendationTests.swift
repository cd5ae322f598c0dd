import Foundation
import MupicCore
import MupicTestSupport
import MupicVision
import Testing
@testable import MupicApp

/// `mupic recommend --photo`: the server's decoding, tagger and pick, with nothing stored.
@Suite struct InstantRecommendationTests {
    @Test func aPhotoGetsFiveSongsForItsTagsAndNothingIsStored() async throws {
        let app = try await TestApp()
        defer { try? FileManager.default.removeItem(at: app.directory) }
        let answer = try await app.services.instant.recommend(
            photo: TestImages.png(), genres: ["ballad", "pop"], seed: 7)
        #expect(answer.tagging.tagSet.tags.map(\.id).sorted() == StubTagger().tagIDs.sorted())
        #expect(answer.recommendation.tags == answer.tagging.tagSet)
        #expect(answer.recommendation.songs.count == 5)
        let genres = Set(answer.recommendation.songs.compactMap { $0.song?.genreID })
        #expect(genres.isSubset(of: ["ballad", "pop"]))
        // The same seed, the same five songs.
        let again = try await app.services.instant.recommend(photo: TestImages.png(), genres: ["ballad", "pop"], seed: 7)
        #expect(again.recommendation.songs.map(\.songID) == answer.recommendation.songs.map(\.songID))
        #expect(try await app.counts() == (photos: 0, jobs: 0))
        #expect(app.photoFileCount() == 0)
    }

    @Test func aFileThatIsNotAPhotoIsRefusedAsSuch() async throws {
        let app = try await TestApp()
        defer { try? FileManager.default.removeItem(at: app.directory) }
        await #expect(throws: PhotoError.self) {
            _ = try await app.services.instant.recommend(photo: Data("%PDF-1.4 not a photo".utf8), genres: ["pop"])
        }
    }
}
