#include "mupic_vips.h"

#include <pthread.h>
#include <vips/vips.h>

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
// 0: not started, 1: running, -1: failed (libvips cannot be started twice).
static int start_state = 0;

// Written once under start_lock before the handler is installed.
static MupicLogSink log_sink = NULL;

static void forward_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer unused) {
    (void) domain;
    (void) level;
    (void) unused;
    log_sink(message);
}

int mupic_vips_start(int threads_per_image, MupicLogSink sink) {
    pthread_mutex_lock(&start_lock);
    if (start_state == 0) {
        if (sink != NULL) {
            log_sink = sink;
            g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO,
                forward_log, NULL);
        }
        if (VIPS_INIT("mupic") != 0) {
            start_state = -1;
        } else {
            vips_concurrency_set(threads_per_image > 0 ? threads_per_image : 1);
            // Every upload is new, so the operation cache would only hold memory.
            vips_cache_set_max(0);
            vips_cache_set_max_mem(0);
            vips_cache_set_max_files(0);
            // Defence in depth: Mupic names its loaders, but nothing untrusted
            // (ImageMagick, matload, ...) should ever be reachable.
            vips_block_untrusted_set(TRUE);
            start_state = 1;
        }
    }
    int state = start_state;
    pthread_mutex_unlock(&start_lock);
    return state == 1 ? 0 : -1;
}

char *mupic_error_take(void) {
    // The libvips error buffer is process-wide; the copy-and-clear happens
    // under libvips' own lock, so concurrent failures never tear the text,
    // though a message from another thread's failure may ride along.
    char *text = vips_error_buffer_copy();
    if (text != NULL && text[0] == '\0') {
        g_free(text);
        return NULL;
    }
    return text;
}

void mupic_free(void *pointer) {
    g_free(pointer);
}

MupicImage *mupic_load(const void *data, size_t length, MupicLoader loader, int shrink) {
    VipsImage *out = NULL;
    int result = -1;
    // The buffer loaders only read `data`; the const cast is libvips' signature.
    void *buffer = (void *) data;
    switch (loader) {
    case MUPIC_LOADER_JPEG:
        result = vips_jpegload_buffer(buffer, length, &out,
            "access", VIPS_ACCESS_SEQUENTIAL,
            "shrink", shrink > 0 ? shrink : 1,
            "autorotate", FALSE,
            "fail_on", VIPS_FAIL_ON_TRUNCATED,
            NULL);
        break;
    case MUPIC_LOADER_PNG:
        result = vips_pngload_buffer(buffer, length, &out,
            "access", VIPS_ACCESS_SEQUENTIAL,
            "fail_on", VIPS_FAIL_ON_TRUNCATED,
            NULL);
        break;
    case MUPIC_LOADER_WEBP:
        result = vips_webpload_buffer(buffer, length, &out,
            "access", VIPS_ACCESS_SEQUENTIAL,
            "scale", 1.0 / (shrink > 0 ? shrink : 1),
            "fail_on", VIPS_FAIL_ON_TRUNCATED,
            NULL);
        break;
    case MUPIC_LOADER_HEIF:
        result = vips_heifload_buffer(buffer, length, &out,
            "access", VIPS_ACCESS_SEQUENTIAL,
            "fail_on", VIPS_FAIL_ON_TRUNCATED,
            NULL);
        break;
    default:
        vips_error("mupic", "unknown loader %d", (int) loader);
        return NULL;
    }
    return result == 0 ? out : NULL;
}

void mupic_image_release(MupicImage *image) {
    if (image != NULL) {
        g_object_unref(image);
    }
}

int mupic_image_width(MupicImage *image) {
    return vips_image_get_width(image);
}

int mupic_image_height(MupicImage *image) {
    return vips_image_get_height(image);
}

int mupic_image_orientation(MupicImage *image) {
    return vips_image_get_orientation(image);
}

const char *mupic_image_string(MupicImage *image, const char *name) {
    const char *value = NULL;
    if (vips_image_get_typeof(image, name) == 0) {
        return NULL;
    }
    if (vips_image_get_string(image, name, &value) != 0) {
        // A field of another type is simply absent as a string; keep the
        // error buffer for real failures.
        vips_error_clear();
        return NULL;
    }
    return value;
}

char **mupic_image_field_names(MupicImage *image) {
    return vips_image_get_fields(image);
}

void mupic_strings_free(char **strings) {
    g_strfreev(strings);
}

MupicImage *mupic_resize(MupicImage *image, double scale) {
    VipsImage *out = NULL;
    return vips_resize(image, &out, scale, NULL) == 0 ? out : NULL;
}

