#!/usr/bin/env bash
# Build ICU 72.1 "common" (libicuuc) + a slim, compiled-in data library
# (libicudata) for WebAssembly with Emscripten, from Debian's `icu` source
# package (plus the patches in icu-wasm/patches/), and cache the result outside
# the build tree.
#
# Usage:
#   ICU_WASM_PREFIX=$(toolchain/build-icu-wasm.sh | tail -n1)
#   em++ -I"$ICU_WASM_PREFIX/include" ... -L"$ICU_WASM_PREFIX/lib" -licuuc -licudata
#
# The prefix contains:
#   include/unicode/*.h    ICU common headers; uconfig.h is patched to include
#                          uconfig_local.h (= icu-wasm/include/uconfig_local.h),
#                          so users see the UCONFIG_* switches the library was built with
#   lib/libicuuc.a         ICU common library (break iterators, normalization, case, ...),
#                          built -Oz from a copy of common/ with icu-wasm/patches/*.patch applied
#   lib/libicudata.a       slim ICU data, linked in (symbol icudt72_dat); no runtime loading
#   share/icudt72l.dat     the same slim data as a .dat package (items: icu-wasm/data-items.txt)
#   share/icudata.lst      the data items it contains
#   share/build-info.txt   versions and sizes
#
# The cache key covers the ICU version, the emcc version and a hash of this
# script and of toolchain/icu-wasm/*; older cache entries are left in place.
#
# Environment:
#   PRECIS_CACHE_DIR   cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/precis)
#   PRECIS_JOBS        parallel compile jobs (default: nproc)
#
# Needs: emscripten (emcc/em++/emcmake), cmake, node, icu-devtools (icupkg,
# genccode) and libicu-dev 72.1 (native smoke-test reference), dpkg-dev (for
# `apt-get source`), patch. On a cold cache, may add a deb-src apt source, run
# `apt-get update` and install dpkg-dev (needs root).
#
# Progress goes to stderr; the prefix path is the last line of stdout.
set -euo pipefail

readonly ICU_VERSION=72.1
readonly ICU_MAJOR=${ICU_VERSION%%.*}
readonly ICU_DATA_NAME="icudt${ICU_MAJOR}l"       # l = little endian, ASCII family

SCRIPT_PATH=$(readlink -f "${BASH_SOURCE[0]}")
SCRIPT_DIR=$(dirname "$SCRIPT_PATH")
readonly SCRIPT_PATH SCRIPT_DIR
readonly ICU_WASM_DIR="$SCRIPT_DIR/icu-wasm"

# Everything (our messages and the tools' output) goes to stderr; only the
# prefix path is printed to the original stdout (fd 3).
exec 3>&1 1>&2

log() { printf '[build-icu-wasm] %s\n' "$*" >&2; }
die() { printf '[build-icu-wasm] ERROR: %s\n' "$*" >&2; exit 1; }

# Debian's emcc runs its JS optimizer with the system node and needs the
# Debian-packaged node modules (acorn, ...).
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"

command -v emcc >/dev/null || die "emcc not found (apt-get install emscripten)"
[[ -d $ICU_WASM_DIR ]] || die "missing $ICU_WASM_DIR"

CACHE="${PRECIS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/precis}"
EMCC_VERSION=$(emcc -dumpversion)
# Hash of this script and of everything in toolchain/icu-wasm/ (names + contents).
INPUT_HASH=$(
    cd "$SCRIPT_DIR"
    { echo "build-icu-wasm.sh"; find icu-wasm -type f; } | LC_ALL=C sort |
        while IFS= read -r f; do printf '%s\n' "$f"; sha256sum < "$f"; done |
        sha256sum | cut -c1-12
)
readonly KEY="${ICU_VERSION}-emcc${EMCC_VERSION}-${INPUT_HASH}"
readonly PREFIX="$CACHE/icu-wasm-$KEY"
readonly SRC_CACHE="$CACHE/icu-src-$ICU_VERSION"

if [[ -f $PREFIX/.complete ]]; then
    log "cached: $PREFIX"
    echo "$PREFIX" >&3
    exit 0
fi

mkdir -p "$CACHE"
# Serialize concurrent builds of the same cache.
exec 9>"$CACHE/.icu-wasm.lock"
flock 9
if [[ -f $PREFIX/.complete ]]; then     # built by a concurrent run meanwhile
    echo "$PREFIX" >&3
    exit 0
