//! Importing invoices, clients and payments from an FEC or an invoicing tool's CSV, on the
//! files users really download (fixtures/import, written by generate.py): what is created,
//! what is matched, what is refused and where, and that an import is whole, repeatable
//! without duplicates, and undoable.

mod support;

use encaisse_domain::files::import::apply::{apply, undo};
use encaisse_domain::files::import::invoices_csv;
use encaisse_domain::files::import::plan::{plan_fec, plan_invoices_csv, ClientRef, ImportPlan};
use encaisse_domain::files::import::{fec, ImportFileProblem, Refusal};
use encaisse_domain::model::client::ClientForm;
use encaisse_domain::model::imports::DateOrder;
use encaisse_domain::model::invoice::InvoiceDetails;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::ids::ClientId;
use encaisse_domain::values::problem::{BuiltOnImport, Problem};
use encaisse_domain::values::read::encoding::decode;
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 3, 31)
}

const TERMS: PaymentTerms = PaymentTerms::Net { days: 30 };

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    decode(&bytes).expect("fixtures are text").0
}

fn fec_plan(ledger: &Ledger, name: &str) -> ImportPlan {
    plan_fec(ledger, &fixture(name), TERMS, today()).unwrap()
}

fn csv_plan(ledger: &Ledger, name: &str) -> ImportPlan {
    let text = fixture(name);
    let columns = invoices_csv::preview(&text).unwrap().suggested;
    plan_invoices_csv(ledger, &text, &columns, TERMS, today()).unwrap()
}

/// A ledger the user already keeps: Atelier Dupont, and Société Martin with its SIREN.
fn ledger_with_clients() -> (Ledger, ClientId, ClientId) {
    let mut ledger = Ledger::default();
    let dupont = ledger.add_client(support::business("Atelier Dupont"), d(2025, 6, 1));
    let martin = ClientForm {
        name: "Société Martin".into(),
        registration: "732829320".into(),
        ..ClientForm::default()
    }
    .validate()
    .unwrap();
    let martin = ledger.add_client(martin, d(2025, 6, 1));
    (ledger, dupont, martin)
}

fn invoice_number_total(ledger: &Ledger, number: &str) -> (Decimal, Decimal, Decimal) {
    let invoice = ledger
        .invoices()
        .iter()
        .find(|i| i.details.number == number)
        .unwrap_or_else(|| panic!("{number} not imported"));
    let balance = ledger.balance_now(invoice.id);
    (invoice.details.net, invoice.details.vat, balance.open())
}

#[test]
fn fec_invoices_credit_notes_payments_and_lettering() {
    // Guards against lettering ignored (payments left as credit), net and VAT not taken from
    // the entry's 7xx and 4457x lines, and the opening balance dropped.
    let plan = fec_plan(&Ledger::default(), "fec_tab.txt");
    let s = plan.summary();
    assert_eq!(s.new_clients, 2);
    assert_eq!(s.new_invoices, 4);
    assert_eq!(s.invoices_total, dec!(4700.00));
    assert_eq!((s.credit_notes, s.credit_notes_total), (1, dec!(240.00)));
    assert_eq!((s.payments, s.payments_total), (3, dec!(3660.00)));
    assert_eq!(s.allocated_total, dec!(3360.00));
    assert_eq!(plan.refused.len(), 1);
    assert_eq!(plan.refused[0].line, 17);
    assert_eq!(plan.refused[0].column.as_deref(), Some("Debit"));
    assert_eq!(
        plan.refused[0].refusal,
        Refusal::UnreadableAmount {
            text: "12,3,4".into()
        }
    );

    let (ledger, record) = apply(&Ledger::default(), &plan, today()).unwrap();
    assert_eq!(record.invoices.len(), 4);
    assert_eq!(
        invoice_number_total(&ledger, "F2026-001"),
        (dec!(1000.00), dec!(200.00), dec!(0))
    );
    assert_eq!(
        invoice_number_total(&ledger, "F2026-002"),
        (dec!(500.00), dec!(100.00), dec!(600.00))
    );
    assert_eq!(invoice_number_total(&ledger, "F2026-003").2, dec!(0));
    let opening = ledger
        .invoices()
        .iter()
        .find(|i| i.details.number == "F2025-090")
        .unwrap();
    assert_eq!(opening.details.issue_date, d(2025, 12, 15));
    assert_eq!(
        opening.due_date(),
        d(2026, 1, 14),
        "new clients take the default terms"
    );
    let credit: Decimal = ledger.payments().iter().map(|p| p.unallocated()).sum();
    assert_eq!(
        credit,
        dec!(300.00),
        "the unlettered payment is the client's credit"
    );
    let names: Vec<&str> = ledger
        .clients()
        .iter()
        .map(|c| c.details.name.as_str())
        .collect();
    assert_eq!(names, ["Atelier Dupont", "Société Martin"]);
}

