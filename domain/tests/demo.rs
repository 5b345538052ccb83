//! The demo portfolio a consultant shows offline must be realistic and always the same.

use encaisse_domain::analysis::aging::aging;
use encaisse_domain::files::demo::{generate, open_invoices_ledger, DemoConfig};
use encaisse_domain::files::snapshot;
use encaisse_domain::model::balances::Position;
use encaisse_domain::model::invoice::InvoiceStatus;
use encaisse_domain::model::settings::AgingBounds;
use encaisse_domain::NaiveDate;
use std::collections::HashSet;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn same_seed_same_portfolio() {
    // Guards against a demo that differs between two laptops or two clicks.
    assert_eq!(
        generate(today(), DemoConfig::default()),
        generate(today(), DemoConfig::default())
    );
}

#[test]
fn demo_has_the_promised_shape() {
    let ledger = generate(today(), DemoConfig::default());
    assert_eq!(ledger.clients().len(), 40);
    assert_eq!(ledger.invoices().len(), 600);
    let first = ledger
        .invoices()
        .iter()
        .map(|i| i.details.issue_date)
        .min()
        .unwrap();
    let last = ledger
        .invoices()
        .iter()
        .map(|i| i.details.issue_date)
        .max()
        .unwrap();
    assert!(
        last <= today() && (today() - last).num_days() < 15,
        "ends at today: {last}"
    );
    assert!(
        (today() - first).num_days() > 700,
        "spans 24 months: {first}"
    );

    let position = Position::new(&ledger, today());
    let statuses: HashSet<InvoiceStatus> = ledger
        .invoices()
        .iter()
        .map(|i| position.status(i))
        .collect();
    for status in InvoiceStatus::ALL {
        assert!(statuses.contains(&status), "the demo shows {status:?}");
    }
    assert!(ledger.credit_notes().len() >= 10);
    assert!(ledger.disputes().len() >= 10);
    assert!(
        ledger
            .payments()
            .iter()
            .any(|p| p.unallocated() > encaisse_domain::Decimal::ZERO),
        "some client credit"
    );
    let partly = ledger.invoices().iter().filter(|i| {
        let b = position.invoice(i.id);
        b.paid > encaisse_domain::Decimal::ZERO && b.open() > encaisse_domain::Decimal::ZERO
    });
    assert!(partly.count() >= 5, "partial payments");
}

#[test]
fn good_slow_and_bad_payers_are_distinguishable() {
    // Guards against a demo where every client pays alike, which would make scores meaningless.
    let ledger = generate(today(), DemoConfig::default());
    let mut average_delays: Vec<f64> = ledger
        .clients()
        .iter()
        .filter_map(|c| {
            let delays: Vec<i64> = ledger
                .payments_of(c.id)
                .flat_map(|p| {
                    p.details
                        .allocations
                        .iter()
                        .map(move |a| (p.details.date, a.invoice))
                })
                .map(|(date, inv)| (date - ledger.invoice(inv).unwrap().due_date()).num_days())
                .collect();
            (!delays.is_empty()).then(|| delays.iter().sum::<i64>() as f64 / delays.len() as f64)
        })
        .collect();
    average_delays.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert!(average_delays.first().unwrap() < &5.0);
    assert!(average_delays.last().unwrap() > &30.0);
}

#[test]
fn demo_survives_storage() {
    // Guards against a demo that the app could write but not read back.
    let ledger = generate(today(), DemoConfig::default());
    let text = snapshot::to_storage(&ledger, 1);
    assert_eq!(snapshot::decode(&text).unwrap().ledger, ledger);
}

#[test]
fn benchmark_ledger_keeps_every_invoice_open() {
    // Guards against the speed benchmarks' ledger quietly settling invoices or losing its
    // variety: their figures claim that many open invoices, in every aging bucket, with
    // payments, credit notes and formal notices to count; and against one the app could not
    // read back, which would mean it breaks the ledger's invariants.
    let as_of = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
    let ledger = open_invoices_ledger(as_of, 500);
    let report = aging(&ledger, as_of, &AgingBounds::default());
    assert_eq!(report.invoices.len(), 500);
    assert!(
        report
            .totals
            .buckets
            .iter()
            .all(|amount| *amount > encaisse_domain::Decimal::ZERO),
        "every bucket has something: {:?}",
        report.totals.buckets
    );
    assert!(!ledger.payments().is_empty(), "partial payments");
    assert!(!ledger.credit_notes().is_empty(), "credit notes");
    assert!(
        ledger.invoices().iter().any(|i| i.formal_notice.is_some()),
        "formal notices"
    );
    assert_eq!(ledger, open_invoices_ledger(as_of, 500), "deterministic");
    let text = snapshot::to_storage(&ledger, 1);
    assert_eq!(snapshot::decode(&text).unwrap().ledger, ledger);
}

#[test]
fn the_large_firm_has_the_size_the_benchmarks_announce() {
    // Guards against a benchmark figure "at 20 000 invoices" measured on a smaller ledger.
    let ledger = encaisse_domain::files::demo::generate(
        encaisse_domain::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        encaisse_domain::files::demo::DemoConfig::large_firm(),
    );
    assert_eq!(ledger.invoices().len(), 20_000);
    assert_eq!(ledger.clients().len(), 800);
}
