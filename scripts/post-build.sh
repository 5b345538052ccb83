#!/usr/bin/env bash
# Trunk's post-build hook. Trunk runs a stage's hooks concurrently, so the steps that depend on
# one another run here in order: the release build's wasm split into chunks, then the CSP
# hashes of the HTML's inline script (which the split rewrites).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${TRUNK_PROFILE:-}" = release ]; then
  node scripts/split.mjs
fi
node scripts/csp-hashes.mjs
