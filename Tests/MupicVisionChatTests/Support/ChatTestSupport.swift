import Foundation
import MupicTestSupport
import MupicVision
@testable import MupicVisionChat

/// Photos and taggers shared by the vision-chat suites.
enum ChatTest {
    /// A small synthetic photo: its stored copy is a real metadata-free JPEG, and it needs no files.
    static func smallPhoto() throws -> DecodedPhoto {
        let png = TestImages.png(width: 64, height: 48) { x, y in [UInt8(x * 4), UInt8(y * 5), 160] }
        return try PhotoDecoder().decode(Data(png))
    }

    /// Fast waits so that the retry cases take milliseconds.
    static let quickRetries = VisionChatRetryPolicy(defaultDelay: .milliseconds(20), maxRetryAfter: .seconds(2))

    static func tagger(
        _ url: String, model: String? = "test-vision", key: String? = "sk-test-key",
        timeout: Duration = .seconds(5)
    ) throws -> VisionChatPhotoTagger {
        VisionChatPhotoTagger(
            configuration: try VisionChatConfiguration(url: url, model: model, key: key, timeout: timeout),
            retryPolicy: quickRetries)
    }

    /// The vision tagger backed by the real offline tagger, as a server would wire it.
    static func withFallback(_ tagger: VisionChatPhotoTagger) -> FallbackPhotoTagger {
        FallbackPhotoTagger(primary: tagger, fallback: HeuristicPhotoTagger())
    }
}
