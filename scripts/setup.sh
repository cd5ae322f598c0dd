#!/usr/bin/env bash
# Installs what Mupic needs on Debian bookworm (run as root) and fetches the
# sentence model and the unsafe-image screening model. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-noto-cjk: the share card draws Korean with Noto Sans CJK KR (through libvips' Pango).
packages=(libopenblas-dev libsqlite3-dev libvips-dev pkg-config fonts-noto-cjk fontconfig)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Without a Korean font, Pango draws every Hangul syllable of a share card as an empty box.
if ! fc-list :lang=ko family | grep -q "Noto Sans CJK KR"; then
    echo "setup: fontconfig finds no Noto Sans CJK KR; reinstall fonts-noto-cjk and run fc-cache -f" >&2
    exit 1
fi

scripts/fetch-model.sh "${MUPIC_MODEL_DIR:-models/all-MiniLM-L6-v2}"
scripts/fetch-nsfw-model.sh "${MUPIC_SCREENING_MODEL_DIR:-models/open-nsfw}"
