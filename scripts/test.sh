#!/usr/bin/env bash
# Installs what is missing, then runs every test suite: native domain tests (unit, property,
# storage migrations), components in headless Chromium (wasm-bindgen-test), the release
# build and its size budgets, end-to-end tests against that release build, and the benchmark
# of opening a screen whose code is not loaded yet.
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

step "bundle size budgets: first visit, largest chunk, whole app"
node scripts/size-report.mjs

step "end to end: the release dist/ in headless Chromium"
(cd e2e && npm test)

step "benchmark: opening a screen not loaded yet, in headless Chromium"
(cd e2e && npm run bench)
