import Foundation
import MupicTestSupport
import MupicVision
import Testing
@testable import MupicApp

/// The hand-over from upload to worker keeps what the tagger needs, within its byte bound.
@Suite struct PendingPhotosTests {
    @Test func keepsEntriesWithinItsBytesOldestLeavingFirst() throws {
        let photo = try PhotoDecoder().decode(try SharedPhotos.data(try SharedPhotos.files(in: "mwd/rain")[0]))
        let analysis = TaggerPhoto(photo).keeping(.analysis)
        let decoded = TaggerPhoto(photo)
        // An analysis holds no JPEG: a fraction of the decoded photo.
        #expect(analysis.approximateBytes < decoded.approximateBytes)
        #expect(analysis.approximateBytes >= photo.modelInputs.scene.count)

        let pending = PendingPhotos(capacityBytes: analysis.approximateBytes * 3)
        for index in 0..<5 { pending.put(analysis, jobID: "job\(index)") }
        #expect(pending.count == 3)
        #expect(pending.take(jobID: "job0") == nil)
        #expect(pending.take(jobID: "job1") == nil)
        #expect(pending.take(jobID: "job4")?.analysis == photo.analysis)
        #expect(pending.take(jobID: "job4") == nil)
        // Taking freed its bytes: two more fit beside job2 and job3 without evicting them.
        pending.put(analysis, jobID: "job5")
        #expect(pending.take(jobID: "job2") != nil)
        #expect(pending.take(jobID: "job3") != nil)
        #expect(pending.take(jobID: "job5") != nil)
        #expect(pending.count == 0)
    }

    @Test func aDecodedPhotoLargerThanTheBoundIsNotKept() throws {
        let photo = try PhotoDecoder().decode(try SharedPhotos.data(try SharedPhotos.files(in: "mwd/rain")[0]))
        let pending = PendingPhotos(capacityBytes: 1024)
        pending.put(TaggerPhoto(photo), jobID: "big")
        #expect(pending.take(jobID: "big") == nil)
    }
}
