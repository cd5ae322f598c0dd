import Foundation
import MupicVision

/// The copy of a photo that is sent to the model: the stored JPEG (upright, no metadata)
/// scaled to a long edge of 768 px.
///
/// 768 px is what the models use anyway, at a fraction of the upload: OpenAI's `low` detail
/// looks at 512 px and `high` scales the short side to 768 px; Qwen2.5-VL spends one token per
/// 28×28 patch, so 768×576 costs about 560 tokens where the 2048 px stored copy would cost
/// about 4,000 (seconds more on a local GPU); LLaVA works at 336-672 px. The 480 px thumbnail
/// would lose the small cues (a café sign, a stage, rain streaks) that separate situations.
/// A 2048 px copy is also 3-5× the bytes to base64 and upload on every photo.
enum VisionChatImage {
    static let longEdge = 768
    static let quality = 85

    static func jpeg(for photo: StoredCopy) throws -> Data {
        guard photo.size.longEdge > longEdge else { return photo.jpeg }
        try VipsLibrary.start(threadsPerImage: 1)
        var shrink = 1
        while shrink < 8, photo.size.longEdge / (shrink * 2) >= longEdge { shrink *= 2 }
        let result = photo.jpeg.withUnsafeBytes { bytes in
            Result { () throws(PhotoError) -> [UInt8] in
                let image = try VipsImage.load(bytes, format: .jpeg, shrink: shrink)
                return try image.fitted(longEdge: longEdge).materialized().jpeg(quality: quality)
            }
        }
        return Data(try result.get())
    }
}
