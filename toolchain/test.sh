#!/usr/bin/env bash
# The whole test suite from nothing: set up, build native + wasm, run CTest
# (Catch2 unit tests, CLI contract, fuzz corpus replays, node tests of the wasm
# module, browser tests in Debian's Chromium); then build the `asan` preset
# (Debug, AddressSanitizer + UndefinedBehaviorSanitizer) and run the native
# tests again under the sanitizers (unit, CLI contract, fuzz replays; the JS
# and browser tests run once, above). Extra arguments go to both ctest runs.
# PRECIS_ASAN=0 skips the sanitizer pass (local use only; CI runs it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "${PRECIS_ASAN:-1}" = 0 ]; then
  "$root/toolchain/build.sh" native wasm
else
  "$root/toolchain/build.sh" native wasm asan
fi
ctest --preset native -j2 "$@"
if [ "${PRECIS_ASAN:-1}" != 0 ]; then
  echo "== the native tests again under ASan + UBSan (build/asan)"
  ctest --preset asan -j2 "$@"
fi
