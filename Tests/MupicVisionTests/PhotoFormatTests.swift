import Foundation
import MupicTestSupport
import Testing
@testable import MupicVision

@Suite struct PhotoFormatTests {
    @Test(arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], PhotoFormat.jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], .png),
        (Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8), .webp),
        ([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0], .heif),
        ([0, 0, 0, 0x1C] + Array("ftypavif".utf8) + [0, 0, 0, 0], .heif),
        ([0, 0, 0, 0x18] + Array("ftypmif1".utf8) + [0, 0, 0, 0], .heif),
    ] as [([UInt8], PhotoFormat)])
    func detectsByMagicBytes(bytes: [UInt8], format: PhotoFormat) {
        #expect(PhotoFormat.detect(bytes) == format)
    }

    @Test(arguments: [
        (Array("GIF89a".utf8) + [1, 0, 1, 0], "a GIF"),
        (Array("%PDF-1.7\n%âãÏÓ".utf8), "a PDF document"),
        (Array("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), "an SVG drawing"),
        (Array("just some notes about my holiday\n".utf8), "text"),
        ([0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [0, 0, 0, 0], "a video or other ISO media file"),
        ([0x00, 0x01, 0x02, 0x03, 0xFE], "an unknown binary format"),
    ] as [([UInt8], String)])
    func refusesOtherFilesNamingThemAndTheAcceptedFormats(bytes: [UInt8], kind: String) {
        #expect(PhotoFormat.detect(bytes) == nil)
        #expect(throws: PhotoError.unsupportedFormat(seen: kind)) { try PhotoDecoder().decode(Data(bytes)) }
        let message = PhotoError.unsupportedFormat(seen: kind).description
        #expect(message.contains(kind) && message.contains("JPEG, PNG, WebP or HEIC/AVIF"))
    }

    @Test func fileNameIsIrrelevantOnlyBytesCount() throws {
        let png = TestImages.png(width: 8, height: 6) { _, _ in [10, 200, 30, 255] }
        let misnamed = FileManager.default.temporaryDirectory.appendingPathComponent("holiday-\(UUID()).jpg")
        try Data(png).write(to: misnamed)
        defer { try? FileManager.default.removeItem(at: misnamed) }

        let photo = try PhotoDecoder().decode(try Data(contentsOf: misnamed))
        #expect(photo.format == .png)
        #expect(photo.size == PixelSize(width: 8, height: 6))
    }
}