#[test]
fn reimporting_the_same_file_creates_nothing() {
    // Guards against a second import of the same FEC or CSV doubling invoices and payments.
    let (ledger, _) = apply(
        &Ledger::default(),
        &fec_plan(&Ledger::default(), "fec_tab.txt"),
        today(),
    )
    .unwrap();
    let again = fec_plan(&ledger, "fec_tab.txt");
    assert!(again.creates_nothing(), "{again:?}");
    let s = again.summary();
    assert_eq!(
        (
            s.existing_invoices,
            s.existing_credit_notes,
            s.existing_payments
        ),
        (4, 1, 3)
    );
    assert_eq!(s.existing_clients, 2);

    for name in ["factures_fr.csv", "dolibarr.csv", "invoices_en.csv"] {
        let (ledger, _) = apply(
            &Ledger::default(),
            &csv_plan(&Ledger::default(), name),
            today(),
        )
        .unwrap();
        let again = csv_plan(&ledger, name);
        assert!(again.creates_nothing(), "{name}: {again:?}");
    }
}

#[test]
fn fec_clients_are_matched_not_duplicated() {
    // Guards against "ATELIER  DUPONT" in the FEC creating a second Atelier Dupont.
    let (ledger, dupont, _) = ledger_with_clients();
    let plan = fec_plan(&ledger, "fec_montant_sens.txt");
    assert!(plan.new_clients.is_empty());
    assert_eq!(plan.existing_clients.len(), 1);
    assert_eq!(plan.new_invoices.len(), 1);
    let invoice = &plan.new_invoices[0];
    assert_eq!(invoice.client, ClientRef::Existing(dupont));
    assert_eq!((invoice.net, invoice.vat), (dec!(1500.00), dec!(300.00)));
    assert_eq!(plan.refused.len(), 1);
    assert_eq!(plan.refused[0].line, 5);
    assert_eq!(
        plan.refused[0].refusal,
        Refusal::OtherJournal {
            journal: "OD".into()
        }
    );
}

#[test]
fn pipe_fec_in_windows_1252_with_22_columns() {
    // Guards against "Lefèvre" read as "LefÃ¨vre" and extra columns shifting the others.
    let plan = fec_plan(&Ledger::default(), "fec_pipe_22.txt");
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.new_clients[0].details.name, "Boulangerie Lefèvre");
    assert_eq!(plan.new_invoices[0].number, "FA-2026-0042");
    assert_eq!(plan.new_invoices[0].vat, dec!(60.00));
    assert_eq!(plan.payments[0].method, PaymentMethod::Cheque);
    assert_eq!(plan.payments[0].allocations[0].amount, dec!(360.00));
    assert_eq!(plan.payments[0].date, d(2026, 3, 10));
}

#[test]
fn a_number_taken_with_another_total_is_refused_with_both_totals() {
    // Guards against an import overwriting, or silently skipping, a different real invoice.
    let (mut ledger, dupont, _) = ledger_with_clients();
    ledger
        .add_invoice(InvoiceDetails {
            number: "f2026-001".into(),
            client: dupont,
            issue_date: d(2026, 1, 10),
            terms: TERMS,
            net: dec!(999),
            vat: dec!(0),
            description: String::new(),
            contractual_rate: None,
        })
        .unwrap();
    let plan = fec_plan(&ledger, "fec_tab.txt");
    let refused = plan.refused.iter().find(|r| r.line == 4).unwrap();
    assert_eq!(
        refused.refusal,
        Refusal::NumberTakenWithOtherTotal {
            number: "F2026-001".into(),
            existing: dec!(999),
            imported: dec!(1200.00),
        }
    );
    assert!(plan
        .new_clients
        .iter()
        .all(|c| c.details.name != "Atelier Dupont"));
    // The plan still applies whole: the payment of that group becomes the client's credit.
    assert!(apply(&ledger, &plan, today()).is_ok());
}

