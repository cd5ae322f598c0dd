#!/usr/bin/env bash
# The whole benchmark at the original's scale, on a release build:
# 1. generate the synthetic Melon-layout dataset (260k songs) once,
# 2. ingest it into a fresh database, timing wall clock and peak RSS,
# 3. `mupic bench` against it: embedding and recommending, each beside its Python baseline.
# Python baselines need numpy and sentence-transformers: set MUPIC_BENCH_PYTHON to a python that has them
# (e.g. python3 -m venv /tmp/minilm-venv && /tmp/minilm-venv/bin/pip install sentence-transformers).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${MUPIC_BENCH_DIR:-/tmp/mupic-bench}"
mkdir -p "$work"
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
[ -f "$work/melon/song_meta.json" ] || python3 scripts/bench/make_synthetic_melon.py "$work/melon"
swift build -c release --product mupic >/dev/null
rm -f "$work/bench.sqlite"*
echo "## ingest of the synthetic Melon dataset"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" .build/release/mupic ingest "$work/melon" --database "$work/bench.sqlite" \
    2> >(grep -E "^wall" >&2) | sed -n '1,12p'
echo
echo "## mupic bench"
.build/release/mupic bench --database "$work/bench.sqlite" "$@"
