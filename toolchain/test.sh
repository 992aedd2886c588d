#!/usr/bin/env bash
# The whole test suite from nothing: set up, build native + wasm, run CTest
# (Catch2 unit tests, CLI contract, node tests of the wasm module, browser
# tests in Debian's Chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/toolchain/build.sh" native wasm
ctest --preset native -j2 "$@"
