#!/usr/bin/env bash
# The web benchmark on loopback, against a release build of `mupic serve` on the embedded
# default (SQLite, offline tagger, starter catalog):
#   - wrk on the home page and the archive page (requests/s, p99);
#   - POST /api/recommendations end to end (upload → job → five songs) with a 1-megapixel
#     and a 12-megapixel JPEG made from a shared sample photo: wrk with `Prefer: wait=30`
#     (scripts/bench/upload.lua), so each answer is the five songs and wrk's latency is
#     upload-to-songs;
#   - the server's RSS after RECOMMENDATIONS (default 10,000) recommendations, then wrk on the archive.
# Uploads are screened for unsafe images as `mupic serve` does by default; SCREENING=off
# measures the same without the screen (--no-screening).
# Every request goes to 127.0.0.1 and every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
command -v vips >/dev/null || apt-get install -y -qq libvips-tools >/dev/null
total=${RECOMMENDATIONS:-10000}
shared=${MUPIC_SHARED_DIR:-../shared}
swift build -c release --product mupic >/dev/null
bin=.build/release/mupic
work=$(mktemp -d /tmp/mupic-web-bench.XXXXXX)
port=$((20000 + RANDOM % 20000))
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

$bin ingest --database "$work/db.sqlite" >/dev/null 2>&1
vips thumbnail "$shared/photos/exif/iphone_hdr_NO.jpg" "$work/1mp.jpg" 1155            # 1155x866
vips resize "$shared/photos/exif/iphone_hdr_NO.jpg" "$work/12mp.jpg[Q=90]" 1.2255       # 4000x3000
screening=()
[[ ${SCREENING:-on} == off ]] && screening=(--no-screening)
echo "## mupic serve, unsafe-image screening ${SCREENING:-on}"
$bin serve --port "$port" --database "$work/db.sqlite" --photos "$work/photos" --workers 2 --uploads-per-minute 0 --api-per-minute 0 \
    "${screening[@]}" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
url=http://127.0.0.1:$port
rss() { echo "$(($(ps -o rss= -p "$server") / 1024)) MiB"; }

echo "## wrk, home page (2 threads, 32 connections, 15 s)"
wrk -t2 -c32 -d15s --latency "$url/" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
uploads() { # photo seconds: wrk's figures, and how many recommendations it made
    MUPIC_BENCH_PHOTO=$1 wrk -t2 -c8 -d"$2" --latency -s scripts/bench/upload.lua "$url" >"$work/wrk.txt"
    grep -E "Requests/sec|50%|99%|Socket errors|recommendations:" "$work/wrk.txt"
    made=$((made + $(sed -n 's/^recommendations: \([0-9]*\),.*/\1/p' "$work/wrk.txt")))
}
made=0
echo "## recommendations end to end, 1 MP (wrk, 2 threads, 8 connections, 20 s)"
uploads "$work/1mp.jpg" 20s
echo "## recommendations end to end, 12 MP (wrk, 2 threads, 8 connections, 15 s)"
uploads "$work/12mp.jpg" 15s
echo "## RSS after $total recommendations in all (the rest 1 MP, by scripts/bench/upload_load.py)"
((total > made)) && python3 scripts/bench/upload_load.py "$url" "$work/1mp.jpg" $((total - made)) 8
echo "server RSS $(rss)"
echo "## wrk, archive page (with $total public photos)"
wrk -t2 -c32 -d15s --latency "$url/archive" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
