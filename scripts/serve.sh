#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
cargo fetch --quiet
echo "[serve] building the release app, then serving it at http://127.0.0.1:8080/"
bash scripts/build.sh
exec node scripts/static-server.mjs
