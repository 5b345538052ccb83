//! Credit control on a new invoice: the limit, the payment score, and what to propose.

mod support;

use encaisse_domain::credit::{check_new_invoice, standing, CreditAction, CreditWarning};
use encaisse_domain::ids::ClientId;
use encaisse_domain::invoice::InvoiceDetails;
use encaisse_domain::ledger::Ledger;
use encaisse_domain::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::terms::PaymentTerms;
use encaisse_domain::{Decimal, NaiveDate};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A client with a credit limit and one invoice of `amount` a month from January 2025, each
/// paid `delay` days after its due date (30 days net), or left open when None.
fn client(
    ledger: &mut Ledger,
    limit: Option<Decimal>,
    delays: &[Option<i64>],
    amount: Decimal,
) -> ClientId {
    let mut details = support::business("Client");
    details.credit_limit = limit;
    let client = ledger.add_client(details, d(2025, 1, 1));
    for (month, delay) in delays.iter().enumerate() {
        let issued = d(2025, 1 + month as u32, 1);
        let invoice = ledger
            .add_invoice(InvoiceDetails {
                number: format!("F-{}-{month}", client.0),
                client,
                issue_date: issued,
                terms: PaymentTerms::Net { days: 30 },
                net: amount,
                vat: Decimal::ZERO,
                description: String::new(),
                contractual_rate: None,
            })
            .unwrap();
        if let Some(delay) = delay {
            ledger
                .record_payment(PaymentDetails {
                    client,
                    date: issued + chrono::Duration::days(30 + delay),
                    amount,
                    method: PaymentMethod::Transfer,
                    reference: String::new(),
                    allocations: vec![Allocation { invoice, amount }],
                })
                .unwrap();
        }
    }
    client
}

#[test]
fn an_invoice_taking_a_client_over_its_limit_warns_and_proposes_a_deposit() {
    // Guards against a limit checked on what is owed without the invoice being created.
    let mut ledger = Ledger::default();
    let c = client(
        &mut ledger,
        Some(dec!(5000)),
        &[Some(0), Some(0), Some(0), None, None],
        dec!(2000),
    );
    let check = check_new_invoice(&ledger, c, dec!(2000), d(2025, 6, 10));
    assert_eq!(check.open, dec!(4000));
    assert_eq!(
        check.warnings,
        [CreditWarning::OverLimit {
            exposure: dec!(6000),
            limit: dec!(5000)
        }]
    );
    assert_eq!(
        check.actions,
        [
            CreditAction::Deposit { amount: dec!(1000) },
            CreditAction::ShorterTerms { days: 15 }
        ]
    );
    assert!(check_new_invoice(&ledger, c, dec!(1000), d(2025, 6, 10))
        .warnings
        .is_empty());
}

#[test]
fn a_client_graded_e_is_asked_to_pay_before_delivery() {
    let mut ledger = Ledger::default();
    let c = client(&mut ledger, None, &[Some(150); 6], dec!(1000));
    let check = check_new_invoice(&ledger, c, dec!(1000), d(2026, 1, 15));
    assert!(
        matches!(check.warnings[..], [CreditWarning::PoorPayer { .. }]),
        "{check:?}"
    );
    assert_eq!(
        check.actions,
        [
            CreditAction::Deposit {
                amount: dec!(300.00)
            },
            CreditAction::PaymentBeforeDelivery
        ]
    );
}

#[test]
fn a_good_payer_within_its_limit_passes() {
    let mut ledger = Ledger::default();
    let c = client(&mut ledger, Some(dec!(10000)), &[Some(0); 6], dec!(1000));
    let check = check_new_invoice(&ledger, c, dec!(1000), d(2025, 9, 1));
    assert!(
        check.warnings.is_empty() && check.actions.is_empty(),
        "{check:?}"
    );
}

#[test]
fn a_client_already_over_its_limit_is_warned_before_an_amount_is_typed() {
    // Guards against a warning that waits for the amount, or proposes a deposit of 0 €.
    let mut ledger = Ledger::default();
    let c = client(
        &mut ledger,
        Some(dec!(3000)),
        &[Some(0), None, None],
        dec!(2000),
    );
    let check = standing(&ledger, c, d(2025, 6, 10)).check(Decimal::ZERO);
    assert_eq!(
        check.warnings,
        [CreditWarning::OverLimit {
            exposure: dec!(4000),
            limit: dec!(3000)
        }]
    );
    assert_eq!(check.actions, [CreditAction::ShorterTerms { days: 15 }]);
}
