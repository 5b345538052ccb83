//! French banks' CSV exports read from fixture files written as the banks write them
//! (tests/fixtures/bank/csv/generate.py): the layout recognised, every line read or named.

use encaisse_domain::bank::read::csv::mapping::{
    layout_signature, preview, read_with_mapping, MappedColumn, MappingProblem,
};
use encaisse_domain::bank::read::csv::CsvReader;
use encaisse_domain::bank::statement::{
    CsvLayout, FileProblem, Format, LineProblem, Skipped, Statement, StatementReader,
};
use encaisse_domain::model::bank_book::{AmountColumns, ColumnMapping, DateOrder, SavedMapping};
use encaisse_domain::model::bank_book::{LineKind, StatementLine};
use encaisse_domain::values::read::encoding::decode;
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn text(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/bank/csv/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("fixture written by generate.py");
    decode(&bytes).expect("a text file").0
}

fn read(name: &str) -> (Result<Format, FileProblem>, Statement) {
    let mut statement = Statement::default();
    let format = CsvReader { mappings: &[] }.read(&text(name), &mut statement);
    (format, statement)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// What a statement adds up to: line count, credits, debits (positive), first and last date.
fn summary(statement: &Statement) -> (usize, Decimal, Decimal, NaiveDate, NaiveDate) {
    let lines: Vec<&StatementLine> = statement.lines().collect();
    let credits = lines
        .iter()
        .map(|l| l.amount)
        .filter(|a| a.is_sign_positive())
        .sum();
    let debits: Decimal = lines
        .iter()
        .map(|l| l.amount)
        .filter(|a| a.is_sign_negative())
        .sum();
    let first = lines.iter().map(|l| l.booking_date).min().unwrap();
    let last = lines.iter().map(|l| l.booking_date).max().unwrap();
    (lines.len(), credits, -debits, first, last)
}

fn line(statement: &Statement, source_line: usize) -> &StatementLine {
    statement
        .lines()
        .find(|l| l.source_line == source_line)
        .unwrap_or_else(|| panic!("no line {source_line}"))
}

#[test]
fn boursorama_keeps_its_two_accounts_apart() {
    // Guards against a savings account's lines mixed into the current account's, and
    // against the whole file refused for one impossible date.
    let (format, statement) = read("boursorama.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Boursorama)));
    assert_eq!(
        summary(&statement),
        (
            7,
            dec!(4704.17),
            dec!(1748.96),
            date(2026, 1, 5),
            date(2026, 1, 20)
        )
    );
    assert_eq!(statement.accounts.len(), 2);
    let pro = &statement.accounts[0];
    assert_eq!(pro.account.identifier, "00040123456");
    assert_eq!(pro.account.label, "BoursoBank Pro");
    assert_eq!(pro.account.currency, "EUR");
    assert_eq!(
        pro.lines.iter().map(|l| l.source_line).collect::<Vec<_>>(),
        [2, 3, 5, 6, 8]
    );
    let livret = &statement.accounts[1];
    assert_eq!(livret.account.identifier, "00040999888");
    assert_eq!(livret.account.label, "Livret Épargne");
    assert_eq!(
        livret.lines.iter().map(|l| l.amount).collect::<Vec<_>>(),
        [dec!(4.17), dec!(-500.00)]
    );
    assert_eq!(
        statement.unreadable,
        [(7, LineProblem::Date("2026-13-11".into()))]
    );
    assert_eq!(line(&statement, 3).label, "CB CAFÉ DE LA GARE 05/01");
    assert_eq!(line(&statement, 3).kind, LineKind::Card);
    assert_eq!(line(&statement, 2).kind, LineKind::Transfer);
    assert_eq!(line(&statement, 6).kind, LineKind::Fee);
    assert_eq!(line(&statement, 8).details, "Acompte devis 12");
    assert_eq!(line(&statement, 8).value_date, Some(date(2026, 1, 12)));
}

#[test]
fn bnp_paribas_rows_without_a_header() {
    // Guards against BNP's headerless file refused as unknown, its preamble read as a
    // broken line, and HTML entities left in labels.
    let (format, statement) = read("bnp_paribas.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::BnpParibas)));
    assert_eq!(
        summary(&statement),
        (
            5,
            dec!(3600.00),
            dec!(1260.96),
            date(2026, 1, 2),
            date(2026, 1, 15)
        )
    );
    assert_eq!(
        statement.unreadable,
        [(6, LineProblem::Amount("1O0,00".into()))]
    );
    assert_eq!(line(&statement, 3).label, "CB CAFé DU COMMERCE 02/01");
    assert_eq!(
        line(&statement, 7).label,
        "VIR SEPA RECU /DE SOCIÉTÉ MARTIN"
    );
    assert_eq!(line(&statement, 4).amount, dec!(-1234.56));
    assert_eq!(line(&statement, 4).kind, LineKind::DirectDebit);
}

#[test]
fn societe_generale_after_its_account_line() {
    // Guards against the preamble line taken for the header, the detail column lost, and a
    // cut row stopping the file.
    let (format, statement) = read("societe_generale.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::SocieteGenerale)));
    assert_eq!(
        summary(&statement),
        (
            4,
            dec!(2300.00),
            dec!(1242.96),
            date(2026, 1, 2),
            date(2026, 1, 12)
        )
    );
    assert_eq!(
        statement.unreadable,
        [(
            6,
            LineProblem::MissingColumns {
                expected: 4,
                found: 2
            }
        )]
    );
    assert_eq!(line(&statement, 5).label, "CARTE X1234 PÂTISSERIE");
    assert_eq!(
        line(&statement, 4).details,
        "VIR RECU 1234567890 DE: DUPONT SARL MOTIF: FACTURE F2026-003"
    );
    assert_eq!(line(&statement, 8).label, "VIR RECU GARÇON");
}

#[test]
fn caisse_epargne_references_details_and_value_dates() {
    // Guards against the SEPA reference and the reason (where invoice numbers are) dropped,
    // and a row with both a debit and a credit read as one of them.
    let (format, statement) = read("caisse_epargne.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::CaisseEpargne)));
    assert_eq!(
        summary(&statement),
        (
            4,
            dec!(4750.00),
            dec!(65.49),
            date(2026, 1, 5),
            date(2026, 1, 10)
        )
    );
    assert_eq!(statement.unreadable, [(5, LineProblem::NoAmount)]);
    let first = line(&statement, 2);
    assert_eq!(first.references, ["E2E-2026-0001"]);
    assert_eq!(first.details, "FACTURE F2026-010");
    assert_eq!(first.amount, dec!(3500.00));
    assert_eq!(first.value_date, Some(date(2026, 1, 5)));
    let last = line(&statement, 6);
    assert_eq!(last.label, "VIR SEPA LEFÈVRE ÉLODIE");
    assert_eq!(last.value_date, Some(date(2026, 1, 11)));
    assert_eq!(last.amount, dec!(1250.00));
    assert_eq!(line(&statement, 3).kind, LineKind::Card);
    assert_eq!(line(&statement, 4).kind, LineKind::DirectDebit);
    assert!(line(&statement, 3).references.is_empty());
}

#[test]
fn credit_mutuel_debit_and_credit_columns() {
    // Guards against a signed debit read as a credit, and an impossible value date accepted.
    let (format, statement) = read("credit_mutuel.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::CreditMutuel)));
    assert_eq!(
        summary(&statement),
        (
            4,
            dec!(1840.00),
            dec!(1258.46),
            date(2026, 1, 2),
            date(2026, 1, 14)
        )
    );
    assert_eq!(
        statement.unreadable,
        [(4, LineProblem::Date("32/01/2026".into()))]
    );
    assert_eq!(
        line(&statement, 3).label,
        "PAIEMENT CB 0201 LIBRAIRIE DÉDALE"
    );
    assert_eq!(line(&statement, 3).amount, dec!(-23.90));
    assert_eq!(line(&statement, 6).value_date, Some(date(2026, 1, 15)));
}

#[test]
fn credit_mutuel_without_value_date_or_balance() {
    // Guards against the short Crédit Mutuel header going unrecognised.
    let text = "Date;Débit;Crédit;Libellé\r\n02/01/2026;;150,00;VIR SEPA DUPONT\r\n03/01/2026;-9,90;;CB LIVRES\r\n";
    let mut statement = Statement::default();
    let format = CsvReader { mappings: &[] }.read(text, &mut statement);
    assert_eq!(format, Ok(Format::Csv(CsvLayout::CreditMutuel)));
    assert_eq!(
        statement.lines().map(|l| l.amount).collect::<Vec<_>>(),
        [dec!(150.00), dec!(-9.90)]
    );
}

#[test]
fn balance_rows_are_skipped_but_dated_balance_labels_kept() {
    // Guards against a closing `Solde au` row reported as broken, and a dated operation
    // labelled `SOLDE DE TOUT COMPTE` (a final salary) dropped as a balance row.
    let text = "Date;Débit;Crédit;Libellé\r\n02/01/2026;;950,00;SOLDE DE TOUT COMPTE\r\nSolde au 31/01/2026;;950,00;\r\n;;950,00;\r\n";
    let mut statement = Statement::default();
    let format = CsvReader { mappings: &[] }.read(text, &mut statement);
    assert_eq!(format, Ok(Format::Csv(CsvLayout::CreditMutuel)));
    assert_eq!(statement.line_count(), 1);
    assert_eq!(line(&statement, 2).label, "SOLDE DE TOUT COMPTE");
    assert!(statement.unreadable.is_empty());
}

#[test]
fn a_file_with_no_readable_line_is_refused() {
    // Guards against an import reported as done with nothing in it.
    let text = "Date;Débit;Crédit;Libellé\r\n32/01/2026;;1,00;VIR\r\n";
    let mut statement = Statement::default();
    let format = CsvReader { mappings: &[] }.read(text, &mut statement);
    assert_eq!(format, Err(FileProblem::NoLines));
    assert_eq!(
        statement.unreadable,
        [(2, LineProblem::Date("32/01/2026".into()))]
    );
}

#[test]
fn cic_with_commas_and_dot_decimals() {
    // Guards against a quoted label holding a comma splitting the row, and an empty amount
    // read as zero.
    let (format, statement) = read("cic.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Cic)));
    assert_eq!(
        summary(&statement),
        (
            4,
            dec!(1550.00),
            dec!(1247.06),
            date(2026, 1, 2),
            date(2026, 1, 10)
        )
    );
    assert_eq!(statement.unreadable, [(5, LineProblem::NoAmount)]);
    assert_eq!(
        line(&statement, 2).label,
        "VIR SEPA DUPONT, FACTURE F2026-030"
    );
    assert_eq!(line(&statement, 6).label, "VIR SEPA HÔTEL DU LAC, ACOMPTE");
}

#[test]
fn cic_semicolon_variant_with_decimal_comma() {
    // Guards against CIC's `;` export read with the dot-decimal rule (1 234,56 as 1.23456).
    let text = "Date d'opération;Date de valeur;Montant;Libellé;Solde\r\n02/01/2026;02/01/2026;-1 234,56;PRLV URSSAF;100,00\r\n";
    let mut statement = Statement::default();
    let format = CsvReader { mappings: &[] }.read(text, &mut statement);
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Cic)));
    assert_eq!(
        statement.lines().map(|l| l.amount).collect::<Vec<_>>(),
        [dec!(-1234.56)]
    );
}

#[test]
fn lcl_cheque_numbers_and_trailing_total() {
    // Guards against the totals row under the table reported as a broken line, and the
    // cheque number lost.
    let (format, statement) = read("lcl.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Lcl)));
    assert_eq!(
        summary(&statement),
        (
            4,
            dec!(2100.00),
            dec!(75.20),
            date(2026, 1, 2),
            date(2026, 1, 8)
        )
    );
    assert_eq!(
        statement.unreadable,
        [(4, LineProblem::Date("2026/01/04".into()))]
    );
    assert_eq!(line(&statement, 3).references, ["1234567"]);
    assert_eq!(line(&statement, 3).kind, LineKind::Cheque);
    assert_eq!(line(&statement, 5).label, "CB PHARMACIE DE L'ÉGLISE");
}

#[test]
fn credit_agricole_preamble_and_multi_line_labels() {
    // Guards against the nine preamble lines read as rows, a quoted label's line breaks
    // splitting its row, and later line numbers shifted by them.
    let (format, statement) = read("credit_agricole.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::CreditAgricole)));
    assert_eq!(
        summary(&statement),
        (
            3,
            dec!(3200.00),
            dec!(6.80),
            date(2026, 1, 5),
            date(2026, 1, 12)
        )
    );
    assert_eq!(
        statement.unreadable,
        [(15, LineProblem::Amount("8O,00".into()))]
    );
    assert_eq!(
        line(&statement, 10).label,
        "VIREMENT EN VOTRE FAVEUR DUPONT SARL FACTURE F2026-050"
    );
    assert_eq!(line(&statement, 13).amount, dec!(-6.80));
    assert_eq!(line(&statement, 13).kind, LineKind::Card);
    assert_eq!(
        line(&statement, 17).label,
        "VIREMENT EN VOTRE FAVEUR MÉNARD ÉLISE"
    );
}

#[test]
fn banque_postale_after_its_account_lines() {
    // Guards against the preamble's own `Date` line taken for the header.
    let (format, statement) = read("banque_postale.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::BanquePostale)));
    assert_eq!(
        summary(&statement),
        (
            4,
            dec!(1500.00),
            dec!(44.49),
            date(2026, 1, 5),
            date(2026, 1, 20)
        )
    );
    assert!(statement.unreadable.is_empty());
    assert_eq!(
        line(&statement, 10).label,
        "ACHAT CB BOULANGERIE DU MARCHÉ 14.01.26"
    );
    assert_eq!(line(&statement, 10).kind, LineKind::Card);
}

#[test]
fn qonto_skips_operations_not_settled() {
    // Guards against a pending or declined card payment imported as booked.
    let (format, statement) = read("qonto.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Qonto)));
    assert_eq!(
        summary(&statement),
        (
            4,
            dec!(3600.00),
            dec!(1284.55),
            date(2026, 1, 5),
            date(2026, 1, 12)
        )
    );
    assert_eq!(
        statement.skipped,
        [(4, Skipped::NotBooked), (5, Skipped::NotBooked)]
    );
    assert!(statement.unreadable.is_empty());
    let last = line(&statement, 7);
    assert_eq!(last.counterparty, "Société Générale Factoring");
    assert_eq!(last.label, "Société Générale Factoring");
    assert_eq!(last.references, ["F2026-071"]);
    assert_eq!(line(&statement, 3).kind, LineKind::Card);
    assert_eq!(line(&statement, 6).kind, LineKind::DirectDebit);
}

#[test]
fn qonto_french_export_with_times_in_dates() {
    // Guards against `05-01-2026 10:42:00` refused, and the French headers unrecognised.
    let (format, statement) = read("qonto_fr.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Qonto)));
    assert_eq!(
        summary(&statement),
        (
            2,
            dec!(1200.00),
            dec!(49.99),
            date(2026, 1, 5),
            date(2026, 1, 6)
        )
    );
    assert_eq!(statement.skipped, [(4, Skipped::NotBooked)]);
    assert_eq!(line(&statement, 3).label, "Café Étoile");
    assert_eq!(line(&statement, 3).details, "déjeuner client");
}

#[test]
fn shine_unsigned_debits() {
    // Guards against Shine's unsigned debits read as money in.
    let (format, statement) = read("shine.csv");
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Shine)));
    assert_eq!(
        summary(&statement),
        (
            3,
            dec!(1200.00),
            dec!(1257.96),
            date(2026, 1, 5),
            date(2026, 1, 9)
        )
    );
    assert_eq!(
        statement.unreadable,
        [(4, LineProblem::Date("07/01".into()))]
    );
    let first = line(&statement, 2);
    assert_eq!(first.counterparty, "Dupont SARL");
    assert_eq!(first.details, "Facture janvier");
    assert_eq!(first.references, ["a1"]);
    assert_eq!(line(&statement, 3).amount, dec!(-23.40));
}

fn bank_exemple_mapping() -> ColumnMapping {
    ColumnMapping {
        separator: ';',
        header_row: Some(1),
        date: 0,
        date_order: DateOrder::DayMonthYear,
        value_date: Some(2),
        amount: AmountColumns::Signed(3),
        label: 1,
        details: Some(4),
        reference: None,
    }
}

#[test]
fn an_unknown_layout_is_refused_with_its_header_then_read_with_a_saved_mapping() {
    // Guards against an unknown bank's file read by guesswork, and a saved mapping not found
    // again for the same bank's next export.
    let text = text("mapped.csv");
    let mut statement = Statement::default();
    assert_eq!(
        CsvReader { mappings: &[] }.read(&text, &mut statement),
        Err(FileProblem::CsvColumnsUnknown {
            header: ["Jour", "Opération", "Valeur", "Somme", "Note"]
                .map(String::from)
                .to_vec()
        })
    );
    let signature = layout_signature(&text).expect("a signature");
    assert_eq!(signature, "header:jour|operation|valeur|somme|note");
    let saved = [SavedMapping {
        signature,
        mapping: bank_exemple_mapping(),
    }];
    let mut statement = Statement::default();
    let format = CsvReader { mappings: &saved }.read(&text, &mut statement);
    assert_eq!(format, Ok(Format::Csv(CsvLayout::Mapped)));
    assert_eq!(
        summary(&statement),
        (
            3,
            dec!(1650.00),
            dec!(32.10),
            date(2026, 1, 5),
            date(2026, 1, 9)
        )
    );
    assert_eq!(
        statement.unreadable,
        [(5, LineProblem::Date("hier".into()))]
    );
    assert_eq!(line(&statement, 3).label, "VIR REÇU DUPONT SARL");
    assert_eq!(line(&statement, 3).details, "F2026-100");
    assert_eq!(line(&statement, 6).value_date, Some(date(2026, 1, 10)));
    // A mapping saved for another layout is not used.
    let other = [SavedMapping {
        signature: "header:date|montant".into(),
        mapping: bank_exemple_mapping(),
    }];
    let refused = CsvReader { mappings: &other }.read(&text, &mut Statement::default());
    assert!(matches!(
        refused,
        Err(FileProblem::CsvColumnsUnknown { .. })
    ));
}

#[test]
fn preview_finds_the_header_and_suggests_columns() {
    // Guards against the mapping form starting on the preamble line, or empty.
    let preview = preview(&text("mapped.csv")).expect("a CSV");
    assert_eq!(preview.separator, ';');
    assert_eq!(preview.header_guess, Some(1));
    assert_eq!(preview.rows.len(), 6);
    assert_eq!(preview.rows[1].fields[1], "Opération");
    let suggested = preview.suggested.expect("a suggested mapping");
    assert_eq!(suggested.header_row, Some(1));
    assert_eq!(suggested.date, 0);
    assert_eq!(suggested.label, 1);
    assert_eq!(suggested.amount, AmountColumns::Signed(3));
    assert_eq!(suggested.details, Some(4));
}

#[test]
fn a_headerless_mapping_reads_from_the_first_dated_row() {
    // Guards against a preamble line reported as broken when the user said "no header".
    let text =
        "Export du 31/01/2026\r\n05/01/2026;VIR DUPONT;120,00\r\n06/01/2026;CB CAFE;-3,50\r\n";
    let mapping = ColumnMapping {
        separator: ';',
        header_row: None,
        date: 0,
        date_order: DateOrder::DayMonthYear,
        value_date: None,
        amount: AmountColumns::Signed(2),
        label: 1,
        details: None,
        reference: None,
    };
    assert_eq!(layout_signature(text).as_deref(), Some("columns:3:;"));
    let mut statement = Statement::default();
    assert_eq!(
        read_with_mapping(text, &mapping, &mut statement),
        Ok(Format::Csv(CsvLayout::Mapped))
    );
    assert_eq!(statement.line_count(), 2);
    assert!(statement.unreadable.is_empty());
}

#[test]
fn mapping_check_names_each_problem() {
    // Guards against a mapping past the file's last column or with one column twice being
    // saved, and read as nonsense.
    assert_eq!(bank_exemple_mapping().check(5), Ok(()));
    assert_eq!(
        bank_exemple_mapping().check(4),
        Err(MappingProblem::OutOfRange {
            column: MappedColumn::Details,
            index: 4,
            columns: 4
        })
    );
    let same = ColumnMapping {
        label: 0,
        ..bank_exemple_mapping()
    };
    assert_eq!(
        same.check(5),
        Err(MappingProblem::SameColumn {
            index: 0,
            first: MappedColumn::Date,
            second: MappedColumn::Label
        })
    );
    let debit_credit = ColumnMapping {
        amount: AmountColumns::DebitCredit {
            debit: 3,
            credit: 3,
        },
        ..bank_exemple_mapping()
    };
    assert_eq!(
        debit_credit.check(5),
        Err(MappingProblem::DebitIsCredit { index: 3 })
    );
    let separator = ColumnMapping {
        separator: 'x',
        ..bank_exemple_mapping()
    };
    assert_eq!(separator.check(5), Err(MappingProblem::Separator('x')));
    // A file the mapping does not fit is refused, not read with shifted columns.
    let narrow = "Jour;Opération\r\n05/01/2026;VIR\r\n";
    assert!(matches!(
        read_with_mapping(narrow, &bank_exemple_mapping(), &mut Statement::default()),
        Err(FileProblem::CsvColumnsUnknown { .. })
    ));
}

#[test]
fn saved_mappings_keep_their_stored_shape() {
    // Guards against a renamed field or variant making every stored mapping unreadable.
    let saved = SavedMapping {
        signature: "header:jour|operation".into(),
        mapping: ColumnMapping {
            amount: AmountColumns::DebitCredit {
                debit: 3,
                credit: 4,
            },
            details: None,
            ..bank_exemple_mapping()
        },
    };
    let json = serde_json::to_string(&saved).unwrap();
    assert_eq!(
        json,
        r#"{"signature":"header:jour|operation","mapping":{"separator":";","header_row":1,"date":0,"date_order":"day_month_year","value_date":2,"amount":{"debit_credit":{"debit":3,"credit":4}},"label":1,"details":null,"reference":null}}"#
    );
    assert_eq!(serde_json::from_str::<SavedMapping>(&json).unwrap(), saved);
}

#[test]
fn recognises_delimited_text_only() {
    // Guards against the last reader claiming an OFX or plain text file.
    let reader = CsvReader { mappings: &[] };
    assert!(reader.recognises(&text("societe_generale.csv")));
    assert!(reader.recognises(&text("cic.csv")));
    assert!(!reader.recognises("OFXHEADER:100\nDATA:OFXSGML\n<OFX>\n"));
    assert!(!reader.recognises("Bonjour,\nvoici le relevé\n"));
}

/// Text that looks enough like a CSV export to go past the first checks: a known header,
/// then rows of dates, amounts and words.
fn csv_like() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "dateOp;dateVal;label;category;categoryParent;amount;comment;accountNum;accountLabel;accountbalance\n",
        "Date;Débit;Crédit;Libellé\n",
        "Status,Settlement date (UTC),Total amount (incl. VAT),Currency,Counterparty name\n",
        "Compte;x;y\n",
        "",
    ]);
    let cell = prop::sample::select(vec![
        "05/01/2026",
        "2026-01-05",
        "-1 234,56",
        "+3500,00",
        "12.50",
        "",
        "\"a;b\nc\"",
        "\"",
        "Solde",
        "pending",
        "EUR",
        "USD",
        "0,00",
        "Cr&amp;eacute;dit",
        "31/02/2026",
        "é",
    ]);
    let row = prop::collection::vec(cell, 0..12).prop_map(|cells| cells.join(";"));
    (header, prop::collection::vec(row, 0..12))
        .prop_map(|(header, rows)| format!("{header}{}", rows.join("\r\n")))
}

fn never_panics(text: &str) {
    let saved = [SavedMapping {
        signature: layout_signature(text).unwrap_or_default(),
        mapping: ColumnMapping {
            header_row: None,
            ..bank_exemple_mapping()
        },
    }];
    let reader = CsvReader { mappings: &saved };
    reader.recognises(text);
    let _ = reader.read(text, &mut Statement::default());
    let _ = preview(text);
    let _ = read_with_mapping(text, &bank_exemple_mapping(), &mut Statement::default());
    let _ = read_with_mapping(text, &saved[0].mapping, &mut Statement::default());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        // Guards against an index out of range or an unwrap on a hostile file.
        never_panics(&text);
    }

    #[test]
    fn csv_like_text_never_panics(text in csv_like()) {
        // Guards against panics deep in row reading, which random text rarely reaches.
        never_panics(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        // Guards against a file whose bytes decode to something the reader chokes on.
        if let Ok((text, _)) = decode(&bytes) {
            never_panics(&text);
        }
    }
}
