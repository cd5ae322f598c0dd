import Hummingbird
import MupicApp
import MupicCore
import MupicStore

/// How much of when and where a photo was taken a viewer may read. Its uploader sees the tags'
/// reasons as stored and the capture time; anyone else (the photo may be in the public archive)
/// sees the reasons without time or position (`PublicEvidence`) and no capture time.
struct CaptureDetails: Sendable {
    private let isUploader: Bool
    /// What a reason drawn from the capture time says instead, in the viewer's language.
    private let withheld: String

    static func forViewer(
        of photo: PhotoRecord, request: Request, context: WebContext, strings: Strings
    ) -> CaptureDetails {
        CaptureDetails(
            isUploader: Uploader.isUploader(of: photo, request: request, context: context),
            withheld: strings.text("evidence_capture_time", context.language))
    }

    /// For the answer to the upload itself, which only its uploader receives.
    static let uploader = CaptureDetails(isUploader: true, withheld: "")

    func evidence(_ stored: String) -> String {
        isUploader ? stored : PublicEvidence.redact(stored, captureTime: withheld)
    }

    func takenAt(_ photo: PhotoRecord) -> String? {
        isUploader ? photo.takenAt?.minutePrecision : nil
    }
}
