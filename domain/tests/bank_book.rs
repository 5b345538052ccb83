//! The bank side of the ledger as a user relies on it: importing a statement twice adds
//! nothing, confirming a line records its payment whole or not at all, and every decision on
//! a line can be taken back.

mod support;

use encaisse_domain::bank::book::{AccountChoice, Reconciliation};
use encaisse_domain::bank::statement::{AccountRef, AccountStatement};
use encaisse_domain::model::bank_book::LineStatus;
use encaisse_domain::model::bank_book::{LineKind, StatementLine};
use encaisse_domain::model::invoice::InvoiceDetails;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::problem::Problem;
use encaisse_domain::{Decimal, NaiveDate};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn line(source_line: usize, day: u32, amount: Decimal, label: &str) -> StatementLine {
    StatementLine {
        source_line,
        booking_date: d(2026, 2, day),
        value_date: None,
        amount,
        label: label.into(),
        details: String::new(),
        counterparty: String::new(),
        counterparty_iban: String::new(),
        references: Vec::new(),
        bank_id: String::new(),
        kind: LineKind::Transfer,
        reversal: false,
    }
}

fn part(lines: Vec<StatementLine>) -> AccountStatement {
    AccountStatement {
        account: AccountRef {
            identifier: "FR76 3000 6000 0112 3456 7890 189".into(),
            ..AccountRef::default()
        },
        opening: None,
        closing: None,
        lines,
    }
}

/// A client with one invoice of 1 200 € (1 000 + VAT).
fn ledger_with_invoice() -> (Ledger, ClientId, InvoiceId) {
    let mut ledger = Ledger::default();
    let client = ledger.add_client(support::business("Dupont Rénovation"), d(2026, 1, 1));
    let invoice = ledger
        .add_invoice(InvoiceDetails {
            number: "F2026-001".into(),
            client,
            issue_date: d(2026, 1, 5),
            terms: PaymentTerms::Net { days: 30 },
            net: dec!(1000),
            vat: dec!(200),
            description: String::new(),
            contractual_rate: None,
        })
        .unwrap();
    (ledger, client, invoice)
}

fn import(ledger: &mut Ledger, lines: Vec<StatementLine>) -> (usize, usize) {
    let choice = match ledger.bank().accounts().first() {
        Some(account) => AccountChoice::Existing(account.id),
        None => AccountChoice::New {
            name: "Compte pro".into(),
        },
    };
    let outcome = ledger
        .import_statement(
            &[(choice, &part(lines))],
            "releve.csv",
            "CSV",
            d(2026, 3, 1),
        )
        .unwrap();
    (outcome[0].added, outcome[0].known)
}

#[test]
fn the_same_file_twice_and_overlapping_statements_add_no_line_twice() {
    // Guards against a user who imports February, then February again, then February to
    // March, seeing February's payments two or three times.
    let (mut ledger, ..) = ledger_with_invoice();
    let february = vec![
        line(2, 3, dec!(1200), "VIR DUPONT F2026-001"),
        line(3, 4, dec!(-45.50), "CB FOURNITURES"),
        // Two identical lines the same day (two equal transfers) are both kept.
        line(4, 5, dec!(100), "VIR MARTIN"),
        line(5, 5, dec!(100), "VIR MARTIN"),
    ];
    assert_eq!(import(&mut ledger, february.clone()), (4, 0));
    assert_eq!(import(&mut ledger, february.clone()), (0, 4));
    let mut overlapping = february;
    overlapping.push(line(6, 28, dec!(300), "VIR LEROY"));
    assert_eq!(import(&mut ledger, overlapping), (1, 4));
    assert_eq!(ledger.bank().lines().len(), 5);
    assert_eq!(ledger.bank().accounts().len(), 1);
    assert_eq!(
        ledger.bank().accounts()[0].identifier,
        "FR7630006000011234567890189",
        "the account learns the identifier the file gives"
    );
}

#[test]
fn a_look_alike_line_is_imported_with_a_warning_not_dropped() {
    // Guards against dropping a second real transfer of the same amount on the same day only
    // because its wording differs from the first.
    let (mut ledger, ..) = ledger_with_invoice();
    import(&mut ledger, vec![line(2, 3, dec!(500), "VIR DUPONT")]);
    let account = ledger.bank().accounts()[0].id;
    let outcome = ledger
        .import_statement(
            &[(
                AccountChoice::Existing(account),
                &part(vec![line(9, 3, dec!(500), "VIREMENT DUPONT SARL")]),
            )],
            "autre.csv",
            "CSV",
            d(2026, 3, 1),
        )
        .unwrap();
    assert_eq!(outcome[0].added, 1);
    assert_eq!(outcome[0].look_alike, vec![9]);
}

