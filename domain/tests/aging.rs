//! The aging report always adds up and can be reproduced for any past date.

use encaisse_domain::analysis::aging::aging;
use encaisse_domain::files::demo::{generate, DemoConfig};
use encaisse_domain::model::balances::Position;
use encaisse_domain::model::settings::AgingBounds;
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn bounds() -> impl Strategy<Value = AgingBounds> {
    prop::collection::btree_set(1u32..400, 1..6)
        .prop_map(|set| AgingBounds::new(set.into_iter().collect()).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn buckets_add_up_to_the_outstanding(seed in any::<u64>(), days_back in 0i64..800, bounds in bounds()) {
        // Guards against the classic aging bug: future-dated or not-yet-due invoices falling
        // out of every bucket, so the report no longer matches the balances.
        let ledger = generate(today(), DemoConfig { clients: 12, invoices: 150, seed, ..DemoConfig::default() });
        let as_of = today() - chrono::Duration::days(days_back);
        let report = aging(&ledger, as_of, &bounds);
        let position = Position::new(&ledger, as_of);
        let total = position.total(&ledger);
        prop_assert_eq!(report.totals.open(), total.open);
        prop_assert_eq!(report.totals.unapplied_credit, total.credit);
        prop_assert_eq!(report.totals.total(), total.balance());
        let by_invoice: Decimal = report.invoices.iter().map(|i| i.open).sum();
        prop_assert_eq!(by_invoice, total.open);
        for line in &report.clients {
            prop_assert_eq!(line.total(), position.client_balance(&ledger, line.client).balance());
            prop_assert_eq!(line.buckets.len(), bounds.bucket_count());
        }
        for aged in &report.invoices {
            prop_assert_eq!(aged.bucket, bounds.bucket_of(aged.days_past_due));
        }
    }
}

#[test]
fn a_past_report_ignores_what_came_after() {
    // Guards against last year's aging changing because a payment was recorded today.
    let ledger = generate(today(), DemoConfig::default());
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let report = aging(&ledger, as_of, &AgingBounds::default());

    // Replaying only the facts dated on or before the as-of date gives the same report.
    let text = encaisse_domain::files::snapshot::to_storage(&ledger, 1);
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let l = doc.get_mut("ledger").unwrap();
    let keep_dated = |list: &mut serde_json::Value, field: &str, nested: bool| {
        list.as_array_mut().unwrap().retain(|item| {
            let value = if nested {
                &item["details"][field]
            } else {
                &item[field]
            };
            value.as_str().unwrap() <= "2025-12-31"
        });
    };
    keep_dated(&mut l["payments"], "date", true);
    keep_dated(&mut l["credit_notes"], "date", false);
    keep_dated(&mut l["write_offs"], "date", false);
    let earlier = encaisse_domain::files::snapshot::decode(&doc.to_string())
        .expect("the earlier facts form a consistent ledger")
        .ledger;
    assert!(!earlier.invoices().is_empty());
    let replayed = aging(&earlier, as_of, &AgingBounds::default());
    assert_eq!(replayed.totals.buckets, report.totals.buckets);
    assert_eq!(
        replayed.totals.unapplied_credit,
        report.totals.unapplied_credit
    );
}