#[test]
fn french_csv_rows_and_their_refusals() {
    // Guards against a bad row stopping the import, or refused without its line and column.
    let text = fixture("factures_fr.csv");
    let preview = invoices_csv::preview(&text).unwrap();
    assert_eq!(preview.separator, ';');
    assert_eq!(preview.header[0], "N° facture");
    assert_eq!(preview.suggested.date_order, DateOrder::DayFirst);
    let plan = csv_plan(&Ledger::default(), "factures_fr.csv");
    let s = plan.summary();
    assert_eq!((s.new_clients, s.new_invoices), (2, 3));
    assert_eq!(s.invoices_total, dec!(2100.00));
    assert_eq!((s.payments, s.allocated_total), (1, dec!(1200.00)));
    assert_eq!(plan.new_invoices[0].terms, PaymentTerms::Net { days: 30 });
    assert_eq!(plan.new_invoices[1].terms, PaymentTerms::OnReceipt);
    assert_eq!(plan.new_clients[1].details.registration, "732829320");
    let refused: Vec<(usize, Option<&str>, &Refusal)> = plan
        .refused
        .iter()
        .map(|r| (r.line, r.column.as_deref(), &r.refusal))
        .collect();
    assert_eq!(
        refused,
        [
            (4, Some("Date de paiement"), &Refusal::PaymentWithoutDate),
            (5, Some("Client"), &Refusal::Invalid(Problem::Required)),
            (
                6,
                Some("Date"),
                &Refusal::UnreadableDate {
                    text: "32/01/2026".into()
                }
            ),
            (
                7,
                None,
                &Refusal::AmountsDisagree {
                    net: dec!(100.00),
                    vat: dec!(20.00),
                    total: dec!(130.00)
                }
            ),
        ]
    );
}

#[test]
fn dolibarr_rows_per_payment_and_siren_matching() {
    // Guards against the second payment row of an invoice refused as a duplicate number,
    // and "MARTIN SAS" created anew although its SIREN is Société Martin's.
    let (ledger, dupont, martin) = ledger_with_clients();
    let plan = csv_plan(&ledger, "dolibarr.csv");
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert!(plan.new_clients.is_empty());
    assert_eq!(plan.new_invoices.len(), 3);
    assert_eq!(plan.new_invoices[0].client, ClientRef::Existing(martin));
    assert_eq!(plan.new_invoices[2].client, ClientRef::Existing(dupont));
    let amounts: Vec<Decimal> = plan.payments.iter().map(|p| p.amount).collect();
    assert_eq!(amounts, [dec!(500.00), dec!(700.00), dec!(120.00)]);
    assert_eq!(plan.payments[2].method, PaymentMethod::Cheque);
    let (after, _) = apply(&ledger, &plan, today()).unwrap();
    assert_eq!(invoice_number_total(&after, "FA2601-0001").2, dec!(0));
    assert_eq!(invoice_number_total(&after, "FA2601-0002").2, dec!(300.00));
}

#[test]
fn english_csv_with_month_first_dates_and_quoted_thousands() {
    // Guards against 02/14/2026 refused as a 14th month and "1,250.00" read as 1.25.
    let plan = csv_plan(&Ledger::default(), "invoices_en.csv");
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.new_invoices[0].issue_date, d(2026, 2, 14));
    assert_eq!(plan.new_invoices[0].net, dec!(1250.00));
    assert_eq!(plan.new_invoices[0].vat, dec!(250.00));
    assert_eq!(plan.payments[0].date, d(2026, 3, 2));
    assert_eq!(plan.summary().invoices_total, dec!(2300.00));
}

#[test]
fn apply_then_undo_gives_back_the_ledger() {
    // Guards against an undo leaving a client, a credit note or a used id behind.
    let (ledger, _, _) = ledger_with_clients();
    let plan = fec_plan(&ledger, "fec_tab.txt");
    let (after, record) = apply(&ledger, &plan, today()).unwrap();
    assert_ne!(after, ledger);
    assert_eq!(undo(&after, &record).unwrap(), ledger);
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(
        serde_json::from_str::<encaisse_domain::model::imports::ImportRecord>(&json).unwrap(),
        record
    );
}

