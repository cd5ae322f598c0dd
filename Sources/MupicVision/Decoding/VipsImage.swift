import CVipsShim

/// One libvips image reference, released when this object goes away.
///
/// Each method returns a new image; none changes `self`. Images made by
/// `load` read the caller's buffer lazily, so they (and anything derived from
/// them) must not outlive it unless `materialized()` has been called.
package final class VipsImage {
    package let handle: OpaquePointer

    private init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { mupic_image_release(handle) }

    /// Reads the header of an encoded image with the loader for `format`; pixels decode on demand.
    package static func load(_ bytes: UnsafeRawBufferPointer, format: PhotoFormat, shrink: Int = 1) throws(PhotoError)
        -> VipsImage
    {
        guard let base = bytes.baseAddress else { throw .empty }
        return try wrap(mupic_load(base, bytes.count, format.loader, Int32(shrink)))
    }

    package var width: Int { Int(mupic_image_width(handle)) }
    package var height: Int { Int(mupic_image_height(handle)) }
    var longEdge: Int { max(width, height) }

    /// The EXIF orientation, 1 (upright) when the file has none.
    var orientation: Int { Int(mupic_image_orientation(handle)) }

    /// A string header field such as `exif-ifd0-Make`, or nil.
    package func string(_ field: String) -> String? {
        mupic_image_string(handle, field).map { String(cString: $0) }
    }

    /// Every header field name, e.g. to prove that a re-encoded copy carries no EXIF.
    package var fieldNames: [String] {
        guard let list = mupic_image_field_names(handle) else { return [] }
        defer { mupic_strings_free(list) }
        var names: [String] = []
        var index = 0
        while let name = list[index] {
            names.append(String(cString: name))
            index += 1
        }
        return names
    }

    package func resized(scale: Double) throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_resize(handle, scale))
    }

    /// Exactly `width`×`height`, aspect ratio not kept, with an antialiased bilinear kernel.
    package func resized(width: Int, height: Int) throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_resize_exact(handle, Int32(width), Int32(height)))
    }

    /// Shrinks so that the long edge is at most `longEdge`; never enlarges.
    package func fitted(longEdge limit: Int) throws(PhotoError) -> VipsImage {
        guard longEdge > limit else { return self }
        return try resized(scale: Double(limit) / Double(longEdge))
    }

    /// Like ``fitted(longEdge:)`` but by area averaging, several times cheaper than the
    /// Lanczos kernel: for thumbnails and colour samples, not for model inputs (those keep
    /// the resampling the models were trained with). Reads the pixels in memory, so call it
    /// on a materialised image.
    package func shrunk(longEdge limit: Int) throws(PhotoError) -> VipsImage {
        let target = PixelSize(width: width, height: height).fitted(longEdge: limit)
        guard target.width < width || target.height < height else { return self }
        return try Self.wrap(mupic_shrink_area(handle, Int32(target.width), Int32(target.height)))
    }

    package func sRGB8() throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_to_srgb8(handle))
    }

    package func autorotated() throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_autorotate(handle))
    }

    package func materialized() throws(PhotoError) -> VipsImage {
        try Self.wrap(mupic_materialize(handle))
    }

    /// Baseline JPEG with all metadata stripped.
    package func jpeg(quality: Int) throws(PhotoError) -> [UInt8] {
        try Self.buffer { out, length in mupic_save_jpeg(handle, Int32(quality), out, length) }
    }

    /// Encodes by file suffix (".png", ".webp"), metadata kept; for building test fixtures.
    package func encoded(suffix: String) throws(PhotoError) -> [UInt8] {
        try Self.buffer { out, length in mupic_save_buffer(handle, suffix, out, length) }
    }

    /// Row-major, band-interleaved pixel bytes.
    package func pixels() throws(PhotoError) -> [UInt8] {
        try Self.buffer { out, length in mupic_pixels(handle, out, length) }
    }

    /// 8-bit pixels, row-major and band-interleaved: 1 or 2 bands grey (alpha), 3 or 4 sRGB (alpha).
    package static func fromPixels(_ pixels: [UInt8], width: Int, height: Int, bands: Int) throws(PhotoError) -> VipsImage {
        let handle = pixels.withUnsafeBytes { bytes in
            mupic_from_pixels(bytes.baseAddress, bytes.count, Int32(clamping: width), Int32(clamping: height), Int32(bands))
        }
        return try wrap(handle)
    }

    package static func wrap(_ handle: OpaquePointer?) throws(PhotoError) -> VipsImage {
        guard let handle else { throw .unreadable(reason: VipsLibrary.takeError() ?? "libvips gave no reason") }
        return VipsImage(handle)
    }

    package static func buffer(
        _ produce: (UnsafeMutablePointer<UnsafeMutableRawPointer?>, UnsafeMutablePointer<Int>) -> Int32
    ) throws(PhotoError) -> [UInt8] {
        var out: UnsafeMutableRawPointer?
        var length = 0
        guard produce(&out, &length) == 0, let out else {
            throw .unreadable(reason: VipsLibrary.takeError() ?? "libvips gave no reason")
        }
        defer { mupic_free(out) }
        return Array(UnsafeRawBufferPointer(start: out, count: length))
    }
}
