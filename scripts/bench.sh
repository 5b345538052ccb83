#!/usr/bin/env bash
# Speed budget of the aging screen with penalties on 10 000 open invoices: runs the native
# criterion bench (domain/benches/aging_penalties.rs) and the same work compiled to wasm in
# headless Chromium (domain/tests/browser_bench.rs), prints the figures, and fails if either
# exceeds its budget. The budgets are about 3x what the project's 2-core machine measured
# (native mean 14 ms, browser median 17 ms): room for a noisy machine, none for a regression
# that makes the screen several times slower. Override them from the environment.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
NATIVE_BUDGET_MS=${NATIVE_BUDGET_MS:-45}
BROWSER_BUDGET_MS=${BROWSER_BUDGET_MS:-50}

source scripts/setup.sh

# Where criterion writes its estimates, fixed here so that this script knows where to read.
export CRITERION_HOME="$PWD/target/criterion"
GROUP=open_invoices_10000

step() { printf '\n==> %s\n' "$*"; }

step "native: criterion bench (release profile)"
cargo bench --locked -p encaisse-domain --bench aging_penalties

step "in browser: the same work in headless Chromium (wasm, release profile)"
browser_log=$(mktemp)
trap 'rm -f "$browser_log"' EXIT
CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked -p encaisse-domain --release \
  --target wasm32-unknown-unknown --test browser_bench -- --nocapture | tee "$browser_log"

# The mean of one benchmark, in milliseconds, from criterion's estimates (nanoseconds).
native_mean_ms() {
  node -e 'console.log((require(process.argv[1]).mean.point_estimate / 1e6).toFixed(3))' \
    "$CRITERION_HOME/$GROUP/$1/new/estimates.json"
}
aging_ms=$(native_mean_ms aging)
claims_ms=$(native_mean_ms penalty_claims)
both_ms=$(native_mean_ms aging_with_penalties)
browser_ms=$(sed -n 's/.*browser-bench aging_with_penalties median_ms=\([0-9.]*\).*/\1/p' "$browser_log")
if [ -z "$browser_ms" ]; then
  echo "the browser bench printed no median (see its output above)" >&2
  exit 1
fi

printf '\n%-52s %10s %10s\n' "10 000 open invoices" "ms" "budget ms"
printf '%-52s %10s %10s\n' "native, aging (mean)" "$aging_ms" -
printf '%-52s %10s %10s\n' "native, penalty claims (mean)" "$claims_ms" -
printf '%-52s %10s %10s\n' "native, aging + penalties (mean)" "$both_ms" "$NATIVE_BUDGET_MS"
printf '%-52s %10s %10s\n' "in headless Chromium, aging + penalties (median)" "$browser_ms" "$BROWSER_BUDGET_MS"

over() { awk -v figure="$1" -v budget="$2" 'BEGIN { exit !(figure > budget) }'; }
failed=0
if over "$both_ms" "$NATIVE_BUDGET_MS"; then
  echo "speed budget exceeded: native aging + penalties, 10 000 open invoices, takes $both_ms ms, budget $NATIVE_BUDGET_MS ms" >&2
  failed=1
fi
if over "$browser_ms" "$BROWSER_BUDGET_MS"; then
  echo "speed budget exceeded: in-browser aging + penalties, 10 000 open invoices, takes $browser_ms ms, budget $BROWSER_BUDGET_MS ms" >&2
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "aging + penalties within budget, native and in the browser"
