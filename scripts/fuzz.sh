#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (ASan + libFuzzer, debug) and runs each for SECONDS
# (default 60). Each run reads its committed seeds from Fuzz/Corpus/<target>/ and writes what
# it discovers to a temporary directory, so new corpus entries never land in git. Fails on
# any crash, sanitizer report, timeout or out-of-memory; the input that did it is kept in
# Fuzz/.build/artifacts/<target>/ (reproduce: Fuzz/.build/debug/<target> <file>).
#   scripts/fuzz.sh [SECONDS] [TARGET...]        (CI runs it from scripts/test.sh)
# MUPIC_FUZZ_PARALLEL targets run at once (default: the number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(FuzzExif FuzzCatalog FuzzTokenizer FuzzUploadForm)

started=$(date +%s)
build=(swift build --package-path Fuzz -Xswiftc -sanitize=fuzzer,address)
mkdir -p Fuzz/.build
# gold warns about every ASan helper symbol it cannot export; only the rest is worth showing.
# SwiftPM notices source files added to the path dependency only when it plans the build
# again; without its saved plan it does (about a second).
rm -f Fuzz/.build/*/debug/description.json
if ! "${build[@]}" >Fuzz/.build/fuzz-build.log 2>&1; then
    grep -v "Cannot export local symbol" Fuzz/.build/fuzz-build.log | tail -40 >&2
    echo "fuzz: the fuzz targets did not build (whole log: Fuzz/.build/fuzz-build.log)" >&2
    exit 1
fi
echo "fuzz: targets built in $(($(date +%s) - started)) s" >&2
bin=$("${build[@]}" --show-bin-path)
# Swift's own crash handler would hold a trap for its backtrace; libFuzzer must see it at once.
export SWIFT_BACKTRACE=enable=no
# The Swift runtime keeps metadata caches for the life of the process, which LeakSanitizer reports.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
work=$(mktemp -d "${TMPDIR:-/tmp}/mupic-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One target on each core at a time (libFuzzer runs one process per target): the runs take
# half the wall time and each still has a whole core for its SECONDS.
parallel=${MUPIC_FUZZ_PARALLEL:-$(nproc)}

run_target() {
    local target=$1 corpus=$work/$1 artifacts=Fuzz/.build/artifacts/$1 status=0
    mkdir -p "$corpus" "$artifacts"
    local dictionary=()
    [[ -f Fuzz/Dictionaries/$target.dict ]] && dictionary=(-dict="Fuzz/Dictionaries/$target.dict")
    # The first directory receives new inputs; the seed directory is only read.
    "$bin/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "${dictionary[@]}" "$corpus" "Fuzz/Corpus/$target" \
        >"$work/$target.log" 2>&1 || status=$?
    echo "$status" >"$work/$target.status"
}

report_target() {
    local target=$1 corpus=$work/$1 artifacts=Fuzz/.build/artifacts/$1 status runs coverage seeds found
    status=$(cat "$work/$target.status")
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$' || echo "?")
    coverage=$(grep -o 'cov: [0-9]*' "$work/$target.log" | tail -1 | grep -o '[0-9]*' || echo "?")
    seeds=$(find "Fuzz/Corpus/$target" -type f | wc -l)
    found=$(find "$corpus" -type f | wc -l)
    if ((status == 0)); then
        echo "fuzz: $target: $runs runs in ${seconds} s, coverage $coverage edges, $seeds seeds + $found new inputs, no crash" >&2
    else
        echo "fuzz: $target FAILED (exit $status) after $runs runs; the log's end:" >&2
        grep -v "^    #\|^$" "$work/$target.log" | tail -40 >&2
        echo "fuzz: the input is in $artifacts/" >&2
        return 1
    fi
}

for ((first = 0; first < ${#targets[@]}; first += parallel)); do
    batch=("${targets[@]:first:parallel}")
    for target in "${batch[@]}"; do run_target "$target" & done
    wait
done
failed=0
for target in "${targets[@]}"; do report_target "$target" || failed=1; done
echo "fuzz: $(($(date +%s) - started)) s in all" >&2
exit $failed
