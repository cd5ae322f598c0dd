public import MupicVision
/// Why a share card could not be drawn.
public enum ShareCardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stored photo did not decode.
    case unreadablePhoto(PhotoError)
    /// libvips failed while drawing (text, layers, PNG).
    case drawingFailed(step: String, reason: String)

    public var description: String {
        switch self {
        case .unreadablePhoto(let error):
            "the stored photo could not be read for the share card (\(error)); check the photo directory "
                + "and that the file for this photo is intact"
        case .drawingFailed(let step, let reason):
            "drawing the share card failed at \(step) (\(reason)); check that libvips was built with Pango "
                + "(vips text) and that fonts-noto-cjk is installed (fc-list :lang=ko lists Noto Sans CJK KR)"
        }
    }
}
