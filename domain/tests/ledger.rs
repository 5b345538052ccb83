//! Behaviour of the ledger a user relies on: balances, allocations, statuses, refusals.

use encaisse_domain::model::balances::Position;
use encaisse_domain::model::client::{ClientDetails, ClientForm, ClientKind};
use encaisse_domain::model::invoice::{InvoiceDetails, InvoiceStatus};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::problem::Problem;
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn client_details(name: &str) -> ClientDetails {
    ClientForm {
        name: name.into(),
        kind: ClientKind::Business,
        ..ClientForm::default()
    }
    .validate()
    .unwrap()
}

fn invoice(client: ClientId, number: &str, issue: NaiveDate, net: Decimal) -> InvoiceDetails {
    InvoiceDetails {
        number: number.into(),
        client,
        issue_date: issue,
        terms: PaymentTerms::Net { days: 30 },
        net,
        vat: net / Decimal::from(5),
        description: String::new(),
        contractual_rate: None,
    }
}

fn payment(
    client: ClientId,
    date: NaiveDate,
    amount: Decimal,
    allocations: &[(InvoiceId, Decimal)],
) -> PaymentDetails {
    PaymentDetails {
        client,
        date,
        amount,
        method: PaymentMethod::Transfer,
        reference: String::new(),
        allocations: allocations
            .iter()
            .map(|&(invoice, amount)| Allocation { invoice, amount })
            .collect(),
    }
}

/// One client with one 1 200 € TTC invoice issued 1 March 2026, due 31 March.
fn one_invoice() -> (Ledger, ClientId, InvoiceId) {
    let mut ledger = Ledger::default();
    let client = ledger.add_client(client_details("Atelier Dupont"), d(2026, 1, 1));
    let inv = ledger
        .add_invoice(invoice(client, "F-001", d(2026, 3, 1), dec!(1000)))
        .unwrap();
    (ledger, client, inv)
}

#[test]
fn partial_payment_leaves_the_rest_open() {
    // Guards against a partial payment marking the invoice paid.
    let (mut ledger, client, inv) = one_invoice();
    ledger
        .record_payment(payment(
            client,
            d(2026, 3, 20),
            dec!(500),
            &[(inv, dec!(500))],
        ))
        .unwrap();
    let position = Position::new(&ledger, d(2026, 3, 25));
    assert_eq!(position.invoice(inv).open(), dec!(700));
    assert_eq!(
        position.status(ledger.invoice(inv).unwrap()),
        InvoiceStatus::PartlyPaid
    );
    let later = Position::new(&ledger, d(2026, 4, 2));
    assert_eq!(
        later.status(ledger.invoice(inv).unwrap()),
        InvoiceStatus::Overdue
    );
    assert_eq!(later.days_overdue(ledger.invoice(inv).unwrap()), 2);
}

#[test]
fn as_of_ignores_later_payments() {
    // Guards against a past position that changes when a later payment is recorded.
    let (mut ledger, client, inv) = one_invoice();
    ledger
        .record_payment(payment(
            client,
            d(2026, 4, 10),
            dec!(1200),
            &[(inv, dec!(1200))],
        ))
        .unwrap();
    let before = Position::new(&ledger, d(2026, 4, 9));
    assert_eq!(before.invoice(inv).open(), dec!(1200));
    assert_eq!(
        before.status(ledger.invoice(inv).unwrap()),
        InvoiceStatus::Overdue
    );
    let after = Position::new(&ledger, d(2026, 4, 10));
    assert_eq!(
        after.status(ledger.invoice(inv).unwrap()),
        InvoiceStatus::Paid
    );
}

