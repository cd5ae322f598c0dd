import Foundation
import MupicTestSupport
import MupicVision
import Testing
@testable import MupicWeb

/// The hand-over from upload to worker keeps what the tagger needs, within its byte bound.
@Suite struct PendingPhotosTests {
    @Test func keepsEntriesWithinItsBytesOldestLeavingFirst() throws {
        let photo = try PhotoDecoder().decode(try TestImages.firstShared(in: "mwd/rain"))
        let analysis = PendingPhotos.Entry.analysis(photo.analysis)
        let decoded = PendingPhotos.Entry.decoded(photo)
        // An analysis holds no JPEG: a fraction of the decoded photo.
        #expect(analysis.bytes < decoded.bytes)
        #expect(analysis.bytes >= photo.modelInputs.scene.count)

        let pending = PendingPhotos(capacityBytes: analysis.bytes * 3)
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
        let photo = try PhotoDecoder().decode(try TestImages.firstShared(in: "mwd/rain"))
        let pending = PendingPhotos(capacityBytes: 1024)
        pending.put(.decoded(photo), jobID: "big")
        #expect(pending.take(jobID: "big") == nil)
    }
}
