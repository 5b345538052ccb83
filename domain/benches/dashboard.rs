//! Native speed of the dashboard on 600, 10 000 and 20 000 invoices (issue 4, item 6; issue 15,
//! item 6): every KPI as of one
//! date (they are computed together, in one pass over the invoices), and the whole dashboard
//! (the 24-month series of every KPI, a month before, the top ten, the cash-in forecast and
//! the cost of late payment). Guards against a change that makes the home screen slow on a
//! large portfolio: `scripts/bench.sh` fails when the dashboard exceeds its budget.

// Each bench times its part of the workload both benches and the browser bench share.
#[allow(dead_code)]
#[path = "support/workload.rs"]
mod workload;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use std::hint::black_box;
use std::time::Duration;

fn dashboard(c: &mut Criterion) {
    for (size, config) in workload::PORTFOLIOS {
        let ledger = workload::checked_portfolio(config());
        // Criterion's directory under `target/criterion/`, which `scripts/bench.sh` reads.
        let mut group = c.benchmark_group(format!("portfolio_{size}"));
        // Runs of up to a few hundred milliseconds: flat sampling, 10 samples over 8 s keep
        // the bench short.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(8));
        group.bench_function("kpis_today", |b| {
            b.iter(|| workload::kpis_today(black_box(&ledger)))
        });
        group.bench_function("dashboard", |b| {
            b.iter(|| workload::dashboard(black_box(&ledger)))
        });
        group.finish();
    }
}

criterion_group!(benches, dashboard);
criterion_main!(benches);