#[test]
fn overpayment_becomes_client_credit() {
    // Guards against an overpayment vanishing instead of being owed back or reused.
    let (mut ledger, client, inv) = one_invoice();
    ledger
        .record_payment(payment(
            client,
            d(2026, 3, 10),
            dec!(1500),
            &[(inv, dec!(1200))],
        ))
        .unwrap();
    let balance = Position::new(&ledger, d(2026, 3, 31)).client_balance(&ledger, client);
    assert_eq!(balance.open, dec!(0));
    assert_eq!(balance.credit, dec!(300));
    assert_eq!(balance.balance(), dec!(-300));

    let second = ledger
        .add_invoice(invoice(client, "F-002", d(2026, 4, 1), dec!(100)))
        .unwrap();
    ledger.apply_credit(second, dec!(120)).unwrap();
    let balance = Position::new(&ledger, d(2026, 4, 2)).client_balance(&ledger, client);
    assert_eq!(balance.credit, dec!(180));
    assert_eq!(balance.open, dec!(0));
}

#[test]
fn one_payment_settles_several_invoices() {
    let (mut ledger, client, first) = one_invoice();
    let second = ledger
        .add_invoice(invoice(client, "F-002", d(2026, 3, 5), dec!(500)))
        .unwrap();
    ledger
        .record_payment(payment(
            client,
            d(2026, 3, 30),
            dec!(1800),
            &[(first, dec!(1200)), (second, dec!(600))],
        ))
        .unwrap();
    let position = Position::new(&ledger, d(2026, 3, 31));
    assert_eq!(position.invoice(first).open(), dec!(0));
    assert_eq!(position.invoice(second).open(), dec!(0));
}

#[test]
fn refuses_allocations_that_do_not_add_up() {
    // Guards against paying an invoice twice over, or allocating money that was not received.
    let (mut ledger, client, inv) = one_invoice();
    let other = ledger.add_client(client_details("Autre"), d(2026, 1, 1));
    let before = ledger.clone();
    assert_eq!(
        ledger.record_payment(payment(
            client,
            d(2026, 3, 2),
            dec!(2000),
            &[(inv, dec!(1300))]
        )),
        Err(Problem::AllocationExceedsOpen { open: dec!(1200) })
    );
    assert_eq!(
        ledger.record_payment(payment(
            client,
            d(2026, 3, 2),
            dec!(100),
            &[(inv, dec!(200))]
        )),
        Err(Problem::AllocationsExceedPayment { payment: dec!(100) })
    );
    assert_eq!(
        ledger.record_payment(payment(
            other,
            d(2026, 3, 2),
            dec!(100),
            &[(inv, dec!(100))]
        )),
        Err(Problem::InvoiceOfAnotherClient)
    );
    assert_eq!(ledger, before, "a refused change leaves nothing behind");
}

#[test]
fn invoice_numbers_are_unique_whatever_the_case() {
    let (mut ledger, client, _) = one_invoice();
    assert_eq!(
        ledger.add_invoice(invoice(client, " f-001 ", d(2026, 3, 2), dec!(10))),
        Err(Problem::InvoiceNumberTaken)
    );
    assert_eq!(ledger.suggested_invoice_number(2026), "F-002");
}

