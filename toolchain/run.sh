#!/usr/bin/env bash
# The main job: set up, build, and serve the page on 127.0.0.1 (prints the URL).
#   toolchain/run.sh [--port N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/toolchain/build.sh" native wasm >&2
exec node "$root/web/serve.mjs" "$root/build/wasm/dist" "$@"
