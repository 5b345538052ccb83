//! In-browser speed of the aging screen with penalties on 10 000 open invoices (issue 3,
//! item 7) and of the dashboard on 10 000 invoices (issue 4, item 6): the same work as the
//! native criterion benches, compiled to wasm and run in headless
//! Chromium, where the app really computes it. Criterion does not run on
//! wasm32-unknown-unknown, so this times the work itself and prints the median; the budget is
//! checked by `scripts/bench.sh`, which runs it with `--release -- --nocapture` (the project
//! measures speed in benchmarks with budgets, not in timed tests).
//! Native `cargo test` compiles this file to nothing.
#![cfg(target_arch = "wasm32")]

#[allow(dead_code)] // the browser times the whole dashboard, not its parts
#[path = "../benches/support/workload.rs"]
mod workload;

use std::hint::black_box;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Runs discarded first, so the figure leaves out compilation tiers and allocator growth.
const WARM_UP_RUNS: usize = 3;
/// Timed runs; the median of them is reported, which one slow run (a GC pause in the page,
/// the other core busy) does not move.
const TIMED_RUNS: usize = 15;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .expect("the browser has window.performance")
        .now()
}

/// Times `work` and prints its median in the shape `scripts/bench.sh` reads.
fn report_median<T>(name: &str, mut work: impl FnMut() -> T) {
    for _ in 0..WARM_UP_RUNS {
        black_box(work());
    }
    let mut timings_ms: Vec<f64> = (0..TIMED_RUNS)
        .map(|_| {
            let start = now_ms();
            black_box(work());
            now_ms() - start
        })
        .collect();
    timings_ms.sort_by(f64::total_cmp);
    console_log!(
        "browser-bench {name} median_ms={:.3} min_ms={:.3} max_ms={:.3} runs={TIMED_RUNS}",
        timings_ms[TIMED_RUNS / 2],
        timings_ms[0],
        timings_ms[TIMED_RUNS - 1],
    );
}

#[wasm_bindgen_test]
fn aging_with_penalties_on_10000_open_invoices() {
    let ledger = workload::checked_ledger();
    report_median("aging_with_penalties", || {
        workload::aging_with_penalties(black_box(&ledger))
    });
}

#[wasm_bindgen_test]
fn dashboard_on_600_10000_and_20000_invoices() {
    for (size, config) in workload::PORTFOLIOS {
        let ledger = workload::checked_portfolio(config());
        report_median(&format!("dashboard_{size}"), || {
            workload::dashboard(black_box(&ledger))
        });
    }
}
