#!/usr/bin/env bash
# All the tests: the Swift suites (unit, storage conformance on SQLite and PostgreSQL, route,
# model parity, real photos), the web route suite again on PostgreSQL, the scale-out test
# (two servers on one PostgreSQL, one killed half way), the durability test (SQLite, SIGKILL
# and SIGTERM under load), a PostgreSQL restart while serving, the fuzz targets (MUPIC_FUZZ_SECONDS each, default 60), then the
# browser end-to-end suite against a real `mupic serve`. Installs what is missing first, and starts a project-local
# PostgreSQL (scripts/postgres.sh), stopped again at the end if this script started it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

started_postgres=0
scripts/postgres.sh status || started_postgres=1
scripts/postgres.sh start
stop_postgres() { if ((started_postgres)); then scripts/postgres.sh stop || true; fi; }
trap stop_postgres EXIT
# A database of the tests' own, empty at every run: each test works in a schema of its own there.
MUPIC_TEST_POSTGRES_URL=$(scripts/postgres.sh fresh-db mupic_test)
export MUPIC_TEST_POSTGRES_URL

swift test
echo "test.sh: the web suites again, on PostgreSQL (all but the two that use no storage)" >&2
MUPIC_WEB_TEST_BACKEND=postgres swift test --skip-build --filter MupicWebTests \
    --skip 'MupicWebTests\.(UnitTests|UploadGateTests)'
swift build --product mupic
scripts/scaleout.sh .build/debug/mupic
scripts/durability.sh .build/debug/mupic
scripts/pgrestart.sh .build/debug/mupic
scripts/fuzz.sh "${MUPIC_FUZZ_SECONDS:-60}"
./scripts/setup-e2e.sh
tests/e2e/run.sh .build/debug/mupic