#[test]
fn credit_note_dispute_and_write_off() {
    let (mut ledger, client, inv) = one_invoice();
    ledger
        .add_credit_note(
            inv,
            "AV-1".into(),
            d(2026, 3, 5),
            dec!(200),
            "remise".into(),
        )
        .unwrap();
    assert_eq!(
        ledger.add_credit_note(inv, "AV-2".into(), d(2026, 3, 5), dec!(1001), "trop".into()),
        Err(Problem::CreditNoteExceeds { max: dec!(1000) })
    );
    ledger
        .open_dispute(inv, d(2026, 4, 5), "livraison incomplète".into())
        .unwrap();
    assert_eq!(
        ledger.open_dispute(inv, d(2026, 4, 6), "encore".into()),
        Err(Problem::DisputeAlreadyOpen)
    );
    let position = Position::new(&ledger, d(2026, 4, 10));
    let found = &ledger.invoice(inv).unwrap().clone();
    assert_eq!(position.status(found), InvoiceStatus::Disputed);
    assert_eq!(position.invoice(inv).open(), dec!(1000));
    ledger
        .close_dispute(inv, d(2026, 4, 20), "rejeté".into())
        .unwrap();
    assert_eq!(
        Position::new(&ledger, d(2026, 4, 21)).status(found),
        InvoiceStatus::Overdue
    );
    // The dispute still shows on the dates it was open.
    assert_eq!(
        Position::new(&ledger, d(2026, 4, 10)).status(found),
        InvoiceStatus::Disputed
    );

    ledger
        .record_payment(payment(
            client,
            d(2026, 5, 1),
            dec!(400),
            &[(inv, dec!(400))],
        ))
        .unwrap();
    ledger
        .write_off(inv, d(2026, 12, 1), "insolvable".into())
        .unwrap();
    assert_eq!(ledger.write_offs()[0].amount, dec!(600));
    let end = Position::new(&ledger, d(2026, 12, 2));
    assert_eq!(end.status(found), InvoiceStatus::WrittenOff);
    assert_eq!(end.client_balance(&ledger, client).balance(), dec!(0));
    assert_eq!(
        ledger.write_off(inv, d(2026, 12, 3), "encore".into()),
        Err(Problem::InvoiceWrittenOff)
    );
}

#[test]
fn an_invoice_with_settlements_cannot_be_deleted() {
    // Guards against deleting an invoice and leaving its payment allocated to nothing.
    let (mut ledger, client, inv) = one_invoice();
    ledger
        .record_payment(payment(client, d(2026, 3, 2), dec!(10), &[(inv, dec!(10))]))
        .unwrap();
    assert_eq!(
        ledger.delete_invoice(inv),
        Err(Problem::InvoiceHasSettlements)
    );
    assert_eq!(
        ledger.delete_client(client),
        Err(Problem::ClientHasInvoices)
    );
}

#[test]
fn archived_clients_get_no_new_invoice() {
    let (mut ledger, client, _) = one_invoice();
    ledger.set_client_archived(client, true).unwrap();
    assert_eq!(
        ledger.add_invoice(invoice(client, "F-9", d(2026, 3, 2), dec!(10))),
        Err(Problem::ClientArchived)
    );
}

/// A random sequence of operations; whatever the ledger accepts must keep its books balanced.
#[derive(Clone, Debug)]
enum Op {
    Invoice {
        client: usize,
        day: i64,
        cents: i64,
    },
    Pay {
        client: usize,
        day: i64,
        cents: i64,
        spread: Vec<(usize, i64)>,
    },
    Credit {
        invoice: usize,
        day: i64,
        cents: i64,
    },
    WriteOff {
        invoice: usize,
        day: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..3usize, 0..400i64, 1..500_000i64).prop_map(|(client, day, cents)| Op::Invoice { client, day, cents }),
        3 => (0..3usize, 0..400i64, 1..800_000i64, prop::collection::vec((0..20usize, 1..400_000i64), 0..4))
            .prop_map(|(client, day, cents, spread)| Op::Pay { client, day, cents, spread }),
        1 => (0..20usize, 0..400i64, 1..200_000i64).prop_map(|(invoice, day, cents)| Op::Credit { invoice, day, cents }),
        1 => (0..20usize, 0..400i64).prop_map(|(invoice, day)| Op::WriteOff { invoice, day }),
    ]
}

