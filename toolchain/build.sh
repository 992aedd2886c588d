#!/usr/bin/env bash
# Sets up dependencies, then builds the native tree (library, CLI, tests) and
# the wasm tree (build/wasm/dist: precis.wasm + the web files); `asan` builds
# the native tree with AddressSanitizer + UBSan (build/asan, for test.sh).
#   toolchain/build.sh [native] [wasm] [asan]   (default: native wasm)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/toolchain/setup.sh"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(native wasm)
for t in "${targets[@]}"; do
  case "$t" in
    native)
      cmake --preset native >/dev/null
      cmake --build --preset native
      ;;
    wasm)
      PRECIS_ICU_WASM_PREFIX=$("$root/toolchain/build-icu-wasm.sh" 2>/dev/null | tail -n1)
      export PRECIS_ICU_WASM_PREFIX NODE_PATH=/usr/share/nodejs
      cmake --preset wasm >/dev/null
      cmake --build --preset wasm
      ;;
    asan)
      cmake --preset asan >/dev/null
      cmake --build --preset asan
      ;;
    *) echo "build.sh: unknown target '$t' (native, wasm, asan)" >&2; exit 2 ;;
  esac
done
