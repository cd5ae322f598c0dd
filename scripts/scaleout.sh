#!/usr/bin/env bash
# Scale-out test (CI runs it from scripts/test.sh): two `mupic serve` processes on one
# PostgreSQL database, 2,000 recommendations split across both, one server killed with
# SIGKILL half way and restarted; then every accepted job must have exactly one result and
# the archive each public photo once. Prints the counts; exits non-zero on any violation.
#   scripts/scaleout.sh [path/to/mupic]      (default .build/debug/mupic)
# SCALEOUT_COUNT changes the number of uploads. Loopback only, bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/mupic}
[[ -x $binary ]] || { echo "scaleout: no mupic binary at $binary (swift build --product mupic)" >&2; exit 2; }

scripts/postgres.sh start
database=$(scripts/postgres.sh fresh-db mupic_scaleout)
work=$(mktemp -d "${TMPDIR:-/tmp}/mupic-scaleout.XXXXXX")
logs=.build/scaleout
rm -rf "$logs" && mkdir -p "$logs"
trap 'rm -rf "$work"' EXIT

started=$(date +%s)
# The genre the load asks for: enough songs for five picks, and a short ingest in a debug build.
"$binary" migrate --database "$database" >"$logs/migrate.log" 2>&1
"$binary" ingest --database "$database" data/starter-catalog/ballad.jsonl >"$logs/ingest.log" 2>&1 \
    || { echo "scaleout: ingest failed:" >&2; tail -20 "$logs/ingest.log" >&2; exit 1; }
echo "scaleout: catalog ingested in $(($(date +%s) - started)) s" >&2

python3 scripts/scaleout/scaleout.py --mupic "$binary" --database "$database" --photos "$work/photos" \
    --logs "$logs" --count "${SCALEOUT_COUNT:-2000}"
echo "scaleout: $(($(date +%s) - started)) s in all" >&2
