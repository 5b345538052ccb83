#!/usr/bin/env bash
# Builds the release app into dist/: one page, its core wasm and a chunk per group of screens
# (Trunk, then scripts/split.mjs as its post-build hook). Expects the tools of scripts/setup.sh
# on the PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
trunk build --release --offline
