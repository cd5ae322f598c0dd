import CVipsShim
import Logging
import MupicCore

/// libvips, started once per process on first use.
package enum VipsLibrary {
    static let logger = Logger(label: "mupic.vision.vips")

    /// Starts libvips; the first caller's thread count wins, later calls only report the outcome.
    package static func start(threadsPerImage: Int) throws(PhotoError) {
        guard mupic_vips_start(Int32(clamping: threadsPerImage), forwardVipsWarning) == 0 else {
            throw .libraryUnavailable(reason: takeError() ?? "vips_init failed")
        }
    }

    /// The pending libvips error text, cleared; nil when libvips reported nothing.
    package static func takeError() -> String? {
        guard let text = mupic_error_take() else { return nil }
        defer { mupic_free(text) }
        let message = String(cString: text).trimmingWhitespace()
        return message.isEmpty ? nil : message
    }
}

/// libvips warns on its own threads (a truncated file logs one line per failed tile);
/// those lines belong in the server log at debug level, not on stderr.
private let forwardVipsWarning: @convention(c) (UnsafePointer<CChar>?) -> Void = { message in
    guard let message else { return }
    VipsLibrary.logger.debug("\(String(cString: message))")
}
