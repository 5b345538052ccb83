#!/usr/bin/env bash
# Prints the release bundle's size, raw and gzipped, and fails if a page's wasm exceeds the
# budget (each page of the app, index.html, registre.html,
# relances.html, banque.html and import.html, loads one wasm).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WASM_GZIP_BUDGET=${WASM_GZIP_BUDGET:-409600}  # 400 KB
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
status=0
for f in dist/*.wasm; do
  wasm_gz=$(gzip -9c "$f" | wc -c)
  if [ "$wasm_gz" -gt "$WASM_GZIP_BUDGET" ]; then
    echo "size budget exceeded: $(basename "$f") is $wasm_gz bytes gzipped, budget $WASM_GZIP_BUDGET" >&2
    status=1
  else
    echo "$(basename "$f") within budget: $wasm_gz of $WASM_GZIP_BUDGET bytes gzipped"
  fi
done
exit $status
