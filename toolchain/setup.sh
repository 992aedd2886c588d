#!/usr/bin/env bash
# Installs everything precis needs on Debian 12, idempotently:
#   Debian packages (debian-packages.txt), npm dev packages (package-lock.json),
#   ICU 72.1 for wasm (build-icu-wasm.sh, cached under ~/.cache/precis).
# Prints nothing but progress on stderr; a second run takes seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[setup] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages ------------------------------------------------------
mapfile -t packages < <(grep -v '^\s*#' "$root/toolchain/debian-packages.txt" | grep -v '^\s*$')
# Node.js: keep a newer node if the machine has one; otherwise Debian's.
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
else
  log "Debian packages: all present"
fi

# --- npm dev packages -----------------------------------------------------
stamp="$root/node_modules/.precis-lock-sha"
want=$(sha256sum "$root/package-lock.json" | cut -c1-64)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "installing npm packages (npm ci)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
else
  log "npm packages: up to date"
fi

# --- ICU for wasm ---------------------------------------------------------
"$root/toolchain/build-icu-wasm.sh" >/dev/null
log "ICU for wasm: $("$root/toolchain/build-icu-wasm.sh" 2>/dev/null | tail -n1)"
