//! Matching bank lines with open invoices as a user relies on it: what is suggested for a
//! line and why, what "confirm every very sure line" may do, and the pointage of an account.

mod support;

use encaisse_domain::bank::book::{AccountChoice, Reconciliation};
use encaisse_domain::bank::matching::{
    search_invoices, suggest, suggest_all, very_sure, very_sure_links, AsideReason, Confidence,
    OpenItems, Proposal, Reason, Suggestion, Suggestions,
};
use encaisse_domain::bank::pointage::{payments_without_bank_line, pointage};
use encaisse_domain::bank::statement::{AccountRef, AccountStatement};
use encaisse_domain::model::bank_book::LineStatus;
use encaisse_domain::model::bank_book::{Balance, LineKind, StatementLine};
use encaisse_domain::model::invoice::InvoiceDetails;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::ids::{BankLineId, ClientId, InvoiceId, PaymentId};
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;
use std::collections::HashMap;

const IBAN_DUPONT: &str = "FR7610107001011234567890129";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 3, 1)
}

/// A transfer credited in February 2026.
fn line(day: u32, amount: Decimal, label: &str) -> StatementLine {
    StatementLine {
        source_line: day as usize,
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

fn from_iban(mut line: StatementLine, iban: &str) -> StatementLine {
    line.counterparty_iban = iban.into();
    line
}

fn client(ledger: &mut Ledger, name: &str, iban: &str) -> ClientId {
    let mut details = support::business(name);
    details.iban = iban.into();
    ledger.add_client(details, d(2025, 1, 1))
}

/// An invoice of `total` (no VAT) issued on `issued`, due 30 days later.
fn invoice(
    ledger: &mut Ledger,
    client: ClientId,
    number: &str,
    issued: NaiveDate,
    total: Decimal,
) -> InvoiceId {
    ledger
        .add_invoice(InvoiceDetails {
            number: number.into(),
            client,
            issue_date: issued,
            terms: PaymentTerms::Net { days: 30 },
            net: total,
            vat: Decimal::ZERO,
            description: String::new(),
            contractual_rate: None,
        })
        .unwrap()
}

fn import_part(ledger: &mut Ledger, part: AccountStatement) -> Vec<BankLineId> {
    let choice = match ledger.bank().accounts().first() {
        Some(account) => AccountChoice::Existing(account.id),
        None => AccountChoice::New {
            name: "Compte pro".into(),
        },
    };
    let before = ledger.bank().lines().len();
    ledger
        .import_statement(&[(choice, &part)], "releve.csv", "CSV", today())
        .unwrap();
    ledger.bank().lines()[before..]
        .iter()
        .map(|l| l.id)
        .collect()
}

fn import(ledger: &mut Ledger, lines: Vec<StatementLine>) -> Vec<BankLineId> {
    import_part(
        ledger,
        AccountStatement {
            account: AccountRef::default(),
            opening: None,
            closing: None,
            lines,
        },
    )
}

/// Dupont (known IBAN) with FA-2024-007 of 1 200 € and FA-2024-008 of 300 €, both issued in
/// January 2026, due early February.
fn dupont() -> (Ledger, ClientId, InvoiceId, InvoiceId) {
    let mut ledger = Ledger::default();
    let dupont = client(&mut ledger, "Dupont Rénovation SARL", IBAN_DUPONT);
    let first = invoice(
        &mut ledger,
        dupont,
        "FA-2024-007",
        d(2026, 1, 5),
        dec!(1200),
    );
    let second = invoice(
        &mut ledger,
        dupont,
        "FA-2024-008",
        d(2026, 1, 10),
        dec!(300),
    );
    (ledger, dupont, first, second)
}

fn suggestion_of(ledger: &Ledger, line: BankLineId) -> Suggestions {
    let items = OpenItems::build(ledger, today());
    suggest(ledger, &items, ledger.bank().line(line).unwrap())
}

fn ranked(suggestions: &Suggestions) -> (&[Suggestion], bool) {
    match suggestions {
        Suggestions::Candidates { ranked, ambiguous } => (ranked, *ambiguous),
        other => panic!("expected candidates, got {other:?}"),
    }
}

fn pays(client: ClientId, allocations: &[(InvoiceId, Decimal)], credit: Decimal) -> Proposal {
    Proposal::NewPayment {
        client,
        allocations: allocations
            .iter()
            .map(|(invoice, amount)| Allocation {
                invoice: *invoice,
                amount: *amount,
            })
            .collect(),
        left_as_credit: credit,
    }
}

#[test]
fn rule_1_a_number_and_its_open_amount_is_very_sure() {
    // Guards against a number written the bank's way (spaces, no leading zeros) being
    // missed, and against the reason not showing the text as the bank wrote it.
    let (mut ledger, dupont, first, _) = dupont();
    let lines = import(
        &mut ledger,
        vec![line(6, dec!(1200), "VIR SEPA FACTURE fa 2024 7 MERCI")],
    );
    let suggestions = suggestion_of(&ledger, lines[0]);
    let (ranked, ambiguous) = ranked(&suggestions);
    assert!(!ambiguous);
    assert_eq!(ranked[0].confidence, Confidence::VerySure);
    assert_eq!(
        ranked[0].proposal,
        pays(dupont, &[(first, dec!(1200))], dec!(0))
    );
    assert!(ranked[0].reasons.contains(&Reason::InvoiceNumber {
        invoice: first,
        as_written: "fa 2024 7".into()
    }));
    assert!(ranked[0]
        .reasons
        .contains(&Reason::AmountEqualsOpen { invoice: first }));
}

#[test]
fn a_longer_number_is_not_read_as_a_shorter_one() {
    // Guards against `FA-2024-0071` paying FA-2024-007 because one starts like the other.
    let (mut ledger, ..) = dupont();
    let lines = import(&mut ledger, vec![line(20, dec!(1200), "VIR FA-2024-0071")]);
    let suggestions = suggestion_of(&ledger, lines[0]);
    let named = match &suggestions {
        Suggestions::Candidates { ranked, .. } => ranked
            .iter()
            .flat_map(|s| &s.reasons)
            .any(|r| matches!(r, Reason::InvoiceNumber { .. })),
        _ => false,
    };
    assert!(!named, "{suggestions:?}");
}

#[test]
fn rule_2_several_numbers_and_the_sum_of_their_open_amounts_is_very_sure() {
    // Guards against one transfer settling two invoices being offered as one of them only.
    let (mut ledger, dupont, first, second) = dupont();
    let mut paying = line(12, dec!(1500), "VIR DUPONT");
    paying.details = "FACTURES FA2024/007 ET FA-2024-008".into();
    let lines = import(&mut ledger, vec![paying]);
    let suggestions = suggestion_of(&ledger, lines[0]);
    let (ranked, _) = ranked(&suggestions);
    assert_eq!(ranked[0].confidence, Confidence::VerySure);
    assert_eq!(
        ranked[0].proposal,
        pays(dupont, &[(first, dec!(1200)), (second, dec!(300))], dec!(0))
    );
    assert!(ranked[0]
        .reasons
        .contains(&Reason::AmountEqualsSum { invoices: 2 }));
}

#[test]
fn rule_3_a_number_with_another_amount_is_high_never_very_sure() {
    // Guards against a partial payment or an overpayment being confirmed in bulk, and
    // against an overpayment allocating more than the invoice has open.
    let (mut ledger, dupont, first, _) = dupont();
    let lines = import(
        &mut ledger,
        vec![
            line(6, dec!(500), "ACOMPTE FA-2024-007"),
            line(7, dec!(1250), "VIR FA-2024-007"),
        ],
    );
    let partial = suggestion_of(&ledger, lines[0]);
    let (ranked_partial, _) = ranked(&partial);
    assert_eq!(ranked_partial[0].confidence, Confidence::High);
    assert_eq!(
        ranked_partial[0].proposal,
        pays(dupont, &[(first, dec!(500))], dec!(0))
    );
    assert!(ranked_partial[0].reasons.contains(&Reason::PartialPayment {
        invoice: first,
        open: dec!(1200)
    }));
    let over = suggestion_of(&ledger, lines[1]);
    let (ranked_over, _) = ranked(&over);
    assert_eq!(ranked_over[0].confidence, Confidence::High);
    assert_eq!(
        ranked_over[0].proposal,
        pays(dupont, &[(first, dec!(1200))], dec!(50))
    );
    assert!(ranked_over[0]
        .reasons
        .contains(&Reason::Overpayment { excess: dec!(50) }));
    assert!(very_sure(&suggest_all(&ledger, today())).is_empty());
}

#[test]
fn rule_4_the_payers_iban_and_one_invoices_amount_is_very_sure() {
    // Guards against a transfer without any reference never being matched though the
    // payer's IBAN and the amount leave no doubt.
    let (mut ledger, dupont, _, second) = dupont();
    let lines = import(
        &mut ledger,
        vec![from_iban(line(12, dec!(300), "VIR SEPA"), IBAN_DUPONT)],
    );
    let suggestions = suggestion_of(&ledger, lines[0]);
    let (ranked, ambiguous) = ranked(&suggestions);
    assert!(!ambiguous);
    assert_eq!(ranked[0].confidence, Confidence::VerySure);
    assert_eq!(
        ranked[0].proposal,
        pays(dupont, &[(second, dec!(300))], dec!(0))
    );
    assert!(ranked[0]
        .reasons
        .contains(&Reason::PayerIban { client: dupont }));
}

#[test]
fn rule_5_a_known_payer_whose_oldest_invoices_sum_to_the_amount_is_high() {
    // Guards against a transfer settling several invoices of a known client being left
    // unmatched because no single invoice has its amount.
    let (mut ledger, dupont, first, second) = dupont();
    let lines = import(
        &mut ledger,
        vec![from_iban(line(12, dec!(1500), "VIR SEPA"), IBAN_DUPONT)],
    );
    let suggestions = suggestion_of(&ledger, lines[0]);
    let (ranked, _) = ranked(&suggestions);
    assert_eq!(ranked[0].confidence, Confidence::High);
    assert_eq!(
        ranked[0].proposal,
        pays(dupont, &[(first, dec!(1200)), (second, dec!(300))], dec!(0))
    );
    assert!(ranked[0]
        .reasons
        .contains(&Reason::OldestInvoicesSum { invoices: 2 }));
}

#[test]
fn rule_6_a_name_found_in_the_label_is_one_level_less_sure() {
    // Guards against a name read in a label (which may be a homonym) being as sure as an
    // IBAN, and against a name written with another legal form or without accents missed.
    let (mut ledger, dupont, first, second) = dupont();
    let lines = import(
        &mut ledger,
        vec![
            line(12, dec!(300), "VIR SEPA DE SAS DUPONT RENOVATION PARIS"),
            line(13, dec!(1500), "VIR SEPA DE DUPONT RENOVATION"),
        ],
    );
    let one = suggestion_of(&ledger, lines[0]);
    let (ranked_one, _) = ranked(&one);
    assert_eq!(ranked_one[0].confidence, Confidence::High);
    assert_eq!(
        ranked_one[0].proposal,
        pays(dupont, &[(second, dec!(300))], dec!(0))
    );
    assert!(ranked_one[0].reasons.contains(&Reason::PayerName {
        client: dupont,
        as_written: "DUPONT RENOVATION".into()
    }));
    let both = suggestion_of(&ledger, lines[1]);
    let (ranked_both, _) = ranked(&both);
    assert_eq!(ranked_both[0].confidence, Confidence::Medium);
    assert_eq!(
        ranked_both[0].proposal,
        pays(dupont, &[(first, dec!(1200)), (second, dec!(300))], dec!(0))
    );
}

#[test]
fn rule_7_an_amount_alone_is_weak_and_only_near_the_due_date() {
    // Guards against an unknown payer's amount being matched with an invoice due months
    // away, and against it ever being more than a weak hint.
    let (mut ledger, dupont, first, _) = dupont();
    // FA-2024-007 falls due on 4 February.
    let lines = import(
        &mut ledger,
        vec![
            line(10, dec!(1200), "VIR SEPA M X"),
            line(25, dec!(1200), "VIR SEPA M Y"),
        ],
    );
    let near = suggestion_of(&ledger, lines[0]);
    let (ranked_near, _) = ranked(&near);
    assert_eq!(ranked_near[0].confidence, Confidence::Weak);
    assert_eq!(
        ranked_near[0].proposal,
        pays(dupont, &[(first, dec!(1200))], dec!(0))
    );
    assert!(ranked_near[0]
        .reasons
        .contains(&Reason::DueSoon { invoice: first }));
    assert_eq!(suggestion_of(&ledger, lines[1]), Suggestions::NoCandidate);
}

#[test]
fn two_invoices_of_the_same_amount_are_ambiguous_and_never_confirmed_in_bulk() {
    // Guards against silently picking one of two equal invoices (the classic complaint).
    let mut ledger = Ledger::default();
    let dupont = client(&mut ledger, "Dupont", IBAN_DUPONT);
    let a = invoice(&mut ledger, dupont, "F-101", d(2026, 1, 5), dec!(1200));
    let b = invoice(&mut ledger, dupont, "F-102", d(2026, 1, 6), dec!(1200));
    let lines = import(
        &mut ledger,
        vec![from_iban(line(8, dec!(1200), "VIR SEPA"), IBAN_DUPONT)],
    );
    let suggestions = suggestion_of(&ledger, lines[0]);
    let (ranked, ambiguous) = ranked(&suggestions);
    assert!(ambiguous);
    assert_eq!(
        ranked[0].proposal,
        pays(dupont, &[(a, dec!(1200))], dec!(0)),
        "oldest first"
    );
    assert_eq!(
        ranked[1].proposal,
        pays(dupont, &[(b, dec!(1200))], dec!(0))
    );
    assert_eq!(ranked[0].confidence, ranked[1].confidence);
    assert!(very_sure(&suggest_all(&ledger, today())).is_empty());
}

#[test]
fn an_invoice_used_by_an_earlier_very_sure_line_is_not_offered_again() {
    // Guards against "confirm all" allocating one invoice twice when the client's transfer
    // was booked twice (or two lines quote the same number).
    let (mut ledger, dupont, first, _) = dupont();
    let lines = import(
        &mut ledger,
        vec![
            line(6, dec!(1200), "VIR FA-2024-007"),
            line(9, dec!(1200), "VIR FA-2024-007"),
        ],
    );
    let all = suggest_all(&ledger, today());
    assert_eq!(all[0].0, lines[0], "booking-date order");
    let bulk = very_sure(&all);
    assert_eq!(
        bulk,
        vec![Reconciliation {
            line: lines[0],
            client: dupont,
            allocations: vec![Allocation {
                invoice: first,
                amount: dec!(1200)
            }],
        }]
    );
    let later = match &all[1].1 {
        Suggestions::Candidates { ranked, .. } => ranked[0].confidence,
        _ => Confidence::Weak,
    };
    assert!(later > Confidence::VerySure);
    ledger.reconcile(&bulk, today()).unwrap();
}

#[test]
fn debits_cards_fees_interest_and_reversals_are_set_aside() {
    // Guards against a card refund or bank interest being offered as a client's payment.
    let (mut ledger, ..) = dupont();
    let mut card = line(3, dec!(1200), "CB REMBOURSEMENT");
    card.kind = LineKind::Card;
    let mut fee = line(3, dec!(-12), "FRAIS TENUE DE COMPTE");
    fee.kind = LineKind::Fee;
    let mut interest = line(3, dec!(1.50), "INTERETS");
    interest.kind = LineKind::Interest;
    let mut reversal = line(3, dec!(1200), "RETOUR VIR FA-2024-007");
    reversal.reversal = true;
    let lines = import(
        &mut ledger,
        vec![
            line(3, dec!(-1200), "PRLV URSSAF FA-2024-007"),
            card,
            fee,
            interest,
            reversal,
        ],
    );
    let expected = [
        AsideReason::Debit,
        AsideReason::Card,
        AsideReason::BankFee,
        AsideReason::Interest,
        AsideReason::Reversal,
    ];
    for (id, reason) in lines.iter().zip(expected) {
        assert_eq!(suggestion_of(&ledger, *id), Suggestions::SetAside(reason));
    }
    assert!(very_sure(&suggest_all(&ledger, today())).is_empty());
}

#[test]
fn a_reconciled_line_is_never_matched_again() {
    // Guards against a line confirmed yesterday being offered today as a second payment.
    let (mut ledger, ..) = dupont();
    let lines = import(&mut ledger, vec![line(6, dec!(1200), "VIR FA-2024-007")]);
    let bulk = very_sure(&suggest_all(&ledger, today()));
    ledger.reconcile(&bulk, today()).unwrap();
    assert_eq!(
        suggestion_of(&ledger, lines[0]),
        Suggestions::SetAside(AsideReason::AlreadyReconciled)
    );
    assert!(suggest_all(&ledger, today()).is_empty());
}

fn typed(
    ledger: &mut Ledger,
    client: ClientId,
    date: NaiveDate,
    amount: Decimal,
    reference: &str,
    allocations: Vec<Allocation>,
) -> PaymentId {
    ledger
        .record_payment(PaymentDetails {
            client,
            date,
            amount,
            method: PaymentMethod::Transfer,
            reference: reference.into(),
            allocations,
        })
        .unwrap()
}

#[test]
fn a_payment_typed_by_hand_is_proposed_rather_than_a_new_one() {
    // Guards against the bank line recording again a payment the user typed last week.
    let (mut ledger, dupont, first, second) = dupont();
    let settled = typed(
        &mut ledger,
        dupont,
        d(2026, 2, 2),
        dec!(1200),
        "virement",
        vec![Allocation {
            invoice: first,
            amount: dec!(1200),
        }],
    );
    // Typed as credit only: the invoice is still open, so a new payment would fit too.
    let as_credit = typed(&mut ledger, dupont, d(2026, 2, 10), dec!(300), "", vec![]);
    let lines = import(
        &mut ledger,
        vec![
            line(4, dec!(1200), "VIR DUPONT FA-2024-007"),
            from_iban(line(12, dec!(300), "VIR SEPA"), IBAN_DUPONT),
        ],
    );
    let all = suggest_all(&ledger, today());
    let (first_ranked, _) = ranked(&all[0].1);
    assert_eq!(
        first_ranked[0].proposal,
        Proposal::ExistingPayment { payment: settled }
    );
    assert_eq!(
        first_ranked[0].confidence,
        Confidence::VerySure,
        "it settles the invoice the line names"
    );
    assert!(first_ranked[0]
        .reasons
        .contains(&Reason::TypedPayment { payment: settled }));
    let (second_ranked, ambiguous) = ranked(&all[1].1);
    assert_eq!(
        second_ranked[0].proposal,
        Proposal::ExistingPayment { payment: as_credit }
    );
    assert_eq!(second_ranked[0].confidence, Confidence::High);
    assert!(second_ranked
        .iter()
        .all(|s| s.confidence > Confidence::VerySure));
    assert!(second_ranked
        .iter()
        .any(|s| s.proposal == pays(dupont, &[(second, dec!(300))], dec!(0))));
    assert!(ambiguous, "link or create: the user decides");
    assert!(very_sure(&all).is_empty());
    assert_eq!(very_sure_links(&all), vec![(lines[0], settled)]);
    for (line, payment) in very_sure_links(&all) {
        ledger.link_payment(line, payment, today()).unwrap();
    }
    assert_eq!(ledger.payments().len(), 2);
}

#[test]
fn the_search_box_finds_by_number_amount_and_client_open_invoices_first() {
    // Guards against the user unable to pick the right invoice by what they remember of it.
    let (mut ledger, _, first, second) = dupont();
    let martin = client(&mut ledger, "Martin Conseil", "");
    let paid = invoice(
        &mut ledger,
        martin,
        "FA-2024-001",
        d(2025, 12, 1),
        dec!(1200),
    );
    typed(
        &mut ledger,
        martin,
        d(2026, 1, 2),
        dec!(1200),
        "",
        vec![Allocation {
            invoice: paid,
            amount: dec!(1200),
        }],
    );
    let items = OpenItems::build(&ledger, today());
    assert_eq!(
        search_invoices(&ledger, &items, "fa 2024 00", 10),
        vec![first, second, paid]
    );
    assert_eq!(
        search_invoices(&ledger, &items, "2024-008", 10),
        vec![second]
    );
    assert_eq!(
        search_invoices(&ledger, &items, "1 200", 10),
        vec![first, paid]
    );
    assert_eq!(search_invoices(&ledger, &items, "1200,00", 1), vec![first]);
    assert_eq!(search_invoices(&ledger, &items, "martin", 10), vec![paid]);
    assert_eq!(
        search_invoices(&ledger, &items, "renov", 10),
        vec![first, second]
    );
    assert!(search_invoices(&ledger, &items, " - ", 10).is_empty());
}

#[test]
fn pointage_counts_lines_and_checks_the_statement_balances() {
    // Guards against a statement with a missing line being reported as complete.
    let (mut ledger, ..) = dupont();
    let mut fee = line(5, dec!(-12), "FRAIS");
    fee.kind = LineKind::Fee;
    let lines = vec![
        line(6, dec!(1200), "VIR FA-2024-007"),
        line(7, dec!(80), "VIR REMBOURSEMENT EDF"),
        line(8, dec!(45), "VIR INCONNU"),
        fee,
    ];
    let ids = import_part(
        &mut ledger,
        AccountStatement {
            account: AccountRef::default(),
            opening: Some(Balance {
                date: d(2026, 1, 31),
                amount: dec!(1000),
            }),
            closing: Some(Balance {
                date: d(2026, 2, 28),
                amount: dec!(2313),
            }),
            lines,
        },
    );
    ledger
        .reconcile(&very_sure(&suggest_all(&ledger, today())), today())
        .unwrap();
    ledger
        .set_line_aside(ids[1], "Remboursement fournisseur", today())
        .unwrap();
    let account = ledger.bank().accounts()[0].id;
    let february = pointage(&ledger, account, d(2026, 2, 1), d(2026, 2, 28));
    assert_eq!(
        (
            february.lines,
            february.reconciled,
            february.set_aside,
            february.open_credits,
            february.open_debits
        ),
        (4, 1, 1, 1, 1)
    );
    assert_eq!((february.credits, february.debits), (dec!(1325), dec!(12)));
    assert_eq!(
        (february.first_date, february.last_date),
        (Some(d(2026, 2, 5)), Some(d(2026, 2, 8)))
    );
    assert_eq!(
        february.balance_check,
        Some(dec!(0)),
        "1000 + 1325 − 12 = 2313"
    );
    let march = pointage(&ledger, account, d(2026, 3, 1), d(2026, 3, 31));
    assert_eq!(
        (march.lines, march.opening, march.balance_check),
        (0, None, None)
    );

    // The same statement with a line the import lost: 45 € are missing.
    let mut short = Ledger::default();
    import_part(
        &mut short,
        AccountStatement {
            account: AccountRef::default(),
            opening: Some(Balance {
                date: d(2026, 1, 31),
                amount: dec!(1000),
            }),
            closing: Some(Balance {
                date: d(2026, 2, 28),
                amount: dec!(1045),
            }),
            lines: vec![line(6, dec!(0.01), "VIR")],
        },
    );
    let account = short.bank().accounts()[0].id;
    assert_eq!(
        pointage(&short, account, d(2026, 2, 1), d(2026, 2, 28)).balance_check,
        Some(dec!(44.99))
    );
}

#[test]
fn payments_the_bank_never_showed_are_listed_with_the_closest_line() {
    // Guards against a cheque never cashed, or a payment typed with the wrong amount,
    // staying unnoticed; cash never reaches the bank and is not listed.
    let (mut ledger, dupont, ..) = dupont();
    let wrong = typed(&mut ledger, dupont, d(2026, 2, 10), dec!(130), "", vec![]);
    let mut cheque_details = ledger.payment(wrong).unwrap().details.clone();
    cheque_details.method = PaymentMethod::Cheque;
    cheque_details.amount = dec!(77);
    cheque_details.date = d(2026, 2, 3);
    let cheque = ledger.record_payment(cheque_details.clone()).unwrap();
    cheque_details.method = PaymentMethod::Cash;
    ledger.record_payment(cheque_details).unwrap();
    let linked = typed(&mut ledger, dupont, d(2026, 2, 4), dec!(55), "", vec![]);
    let lines = import(
        &mut ledger,
        vec![
            line(1, dec!(130), "VIR DUPONT"),
            line(12, dec!(130), "VIR DUPONT"),
            line(4, dec!(55), "VIR DUPONT"),
        ],
    );
    ledger.link_payment(lines[2], linked, today()).unwrap();
    assert_eq!(
        payments_without_bank_line(&ledger, d(2026, 2, 1), d(2026, 2, 28)),
        vec![(cheque, None), (wrong, Some(lines[1]))]
    );
    assert!(payments_without_bank_line(&ledger, d(2026, 3, 1), d(2026, 3, 31)).is_empty());
}

// ----- random ledgers -----

const AMOUNTS: [Decimal; 5] = [dec!(100), dec!(250.50), dec!(300), dec!(1200), dec!(49.99)];

#[derive(Clone, Debug)]
struct RandomInvoice {
    client: usize,
    amount: usize,
    paid_percent: u8,
    issued_day: u32,
}

#[derive(Clone, Debug)]
struct RandomLine {
    amount_cents: i64,
    named: Vec<usize>,
    client: Option<usize>,
    by_iban: bool,
    kind: u8,
    day: u32,
}

fn random_invoice() -> impl Strategy<Value = RandomInvoice> {
    (0usize..3, 0usize..AMOUNTS.len(), 0u8..4, 1u32..60).prop_map(|(client, amount, paid, day)| {
        RandomInvoice {
            client,
            amount,
            paid_percent: [0, 0, 50, 100][paid as usize],
            issued_day: day,
        }
    })
}

fn cents(amount: Decimal) -> i64 {
    (amount * dec!(100)).trunc().mantissa() as i64
}

fn random_line() -> impl Strategy<Value = RandomLine> {
    (
        // Mostly amounts invoices have (whole, or two together), so that rules fire.
        prop_oneof![
            3 => (0usize..AMOUNTS.len()).prop_map(|i| cents(AMOUNTS[i])),
            1 => (0usize..AMOUNTS.len(), 0usize..AMOUNTS.len())
                .prop_map(|(i, j)| cents(AMOUNTS[i] + AMOUNTS[j])),
            1 => -50_000i64..200_000,
        ],
        prop::collection::vec(0usize..8, 0..3),
        prop::option::of(0usize..3),
        any::<bool>(),
        0u8..6,
        1u32..28,
    )
        .prop_map(
            |(amount_cents, named, client, by_iban, kind, day)| RandomLine {
                amount_cents,
                named,
                client,
                by_iban,
                kind,
                day,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn suggestions_never_overallocate_and_the_bulk_set_always_reconciles(
        invoices in prop::collection::vec(random_invoice(), 1..8),
        typed_amounts in prop::collection::vec((0usize..3, 0usize..AMOUNTS.len(), 1u32..28), 0..3),
        lines in prop::collection::vec(random_line(), 1..8),
    ) {
        // Guards against a suggestion the ledger would refuse (more than an invoice has
        // open, allocations not summing to the line), and against "confirm every very sure
        // line" failing, or allocating an invoice twice, on any ledger.
        let mut ledger = Ledger::default();
        let names = ["Dupont Rénovation", "Martin SARL", "Lefèvre Conseil"];
        let ibans = [IBAN_DUPONT, "FR7630006000011234567890189", ""];
        let clients: Vec<ClientId> = (0..3).map(|i| client(&mut ledger, names[i], ibans[i])).collect();
        let mut numbers = Vec::new();
        for (index, spec) in invoices.iter().enumerate() {
            let number = format!("FA-2026-{:03}", index + 1);
            let id = invoice(&mut ledger, clients[spec.client], &number, d(2026, 1, 1) + chrono::Duration::days(i64::from(spec.issued_day)), AMOUNTS[spec.amount]);
            let part = (AMOUNTS[spec.amount] * Decimal::from(spec.paid_percent) / dec!(100)).round_dp(2);
            if part > Decimal::ZERO {
                typed(&mut ledger, clients[spec.client], d(2026, 1, 20), part, &number, vec![Allocation { invoice: id, amount: part }]);
            }
            numbers.push(number);
        }
        for (who, amount, day) in typed_amounts {
            typed(&mut ledger, clients[who], d(2026, 2, day), AMOUNTS[amount], "", vec![]);
        }
        let statement_lines: Vec<StatementLine> = lines.iter().map(|spec| {
            let named: Vec<&str> = spec.named.iter().filter_map(|i| numbers.get(*i)).map(String::as_str).collect();
            let mut label = format!("VIR {}", named.join(" "));
            if let (Some(who), false) = (spec.client, spec.by_iban) {
                label.push(' ');
                label.push_str(&names[who].to_uppercase());
            }
            let mut built = line(spec.day, Decimal::new(spec.amount_cents, 2), &label);
            if let (Some(who), true) = (spec.client, spec.by_iban) {
                built.counterparty_iban = ibans[who].into();
            }
            built.kind = [LineKind::Transfer, LineKind::Unknown, LineKind::Cheque, LineKind::Card, LineKind::Fee, LineKind::Transfer][spec.kind as usize];
            built
        }).collect();
        import(&mut ledger, statement_lines);

        let all = suggest_all(&ledger, today());
        let items = OpenItems::build(&ledger, today());
        for (_, suggestions) in &all {
            if let Suggestions::Candidates { ranked, .. } = suggestions {
                prop_assert!(ranked.len() <= 5);
                for suggestion in ranked {
                    if let Proposal::NewPayment { allocations, left_as_credit, .. } = &suggestion.proposal {
                        prop_assert!(*left_as_credit >= Decimal::ZERO);
                        for allocation in allocations {
                            prop_assert!(allocation.amount > Decimal::ZERO);
                            prop_assert!(allocation.amount <= items.open_amount(allocation.invoice));
                        }
                    }
                }
            }
        }
        for (id, suggestions) in &all {
            let amount = ledger.bank().line(*id).unwrap().line.amount;
            if let Suggestions::Candidates { ranked, .. } = suggestions {
                for suggestion in ranked {
                    if let Proposal::NewPayment { allocations, left_as_credit, .. } = &suggestion.proposal {
                        let allocated: Decimal = allocations.iter().map(|a| a.amount).sum();
                        prop_assert_eq!(allocated + *left_as_credit, amount);
                    }
                }
            }
        }
        let mut allocated: HashMap<InvoiceId, Decimal> = HashMap::new();
        let bulk = very_sure(&all);
        for reconciliation in &bulk {
            for allocation in &reconciliation.allocations {
                *allocated.entry(allocation.invoice).or_default() += allocation.amount;
            }
        }
        for (invoice, amount) in allocated {
            prop_assert!(amount <= items.open_amount(invoice), "an invoice allocated twice");
        }
        let links = very_sure_links(&all);
        ledger.reconcile(&bulk, today()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        for (line, payment) in links {
            ledger.link_payment(line, payment, today()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        }
        for reconciliation in &bulk {
            let status = &ledger.bank().line(reconciliation.line).unwrap().status;
            let created = matches!(status, LineStatus::Reconciled { created: true, .. });
            prop_assert!(created, "line {:?} not reconciled", reconciliation.line);
        }
    }
}
