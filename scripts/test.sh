#!/usr/bin/env bash
# Installs what is missing, then runs every test suite: native domain tests (unit, property,
# storage migrations), components in headless Chromium (wasm-bindgen-test), the release
# build and its size budget, and end-to-end tests against that release build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
cargo fetch --quiet

step() { printf '\n==> %s\n' "$*"; }

step "domain: unit, property and storage-migration tests (native)"
cargo test --locked -p encaisse-domain

step "components: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked -p encaisse --target wasm32-unknown-unknown

step "release build (trunk, wasm-opt)"
bash scripts/build.sh

step "bundle size budget"
bash scripts/size-report.sh

step "end to end: the release dist/ in headless Chromium"
(cd e2e && npm test)
