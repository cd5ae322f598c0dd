#!/usr/bin/env bash
# The image model benchmark on a release build: makes a 12-megapixel JPEG (4032x3024, an
# 8-megapixel camera photo from ../shared/photos/exif enlarged with the vips CLI; it stays in
# /tmp and is never committed) and runs `mupic bench image-models` on it beside the Python
# PIL + onnxruntime baseline.
# Needs: MUPIC_IMAGE_MODELS (or ../shared/models), and MUPIC_BENCH_PYTHON pointing at a python
# with onnxruntime, numpy and pillow (python3 -m venv /tmp/imagemodels-venv &&
# /tmp/imagemodels-venv/bin/pip install onnxruntime numpy pillow).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${MUPIC_SHARED_DIR:-../shared}"
export MUPIC_IMAGE_MODELS="${MUPIC_IMAGE_MODELS:-$shared/models}"
photo="${MUPIC_BENCH_PHOTO:-/tmp/mupic-bench-12mp.jpg}"
if [ ! -f "$photo" ]; then
    vips resize "$shared/photos/exif/iphone_hdr_NO.jpg" "$photo[Q=92,strip]" 1.2353
fi
swift build -c release --product mupic >/dev/null
.build/release/mupic bench image-models --photo "$photo" "$@"
