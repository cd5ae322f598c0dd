import Foundation
import MupicTestSupport

/// The web tests' shorthands over the shared synthetic images and sample photos.
extension TestImages {
    /// A small RGB PNG in one colour.
    static func png(width: Int = 64, height: Int = 48, rgb: [UInt8] = [90, 140, 210]) -> Data {
        Data(png(width: width, height: height, colour: { _, _ in rgb }))
    }

    /// A few hundred bytes that declare a huge image: refused from the header alone.
    static func pngDeclaring(width: Int, height: Int) -> Data {
        Data(pngHeaderOnly(width: width, height: height))
    }

    /// A real photo from the shared samples, e.g. `mwd/shine/shine10.jpg`.
    static func shared(_ relativePath: String) throws -> Data {
        try SharedPhotos.data(relativePath)
    }

    /// The first photo of a shared folder.
    static func firstShared(in folder: String) throws -> Data {
        try SharedPhotos.data(try SharedPhotos.files(in: folder)[0])
    }
}
