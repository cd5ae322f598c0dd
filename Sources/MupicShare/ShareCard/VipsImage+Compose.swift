import CVipsShim
import MupicVision

/// Drawing rather than decoding: text, shapes made from pixels, and layers put together,
/// for images Mupic makes itself (the share card).
extension VipsImage {
    /// Pango markup as an sRGB image with alpha; see `PangoMarkup` for making outside text safe.
    /// A `width` above 0 wraps lines at words to fit it; `centred` centres each line.
    static func text(markup: String, font: String, width: Int = 0, centred: Bool = false) throws(PhotoError) -> VipsImage {
        try wrap(mupic_text(markup, font, Int32(clamping: width), centred ? 1 : 0))
    }

    /// Exactly `width`×`height`, filled the way CSS `object-fit: cover` does, cropped around
    /// the most interesting part (`smart`) or the centre.
    func covering(width: Int, height: Int, smart: Bool = true) throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_cover(handle, Int32(clamping: width), Int32(clamping: height), smart ? 1 : 0))
    }

    func blurred(sigma: Double) throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_blur(handle, sigma))
    }

    /// Every band times `factor`: below 1 darkens.
    func scaled(by factor: Double) throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_scale_bands(handle, factor))
    }

    /// This image with `alpha` (one band, same size) as its alpha band.
    func withAlpha(_ alpha: VipsImage) throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_with_alpha(handle, alpha.handle))
    }

    /// `layers` drawn over this image in order, each at its top-left point; the result keeps
    /// this image's size and gains an alpha band.
    func composited(_ layers: [(image: VipsImage, x: Int, y: Int)]) throws(PhotoError) -> VipsImage {
        guard !layers.isEmpty else { return self }
        var handles: [OpaquePointer?] = layers.map { $0.image.handle }
        let xs = layers.map { Int32(clamping: $0.x) }
        let ys = layers.map { Int32(clamping: $0.y) }
        let result = withExtendedLifetime(layers) {
            handles.withUnsafeMutableBufferPointer { pointers in
                mupic_composite(handle, pointers.baseAddress, xs, ys, Int32(layers.count))
            }
        }
        return try Self.wrap(result)
    }

    func cropped(_ rect: PixelRect) throws(PhotoError) -> VipsImage {
        try Self.wrap(
            mupic_crop(
                handle, Int32(clamping: rect.x), Int32(clamping: rect.y), Int32(clamping: rect.width),
                Int32(clamping: rect.height)))
    }

    /// PNG, metadata stripped; `compression` is zlib's 0...9.
    func png(compression: Int) throws(PhotoError) -> [UInt8] {
        try Self.buffer { out, length in mupic_save_png(handle, Int32(compression), out, length) }
    }
}
