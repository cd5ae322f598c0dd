import Foundation
import MupicCore
import MupicTestSupport
import Testing
@testable import MupicVision

/// Expected values from shared/photos/README.md (read there with Pillow, so independent of libvips).
struct ExifCase: Sendable, CustomTestStringConvertible {
    let file: String
    let captured: String?
    let source: CaptureTimeSource?
    let position: (Double, Double)?
    let make: String?

    var testDescription: String { file }
}

@Suite struct ExifMetadataTests {
    static let cases: [ExifCase] = [
        ExifCase(file: "DSCN0010.jpg", captured: "2008-10-22 16:28:39", source: .original, position: (43.46745, 11.88513), make: "NIKON"),
        ExifCase(file: "DSCN0021.jpg", captured: "2008-10-22 16:38:20", source: .original, position: (43.46708, 11.88454), make: "NIKON"),
        ExifCase(file: "DSCN0042.jpg", captured: "2008-10-22 17:00:07", source: .original, position: (43.46446, 11.88148), make: "NIKON"),
        ExifCase(file: "iphone_hdr_NO.jpg", captured: "2015-04-10 20:12:23", source: .original, position: (40.44697, -3.72475), make: "Apple"),
        ExifCase(file: "87_OSError.jpg", captured: "2005-12-14 14:39:47", source: .original, position: (43.78559, 11.23462), make: "NIKON CORPORATION"),
        ExifCase(file: "Kodak_CX7530.jpg", captured: "2005-08-13 09:47:23", source: .original, position: (-0.3713, 36.05642), make: "EASTMAN KODAK COMPANY"),
        ExifCase(file: "canon_hdr_NO.jpg", captured: "2015-02-09 22:47:44", source: .original, position: nil, make: "Canon"),
        ExifCase(file: "67-0_length_string.jpg", captured: "2016-09-12 10:05:31", source: .modified, position: (51.025, 7.59194), make: "samsung"),
        ExifCase(file: "jolla.jpg", captured: "2014-09-21 16:00:56", source: .original, position: nil, make: "Jolla"),
        ExifCase(file: "Sony_HDR-HC3.jpg", captured: "2007-06-15 04:42:32", source: .original, position: nil, make: "SONY"),
        ExifCase(file: "fujifilm-dx10.jpg", captured: "2001-04-12 20:33:14", source: .original, position: nil, make: "FUJIFILM"),
        ExifCase(file: "kodak-dc240.jpg", captured: "1999-05-25 21:00:09", source: .original, position: nil, make: "EASTMAN KODAK COMPANY"),
        ExifCase(file: "nikon-e950.jpg", captured: "2001-04-06 11:51:40", source: .original, position: nil, make: "NIKON"),
        ExifCase(file: "sony-d700.jpg", captured: "1998-12-01 14:22:36", source: .original, position: nil, make: "SONY"),
        ExifCase(file: "olympus-d320l.jpg", captured: nil, source: nil, position: nil, make: nil),
    ]

    @Test(arguments: cases)
    func readsTheSampleTable(expected: ExifCase) throws {
        let photo = try PhotoDecoder().decode(try SharedPhotos.data("exif/\(expected.file)"))
        let metadata = photo.metadata
        #expect(metadata.capturedAt?.description == expected.captured)
        #expect(metadata.capturedAtSource == expected.source)
        #expect(metadata.cameraMake == expected.make)
        if let (latitude, longitude) = expected.position {
            let position = try #require(metadata.position)
            #expect(abs(position.latitude - latitude) < 1e-4)
            #expect(abs(position.longitude - longitude) < 1e-4)
        } else {
            #expect(metadata.position == nil)
        }
    }

    @Test func southAndWestAreNegative() throws {
        let kodak = try PhotoDecoder().decode(try SharedPhotos.data("exif/Kodak_CX7530.jpg"))
        #expect(try #require(kodak.metadata.latitude) < 0)
        #expect(kodak.metadata.position?.isSouthern == true)
        let iphone = try PhotoDecoder().decode(try SharedPhotos.data("exif/iphone_hdr_NO.jpg"))
        #expect(try #require(iphone.metadata.longitude) < 0)
        #expect(iphone.metadata.position?.isSouthern == false)
    }

    @Test func parsesLibvipsFieldStrings() {
        #expect(ExifText.raw("NIKON (NIKON, ASCII, 6 components, 6 bytes)") == "NIKON")
        #expect(ExifText.raw("DSC (2) (DSC (2), ASCII, 8 components, 8 bytes)") == "DSC (2)")
        #expect(ExifText.raw(" (, ASCII, 2 components, 2 bytes)") == "")
        #expect(ExifText.raw("2008:10:22 16:28:39") == "2008:10:22 16:28:39")
        #expect(
            ExifText.rationals("43/1 28/1 281400000/100000000 (43, 28, 2.81400000, Rational, 3 components, 24 bytes)")
                == [43, 28, 2.814])
        #expect(ExifText.rationals("43/0 28/1 0/1 (43, 28, 0, Rational, 3 components, 24 bytes)") == nil)
    }

    @Test func aCoordinateWithoutItsHemisphereLetterIsNoPosition() {
        let fields = [
            "exif-ifd3-GPSLatitude": "10/1 0/1 0/1 (10, 0, 0, Rational, 3 components, 24 bytes)",
            "exif-ifd3-GPSLongitude": "20/1 0/1 0/1 (20, 0, 0, Rational, 3 components, 24 bytes)",
            "exif-ifd3-GPSLongitudeRef": "E (E, ASCII, 2 components, 2 bytes)",
        ]
        #expect(PhotoMetadata(orientation: 1, field: { fields[$0] }).position == nil)
    }

    @Test(arguments: [
        ("2008:10:22 16:28:39", "2008-10-22 16:28:39"),
        ("2008-10-22 16:28", "2008-10-22 16:28:00"),
        ("0000:00:00 00:00:00", nil),
        ("    :  :     :  :  ", nil),
        ("2008:13:22 16:28:39", nil),
        ("", nil),
    ] as [(String, String?)])
    func parsesOrRejectsExifDates(text: String, expected: String?) {
        #expect(LocalDateTime(exif: text)?.description == expected)
    }

    @Test func anUnsetDateOriginalFallsBackToTheNextField() {
        let fields = [
            "exif-ifd2-DateTimeOriginal": "0000:00:00 00:00:00 (0000:00:00 00:00:00, ASCII, 20 components, 20 bytes)",
            "exif-ifd0-DateTime": "2016:09:12 10:05:31 (2016:09:12 10:05:31, ASCII, 20 components, 20 bytes)",
        ]
        let metadata = PhotoMetadata(orientation: 1, field: { fields[$0] })
        #expect(metadata.capturedAt?.description == "2016-09-12 10:05:31")
        #expect(metadata.capturedAtSource == .modified)
    }
}