#[test]
fn undo_is_refused_once_a_payment_was_typed_on_an_import() {
    // Guards against an undo deleting an invoice a payment typed by hand still settles.
    let plan = fec_plan(&Ledger::default(), "fec_tab.txt");
    let (mut after, record) = apply(&Ledger::default(), &plan, today()).unwrap();
    let invoice = after
        .invoices()
        .iter()
        .find(|i| i.details.number == "F2026-002")
        .unwrap()
        .clone();
    after
        .record_payment(PaymentDetails {
            client: invoice.details.client,
            date: d(2026, 3, 30),
            amount: dec!(100),
            method: PaymentMethod::Transfer,
            reference: String::new(),
            allocations: vec![Allocation {
                invoice: invoice.id,
                amount: dec!(100),
            }],
        })
        .unwrap();
    assert_eq!(
        undo(&after, &record),
        Err(Problem::ImportBuiltOn(BuiltOnImport::Payment))
    );
}

#[test]
fn an_fec_is_told_from_an_invoices_csv_by_its_header() {
    // Guards against an FEC sent to the column mapping, or a CSV of invoices to the FEC
    // planner, which would refuse it whole.
    for name in ["fec_tab.txt", "fec_pipe_22.txt", "fec_montant_sens.txt"] {
        assert!(fec::is_fec(&fixture(name)), "{name}");
    }
    for name in ["factures_fr.csv", "invoices_en.csv", "dolibarr.csv"] {
        assert!(!fec::is_fec(&fixture(name)), "{name}");
    }
    assert!(!fec::is_fec("JournalCode;EcritureNum;Debit\n"));
    assert!(!fec::is_fec("\n\n"));
}

#[test]
fn files_that_are_not_tables_are_refused_whole() {
    // Guards against a bank statement taken for an FEC, or a mapping of another layout
    // reading the wrong columns.
    assert!(matches!(
        fec::read("Date;Libellé;Montant\n"),
        Err(ImportFileProblem::MissingColumns { .. })
    ));
    let mut columns = invoices_csv::preview(&fixture("invoices_en.csv"))
        .unwrap()
        .suggested;
    columns.payment_date = Some(40);
    assert_eq!(
        plan_invoices_csv(
            &Ledger::default(),
            &fixture("invoices_en.csv"),
            &columns,
            TERMS,
            today()
        ),
        Err(ImportFileProblem::ColumnOutOfRange {
            column: 40,
            columns: 9
        })
    );
}

/// A cell that mostly holds one of the values its column takes, sometimes anything: the
/// fuzzing then reaches the planners and the ledger rather than stopping at the reader.
fn cell(values: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        6 => proptest::sample::select(values).prop_map(String::from),
        1 => "[0-9a-zé \",.]{0,6}",
    ]
    .boxed()
}

fn rows(
    columns: Vec<BoxedStrategy<String>>,
    separator: &'static str,
) -> impl Strategy<Value = String> {
    proptest::collection::vec(columns, 0..12).prop_map(move |rows| {
        rows.iter()
            .map(|row| row.join(separator) + "\r\n")
            .collect()
    })
}

const FEC_HEADER: &str = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\n";
const CSV_HEADER: &str =
    "N° facture;Client;Date;Échéance;Total HT;TVA;Total TTC;Payé;Date de paiement;SIREN\n";

fn fec_rows() -> impl Strategy<Value = String> {
    let amounts = &["1200,00", "0,01", "", "-5", "999999999999", "200,00"];
    let dates = &["20260115", "20260301", "20270101", "2026-02-01", ""];
    rows(
        vec![
            cell(&["VT", "BQ", "AN", "OD", "CH"]),
            cell(&["Ventes", "Banque", ""]),
            cell(&["1", "2", "3"]),
            cell(dates),
            cell(&["411", "411", "706", "44571", "512"]),
            cell(&["Clients", "", "Dupont"]),
            cell(&["C1", "C2", ""]),
            cell(&["Atelier Dupont", "Martin", ""]),
            cell(&["F1", "F2", "f1 ", ""]),
            cell(dates),
            cell(&["Facture", ""]),
            cell(amounts),
            cell(amounts),
            cell(&["A", "B", ""]),
        ],
        "\t",
    )
}

