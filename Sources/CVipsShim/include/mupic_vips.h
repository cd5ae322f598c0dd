// Non-variadic wrappers around the parts of libvips that Mupic uses.
//
// libvips' C API takes optional arguments as NULL-terminated varargs, which
// Swift cannot call. Each wrapper here fixes the options Mupic needs, so the
// Swift side never names a libvips option and never reaches a generic or
// ImageMagick loader.
//
// Ownership: every function returning a MupicImage* returns a new reference
// (or NULL on failure) that the caller releases with mupic_image_release.
// Inputs are never consumed. Buffers returned through `out` are freed with
// mupic_free. After any failure, mupic_error_take returns the reason.
//
// All functions are safe to call from many threads at once once
// mupic_vips_start has succeeded.

#ifndef MUPIC_VIPS_H
#define MUPIC_VIPS_H

#include <stddef.h>
#include <stdint.h>

/// An opaque libvips image.
typedef struct _VipsImage MupicImage;

/// The only loaders Mupic ever runs; the format is decided from magic bytes first.
typedef enum MupicLoader {
    MUPIC_LOADER_JPEG = 1,
    MUPIC_LOADER_PNG = 2,
    MUPIC_LOADER_WEBP = 3,
    MUPIC_LOADER_HEIF = 4,
} MupicLoader;

/// Receives libvips' warnings (for example "error in tile 0 x 1112" while a
/// truncated file fails), which would otherwise go to stderr.
typedef void (*MupicLogSink)(const char *message);

/// Starts libvips once per process; later calls return the first call's result.
/// `threads_per_image` bounds libvips' worker threads per pipeline (a server
/// gets its parallelism from concurrent uploads instead). Returns 0 on success.
int mupic_vips_start(int threads_per_image, MupicLogSink sink);

/// The accumulated libvips error text (cleared by this call), or NULL if none.
char *mupic_error_take(void);

/// Frees a buffer or string returned by this shim.
void mupic_free(void *pointer);

/// Opens an encoded image from memory with one specific loader. Only the header
/// is read here; pixels decode lazily, sequentially, failing on truncation.
/// `shrink` (1, 2, 4 or 8) asks the JPEG and WebP decoders to shrink while
/// decoding; other loaders ignore it. `data` must outlive the returned image
/// and every image derived from it until mupic_materialize.
MupicImage *mupic_load(const void *data, size_t length, MupicLoader loader, int shrink);

void mupic_image_release(MupicImage *image);

int mupic_image_width(MupicImage *image);
int mupic_image_height(MupicImage *image);

/// The EXIF orientation (1...8), 1 when absent.
int mupic_image_orientation(MupicImage *image);

/// A string-valued header field (for example "exif-ifd2-DateTimeOriginal"), or
/// NULL. The string belongs to the image and is valid while the image lives.
const char *mupic_image_string(MupicImage *image, const char *name);

/// The names of all header fields, NULL-terminated; free with mupic_strings_free.
char **mupic_image_field_names(MupicImage *image);
void mupic_strings_free(char **strings);

/// Scales both axes by `scale` (< 1 shrinks) with a high-quality kernel.
MupicImage *mupic_resize(MupicImage *image, double scale);

/// Resizes to exactly `width` x `height`, the aspect ratio not kept, with a
/// bilinear kernel that widens when shrinking (antialiased, like PIL's
/// BILINEAR): the resampling image classifiers were trained with.
MupicImage *mupic_resize_exact(MupicImage *image, int width, int height);

/// Shrinks an 8-bit image already in memory (materialised) to `width` x `height` by area
/// averaging: each output pixel is the mean of the input pixels it covers, in part or whole.
/// Several times cheaper than `mupic_resize` for thumbnails and colour samples, free of
/// aliasing, a little softer than Lanczos. Never enlarges.
MupicImage *mupic_shrink_area(MupicImage *image, int width, int height);

/// The pixel loop of `mupic_shrink_area` on raw row-major, band-interleaved bytes (`stride`
/// bytes per input row; the output is packed). Returns 0, or -1 for sizes it cannot do.
int mupic_area_shrink(
    const uint8_t *src, int width, int height, int bands, size_t stride,
    uint8_t *dst, int out_width, int out_height);

/// Converts to three-band 8-bit sRGB: alpha flattened onto white, grey and
/// CMYK converted, 16-bit reduced.
MupicImage *mupic_to_srgb8(MupicImage *image);

/// Applies the EXIF orientation to the pixels and resets the tag.
MupicImage *mupic_autorotate(MupicImage *image);

/// Computes the whole pipeline into memory, so the result no longer depends on
/// the source buffer and decoding errors surface here.
MupicImage *mupic_materialize(MupicImage *image);

/// Encodes as baseline JPEG with every metadata block (EXIF, GPS, XMP, IPTC,
/// ICC) stripped. Returns 0 on success.
int mupic_save_jpeg(MupicImage *image, int quality, void **out, size_t *length);

/// Encodes in the format named by a file suffix (".png", ".webp", ...), keeping
/// metadata; used to build test fixtures. Returns 0 on success.
int mupic_save_buffer(MupicImage *image, const char *suffix, void **out, size_t *length);

/// The raw pixels, row-major and band-interleaved. Returns 0 on success.
int mupic_pixels(MupicImage *image, void **out, size_t *length);

/// Renders Pango markup (escape everything from outside!) as an sRGB image with alpha, the
/// colours given by the markup (black by default), at 72 dpi so a font size is in pixels.
/// `font` is a Pango description ("Noto Sans CJK KR Bold 40"); fontconfig falls back per
/// glyph. With `width` > 0 lines wrap at words to fit it; 0 keeps one line per paragraph.
/// `align` places the lines: 0 start, 1 centre, 2 end.
MupicImage *mupic_text(const char *markup, const char *font, int width, int align);

/// An 8-bit image from `width` x `height` row-major, band-interleaved pixels (copied):
/// 1 or 2 bands are grey (with alpha), 3 or 4 sRGB (with alpha).
MupicImage *mupic_from_pixels(const void *data, size_t length, int width, int height, int bands);

/// Scales and crops to exactly `width` x `height`, filling it (CSS `object-fit: cover`),
/// keeping the most interesting part when `attention` is non-zero (slower), else the centre.
MupicImage *mupic_cover(MupicImage *image, int width, int height, int attention);

/// A Gaussian blur of radius about 3 * `sigma`.
MupicImage *mupic_blur(MupicImage *image, double sigma);

/// Every band multiplied by `factor` (darkens below 1), back in 8 bits.
MupicImage *mupic_scale_bands(MupicImage *image, double factor);

/// Adds a one-band alpha of the same size as the last band.
MupicImage *mupic_with_alpha(MupicImage *image, MupicImage *alpha);

/// Draws `count` layers over `base` in order, each with its top-left at (x[i], y[i]);
/// the result has the base's size and an alpha band.
MupicImage *mupic_composite(MupicImage *base, MupicImage **layers, const int *x, const int *y, int count);

/// The `width` x `height` area whose top-left corner is (`left`, `top`); it must lie inside.
MupicImage *mupic_crop(MupicImage *image, int left, int top, int width, int height);

/// Encodes as PNG (zlib `compression` 0...9), metadata stripped. Returns 0 on success.
int mupic_save_png(MupicImage *image, int compression, void **out, size_t *length);

#endif