#[test]
fn confirming_records_the_payment_and_undo_takes_it_back() {
    // Guards against a reconciliation that pays the invoice but forgets the line (matched
    // again next time), and against an undo that leaves the payment behind.
    let (mut ledger, client, invoice) = ledger_with_invoice();
    import(
        &mut ledger,
        vec![line(2, 3, dec!(1200), "VIR DUPONT F2026-001")],
    );
    let before = ledger.clone();
    let bank_line = ledger.bank().lines()[0].id;
    let payments = ledger
        .reconcile(
            &[Reconciliation {
                line: bank_line,
                client,
                allocations: vec![Allocation {
                    invoice,
                    amount: dec!(1200),
                }],
            }],
            d(2026, 3, 1),
        )
        .unwrap();
    let payment = ledger.payment(payments[0]).unwrap();
    assert_eq!(
        payment.details.date,
        d(2026, 2, 3),
        "dated the day the bank booked it"
    );
    assert_eq!(payment.details.method, PaymentMethod::Transfer);
    assert_eq!(ledger.balance_now(invoice).open(), dec!(0));
    assert_eq!(
        ledger.bank().line_of_payment(payments[0]).map(|l| l.id),
        Some(bank_line)
    );
    assert_eq!(
        ledger.reconcile(
            &[Reconciliation {
                line: bank_line,
                client,
                allocations: vec![]
            }],
            d(2026, 3, 1)
        ),
        Err(Problem::BankLineNotOpen),
        "a reconciled line is never matched again"
    );
    ledger.reopen_line(bank_line).unwrap();
    assert_eq!(ledger.payments(), before.payments());
    assert!(ledger.bank().lines()[0].is_open());
}

#[test]
fn confirming_several_lines_is_whole_or_nothing() {
    // Guards against "confirm all" stopping halfway: the first lines paid, the rest not,
    // and no way to tell which.
    let (mut ledger, client, invoice) = ledger_with_invoice();
    import(
        &mut ledger,
        vec![
            line(2, 3, dec!(1200), "VIR DUPONT F2026-001"),
            line(3, 4, dec!(-20), "FRAIS"),
        ],
    );
    let lines: Vec<_> = ledger.bank().lines().iter().map(|l| l.id).collect();
    let before = ledger.clone();
    let result = ledger.reconcile(
        &[
            Reconciliation {
                line: lines[0],
                client,
                allocations: vec![Allocation {
                    invoice,
                    amount: dec!(1200),
                }],
            },
            Reconciliation {
                line: lines[1],
                client,
                allocations: vec![],
            },
        ],
        d(2026, 3, 1),
    );
    assert_eq!(result, Err(Problem::BankLineNotCredit));
    assert_eq!(ledger, before);
}

#[test]
fn a_payment_typed_by_hand_is_linked_not_recorded_twice() {
    // Guards against the classic double count: the user typed the transfer last week, the
    // statement brings it again.
    let (mut ledger, client, invoice) = ledger_with_invoice();
    let typed = ledger
        .record_payment(PaymentDetails {
            client,
            date: d(2026, 2, 2),
            amount: dec!(1200),
            method: PaymentMethod::Transfer,
            reference: String::new(),
            allocations: vec![Allocation {
                invoice,
                amount: dec!(1200),
            }],
        })
        .unwrap();
    import(&mut ledger, vec![line(2, 3, dec!(1200), "VIR DUPONT")]);
    let bank_line = ledger.bank().lines()[0].id;
    ledger
        .link_payment(bank_line, typed, d(2026, 3, 1))
        .unwrap();
    assert_eq!(ledger.payments().len(), 1);
    assert!(matches!(
        ledger.bank().lines()[0].status,
        LineStatus::Reconciled { created: false, .. }
    ));
    // Undoing a link keeps the payment the user typed.
    ledger.reopen_line(bank_line).unwrap();
    assert_eq!(ledger.payments().len(), 1);
    import(&mut ledger, vec![line(3, 3, dec!(1000), "VIR DUPONT")]);
    let other = ledger.bank().lines()[1].id;
    assert_eq!(
        ledger.link_payment(other, typed, d(2026, 3, 1)),
        Err(Problem::AmountDiffersFromLine { line: dec!(1000) })
    );
}

#[test]
fn deleting_a_reconciled_payment_reopens_its_line() {
    // Guards against a line shown as reconciled with a payment that no longer exists.
    let (mut ledger, client, _) = ledger_with_invoice();
    import(&mut ledger, vec![line(2, 3, dec!(50), "VIR DUPONT")]);
    let bank_line = ledger.bank().lines()[0].id;
    let payment = ledger
        .reconcile(
            &[Reconciliation {
                line: bank_line,
                client,
                allocations: vec![],
            }],
            d(2026, 3, 1),
        )
        .unwrap()[0];
    ledger.delete_payment(payment).unwrap();
    assert!(ledger.bank().line(bank_line).unwrap().is_open());
}

#[test]
fn a_line_set_aside_needs_a_reason_and_can_be_reopened() {
    let (mut ledger, ..) = ledger_with_invoice();
    import(
        &mut ledger,
        vec![line(2, 3, dec!(80), "VIR REMBOURSEMENT EDF")],
    );
    let bank_line = ledger.bank().lines()[0].id;
    assert_eq!(
        ledger.set_line_aside(bank_line, "  ", d(2026, 3, 1)),
        Err(Problem::Required)
    );
    ledger
        .set_line_aside(bank_line, "Remboursement fournisseur", d(2026, 3, 1))
        .unwrap();
    assert!(!ledger.bank().lines()[0].is_open());
    ledger.reopen_line(bank_line).unwrap();
    assert!(ledger.bank().lines()[0].is_open());
}
