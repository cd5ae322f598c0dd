#!/usr/bin/env bash
# Recommendations/s end to end (POST /api/recommendations → job → five songs) with one and two
# `mupic serve` processes, on SQLite and on PostgreSQL, side by side. Release build, loopback,
# 1-megapixel JPEG, 8 clients; each configuration gets a fresh database holding the same
# starter catalog (ingested once into SQLite, moved to PostgreSQL with mupic export/import).
# PostgreSQL runs twice: with its default durability (every commit waits for its WAL flush)
# and with synchronous_commit=off, the durability of SQLite in WAL mode with synchronous=NORMAL
# (a power loss may drop the last commits; nothing is ever half-written).
#   scripts/bench/scaleout_bench.sh     (UPLOADS=500 per configuration, WORKERS=2 job workers per server,
#                                        ROUNDS=2: every configuration runs that many times, in turns, and
#                                        the best round is shown, since other work on the machine only slows;
#                                        SCREENING=off runs the servers with --no-screening)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v vips >/dev/null || apt-get install -y -qq libvips-tools >/dev/null
uploads=${UPLOADS:-500}
workers=${WORKERS:-2}   # job workers per server
rounds=${ROUNDS:-2}
screening=()
[[ ${SCREENING:-on} == off ]] && screening=(--no-screening)
shared=${MUPIC_SHARED_DIR:-../shared}
swift build -c release --product mupic >/dev/null
bin=.build/release/mupic
scripts/postgres.sh start
work=$(mktemp -d /tmp/mupic-scaleout-bench.XXXXXX)
logs=.build/bench-scaleout   # server logs of every run, kept
rm -rf "$logs" && mkdir -p "$logs"
servers=()
stop_servers() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
    servers=()
}
trap 'stop_servers; rm -rf "$work"' EXIT

$bin ingest --database "$work/catalog.sqlite" >/dev/null 2>&1
$bin export --database "$work/catalog.sqlite" "$work/catalog.jsonl" >/dev/null
vips thumbnail "$shared/photos/exif/iphone_hdr_NO.jpg" "$work/1mp.jpg" 1155

# run BACKEND PROCESSES: prints one table row.
run() {
    local backend=$1 processes=$2 database urls=() port name
    name=$(echo "$backend-$processes" | tr -c 'a-z0-9' _)
    if [[ $backend == sqlite ]]; then
        database="$work/run-$processes.sqlite"
        rm -f "$database"*
        cp "$work/catalog.sqlite" "$database"
    else
        database=$(scripts/postgres.sh fresh-db mupic_bench)
        if [[ $backend == "postgres, synchronous_commit=off" ]]; then
            psql "$database" -qc "ALTER DATABASE mupic_bench SET synchronous_commit = off"
        fi
        $bin import --database "$database" "$work/catalog.jsonl" >/dev/null 2>&1
    fi
    rm -rf "$work/photos"
    for n in $(seq "$processes"); do
        port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        $bin serve --port "$port" --database "$database" --photos "$work/photos" --workers "$workers" --uploads-per-minute 0 --api-per-minute 0 \
            "${screening[@]}" >>"$logs/$name-server-$n.log" 2>&1 &
        servers+=($!)
        urls+=("http://127.0.0.1:$port")
    done
    for url in "${urls[@]}"; do
        for _ in $(seq 300); do curl -sf "$url/" >/dev/null && break; sleep 0.2; done
        curl -sf "$url/" >/dev/null || { echo "bench: $url did not start; see $logs/$name-server-*.log" >&2; exit 1; }
    done
    local joined
    joined=$(IFS=,; echo "${urls[*]}")
    python3 scripts/bench/upload_load.py "$joined" "$work/1mp.jpg" 50 8 >/dev/null   # warm-up
    local result
    result=$(python3 scripts/bench/upload_load.py "$joined" "$work/1mp.jpg" "$uploads" 8)
    stop_servers
    echo "$result" >>"$logs/$name.results"
}

# The best round of a configuration as a table row.
row() {
    local backend=$1 processes=$2
    python3 - "$backend" "$processes" "$logs/$(echo "$backend-$processes" | tr -c 'a-z0-9' _).results" <<'PY'
import json, sys
backend, processes, path = sys.argv[1], sys.argv[2], sys.argv[3]
results = [json.loads(line) for line in open(path)]
best = max(results, key=lambda r: r["recommendations_per_s"])
errors = sum(sum(r["errors"].values()) + r["jobs_failed"] + r["jobs_unfinished"] for r in results)
rates = ", ".join(str(r["recommendations_per_s"]) for r in results)
print(f"| {backend} | {processes} | {best['recommendations_per_s']} ({rates}) | {best['upload_p50_ms']} | "
      f"{best['upload_p99_ms']} | {errors} |")
PY
}

backends=(sqlite postgres "postgres, synchronous_commit=off")
for round in $(seq "$rounds"); do
    for backend in "${backends[@]}"; do
        for processes in 1 2; do run "$backend" "$processes"; done
    done
done
echo "| database | servers | recommendations/s, best (all rounds) | upload p50 ms | upload p99 ms | errors |"
echo "| --- | --- | --- | --- | --- | --- |"
for backend in "${backends[@]}"; do
    for processes in 1 2; do row "$backend" "$processes"; done
done
