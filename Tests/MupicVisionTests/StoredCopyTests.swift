import Foundation
import MupicTestSupport
import Testing
@testable import MupicVision
import MupicCore

@Suite struct StoredCopyTests {
    /// Photos whose originals carry EXIF with GPS.
    static let gpsPhotos = ["DSCN0010.jpg", "iphone_hdr_NO.jpg", "87_OSError.jpg", "Kodak_CX7530.jpg", "67-0_length_string.jpg"]

    @Test(arguments: gpsPhotos)
    func storedCopiesCarryNoMetadata(file: String) throws {
        let original = try SharedPhotos.data("exif/\(file)")
        #expect(TestImages.hasExifSegment(Array(original)), "the original should have EXIF, or the test proves nothing")
        let photo = try PhotoDecoder().decode(original)

        for copy in [photo.storedJPEG, photo.thumbnailJPEG] {
            let bytes = Array(copy)
            #expect(PhotoFormat.detect(bytes) == .jpeg)
            #expect(!TestImages.hasExifSegment(bytes))
            #expect(bytes.firstRange(of: Array("Exif".utf8)) == nil)
            #expect(bytes.firstRange(of: Array("http://ns.adobe.com/xap".utf8)) == nil, "no XMP")
            let fields = try bytes.withUnsafeBytes { buffer in
                try VipsImage.load(buffer, format: .jpeg).fieldNames
            }
            #expect(!fields.contains { $0.hasPrefix("exif-") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") || $0.hasPrefix("icc") })
            let reread = try PhotoDecoder().decode(copy).metadata
            #expect(reread.position == nil && reread.capturedAt == nil && reread.cameraMake == nil)
        }
    }

    @Test func appliesTheOrientationOfARealPhoto() throws {
        // canon_hdr_NO.jpg is stored 2048×1536 with Orientation 6 (turn 90° clockwise).
        let photo = try PhotoDecoder().decode(try SharedPhotos.data("exif/canon_hdr_NO.jpg"))
        #expect(photo.metadata.orientation == 6)
        #expect(photo.size == PixelSize(width: 1536, height: 2048))
        #expect(photo.storedSize == PixelSize(width: 1536, height: 2048))
        #expect(photo.thumbnailSize == PixelSize(width: 360, height: 480))
    }

    /// A picture that is blue on the left and red on the right, tagged "turn 90° clockwise",
    /// must come out upright with the blue on top: the sky-blue share of the top third proves it.
    @Test func turnsTheActualPixels() throws {
        let sideways = TestImages.png(width: 90, height: 60) { x, _ in x < 45 ? [40, 110, 220, 255] : [200, 40, 30, 255] }
        let plain = try PhotoDecoder().decode(Data(sideways))
        #expect(plain.colour.skyBlue > 0.45 && plain.colour.skyBlue < 0.55)

        let rotated = try PhotoDecoder().decode(Data(TestImages.jpeg(Array(plain.storedJPEG), orientation: 6)))
        #expect(rotated.metadata.orientation == 6)
        #expect(rotated.size == PixelSize(width: 60, height: 90))
        #expect(rotated.colour.skyBlue > 0.95)

        let upsideDown = try PhotoDecoder().decode(Data(TestImages.jpeg(Array(plain.storedJPEG), orientation: 8)))
        #expect(upsideDown.size == PixelSize(width: 60, height: 90))
        #expect(upsideDown.colour.skyBlue < 0.05, "orientation 8 turns the other way, so red is on top")
    }

    @Test func scalesLargePhotosDownAndNeverUp() throws {
        let big = try PhotoDecoder().decode(try SharedPhotos.data("exif/iphone_hdr_NO.jpg"))
        #expect(big.size == PixelSize(width: 3264, height: 2448))
        #expect(big.storedSize.longEdge <= 2048 && big.storedSize.longEdge >= 1536)
        #expect(big.thumbnailSize.longEdge == 480)

        let small = try PhotoDecoder().decode(try SharedPhotos.data("exif/Kodak_CX7530.jpg"))
        #expect(small.storedSize == PixelSize(width: 100, height: 78))
        #expect(small.thumbnailSize == PixelSize(width: 100, height: 78))
    }

    @Test func flattensTransparencyOntoWhite() throws {
        let clear = TestImages.png(width: 20, height: 20) { _, _ in [0, 0, 0, 0] }
        #expect(try PhotoDecoder().decode(Data(clear)).colour.white == 1)
        let clearGrey = TestImages.png(width: 20, height: 20) { _, _ in [0, 0] }
        #expect(try PhotoDecoder().decode(Data(clearGrey)).colour.white == 1)
    }

    @Test func greyAndRGBWithoutAlphaBecomeSRGB() throws {
        let grey = TestImages.png(width: 30, height: 10) { x, _ in [x < 15 ? 0 : 255] }
        let greyPhoto = try PhotoDecoder().decode(Data(grey))
        #expect(abs(greyPhoto.colour.dark - 0.5) < 0.1 && abs(greyPhoto.colour.white - 0.5) < 0.1)
        #expect(greyPhoto.colour.saturation < 0.02)

        let red = TestImages.png(width: 30, height: 10) { _, _ in [220, 20, 20] }
        let redPhoto = try PhotoDecoder().decode(Data(red))
        #expect(redPhoto.colour.warmth > 0.7 && redPhoto.colour.saturation > 0.8)
    }

    @Test func theContentHashIsTheSHA256OfTheStoredCopy() throws {
        let photo = try PhotoDecoder().decode(try SharedPhotos.data("exif/DSCN0010.jpg"))
        #expect(photo.contentHash == SHA256.hex(Array(photo.storedJPEG)))
        #expect(photo.contentHash.count == 64)
        let again = try PhotoDecoder().decode(try SharedPhotos.data("exif/DSCN0010.jpg"))
        #expect(again.contentHash == photo.contentHash, "re-encoding is deterministic, so repeat uploads are found")
    }

    @Test(arguments: [(".webp", PhotoFormat.webp), (".heic", .heif), (".avif", .heif)])
    func decodesTheOtherAcceptedFormats(suffix: String, format: PhotoFormat) throws {
        // This test calls libvips itself before any decoder may have: start it (and its heif module) first.
        try VipsLibrary.start(threadsPerImage: 1)
        let png = TestImages.png(width: 64, height: 40) { x, y in [UInt8(x * 4), UInt8(y * 6), 128, 255] }
        let encoded = try Array(png).withUnsafeBytes { buffer in
            try VipsImage.load(buffer, format: .png).materialized().encoded(suffix: suffix)
        }
        #expect(PhotoFormat.detect(encoded) == format)
        let photo = try PhotoDecoder().decode(Data(encoded))
        #expect(photo.format == format)
        #expect(photo.size == PixelSize(width: 64, height: 40))
        #expect(PhotoFormat.detect(Array(photo.storedJPEG)) == .jpeg)
    }
}