MupicImage *mupic_resize_exact(MupicImage *image, int width, int height) {
    VipsImage *out = NULL;
    double hscale = (double) width / vips_image_get_width(image);
    double vscale = (double) height / vips_image_get_height(image);
    if (vips_resize(image, &out, hscale, "vscale", vscale, "kernel", VIPS_KERNEL_LINEAR, NULL) != 0) {
        return NULL;
    }
    if (vips_image_get_width(out) != width || vips_image_get_height(out) != height) {
        vips_error("mupic", "resize to %dx%d gave %dx%d", width, height,
            vips_image_get_width(out), vips_image_get_height(out));
        g_object_unref(out);
        return NULL;
    }
    return out;
}

// After a libvips call that wrote *next, moves *current on to it and drops the
// old reference. `next` is passed by address because C leaves the order of
// argument evaluation open: the call filling it may run after a plain read.
static int step(VipsImage **current, int result, VipsImage **next) {
    if (result != 0) {
        return -1;
    }
    g_object_unref(*current);
    *current = *next;
    *next = NULL;
    return 0;
}

MupicImage *mupic_to_srgb8(MupicImage *image) {
    VipsImage *current = image;
    VipsImage *next = NULL;
    g_object_ref(current);

    // An embedded profile (Display P3, Adobe RGB, CMYK) says what the numbers
    // mean; convert through it before it is stripped. A broken profile falls
    // back to the generic conversion below.
    if (vips_icc_present() && vips_image_get_typeof(current, VIPS_META_ICC_NAME) != 0
        && vips_image_get_interpretation(current) != VIPS_INTERPRETATION_B_W) {
        if (vips_icc_transform(current, &next, "srgb", "embedded", TRUE, "depth", 8, NULL) == 0) {
            step(&current, 0, &next);
        } else {
            vips_error_clear();
        }
    }
    if (step(&current, vips_colourspace(current, &next, VIPS_INTERPRETATION_sRGB, NULL), &next) != 0) {
        goto fail;
    }
    if (vips_image_get_format(current) != VIPS_FORMAT_UCHAR
        && step(&current, vips_cast_uchar(current, &next, NULL), &next) != 0) {
        goto fail;
    }
    if (vips_image_hasalpha(current)) {
        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        int result = vips_flatten(current, &next, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        if (step(&current, result, &next) != 0) {
            goto fail;
        }
    }
    if (vips_image_get_bands(current) > 3
        && step(&current, vips_extract_band(current, &next, 0, "n", 3, NULL), &next) != 0) {
        goto fail;
    }
    if (vips_image_get_bands(current) != 3) {
        vips_error("mupic", "expected 3 bands after sRGB conversion, got %d", vips_image_get_bands(current));
        goto fail;
    }
    return current;

fail:
    g_object_unref(current);
    return NULL;
}

MupicImage *mupic_autorotate(MupicImage *image) {
    VipsImage *out = NULL;
    return vips_autorot(image, &out, NULL) == 0 ? out : NULL;
}

MupicImage *mupic_materialize(MupicImage *image) {
    return vips_image_copy_memory(image);
}

int mupic_save_jpeg(MupicImage *image, int quality, void **out, size_t *length) {
    return vips_jpegsave_buffer(image, out, length,
        "Q", quality,
        "strip", TRUE,
        NULL);
}

int mupic_save_buffer(MupicImage *image, const char *suffix, void **out, size_t *length) {
    return vips_image_write_to_buffer(image, suffix, out, length, NULL);
}

int mupic_pixels(MupicImage *image, void **out, size_t *length) {
    *out = vips_image_write_to_memory(image, length);
    return *out != NULL ? 0 : -1;
}

MupicImage *mupic_text(const char *markup, const char *font, int width, int align) {
    VipsImage *out = NULL;
    VipsAlign alignment = align == 1 ? VIPS_ALIGN_CENTRE : align == 2 ? VIPS_ALIGN_HIGH : VIPS_ALIGN_LOW;
    // Pango parses the text as markup, so every string from outside must arrive escaped;
    // a markup error fails here rather than showing raw tags.
    int result = width > 0
        ? vips_text(&out, markup, "font", font, "width", width, "align", alignment, "rgba", TRUE, "dpi", 72, NULL)
        : vips_text(&out, markup, "font", font, "align", alignment, "rgba", TRUE, "dpi", 72, NULL);
    return result == 0 ? out : NULL;
}

MupicImage *mupic_shrink_area(MupicImage *image, int width, int height) {
    if (vips_image_get_format(image) != VIPS_FORMAT_UCHAR || vips_image_get_coding(image) != VIPS_CODING_NONE) {
        vips_error("mupic", "area shrinking needs 8-bit pixels");
        return NULL;
    }
    if (vips_image_wio_input(image) != 0) {
        return NULL;
    }
    int bands = vips_image_get_bands(image);
    VipsImage *out = vips_image_new_memory();
    vips_image_init_fields(out, width, height, bands, VIPS_FORMAT_UCHAR, VIPS_CODING_NONE,
        vips_image_get_interpretation(image), 1.0, 1.0);
    if (vips_image_write_prepare(out) != 0) {
        g_object_unref(out);
        return NULL;
    }
    if (mupic_area_shrink(VIPS_IMAGE_ADDR(image, 0, 0), vips_image_get_width(image), vips_image_get_height(image),
            bands, VIPS_IMAGE_SIZEOF_LINE(image), VIPS_IMAGE_ADDR(out, 0, 0), width, height) != 0) {
        vips_error("mupic", "cannot area-shrink %dx%d to %dx%d", vips_image_get_width(image),
            vips_image_get_height(image), width, height);
        g_object_unref(out);
        return NULL;
    }
    return out;
}

MupicImage *mupic_from_pixels(const void *data, size_t length, int width, int height, int bands) {
    if (width <= 0 || height <= 0 || bands < 1 || bands > 4 || length != (size_t) width * height * bands) {
        vips_error("mupic", "%zu bytes are not %dx%d pixels of %d bands", length, width, height, bands);
        return NULL;
    }
    VipsImage *out = vips_image_new_from_memory_copy(data, length, width, height, bands, VIPS_FORMAT_UCHAR);
    if (out == NULL) {
        return NULL;
    }
    out->Type = bands <= 2 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    return out;
}

MupicImage *mupic_cover(MupicImage *image, int width, int height, int attention) {
    VipsImage *out = NULL;
    // Attention cropping keeps the busiest, most colourful part: usually the subject.
    return vips_thumbnail_image(image, &out, width,
        "height", height,
        "size", VIPS_SIZE_BOTH,
        "crop", attention ? VIPS_INTERESTING_ATTENTION : VIPS_INTERESTING_CENTRE,
        NULL) == 0 ? out : NULL;
}

MupicImage *mupic_blur(MupicImage *image, double sigma) {
    VipsImage *out = NULL;
    return vips_gaussblur(image, &out, sigma, NULL) == 0 ? out : NULL;
}

MupicImage *mupic_scale_bands(MupicImage *image, double factor) {
    VipsImage *scaled = NULL;
    VipsImage *out = NULL;
    if (vips_linear1(image, &scaled, factor, 0.0, NULL) != 0) {
        return NULL;
    }
    int result = vips_cast_uchar(scaled, &out, NULL);
    g_object_unref(scaled);
    return result == 0 ? out : NULL;
}

MupicImage *mupic_with_alpha(MupicImage *image, MupicImage *alpha) {
    VipsImage *out = NULL;
    if (vips_image_get_width(image) != vips_image_get_width(alpha)
        || vips_image_get_height(image) != vips_image_get_height(alpha)
        || vips_image_get_bands(alpha) != 1) {
        vips_error("mupic", "the alpha must be one band of the image's size");
        return NULL;
    }
    return vips_bandjoin2(image, alpha, &out, NULL) == 0 ? out : NULL;
}

MupicImage *mupic_composite(MupicImage *base, MupicImage **layers, const int *x, const int *y, int count) {
    if (count < 1) {
        vips_error("mupic", "nothing to composite");
        return NULL;
    }
    VipsImage **images = g_new(VipsImage *, count + 1);
    int *modes = g_new(int, count);
    int *xs = g_new(int, count);
    int *ys = g_new(int, count);
    images[0] = base;
    for (int i = 0; i < count; i++) {
        images[i + 1] = layers[i];
        modes[i] = VIPS_BLEND_MODE_OVER;
        xs[i] = x[i];
        ys[i] = y[i];
    }
    VipsArrayInt *xarray = vips_array_int_new(xs, count);
    VipsArrayInt *yarray = vips_array_int_new(ys, count);
    VipsImage *out = NULL;
    int result = vips_composite(images, &out, count + 1, modes, "x", xarray, "y", yarray, NULL);
    vips_area_unref(VIPS_AREA(xarray));
    vips_area_unref(VIPS_AREA(yarray));
    g_free(images);
    g_free(modes);
    g_free(xs);
    g_free(ys);
    return result == 0 ? out : NULL;
}

int mupic_save_png(MupicImage *image, int compression, void **out, size_t *length) {
    return vips_pngsave_buffer(image, out, length,
        "compression", compression,
        "strip", TRUE,
        NULL);
}

MupicImage *mupic_crop(MupicImage *image, int left, int top, int width, int height) {
    VipsImage *out = NULL;
    return vips_extract_area(image, &out, left, top, width, height, NULL) == 0 ? out : NULL;
}
