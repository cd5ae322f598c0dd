#!/usr/bin/env bash
# Durability test (CI runs it from scripts/test.sh): `mupic serve` on SQLite under a bounded
# upload load, stopped half way by SIGKILL (a crash) and then, in a second run, by SIGTERM (a
# graceful stop), and started again each time. Every accepted upload must keep its job, its
# photo row and whole photo files, no temporary file may remain, and every job must end done
# (after SIGTERM without waiting for a lease). Prints rows and files before and after.
#   scripts/durability.sh [path/to/mupic]      (default .build/debug/mupic)
# DURABILITY_COUNT changes the number of uploads (300). Loopback only, bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/mupic}
[[ -x $binary ]] || { echo "durability: no mupic binary at $binary (swift build --product mupic)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/mupic-durability.XXXXXX")
logs=.build/durability
rm -rf "$logs" && mkdir -p "$logs"
trap 'rm -rf "$work"' EXIT

started=$(date +%s)
# One ingest (the embedding is the slow part in a debug build), copied for each run.
catalog=$work/catalog/mupic.sqlite
mkdir -p "$work/catalog"
"$binary" ingest --database "$catalog" data/starter-catalog/ballad.jsonl >"$logs/ingest.log" 2>&1 \
    || { echo "durability: ingest failed:" >&2; tail -20 "$logs/ingest.log" >&2; exit 1; }
echo "durability: catalog ingested in $(($(date +%s) - started)) s" >&2
for stop in KILL TERM; do
    mkdir -p "$work/$stop" "$logs/$stop"
    cp "$catalog"* "$work/$stop/"
    python3 scripts/durability/durability.py --mupic "$binary" --database "$work/$stop/mupic.sqlite" \
        --photos "$work/$stop/photos" --logs "$logs/$stop" --signal "$stop" --count "${DURABILITY_COUNT:-300}"
done
echo "durability: $(($(date +%s) - started)) s in all" >&2
