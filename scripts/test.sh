#!/usr/bin/env bash
# All the tests: the Swift suites (unit, storage, route, model parity, real photos) and then
# the browser end-to-end suite against a real `mupic serve`. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift test
swift build --product mupic
./scripts/setup-e2e.sh
tests/e2e/run.sh .build/debug/mupic
