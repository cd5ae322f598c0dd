#!/usr/bin/env bash
# A project-local PostgreSQL for the tests, the scale-out test and benchmarks:
#   scripts/postgres.sh start   installs Debian's postgresql if missing, creates a cluster in
#                               .build/postgres (first time), starts it on 127.0.0.1:55432 and
#                               waits until it answers; database and role `mupic`, trust on loopback.
#   scripts/postgres.sh stop    stops it (the data stays for the next start).
#   scripts/postgres.sh url     prints the URL: postgres://mupic@127.0.0.1:55432/mupic
#   scripts/postgres.sh status  exits 0 when it answers.
#   scripts/postgres.sh fresh-db NAME
#                               (re)creates an empty database NAME owned by `mupic`, prints its URL.
#   scripts/postgres.sh reset   stops it and removes the cluster.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
# MUPIC_PG_PORT and MUPIC_PG_DIR change the port and the directory.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${MUPIC_PG_PORT:-55432}
url="postgres://mupic@127.0.0.1:$port/mupic"

as_owner() {
    if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# .build/postgres, unless the postgres user cannot reach it (a checkout under /root): then a
# directory in /var/tmp named after this checkout.
data_dir() {
    [[ -n ${MUPIC_PG_DIR:-} ]] && { echo "$MUPIC_PG_DIR"; return; }
    mkdir -p .build
    if [[ $(id -u) == 0 ]] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$PWD/.build"; then
        echo "/var/tmp/mupic-postgres-$(printf %s "$PWD" | md5sum | cut -c1-10)"
    else
        echo "$PWD/.build/postgres"
    fi
}

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -n $dir ]] && echo "$dir"
}

install_server() {
    [[ -n $(bin_dir) ]] && return
    echo "postgres.sh: installing Debian's postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

data=$(data_dir)
log="$data.log"

ready() { as_owner "$(bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$port"; }

start() {
    install_server
    data=$(data_dir)  # again: the postgres user exists only once the package is installed
    log="$data.log"
    local bin
    bin=$(bin_dir)
    mkdir -p "$(dirname "$data")"
    if [[ ! -f $data/PG_VERSION ]]; then
        mkdir -p "$data"
        [[ $(id -u) == 0 ]] && chown postgres:postgres "$data"
        chmod 700 "$data"
        as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        # Loopback only, a few more connections than the default for two servers and parallel tests.
        cat <<EOF | as_owner tee -a "$data/postgresql.conf" >/dev/null
listen_addresses = '127.0.0.1'
port = $port
max_connections = 200
unix_socket_directories = '$data'
fsync = on
EOF
    fi
    if ! ready; then
        touch "$log"
        [[ $(id -u) == 0 ]] && chown postgres:postgres "$log"
        # The web route suites open one pool per test app; 200 slots ran out once the account
        # and screening suites joined them, so the limit is raised on every start.
        as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-c max_connections=1000" start >/dev/null
    fi
    for _ in $(seq 60); do ready && break; sleep 0.5; done
    ready || { echo "postgres.sh: the server did not start; see $log" >&2; exit 1; }
    local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -v ON_ERROR_STOP=1)
    if [[ -z $(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'mupic'") ]]; then
        as_owner "${psql[@]}" -c "CREATE ROLE mupic LOGIN CREATEDB"
    fi
    if [[ -z $(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'mupic'") ]]; then
        as_owner "${psql[@]}" -c "CREATE DATABASE mupic OWNER mupic"
    fi
    echo "postgres.sh: ready at $url" >&2
}

stop() {
    local bin
    bin=$(bin_dir) || return 0
    if [[ -f $data/postmaster.pid ]]; then as_owner "$bin/pg_ctl" -D "$data" -w -m fast stop >/dev/null; fi
}

fresh_db() {
    local name=$1
    [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "postgres.sh: database names are lower-case letters, digits and _" >&2; exit 2; }
    local psql=("$(bin_dir)/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -v ON_ERROR_STOP=1)
    as_owner env PGOPTIONS='-c client_min_messages=warning' "${psql[@]}" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
    as_owner "${psql[@]}" -c "CREATE DATABASE $name OWNER mupic"
    echo "postgres://mupic@127.0.0.1:$port/$name"
}

case "${1:-}" in
    start) start ;;
    fresh-db) ready || start; fresh_db "${2:?usage: scripts/postgres.sh fresh-db NAME}" ;;
    stop) stop ;;
    url) echo "$url" ;;
    status) [[ -n $(bin_dir) ]] && ready ;;
    reset) stop; rm -rf "$data" "$log" ;;
    *) echo "usage: scripts/postgres.sh start|stop|status|url|fresh-db NAME|reset" >&2; exit 2 ;;
esac
