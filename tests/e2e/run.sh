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
cleanup() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
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

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base_url=http://127.0.0.1:$port
"$binary" serve --host 127.0.0.1 --port "$port" --database "$database" --photos "$work/photos" \
    >"$out/server.log" 2>&1 &
server_pid=$!

# Ready when the home page answers; give up if the server exits or after 60 s.
python3 - "$base_url" "$server_pid" <<'EOF' || { echo "e2e: the server did not start:" >&2; tail -20 "$out/server.log" >&2; exit 1; }
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
echo "e2e: serving on $base_url" >&2

status=0
"$venv/bin/python" tests/e2e/suite.py --base-url "$base_url" --database "$database" \
    --photos-dir "$photos_dir" --admin-password-file "$admin_password_file" --out "$out" || status=$?

kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""
echo "e2e: done in $(($(date +%s) - started)) s; screenshots and logs in $out" >&2
exit "$status"
