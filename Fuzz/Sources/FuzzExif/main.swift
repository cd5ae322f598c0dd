import FuzzSupport
import Foundation
import MupicCore
@testable import MupicVision

// Fuzzes what Mupic reads from a photo's EXIF block. The input is the block itself (a TIFF
// header and its IFDs, what follows "Exif\0\0" in a JPEG's APP1 segment). It is spliced into a
// tiny JPEG whose header libvips (libexif) reads, and PhotoMetadata parses the strings libvips
// makes of the fields, as an upload's are. The same bytes, split at NULs, are also handed to
// that parser as field strings directly, so the Swift text parsing is reached without going
// through libexif's formatting.

enum Fixture {
    /// An 8×8 grey baseline JPEG without metadata, from `vips black` and `vips jpegsave --strip`.
    static let tinyJPEG = [UInt8](Data(base64Encoded: "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDz+iiigD//2Q==")!)


    /// The fields PhotoMetadata asks for, in the order the direct strings are assigned to them.
    static let fieldNames = [
        "exif-ifd2-DateTimeOriginal", "exif-ifd2-DateTimeDigitized", "exif-ifd0-DateTime", "exif-ifd0-Make",
        "exif-ifd0-Model", "exif-ifd3-GPSLatitude", "exif-ifd3-GPSLatitudeRef", "exif-ifd3-GPSLongitude",
        "exif-ifd3-GPSLongitudeRef",
    ]
}

func jpeg(withExif payload: ArraySlice<UInt8>) -> [UInt8] {
    let exif = Array("Exif\0\0".utf8) + payload.prefix(Int(UInt16.max) - 8)
    let length = exif.count + 2
    return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + exif + Fixture.tinyJPEG.dropFirst(2)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let payload = FuzzInput(data, size).bytes
    try? VipsLibrary.start(threadsPerImage: 1)
    let file = jpeg(withExif: payload)
    file.withUnsafeBytes { bytes in
        guard let image = try? VipsImage.load(bytes, format: .jpeg) else { return }
        _ = PhotoMetadata(orientation: image.orientation, field: image.string)
    }

    let strings = payload.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    let fields = Dictionary(zip(Fixture.fieldNames, strings), uniquingKeysWith: { first, _ in first })
    let orientation = Int(payload.first ?? 1)
    _ = PhotoMetadata(orientation: orientation, field: { fields[$0] })
    for text in strings {
        _ = ExifText.rationals(text)
        _ = LocalDateTime(exif: ExifText.raw(text))
    }
    return 0
}

exit(runFuzzer(testOneInput))
