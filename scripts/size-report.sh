#!/usr/bin/env bash
# Prints the release bundle's size, raw and gzipped, and fails if the wasm exceeds its budget.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WASM_GZIP_BUDGET=${WASM_GZIP_BUDGET:-409600}  # 400 KB
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
wasm_gz=$(gzip -9c dist/*.wasm | wc -c)
if [ "$wasm_gz" -gt "$WASM_GZIP_BUDGET" ]; then
  echo "size budget exceeded: wasm is $wasm_gz bytes gzipped, budget $WASM_GZIP_BUDGET" >&2
  exit 1
fi
echo "wasm within budget: $wasm_gz of $WASM_GZIP_BUDGET bytes gzipped"