proptest! {
    #[test]
    fn books_always_balance(ops in prop::collection::vec(op(), 1..40), as_of_day in 0..450i64) {
        // Guards against balances drifting from the facts: for every client and any date,
        // open - credit equals invoiced - credited - received - written off.
        let start = d(2025, 1, 1);
        let mut ledger = Ledger::default();
        let clients: Vec<ClientId> = (0..3).map(|i| ledger.add_client(client_details(&format!("C{i}")), start)).collect();
        let mut invoices: Vec<InvoiceId> = Vec::new();
        for (n, op) in ops.into_iter().enumerate() {
            let day = |offset: i64| start + chrono::Duration::days(offset);
            match op {
                Op::Invoice { client, day: offset, cents } => {
                    if let Ok(id) = ledger.add_invoice(invoice(clients[client], &format!("F{n}"), day(offset), Decimal::new(cents, 2))) {
                        invoices.push(id);
                    }
                }
                Op::Pay { client, day: offset, cents, spread } => {
                    let allocations: Vec<(InvoiceId, Decimal)> = spread
                        .into_iter()
                        .filter_map(|(i, c)| invoices.get(i % invoices.len().max(1)).map(|id| (*id, Decimal::new(c, 2))))
                        .collect();
                    let before = ledger.clone();
                    let result = ledger.record_payment(payment(clients[client], day(offset), Decimal::new(cents, 2), &allocations));
                    if result.is_err() {
                        prop_assert_eq!(&ledger, &before);
                    }
                }
                Op::Credit { invoice: i, day: offset, cents } => {
                    if let Some(id) = invoices.get(i % invoices.len().max(1)) {
                        let _ = ledger.add_credit_note(*id, "AV".into(), day(offset), Decimal::new(cents, 2), String::new());
                    }
                }
                Op::WriteOff { invoice: i, day: offset } => {
                    if let Some(id) = invoices.get(i % invoices.len().max(1)) {
                        let _ = ledger.write_off(*id, day(offset), String::new());
                    }
                }
            }
        }
        let as_of = start + chrono::Duration::days(as_of_day);
        let position = Position::new(&ledger, as_of);
        for client in &clients {
            let invoiced: Decimal = ledger.invoices_of(*client).map(|i| i.total()).sum();
            let credited: Decimal = ledger.credit_notes().iter()
                .filter(|c| c.date <= as_of && ledger.invoice(c.invoice).unwrap().details.client == *client)
                .map(|c| c.amount).sum();
            let received: Decimal = ledger.payments_of(*client).filter(|p| p.details.date <= as_of).map(|p| p.details.amount).sum();
            let written_off: Decimal = ledger.invoices_of(*client).map(|i| position.invoice(i.id).written_off).sum();
            let balance = position.client_balance(&ledger, *client);
            prop_assert_eq!(balance.balance(), invoiced - credited - received - written_off);
            prop_assert!(balance.open >= Decimal::ZERO && balance.credit >= Decimal::ZERO);
            prop_assert!(balance.overdue <= balance.open);
        }
        // Allocations never exceed their payment.
        for p in ledger.payments() {
            prop_assert!(p.unallocated() >= Decimal::ZERO);
        }
    }
}

proptest! {
    #[test]
    fn oldest_first_allocation_is_always_accepted(amounts in prop::collection::vec(1..100_000i64, 1..8), paid in 1..900_000i64) {
        // Guards against the "spread over the oldest" button proposing what the ledger refuses.
        let mut ledger = Ledger::default();
        let client = ledger.add_client(client_details("C"), d(2026, 1, 1));
        for (n, cents) in amounts.iter().enumerate() {
            ledger.add_invoice(invoice(client, &format!("F{n}"), d(2026, 1, 1 + n as u32), Decimal::new(*cents, 2))).unwrap();
        }
        let paid = Decimal::new(paid, 2);
        let allocations = ledger.allocate_oldest_first(client, paid);
        let allocated: Decimal = allocations.iter().map(|a| a.amount).sum();
        let open: Decimal = ledger.invoices().iter().map(|i| i.total()).sum();
        prop_assert_eq!(allocated, paid.min(open));
        // Earliest due first: only the last allocation may be partial.
        for a in allocations.iter().rev().skip(1) {
            prop_assert_eq!(a.amount, ledger.invoice(a.invoice).unwrap().total());
        }
        let spread: Vec<(InvoiceId, Decimal)> = allocations.iter().map(|a| (a.invoice, a.amount)).collect();
        prop_assert!(ledger.record_payment(payment(client, d(2026, 2, 1), paid, &spread)).is_ok());
    }
}
