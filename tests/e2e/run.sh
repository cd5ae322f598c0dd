#!/usr/bin/env bash
# Mupic's browser end-to-end suite. Builds nothing: give it a built mupic binary.
#
#   tests/e2e/run.sh [path/to/mupic]        # default .build/debug/mupic
#
# Makes a throwaway database and photo directory, ingests the starter catalog's files
# for the genres the suite submits (MUPIC_E2E_FULL_CATALOG=1: the whole starter catalog,
# about 2.5 minutes more in a debug build), sets a random admin password for this run
# (`mupic admin set-password`, on stdin), serves the site on a free 127.0.0.1 port,
# drives Debian's chromium through the suite (tests/e2e/suite.py) and stops the server.
# The site runs without a YouTube key, as from a fresh clone; a second `mupic serve` on the
# same database has a fake key and MUPIC_YOUTUBE_URL pointing at tests/e2e/fake_youtube.py,
# for the steps that play songs in the page.
# Screenshots and logs go to .build/e2e/. Needs chromium (scripts/setup-e2e.sh), python3
# and the photos in $MUPIC_SHARED_DIR/photos (default ../shared next to the repository).
# The last line printed is `N passed, M failed`; the exit status is non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

binary=${1:-.build/debug/mupic}
[[ -x $binary ]] || { echo "e2e: no mupic binary at $binary (swift build --product mupic)" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

shared=${MUPIC_SHARED_DIR:-$repo/../shared}
photos_dir=$shared/photos
[[ -d $photos_dir ]] || { echo "e2e: no photos at $photos_dir (set MUPIC_SHARED_DIR)" >&2; exit 2; }
command -v "${CHROMIUM:-chromium}" >/dev/null || { echo "e2e: chromium is missing (scripts/setup-e2e.sh)" >&2; exit 2; }

out=$repo/.build/e2e
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.log

# Python with websocket-client, in a venv of its own, made once.
venv=$repo/.build/e2e-venv
if ! "$venv/bin/python" -c 'import websocket' 2>/dev/null; then
    echo "e2e: making $venv with websocket-client" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'websocket-client>=1.6,<2'
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/mupic-e2e.XXXXXX")
server_pid=""
listen_pid=""
youtube_pid=""
stop() {
    if [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}
cleanup() {
    stop "$server_pid"
    stop "$listen_pid"
    stop "$youtube_pid"
    rm -rf "$work"
}
trap cleanup EXIT

started=$(date +%s)
database=$work/mupic.sqlite
if [[ ${MUPIC_E2E_FULL_CATALOG:-0} == 1 ]]; then
    catalog=(data/starter-catalog)
else
    catalog=(data/starter-catalog/ballad.jsonl data/starter-catalog/pop.jsonl)  # the genres suite.py submits
fi
echo "e2e: ingesting ${catalog[*]}" >&2
"$binary" ingest --database "$database" "${catalog[@]}" >"$out/ingest.log" 2>&1 \
    || { echo "e2e: ingest failed:" >&2; tail -20 "$out/ingest.log" >&2; exit 1; }
echo "e2e: ingested in $(($(date +%s) - started)) s" >&2

# A fresh admin password per run, set on the server's database before it starts. It goes to
# the CLI on stdin and to the suite in a file in the throwaway directory, never in argv.
admin_password_file=$work/admin-password
(umask 077; python3 -c 'import secrets; print(secrets.token_urlsafe(24))' >"$admin_password_file")
"$binary" admin set-password --database "$database" <"$admin_password_file" >"$out/admin.log" 2>&1 \
    || { echo "e2e: mupic admin set-password failed:" >&2; tail -20 "$out/admin.log" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The fake YouTube Data API: it writes its port once listening, and logs each search.
youtube_log=$work/youtube-searches.log
python3 tests/e2e/fake_youtube.py --port-file "$work/youtube-port" --log "$youtube_log" >"$out/fake-youtube.log" 2>&1 &
youtube_pid=$!
for _ in $(seq 100); do [[ -s $work/youtube-port ]] && break; sleep 0.1; done
[[ -s $work/youtube-port ]] || { echo "e2e: the fake YouTube API did not start:" >&2; cat "$out/fake-youtube.log" >&2; exit 1; }
youtube_url=http://127.0.0.1:$(cat "$work/youtube-port")/youtube/v3

port=$(free_port)
base_url=http://127.0.0.1:$port
# The first server tags with the image models (../shared/models), as a deployment with them would.
# The suite uploads faster than a person would, so per-client rate limits are off here
# (SecurityTests checks them); the cross-site guard stays on and sees Chromium's real headers.
export MUPIC_UPLOADS_PER_MINUTE=0 MUPIC_API_PER_MINUTE=0
env -u MUPIC_YOUTUBE_KEY -u MUPIC_YOUTUBE_URL -u MUPIC_YOUTUBE_DAILY_UNITS \
    "$binary" serve --host 127.0.0.1 --port "$port" --database "$database" --photos "$work/photos" \
    --image-models "$shared/models" >"$out/server.log" 2>&1 &
server_pid=$!
listen_port=$(free_port)
listen_url=http://127.0.0.1:$listen_port
MUPIC_YOUTUBE_KEY=e2e-fake-key MUPIC_YOUTUBE_URL=$youtube_url MUPIC_YOUTUBE_DAILY_UNITS=1000 \
    "$binary" serve --host 127.0.0.1 --port "$listen_port" --database "$database" --photos "$work/photos" \
    >"$out/server-listen.log" 2>&1 &
listen_pid=$!

# Ready when the home page answers; give up if the server exits or after 60 s.
wait_ready() {
    python3 - "$1" "$2" <<'EOF'
import os, sys, time, urllib.request
url, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(1)
    try:
        with urllib.request.urlopen(url + "/", timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
EOF
}
wait_ready "$base_url" "$server_pid" || { echo "e2e: the server did not start:" >&2; tail -20 "$out/server.log" >&2; exit 1; }
wait_ready "$listen_url" "$listen_pid" || { echo "e2e: the server with a YouTube key did not start:" >&2; tail -20 "$out/server-listen.log" >&2; exit 1; }
echo "e2e: serving on $base_url (no YouTube key) and $listen_url (fake key, $youtube_url)" >&2

status=0
"$venv/bin/python" tests/e2e/suite.py --base-url "$base_url" --database "$database" \
    --photos-dir "$photos_dir" --admin-password-file "$admin_password_file" --out "$out" \
    --listen-base-url "$listen_url" --youtube-log "$youtube_log" || status=$?

stop "$server_pid"
stop "$listen_pid"
stop "$youtube_pid"
server_pid=""
listen_pid=""
youtube_pid=""
echo "e2e: done in $(($(date +%s) - started)) s; screenshots and logs in $out" >&2
exit "$status"
