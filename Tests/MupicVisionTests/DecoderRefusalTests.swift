import Foundation
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct DecoderRefusalTests {
    @Test func refusesEmptyUploads() {
        #expect(throws: PhotoError.empty) { try PhotoDecoder().decode(Data()) }
    }

    @Test func refusesFilesOverTheByteLimitBeforeLookingInside() throws {
        let oversized = Data([0xFF, 0xD8, 0xFF]) + Data(count: 20_000_001)
        #expect(throws: PhotoError.tooLarge(bytes: 20_000_004, limit: 20_000_000)) {
            try PhotoDecoder().decode(oversized)
        }
        let photo = try SharedPhotos.data("exif/DSCN0010.jpg")
        let strict = PhotoDecoder(limits: PhotoLimits(maxBytes: 100_000))
        #expect(throws: PhotoError.tooLarge(bytes: photo.count, limit: 100_000)) { try strict.decode(photo) }
        #expect(PhotoError.tooLarge(bytes: 25_300_000, limit: 20_000_000).description.contains("25.3 MB"))
    }

    @Test func refusesADecompressionBombFromItsHeaderAlone() {
        let bomb = TestImages.pngHeaderOnly(width: 10_000, height: 5_000)
        #expect(bomb.count < 100)
        let started = ContinuousClock.now
        #expect(throws: PhotoError.tooManyPixels(width: 10_000, height: 5_000, limit: 40_000_000)) {
            try PhotoDecoder().decode(Data(bomb))
        }
        // Decoding 50 megapixels takes seconds and 150 MB; the header check takes microseconds.
        #expect(ContinuousClock.now - started < .milliseconds(500))
    }

    @Test func refusesARealPhotoOverAPixelLimit() throws {
        let limits = PhotoLimits(maxPixels: 300_000)
        #expect(throws: PhotoError.tooManyPixels(width: 640, height: 480, limit: 300_000)) {
            try PhotoDecoder(limits: limits).decode(try SharedPhotos.data("exif/DSCN0010.jpg"))
        }
    }

    @Test func aFailedJPEGWithoutItsEndMarkerIsCalledTruncatedWhateverLibvipsSaid() throws {
        let photo = try SharedPhotos.data("exif/DSCN0010.jpg")
        #expect(photo.hasJPEGEndMarker)
        #expect((photo + Data([0, 0, 0])).hasJPEGEndMarker)
        let half = Data(photo.prefix(photo.count / 2))
        #expect(!half.hasJPEGEndMarker)
        // Another thread's failure may have taken libvips' shared error text.
        let explained = PhotoDecoder.explained(.unreadable(reason: "libvips gave no reason"), half, .jpeg)
        #expect(explained == .unreadable(reason: "the JPEG is truncated: it stops before its end marker (libvips gave no reason)"))
        // Complete files and other errors keep what they said.
        #expect(PhotoDecoder.explained(.unreadable(reason: "x"), photo, .jpeg) == .unreadable(reason: "x"))
        #expect(PhotoDecoder.explained(.empty, half, .jpeg) == .empty)
    }

    @Test(arguments: ["exif/iphone_hdr_NO.jpg", "exif/DSCN0010.jpg", "mwd/shine/shine125.jpg"])
    func refusesATruncatedJPEGInsteadOfReturningGrey(file: String) throws {
        let photo = try SharedPhotos.data(file)
        let half = photo.prefix(photo.count / 2)
        #expect {
            try PhotoDecoder().decode(Data(half))
        } throws: { error in
            guard case PhotoError.unreadable(let reason) = error else { return false }
            return reason.contains("Premature end") || reason.contains("truncated")
        }
    }

    @Test func refusesAPNGWhoseDataStopsShort() {
        let truncated = TestImages.pngHeaderOnly(width: 300, height: 200)
        #expect {
            try PhotoDecoder().decode(Data(truncated))
        } throws: { error in
            if case PhotoError.unreadable = error { return true }
            return false
        }
    }

    @Test func refusesGarbageBehindAJPEGSignature() {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
        var state: UInt32 = 12_345
        for _ in 0..<4_000 {
            state = state &* 1_103_515_245 &+ 12_345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        #expect {
            try PhotoDecoder().decode(Data(bytes))
        } throws: { error in
            if case PhotoError.unreadable = error { return true }
            return false
        }
    }

    @Test func unreadableMessagesSayWhatToDo() {
        let message = PhotoError.unreadable(reason: "VipsJpeg: Premature end of input file").description
        #expect(message.contains("Premature end") && message.contains("export it again"))
    }
}
