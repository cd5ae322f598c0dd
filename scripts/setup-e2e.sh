#!/usr/bin/env bash
# Installs what the browser end-to-end suite (tests/e2e) needs on Debian bookworm, run as
# root: chromium, and fonts-noto-cjk so Korean renders in the screenshots. Safe to run
# again: it only installs what is missing. The suite makes its own Python venv.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-cjk python3 python3-venv)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup-e2e: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