fi

START_SECONDS=$SECONDS
JOBS="${PRECIS_JOBS:-$(nproc)}"
rm -rf "$CACHE"/.icu-wasm-build.*      # leftovers of killed runs (we hold the lock)
WORK=$(mktemp -d "$CACHE/.icu-wasm-build.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

for tool in em++ emcmake cmake node icupkg genccode g++ pkg-config patch; do
    command -v "$tool" >/dev/null || die "'$tool' not found; see toolchain/debian-packages.txt"
done

# --------------------------------------------------------------------------
# 1. ICU source, from Debian's source package (with Debian's patches applied)
# --------------------------------------------------------------------------
have_deb_src() {
    grep -Eqs '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list && return 0
    # deb822: a "Types:" line listing deb-src (ignores "Enabled: no" stanzas; good enough)
    grep -Eqs '^Types:(.*[[:space:]])?deb-src([[:space:]]|$)' /etc/apt/sources.list.d/*.sources
}

add_deb_src() {
    local out=/etc/apt/sources.list.d/precis-deb-src.sources tmp
    [[ $(id -u) == 0 ]] || die "no deb-src apt source configured; run as root or add one for 'apt-get source icu'"
    tmp=$(mktemp)
    # deb822 stanzas with Types containing "deb" -> same stanza with Types: deb-src
    shopt -s nullglob
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        awk '
            function flush() { if (stanza != "" && isdeb && enabled) printf "%s\n", stanza; stanza = ""; isdeb = 0; enabled = 1 }
            BEGIN { enabled = 1 }
            /^[[:space:]]*$/ { flush(); next }
            /^Types:/ { n = split($0, t, /[[:space:]]+/); for (i = 2; i <= n; i++) if (t[i] == "deb") isdeb = 1
                        stanza = stanza "Types: deb-src\n"; next }
            /^Enabled:[[:space:]]*(no|false)/ { enabled = 0 }
            { stanza = stanza $0 "\n" }
            END { flush() }' "$f" >> "$tmp"
    done
    # one-line format: "deb [opts] uri suite comps" -> "deb-src ..."
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f $f ]] || continue
        sed -n 's/^[[:space:]]*deb\([[:space:]]\)/deb-src\1/p' "$f" >> "$tmp.list"
    done
    shopt -u nullglob
    if [[ -s $tmp ]]; then
        install -m 0644 "$tmp" "$out"
        log "added $out"
    fi
    if [[ -s $tmp.list ]]; then
        install -m 0644 "$tmp.list" "${out%.sources}.list"
        log "added ${out%.sources}.list"
    fi
    rm -f "$tmp" "$tmp.list"
    have_deb_src || die "could not derive a deb-src entry from the apt sources"
}

fetch_icu_source() {
    local dl="$WORK/src-download" dsc
    mkdir -p "$dl"
    if ! command -v dpkg-source >/dev/null; then
        [[ $(id -u) == 0 ]] || die "dpkg-dev is required (apt-get install dpkg-dev)"
        log "installing dpkg-dev"
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dpkg-dev
    fi
    have_deb_src || add_deb_src
    log "downloading Debian source package icu ($ICU_VERSION)"
    # The _apt sandbox user cannot write into our private temp dir; that is harmless.
    if ! (cd "$dl" && apt-get source --download-only "icu" 2>"$WORK/apt-source.err"); then
        log "apt-get source failed ($(tail -n1 "$WORK/apt-source.err")); running apt-get update"
        [[ $(id -u) == 0 ]] || die "apt-get update needs root"
        apt-get update
        (cd "$dl" && apt-get source --download-only "icu") || die "apt-get source icu failed"
    fi
    dsc=$(find "$dl" -maxdepth 1 -name "icu_${ICU_VERSION}-*.dsc" | head -n1)
    [[ -n $dsc ]] || die "apt-get source did not fetch icu $ICU_VERSION (got: $(ls "$dl"))"
    log "extracting $(basename "$dsc")"
    # (apt-get verified the files against the signed Sources index; dpkg-source
    # checks them against the .dsc, and may warn that it cannot verify its signature.)
    dpkg-source -x "$dsc" "$WORK/icu-src"
    [[ -f $WORK/icu-src/source/common/unicode/uvernum.h ]] || die "unexpected source layout in $dsc"
    grep -q "#define U_ICU_VERSION \"$ICU_VERSION\"" "$WORK/icu-src/source/common/unicode/uvernum.h" ||
        die "source package is not ICU $ICU_VERSION"
    basename "$dsc" > "$WORK/icu-src/.debian-dsc"
    touch "$WORK/icu-src/.complete"
    rm -rf "$SRC_CACHE"
    mv -T "$WORK/icu-src" "$SRC_CACHE"
    rm -rf "$dl"
}

if [[ ! -f $SRC_CACHE/.complete ]]; then
    fetch_icu_source
else
    log "using cached source $SRC_CACHE ($(cat "$SRC_CACHE/.debian-dsc"))"
fi
readonly ICU_SRC="$SRC_CACHE/source"

# The cached source stays pristine: the library is built from a patched copy
# of common/ (patch -p1 from source/; see each patch for why).
PATCHED="$WORK/icu-patched"
mkdir -p "$PATCHED"
cp -a "$ICU_SRC/common" "$PATCHED/common"
shopt -s nullglob
for p in "$ICU_WASM_DIR"/patches/*.patch; do
    log "applying $(basename "$p")"
    patch -p1 -d "$PATCHED" --forward --no-backup-if-mismatch --quiet < "$p" || die "$(basename "$p") does not apply"
done
shopt -u nullglob

STAGE="$WORK/prefix"
mkdir -p "$STAGE/include" "$STAGE/lib" "$STAGE/share"

# --------------------------------------------------------------------------
# 2. Slim data package (native icupkg) -> C source (native genccode)
# --------------------------------------------------------------------------
FULL_DAT="$ICU_SRC/data/in/$ICU_DATA_NAME.dat"
[[ -f $FULL_DAT ]] || die "full ICU data not found at $FULL_DAT"
ITEMS="$ICU_WASM_DIR/data-items.txt"
DATA="$WORK/data"
mkdir -p "$DATA/items" "$DATA/genccode"
log "making slim $ICU_DATA_NAME.dat from $FULL_DAT"
icupkg -x "$ITEMS" -d "$DATA/items" "$FULL_DAT"
# The output must be named icudt72l.dat: icupkg derives the item name prefix
# ("icudt72l/") from it, and ICU looks items up under that prefix.
icupkg -tl -s "$DATA/items" -a "$ITEMS" new "$DATA/$ICU_DATA_NAME.dat"
icupkg -l "$DATA/$ICU_DATA_NAME.dat" | LC_ALL=C sort > "$DATA/icudata.lst"
diff -u <(grep -Ev '^[[:space:]]*(#|$)' "$ITEMS" | LC_ALL=C sort) "$DATA/icudata.lst" >&2 ||
    die "slim data package does not contain exactly the items of $ITEMS"
# genccode names the C symbol after the input file: icudt72.dat -> icudt72_dat,
# the entry point ICU references (U_ICUDATA_ENTRY_POINT) when data is linked in.
cp "$DATA/$ICU_DATA_NAME.dat" "$DATA/genccode/icudt${ICU_MAJOR}.dat"
genccode -d "$DATA/genccode" "$DATA/genccode/icudt${ICU_MAJOR}.dat"
DATA_C="$DATA/genccode/icudt${ICU_MAJOR}_dat.c"
grep -q "^} icudt${ICU_MAJOR}_dat=" "$DATA_C" || die "genccode did not define icudt${ICU_MAJOR}_dat in $DATA_C"
install -m 0644 "$DATA/$ICU_DATA_NAME.dat" "$DATA/icudata.lst" "$STAGE/share/"

# --------------------------------------------------------------------------
# 3. Headers: ICU common API headers, pinned to the build's UCONFIG switches
# --------------------------------------------------------------------------
mkdir -p "$STAGE/include/unicode"
cp "$PATCHED"/common/unicode/*.h "$STAGE/include/unicode/"
install -m 0644 "$ICU_WASM_DIR/include/uconfig_local.h" "$STAGE/include/unicode/"
sed -i '/^#define __UCONFIG_H__$/a\
\
/* precis: this ICU was built with the switches in uconfig_local.h (toolchain/build-icu-wasm.sh). */\
#ifndef UCONFIG_USE_LOCAL\
#define UCONFIG_USE_LOCAL\
#endif' "$STAGE/include/unicode/uconfig.h"
grep -q '^#define UCONFIG_USE_LOCAL$' "$STAGE/include/unicode/uconfig.h" || die "could not patch uconfig.h"

# --------------------------------------------------------------------------
# 4. libicuuc.a (ICU common) + libicudata.a with emcmake cmake
# --------------------------------------------------------------------------
GENERATOR=()
command -v ninja >/dev/null && GENERATOR=(-G Ninja)
log "configuring ICU common for wasm"
emcmake cmake -S "$ICU_WASM_DIR" -B "$WORK/cmake" "${GENERATOR[@]}" \
    -DCMAKE_BUILD_TYPE= \
    -DCMAKE_INSTALL_PREFIX="$STAGE" \
    -DICU_SOURCE_DIR="$PATCHED" \
    -DICU_DATA_SOURCE="$DATA_C"
log "compiling ICU common with $JOBS jobs"
BUILD_START=$SECONDS
cmake --build "$WORK/cmake" --parallel "$JOBS"
log "compiled in $((SECONDS - BUILD_START)) s"
cmake --install "$WORK/cmake"
[[ -f $STAGE/lib/libicuuc.a && -f $STAGE/lib/libicudata.a ]] || die "libraries were not installed"

# --------------------------------------------------------------------------
# 5. Smoke test: wasm (node) output must equal native (system ICU) output
# --------------------------------------------------------------------------
SMOKE="$WORK/smoke"
mkdir -p "$SMOKE"
NATIVE_ICU_VERSION=$(pkg-config --modversion icu-uc) || die "pkg-config icu-uc failed (apt-get install libicu-dev)"
[[ $NATIVE_ICU_VERSION == "$ICU_VERSION" ]] ||
    die "system ICU is $NATIVE_ICU_VERSION, the smoke test compares against ICU $ICU_VERSION"
log "smoke test: native build"
# shellcheck disable=SC2046
g++ -std=c++17 -O2 -o "$SMOKE/smoke-native" "$ICU_WASM_DIR/smoke.cpp" $(pkg-config --cflags --libs icu-uc)
"$SMOKE/smoke-native" > "$SMOKE/native.txt" || die "native smoke test failed (exit $?)"
log "smoke test: wasm build"
# Debian's Emscripten 3.1.6 node glue fetch()es the .wasm by file path when a
# global fetch exists (Node >= 18), which fails: hand it the bytes instead.
cat > "$SMOKE/pre.js" <<'JS'
Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'smoke.wasm'));
JS
em++ -std=c++17 -O2 -I"$STAGE/include" -o "$SMOKE/smoke.js" "$ICU_WASM_DIR/smoke.cpp" \
    -L"$STAGE/lib" -licuuc -licudata \
    -sENVIRONMENT=node -sEXIT_RUNTIME=1 --pre-js "$SMOKE/pre.js"
