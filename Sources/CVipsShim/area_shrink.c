#include "mupic_vips.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

// For each output pixel along one axis: the first input pixel it covers, how many, and
// the share of each (its overlap with the output pixel's span, summing to 1).
typedef struct {
    int *first;
    int *count;
    float *weights;  // `taps` per output pixel
    int taps;
} AreaTaps;

static void area_taps_free(AreaTaps *taps) {
    free(taps->first);
    free(taps->count);
    free(taps->weights);
}

static int area_taps_make(AreaTaps *taps, int in, int out) {
    double scale = (double) in / out;
    taps->taps = (int) ceil(scale) + 1;
    taps->first = malloc(sizeof(int) * out);
    taps->count = malloc(sizeof(int) * out);
    taps->weights = calloc((size_t) out * taps->taps, sizeof(float));
    if (!taps->first || !taps->count || !taps->weights) {
        area_taps_free(taps);
        return -1;
    }
    for (int o = 0; o < out; o++) {
        double start = o * scale, end = (o + 1) * scale;
        int first = (int) floor(start);
        int last = (int) ceil(end) - 1;
        if (last > in - 1) last = in - 1;
        int count = 0;
        for (int i = first; i <= last && count < taps->taps; i++) {
            double overlap = fmin(i + 1.0, end) - fmax((double) i, start);
            taps->weights[(size_t) o * taps->taps + count++] = (float) (overlap > 0 ? overlap / scale : 0);
        }
        taps->first[o] = first;
        taps->count[o] = count;
    }
    return 0;
}

static uint8_t to_byte(float value) {
    return value <= 0 ? 0 : value >= 255 ? 255 : (uint8_t) (value + 0.5f);
}

// The horizontal pass for RGB, the shape of every photo: the band loop unrolled, which
// halves the cost of this pass against the general loop below.
static void shrink_line_rgb(const float *sums, const AreaTaps *columns, uint8_t *out, int out_width) {
    for (int ox = 0; ox < out_width; ox++) {
        const float *weights = columns->weights + (size_t) ox * columns->taps;
        const float *in = sums + (size_t) columns->first[ox] * 3;
        float r = 0, g = 0, b = 0;
        for (int k = 0; k < columns->count[ox]; k++, in += 3) {
            r += weights[k] * in[0];
            g += weights[k] * in[1];
            b += weights[k] * in[2];
        }
        out[ox * 3] = to_byte(r);
        out[ox * 3 + 1] = to_byte(g);
        out[ox * 3 + 2] = to_byte(b);
    }
}

int mupic_area_shrink(
    const uint8_t *src, int width, int height, int bands, size_t stride,
    uint8_t *dst, int out_width, int out_height)
{
    if (width <= 0 || height <= 0 || bands <= 0 || out_width <= 0 || out_height <= 0
        || out_width > width || out_height > height) {
        return -1;
    }
    AreaTaps rows, columns;
    if (area_taps_make(&rows, height, out_height) != 0) return -1;
    if (area_taps_make(&columns, width, out_width) != 0) {
        area_taps_free(&rows);
        return -1;
    }
    size_t line = (size_t) width * bands;
    float *column_sums = malloc(sizeof(float) * line);
    if (!column_sums) {
        area_taps_free(&rows);
        area_taps_free(&columns);
        return -1;
    }
    // Rows first: that pass runs along whole contiguous lines, which the compiler
    // vectorises, and it leaves the per-pixel horizontal pass only `out_height` lines.
    for (int oy = 0; oy < out_height; oy++) {
        memset(column_sums, 0, sizeof(float) * line);
        const float *row_weights = rows.weights + (size_t) oy * rows.taps;
        for (int k = 0; k < rows.count[oy]; k++) {
            const uint8_t *in = src + (size_t) (rows.first[oy] + k) * stride;
            float weight = row_weights[k];
            for (size_t j = 0; j < line; j++) column_sums[j] += weight * in[j];
        }
        uint8_t *out = dst + (size_t) oy * out_width * bands;
        if (bands == 3) {
            shrink_line_rgb(column_sums, &columns, out, out_width);
            continue;
        }
        for (int ox = 0; ox < out_width; ox++) {
            const float *column_weights = columns.weights + (size_t) ox * columns.taps;
            const float *in = column_sums + (size_t) columns.first[ox] * bands;
            for (int b = 0; b < bands; b++) {
                float sum = 0;
                for (int k = 0; k < columns.count[ox]; k++) sum += column_weights[k] * in[(size_t) k * bands + b];
                out[(size_t) ox * bands + b] = to_byte(sum);
            }
        }
    }
    free(column_sums);
    area_taps_free(&rows);
    area_taps_free(&columns);
    return 0;
}
