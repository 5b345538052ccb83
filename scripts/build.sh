#!/usr/bin/env bash
# Builds the release app into dist/: one page, its core wasm and a chunk per group of screens
# (Trunk, then scripts/split.mjs as its post-build hook). Trunk's cargo build gets the split
# build's flags so that the hook finds the library already built instead of building it a
# second time. Expects the tools of scripts/setup.sh on the PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUSTFLAGS="$(node scripts/split.mjs --print-rustflags)" trunk build --release --offline