node "$SMOKE/smoke.js" > "$SMOKE/wasm.txt" || die "wasm smoke test failed (exit $?): an ICU call failed or data is missing"
cat "$SMOKE/wasm.txt" >&2
diff -u --label native "$SMOKE/native.txt" --label wasm "$SMOKE/wasm.txt" >&2 ||
    die "wasm ICU output differs from native ICU output"
log "smoke test passed: wasm output == native output"

# --------------------------------------------------------------------------
# 6. Publish
# --------------------------------------------------------------------------
size() { stat -c %s "$1"; }
{
    echo "ICU $ICU_VERSION from Debian source $(cat "$SRC_CACHE/.debian-dsc")"
    echo "emcc $EMCC_VERSION; key $KEY"
    echo "libicuuc.a: $(size "$STAGE/lib/libicuuc.a") bytes"
    echo "libicudata.a: $(size "$STAGE/lib/libicudata.a") bytes"
    echo "$ICU_DATA_NAME.dat: $(size "$STAGE/share/$ICU_DATA_NAME.dat") bytes ($(wc -l < "$STAGE/share/icudata.lst") items)"
    echo "smoke test .wasm (-O2): $(size "$SMOKE/smoke.wasm") bytes"
    echo "build time: $((SECONDS - START_SECONDS)) s"
} > "$STAGE/share/build-info.txt"
sed 's/^/  /' "$STAGE/share/build-info.txt" >&2
touch "$STAGE/.complete"
rm -rf "$PREFIX"                  # a stale, incomplete directory (never a complete one)
mv -T "$STAGE" "$PREFIX"
log "done: $PREFIX"
echo "$PREFIX" >&3
