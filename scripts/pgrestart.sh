#!/usr/bin/env bash
# PostgreSQL restart while serving (CI runs it from scripts/test.sh): `mupic serve` on the
# project's local PostgreSQL; the database is stopped, and pages and the API must answer 503
# (HTML and JSON) with one log line per request naming the cause; the database is started
# again, and the same server must answer 200 within a minute, without a restart. Then a
# second server is started while PostgreSQL is down: it must answer 503 at once, log why, and
# serve once PostgreSQL is back, again without a restart.
#   scripts/pgrestart.sh [path/to/mupic]      (default .build/debug/mupic)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/mupic}
[[ -x $binary ]] || { echo "pgrestart: no mupic binary at $binary (swift build --product mupic)" >&2; exit 2; }

scripts/postgres.sh start >/dev/null
database=$(scripts/postgres.sh fresh-db mupic_pgrestart)
logs=.build/pgrestart
rm -rf "$logs" && mkdir -p "$logs"
work=$(mktemp -d "${TMPDIR:-/tmp}/mupic-pgrestart.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$binary" migrate --database "$database" >"$logs/migrate.log" 2>&1
"$binary" serve --port "$port" --database "$database" --photos "$work/photos" --no-screening >"$logs/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; scripts/postgres.sh start >/dev/null; }
# The body of the last answer must be the unavailable JSON (API) or an HTML page (site).
expect_unavailable_bodies() {
    wait_for /api/archive 503 15 || failed=1
    grep -q '"code":"unavailable"' "$logs/body" || { echo "pgrestart: the API's 503 is not the unavailable JSON: $(cat "$logs/body")" >&2; failed=1; }
    wait_for /archive 503 5 || failed=1
    grep -qi '<html' "$logs/body" || { echo "pgrestart: the page's 503 is not HTML" >&2; failed=1; }
}
trap cleanup EXIT

status() { curl -s -o "$logs/body" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port$1" || echo 000; }
# Polls `path` once a second, up to `seconds`, until it answers `code`.
wait_for() {
    local path=$1 code=$2 seconds=$3 got
    for ((i = 0; i < seconds; i++)); do
        got=$(status "$path")
        [[ $got == "$code" ]] && return 0
        sleep 1
    done
    echo "pgrestart: $path answered $got, not $code, after $seconds s" >&2
    return 1
}

failed=0
wait_for /api/archive 200 60 || { tail -20 "$logs/server.log" >&2; exit 1; }
scripts/postgres.sh stop >/dev/null
stopped=$(date +%s)
# A request waits for a connection at most the lease timeout (5 s) while PostgresNIO's pool
# retries connecting, then gets its 503 (the pool alone would keep it about 60 s).
expect_unavailable_bodies
lines=$(grep -c 'database unavailable' "$logs/server.log" || true)
first_503=$(($(date +%s) - stopped))
echo "pgrestart: PostgreSQL stopped: 503 within $first_503 s; $lines 'database unavailable' log lines" >&2
((first_503 <= 20)) || { echo "pgrestart: the first 503 took $first_503 s; a request should wait at most the 5 s lease timeout" >&2; failed=1; }
((lines > 0)) || { echo "pgrestart: no 'database unavailable' log line" >&2; failed=1; }

scripts/postgres.sh start >/dev/null
restarted=$(date +%s)
wait_for /api/archive 200 60 || failed=1
wait_for /archive 200 10 || failed=1
echo "pgrestart: PostgreSQL started again: the same server answered 200 after $(($(date +%s) - restarted)) s" >&2
kill -0 "$server" || { echo "pgrestart: the server died" >&2; failed=1; }
grep 'database unavailable' "$logs/server.log" | head -1 | cut -c1-300 >&2

kill "$server" && wait "$server" || true
scripts/postgres.sh stop >/dev/null
"$binary" serve --port "$port" --database "$database" --photos "$work/photos" --no-screening >"$logs/server-2.log" 2>&1 &
server=$!
started=$(date +%s)
expect_unavailable_bodies
echo "pgrestart: a server started while PostgreSQL is down answered 503 after $(($(date +%s) - started)) s" >&2
# Its first load gives up after the 20 s connect deadline and says so; only then is PostgreSQL
# started, so the recovery below is a retry's, not the first attempt's.
for ((i = 0; i < 40; i++)); do grep -q 'cannot start yet' "$logs/server-2.log" && break; sleep 1; done
grep -q 'cannot start yet' "$logs/server-2.log" || { echo "pgrestart: no 'cannot start yet' log line" >&2; failed=1; }
grep 'cannot start yet' "$logs/server-2.log" | head -1 | cut -c1-300 >&2
scripts/postgres.sh start >/dev/null
restarted=$(date +%s)
wait_for /api/archive 200 90 || failed=1
echo "pgrestart: PostgreSQL started: that server answered 200 after $(($(date +%s) - restarted)) s" >&2
grep -q 'serving again' "$logs/server-2.log" || { echo "pgrestart: no 'serving again' log line" >&2; failed=1; }
kill -0 "$server" || { echo "pgrestart: the second server died" >&2; failed=1; }
((failed == 0)) && echo "pgrestart: passed" || echo "pgrestart: FAILED"
exit $failed
