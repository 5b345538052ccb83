#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there at the
# right version. Safe to run again: a warm machine takes seconds.
# Sourced by scripts/serve.sh and scripts/test.sh; it only exports PATH changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
# Cuts the release wasm into the core and one chunk per group of screens (scripts/split.sh).
WASM_SPLIT_VERSION="0.2.4"
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock pins.
WASM_BINDGEN_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

log() { printf '[setup] %s\n' "$*"; }

have_version() { # command, expected substring of its --version output
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF -- "$2"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version trunk "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's own lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli has no --version: ask cargo which version it installed.
if ! command -v wasm-split-cli >/dev/null 2>&1 \
  || ! cargo install --list | grep -qxF "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes on 2 cores)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# Chromium for the browser tests. apt only when a piece is missing.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  log "installing chromium and chromedriver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Node runs wasm-opt (binaryen's npm build), the CSP hook and the end-to-end suite.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "installing node and npm from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi

# wasm-opt from binaryen 132 (npm). Debian's binaryen 108 silently corrupts the module.
if ! have_version wasm-opt "version ${BINARYEN_VERSION%%.*} "; then
  log "installing binaryen $BINARYEN_VERSION (wasm-opt) into .tools/"
  mkdir -p "$ROOT/.tools"
  npm install --silent --no-audit --no-fund --prefix "$ROOT/.tools" "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# Node packages of the end-to-end suite (playwright-core drives the Debian Chromium).
if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ]; then
  log "installing the end-to-end suite's node packages"
  (cd "$ROOT/e2e" && npm ci --silent --no-audit --no-fund >/dev/null)
fi

log "tools ready: $(trunk --version), wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2), $(wasm-opt --version), $(chromium --version 2>/dev/null | head -1)"