fn csv_rows() -> impl Strategy<Value = String> {
    let amounts = &["100,00", "20,00", "120,00", "", "-5", "0"];
    let dates = &["15/01/2026", "2026-02-01", "32/01/2026", "", "01/01/2030"];
    rows(
        vec![
            cell(&["F1", "F2", "f1", ""]),
            cell(&["Atelier Dupont", "Martin", "Société Martin", ""]),
            cell(dates),
            cell(dates),
            cell(amounts),
            cell(amounts),
            cell(amounts),
            cell(&["120,00", "50,00", "oui", "", "1000,00"]),
            cell(dates),
            cell(&["", "732829320", "123456789", "73282932000074"]),
        ],
        ";",
    )
}

proptest! {
    #[test]
    fn readers_and_planners_never_panic(text in any::<String>()) {
        // Guards against a slice or an index on an outside file's text panicking the app.
        let _ = fec::read(&text);
        let _ = plan_fec(&Ledger::default(), &text, TERMS, today());
        if let Some(preview) = invoices_csv::preview(&text) {
            let _ = plan_invoices_csv(&Ledger::default(), &text, &preview.suggested, TERMS, today());
        }
        let _ = invoices_csv::header_signature(&text);
    }

    #[test]
    fn plans_of_any_rows_apply_whole(fec_rows in fec_rows(), csv_rows in csv_rows()) {
        // Guards against a plan the ledger then refuses: what the preview promised must be
        // what confirming records, and undoing it gives the ledger back.
        let (ledger, _, _) = ledger_with_clients();
        let fec_text = format!("{FEC_HEADER}{fec_rows}");
        let csv_text = format!("{CSV_HEADER}{csv_rows}");
        let mut plans = vec![plan_fec(&ledger, &fec_text, TERMS, today()).unwrap()];
        if let Some(preview) = invoices_csv::preview(&csv_text) {
            if let Ok(plan) = plan_invoices_csv(&ledger, &csv_text, &preview.suggested, TERMS, today()) {
                plans.push(plan);
            }
        }
        for plan in plans {
            let applied = apply(&ledger, &plan, today());
            prop_assert!(applied.is_ok(), "{:?} for {:?}", applied, plan);
            let (after, record) = applied.unwrap();
            prop_assert_eq!(undo(&after, &record).unwrap(), ledger.clone());
        }
    }
}

#[test]
fn a_client_known_by_its_iban_is_matched_and_terms_in_words_give_the_due_date() {
    // Guards against a client the invoicing tool names differently ("ATELIER DUPONT SARL")
    // created twice though its IBAN is known, and against "45 jours fin de mois" ignored
    // (the invoice falling due on the default terms) or a text that is no terms accepted.
    let (mut ledger, dupont, _) = ledger_with_clients();
    let mut details = ledger.client(dupont).unwrap().details.clone();
    details.iban = "FR7630006000011234567890189".into();
    ledger.update_client(dupont, details).unwrap();
    let text = "Facture;Client;Date;Conditions;Total TTC;IBAN\n\
                F9-001;ATELIER DUPONT SARL;15/01/2026;45 jours fin de mois;1200,00;FR76 3000 6000 0112 3456 7890 189\n\
                F9-002;Nouveau Client;20/01/2026;selon devis;300,00;\n";
    let columns = invoices_csv::preview(text).unwrap().suggested;
    assert_eq!(
        (columns.terms, columns.iban),
        (Some(3), Some(5)),
        "guessed from the header"
    );
    let plan = plan_invoices_csv(&ledger, text, &columns, TERMS, today()).unwrap();
    assert!(plan.new_clients.is_empty(), "{:?}", plan.new_clients);
    assert_eq!(plan.new_invoices.len(), 1);
    assert_eq!(plan.new_invoices[0].client, ClientRef::Existing(dupont));
    assert_eq!(
        plan.new_invoices[0].terms,
        PaymentTerms::DaysEndOfMonth {
            days: 45,
            convention: encaisse_domain::model::terms::EndOfMonthConvention::DaysThenEndOfMonth
        }
    );
    assert_eq!(plan.refused.len(), 1);
    assert_eq!(plan.refused[0].line, 3);
    assert_eq!(plan.refused[0].column.as_deref(), Some("Conditions"));
    assert_eq!(
        plan.refused[0].refusal,
        Refusal::UnreadableTerms {
            text: "selon devis".into()
        }
    );
}
