#!/usr/bin/env bash
# Builds the release app into dist/: five pages, each its own wasm (see route::Page), built by
# Trunk one after the other (Trunk replaces its dist directory at each build), then merged.
# Expects the tools of scripts/setup.sh on the PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
trunk build --release --offline --dist target/pages/overview index.html
trunk build --release --offline --dist target/pages/ledger --html-output registre.html registre.html
trunk build --release --offline --dist target/pages/collection --html-output relances.html relances.html
trunk build --release --offline --dist target/pages/bank --html-output banque.html banque.html
trunk build --release --offline --dist target/pages/import --html-output import.html import.html
rm -rf dist
mkdir dist
cp -R target/pages/overview/. target/pages/ledger/. target/pages/collection/. target/pages/bank/. target/pages/import/. dist/
