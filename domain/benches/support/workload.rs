//! The work both speed benchmarks measure: what the aging screen shows with penalties, over a
//! portfolio of 10 000 open invoices. The native criterion bench (`benches/aging_penalties.rs`)
//! and the in-browser one (`tests/browser_bench.rs`) include this one file, so their two
//! figures are of the same ledger and the same calls.

use encaisse_domain::aging::{aging, AgingBounds, AgingReport};
use encaisse_domain::demo::open_invoices_ledger;
use encaisse_domain::ledger::Ledger;
use encaisse_domain::penalty::claims::{Claims, PenaltyInputs};
use encaisse_domain::NaiveDate;

pub const OPEN_INVOICES: usize = 10_000;

/// In the last half-year of the built-in rate table: every late invoice finds its rates, so
/// each one's interest is computed rather than set aside as missing a rate.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date")
}

/// The benchmark ledger, checked before anything is timed: a figure for "10 000 open
/// invoices" measured on fewer, or on invoices skipped for a missing rate, would flatter.
pub fn checked_ledger() -> Ledger {
    let ledger = open_invoices_ledger(as_of(), OPEN_INVOICES);
    let open = aging_report(&ledger).invoices.len();
    assert!(
        open >= OPEN_INVOICES,
        "the benchmark needs {OPEN_INVOICES} open invoices, the ledger has {open}"
    );
    let missing = penalty_claims(&ledger).missing_rates.len();
    assert_eq!(
        missing,
        0,
        "{missing} invoices lack a rate as of {}",
        as_of()
    );
    ledger
}

pub fn aging_report(ledger: &Ledger) -> AgingReport {
    aging(ledger, as_of(), &AgingBounds::default())
}

pub fn penalty_claims(ledger: &Ledger) -> Claims {
    PenaltyInputs::new(ledger, as_of()).claims()
}

/// What the aging screen with penalties computes on each display.
pub fn aging_with_penalties(ledger: &Ledger) -> (AgingReport, Claims) {
    (aging_report(ledger), penalty_claims(ledger))
}
