//! Native speed of the aging screen with penalties on 10 000 open invoices (issue 3, item 7).
//! Guards against a change that makes the report or the claims slow on a large portfolio:
//! `scripts/bench.sh` runs this bench and fails when "aging + penalties" exceeds its budget.

// Each bench times its part of the workload both benches and the browser bench share.
#[allow(dead_code)]
#[path = "support/workload.rs"]
mod workload;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use std::hint::black_box;
use std::time::Duration;

/// Criterion's directory under `target/criterion/`, which `scripts/bench.sh` reads.
const GROUP: &str = "open_invoices_10000";

fn aging_and_penalties(c: &mut Criterion) {
    let ledger = workload::checked_ledger();
    let mut group = c.benchmark_group(GROUP);
    // Each run takes milliseconds: flat sampling (the same iteration count in every sample)
    // suits such routines, and 20 samples over 5 s keep the whole bench well under a minute
    // on the project's 2-core machine while the mean stays within a few percent.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("aging", |b| {
        b.iter(|| workload::aging_report(black_box(&ledger)))
    });
    group.bench_function("penalty_claims", |b| {
        b.iter(|| workload::penalty_claims(black_box(&ledger)))
    });
    group.bench_function("aging_with_penalties", |b| {
        b.iter(|| workload::aging_with_penalties(black_box(&ledger)))
    });
    group.finish();
}

criterion_group!(benches, aging_and_penalties);
criterion_main!(benches);
