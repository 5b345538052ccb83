//! OFX and QIF statements as French banks and Quicken really write them, read from the bytes
//! (fixtures written by tests/fixtures/bank/{ofx,qif}/generate.py), through the decoding
//! every import does first.

use encaisse_domain::bank::read::ofx::OfxReader;
use encaisse_domain::bank::read::qif::QifReader;
use encaisse_domain::bank::statement::{
    FileProblem, Format, LineProblem, Skipped, Statement, StatementReader,
};
use encaisse_domain::model::bank_book::{Balance, LineKind};
use encaisse_domain::values::read::encoding::{decode, Encoding};
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

macro_rules! fixture {
    ($path:literal) => {
        include_bytes!(concat!("fixtures/bank/", $path)).as_slice()
    };
}

/// Decodes the bytes, checks the reader recognises them, and reads them.
fn read(reader: &dyn StatementReader, bytes: &[u8]) -> (Result<Format, FileProblem>, Statement) {
    let (text, _) = decode(bytes).expect("fixtures are text");
    assert!(reader.recognises(&text), "not recognised:\n{text}");
    let mut statement = Statement::default();
    let result = reader.read(&text, &mut statement);
    (result, statement)
}

fn total(statement: &Statement) -> Decimal {
    statement.lines().map(|l| l.amount).sum()
}

fn source_lines(statement: &Statement) -> Vec<usize> {
    statement.lines().map(|l| l.source_line).collect()
}

#[test]
fn ofx_sgml_in_windows_1252_with_header() {
    // Guards against accents broken by a 1252 file, AVAILBAL taken for the closing balance,
    // a time and zone after DTPOSTED refused, and FITID or CHECKNUM lost.
    let bytes = fixture!("ofx/sgml_1252.ofx");
    assert_eq!(decode(bytes).unwrap().1, Encoding::Windows1252);
    let (result, statement) = read(&OfxReader, bytes);
    assert_eq!(result, Ok(Format::Ofx));
    assert_eq!(statement.accounts.len(), 1);
    let account = &statement.accounts[0];
    assert_eq!(account.account.identifier, "30002 00550 0000123456F");
    assert_eq!(account.account.currency, "EUR");
    assert_eq!(
        account.closing,
        Some(Balance {
            date: d(2026, 2, 28),
            amount: dec!(3237.00)
        })
    );
    assert_eq!(source_lines(&statement), [40, 49, 57, 65]);
    assert_eq!(total(&statement), dec!(1192.00));
    let lines = &account.lines;
    assert_eq!(lines[0].booking_date, d(2026, 2, 5));
    assert_eq!(lines[0].amount, dec!(1500.00));
    assert_eq!(lines[0].label, "VIR SEPA REÇU DE DUPONT SARL");
    assert_eq!(lines[0].details, "Règlement facture F2026-001");
    assert_eq!(lines[0].bank_id, "2026020500001");
    assert_eq!(lines[0].kind, LineKind::Transfer);
    // DTUSER is the operation date, not the value date.
    assert_eq!(lines[0].value_date, None);
    assert_eq!(lines[1].booking_date, d(2026, 2, 6));
    assert_eq!(lines[1].amount, dec!(-250.50));
    assert_eq!(lines[1].references, ["1234567"]);
    assert_eq!(lines[1].kind, LineKind::Cheque);
    assert_eq!(lines[2].label, "CB CAFÉ DU COIN");
    assert_eq!(lines[2].value_date, Some(d(2026, 2, 11)));
    assert_eq!(lines[2].kind, LineKind::Card);
    assert_eq!(lines[3].label, "PRLV SEPA M&S € ÉNERGIE");
    assert_eq!(lines[3].kind, LineKind::DirectDebit);
    assert!(statement.skipped.is_empty() && statement.unreadable.is_empty());
}

#[test]
fn ofx_declaring_1252_but_written_in_utf8() {
    // Guards against trusting the CHARSET header: "REÇU" would read "REÃ‡U".
    let bytes = fixture!("ofx/sgml_declares_1252_in_utf8.ofx");
    assert_eq!(decode(bytes).unwrap().1, Encoding::Utf8);
    let (result, statement) = read(&OfxReader, bytes);
    assert_eq!(result, Ok(Format::Ofx));
    let line = statement.lines().next().unwrap();
    assert_eq!(line.label, "VIR REÇU CLIENT ÉLODIE");
    assert_eq!(line.amount, dec!(800.00));
    assert_eq!(line.kind, LineKind::Transfer);
    assert_eq!(statement.line_count(), 1);
}

#[test]
fn ofx_without_header_in_lower_case() {
    // Guards against refusing the banks that send no OFXHEADER block, or lower-case tags.
    let (result, statement) = read(&OfxReader, fixture!("ofx/sgml_no_header.ofx"));
    assert_eq!(result, Ok(Format::Ofx));
    let account = &statement.accounts[0];
    assert_eq!(account.account.identifier, "10096 18000 00011122233");
    assert_eq!(account.account.currency, "EUR");
    assert_eq!(source_lines(&statement), [20, 27]);
    let kinds: Vec<_> = statement.lines().map(|l| l.kind).collect();
    assert_eq!(kinds, [LineKind::Fee, LineKind::Interest]);
    assert_eq!(total(&statement), dec!(-7.58));
    assert_eq!(account.closing.map(|b| b.amount), Some(dec!(-7.58)));
}

#[test]
fn ofx_2_xml_with_entities_payee_and_value_date() {
    // Guards against XML entities shown as written, a PAYEE-only transaction left without a
    // label, and the ACCTID of a transfer's BANKACCTTO taken for the statement's account.
    let (result, statement) = read(&OfxReader, fixture!("ofx/xml_v2.ofx"));
    assert_eq!(result, Ok(Format::Ofx));
    assert_eq!(statement.accounts.len(), 1);
    let account = &statement.accounts[0];
    assert_eq!(account.account.identifier, "17515 90000 04123456789");
    assert_eq!(account.closing.map(|b| b.amount), Some(dec!(5300.10)));
    assert_eq!(source_lines(&statement), [21, 30]);
    let (first, second) = (&account.lines[0], &account.lines[1]);
    assert_eq!(first.booking_date, d(2026, 2, 12));
    assert_eq!(first.value_date, Some(d(2026, 2, 13)));
    assert_eq!(first.amount, dec!(2400.00));
    assert_eq!(first.label, "VIR SEPA Durand & Fils <FA-2026-007>");
    assert_eq!(first.details, "Facture FA-2026-007 réglée");
    assert_eq!(first.bank_id, "X-2026-0212-1");
    assert_eq!(first.kind, LineKind::Transfer);
    assert_eq!(second.label, "OVH SAS");
    assert_eq!(second.counterparty, "OVH SAS");
    assert_eq!(second.details, "");
    assert_eq!(second.amount, dec!(-99.90));
}

#[test]
fn ofx_cut_off_still_reads_what_it_holds() {
    // Guards against losing a whole download because it stops mid-transaction.
    let (result, statement) = read(&OfxReader, fixture!("ofx/xml_truncated.ofx"));
    assert_eq!(result, Ok(Format::Ofx));
    assert_eq!(
        statement.accounts[0].account.identifier,
        "17515 90000 04123456789"
    );
    assert_eq!(source_lines(&statement), [21]);
    assert_eq!(
        statement.unreadable,
        [(30, LineProblem::Malformed("TRNAMT".into()))]
    );
}

#[test]
fn ofx_card_statement_is_never_mixed_in() {
    // Guards against card lines imported as bank lines, and the card's LEDGERBAL replacing
    // the bank account's closing balance.
    let (result, statement) = read(&OfxReader, fixture!("ofx/bank_and_card.ofx"));
    assert_eq!(result, Ok(Format::Ofx));
    assert_eq!(statement.accounts.len(), 1);
    assert_eq!(
        statement.accounts[0].account.identifier,
        "30003 01000 00050000001"
    );
    assert_eq!(source_lines(&statement), [40]);
    assert_eq!(total(&statement), dec!(600.00));
    assert_eq!(
        statement.accounts[0].closing.map(|b| b.amount),
        Some(dec!(600.00))
    );
    assert_eq!(
        statement.skipped,
        [(68, Skipped::CardAccount), (75, Skipped::CardAccount)]
    );
}

#[test]
fn ofx_two_bank_accounts() {
    // Guards against the second STMTRS's lines or balance landing in the first account.
    let (result, statement) = read(&OfxReader, fixture!("ofx/two_accounts.ofx"));
    assert_eq!(result, Ok(Format::Ofx));
    let summary: Vec<_> = statement
        .accounts
        .iter()
        .map(|a| {
            (
                a.account.identifier.as_str(),
                a.lines.iter().map(|l| l.source_line).collect::<Vec<_>>(),
                a.closing.map(|b| b.amount),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("30002 00550 0000111111A", vec![40], Some(dec!(100.00))),
            ("30002 00550 0000222222B", vec![75, 82], Some(dec!(50.00))),
        ]
    );
}

#[test]
fn ofx_broken_transactions_named_by_line() {
    // Guards against one bad transaction stopping the file, or being reported nowhere.
    let (result, statement) = read(&OfxReader, fixture!("ofx/broken_transactions.ofx"));
    assert_eq!(result, Ok(Format::Ofx));
    assert_eq!(source_lines(&statement), [20, 53]);
    assert_eq!(
        statement.unreadable,
        [
            (27, LineProblem::Malformed("TRNAMT".into())),
            (33, LineProblem::Date("20261345".into())),
            (40, LineProblem::Amount("4O,00".into())),
            (47, LineProblem::Malformed("DTPOSTED".into())),
        ]
    );
}

#[test]
fn banque_postale_qif_download_is_ofx() {
    // Guards against choosing the reader by the file's name: La Banque Postale's ".qif" is OFX.
    let bytes = fixture!("ofx/banque_postale_download.qif");
    let text = decode(bytes).unwrap().0;
    assert!(!QifReader.recognises(&text));
    let (result, statement) = read(&OfxReader, bytes);
    assert_eq!(result, Ok(Format::Ofx));
    assert_eq!(total(&statement), dec!(-60.00));
    assert_eq!(
        statement.accounts[0].account.identifier,
        "20041 01005 1234567X020"
    );
}

#[test]
fn ofx_with_nothing_readable() {
    // Guards against a header alone passing for an empty statement, and against junk after
    // <OFX> refusing the file instead of letting the import say it holds no line.
    let header_only = "OFXHEADER:100\nDATA:OFXSGML\n";
    assert!(OfxReader.recognises(header_only));
    assert!(matches!(
        OfxReader.read(header_only, &mut Statement::default()),
        Err(FileProblem::Malformed { line: 3, .. })
    ));
    let junk = "<OFX>\n\u{1}<<>>&&#;</STMTRS>é<";
    let mut statement = Statement::default();
    assert_eq!(OfxReader.read(junk, &mut statement), Ok(Format::Ofx));
    assert_eq!(statement, Statement::default());
    assert!(!OfxReader.recognises("Date;Libellé;Montant\n01/02/2026;OFX;12,00"));
    // Thousands of unclosed unknown tags before a statement do not hide it.
    let deep = format!(
        "<OFX>{}<STMTRS><STMTTRN><DTPOSTED>20260201<TRNAMT>1</STMTTRN></STMTRS>",
        "<X>".repeat(5000)
    );
    let mut statement = Statement::default();
    assert_eq!(OfxReader.read(&deep, &mut statement), Ok(Format::Ofx));
    assert_eq!(total(&statement), dec!(1));
}

#[test]
fn qif_french_dates_decided_by_a_day_above_12() {
    // Guards against 05/03 read as 3 May in a French file, French amounts refused, and a
    // cheque number lost.
    let (result, statement) = read(&QifReader, fixture!("qif/french_dates.qif"));
    assert_eq!(result, Ok(Format::Qif));
    let dates: Vec<_> = statement.lines().map(|l| l.booking_date).collect();
    assert_eq!(dates, [d(2026, 3, 5), d(2026, 3, 25), d(2026, 4, 1)]);
    assert_eq!(source_lines(&statement), [2, 8, 13]);
    let lines: Vec<_> = statement.lines().collect();
    assert_eq!(lines[0].amount, dec!(-1234.56));
    assert_eq!(lines[0].label, "PRLV SEPA URSSAF");
    assert_eq!(lines[0].details, "Cotisations T1");
    assert_eq!(lines[0].kind, LineKind::DirectDebit);
    assert_eq!(lines[1].label, "VIR SEPA DUPONT SARL");
    assert_eq!(lines[1].amount, dec!(1500.00));
    assert_eq!(lines[2].references, ["1234567"]);
    assert_eq!(lines[2].kind, LineKind::Cheque);
    assert_eq!(total(&statement), dec!(185.44));
}

#[test]
fn qif_us_dates_decided_by_a_second_number_above_12() {
    // Guards against 03/05 read as 3 May in a US file, "1,500" refused, 98 read as 2098,
    // and Quicken's apostrophe year refused.
    let (result, statement) = read(&QifReader, fixture!("qif/us_dates.qif"));
    assert_eq!(result, Ok(Format::Qif));
    let dates: Vec<_> = statement.lines().map(|l| l.booking_date).collect();
    assert_eq!(
        dates,
        [
            d(2026, 3, 5),
            d(2026, 3, 25),
            d(2026, 3, 28),
            d(1998, 12, 31)
        ]
    );
    let amounts: Vec<_> = statement.lines().map(|l| l.amount).collect();
    assert_eq!(
        amounts,
        [dec!(-1234.56), dec!(1500), dec!(2345678.90), dec!(-1.00)]
    );
    let deposit = statement.lines().nth(1).unwrap();
    // Quicken's "DEP" is a word, not a reference nor a cheque.
    assert!(deposit.references.is_empty());
    assert_eq!(deposit.kind, LineKind::Unknown);
    assert_eq!(statement.lines().nth(3).unwrap().kind, LineKind::Fee);
}

#[test]
fn qif_ambiguous_dates_read_day_first() {
    // Guards against a file with no telling date read in the US order.
    let (result, statement) = read(&QifReader, fixture!("qif/ambiguous.qif"));
    assert_eq!(result, Ok(Format::Qif));
    let dates: Vec<_> = statement.lines().map(|l| l.booking_date).collect();
    assert_eq!(dates, [d(2026, 4, 3), d(2026, 6, 5)]);
}

#[test]
fn qif_conflicting_dates_read_day_first() {
    // Guards against the last telling date deciding the order: with evidence both ways the
    // file is French, and the US-looking date is reported rather than guessed.
    let text = "!Type:Bank\nD25/03/26\nT1,00\n^\nD03/26/26\nT2,00\n^\n";
    let mut statement = Statement::default();
    assert_eq!(QifReader.read(text, &mut statement), Ok(Format::Qif));
    let dates: Vec<_> = statement.lines().map(|l| l.booking_date).collect();
    assert_eq!(dates, [d(2026, 3, 25)]);
    assert_eq!(
        statement.unreadable,
        [(5, LineProblem::Date("03/26/26".into()))]
    );
}

#[test]
fn qif_card_account_is_skipped() {
    // Guards against card spending imported as the bank account's lines.
    let (result, statement) = read(&QifReader, fixture!("qif/card.qif"));
    assert_eq!(result, Ok(Format::Qif));
    assert_eq!(statement.line_count(), 0);
    assert_eq!(
        statement.skipped,
        [(2, Skipped::CardAccount), (6, Skipped::CardAccount)]
    );
}

#[test]
fn qif_last_record_without_caret_in_windows_1252() {
    // Guards against dropping the last record when the file ends without its "^", and a
    // memo-only record left without a label.
    let bytes = fixture!("qif/cash_no_final_caret.qif");
    assert_eq!(decode(bytes).unwrap().1, Encoding::Windows1252);
    let (result, statement) = read(&QifReader, bytes);
    assert_eq!(result, Ok(Format::Qif));
    let labels: Vec<_> = statement.lines().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Café de la Gare", "Déjeuner sans bénéficiaire"]);
    assert_eq!(source_lines(&statement), [2, 6]);
    assert_eq!(total(&statement), dec!(-16.20));
}

#[test]
fn qif_unreadable_records_named_by_their_first_line() {
    // Guards against 31/02 rolling into March, and a bad record stopping the file.
    let (result, statement) = read(&QifReader, fixture!("qif/bad_lines.qif"));
    assert_eq!(result, Ok(Format::Qif));
    assert_eq!(source_lines(&statement), [2, 20]);
    assert_eq!(
        statement.unreadable,
        [
            (6, LineProblem::Date("31/02/2026".into())),
            (10, LineProblem::Malformed("D".into())),
            (13, LineProblem::Malformed("T".into())),
            (16, LineProblem::Amount("1O,00".into())),
        ]
    );
}

#[test]
fn qif_account_list_names_the_account() {
    // Guards against the !Account block's "D" description read as a transaction date, and
    // Quicken's leading !Option line hiding the format.
    let (result, statement) = read(&QifReader, fixture!("qif/account_list.qif"));
    assert_eq!(result, Ok(Format::Qif));
    assert_eq!(statement.accounts.len(), 1);
    assert_eq!(statement.accounts[0].account.label, "Compte courant pro");
    assert_eq!(source_lines(&statement), [9]);
    assert_eq!(total(&statement), dec!(42.00));
}

#[test]
fn qif_investments_are_not_a_statement() {
    // Guards against share purchases imported as bank lines.
    let text = decode(fixture!("qif/investments.qif")).unwrap().0;
    assert!(!QifReader.recognises(&text));
    assert_eq!(
        QifReader.read(&text, &mut Statement::default()),
        Err(FileProblem::NotAStatement)
    );
    let ofx = decode(fixture!("ofx/sgml_no_header.ofx")).unwrap().0;
    assert!(!QifReader.recognises(&ofx));
}

/// Every line and problem a reader reports names a line that exists in the text.
fn lines_exist(text: &str, statement: &Statement) -> bool {
    // Counting `\r` and `\n` apart overcounts CRLF files: an upper bound is what is checked.
    let count = text.split(['\n', '\r']).count();
    let mut named = statement
        .lines()
        .map(|l| l.source_line)
        .chain(statement.unreadable.iter().map(|(n, _)| *n))
        .chain(statement.skipped.iter().map(|(n, _)| *n));
    named.all(|n| (1..=count).contains(&n))
}

fn ofx_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<OFX>".to_string()),
        Just("</OFX>".to_string()),
        Just("<STMTRS>".to_string()),
        Just("</STMTRS>".to_string()),
        Just("<CCSTMTRS>".to_string()),
        Just("<BANKACCTFROM><ACCTID>1".to_string()),
        Just("<STMTTRN>".to_string()),
        Just("</STMTTRN>".to_string()),
        Just("<TRNAMT>".to_string()),
        Just("<DTPOSTED>20260201".to_string()),
        Just("<LEDGERBAL><BALAMT>1<DTASOF>2".to_string()),
        Just("<NAME>".to_string()),
        Just("<MEMO/>".to_string()),
        Just("<?OFX ".to_string()),
        Just("<!--".to_string()),
        Just("&#x".to_string()),
        Just("&amp;".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        "\\PC{0,6}",
        "[<>/&;#0-9a-zA-Z\n]{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn qif_soup() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("!Type:Bank".to_string()),
        Just("!Type:CCard".to_string()),
        Just("!Account".to_string()),
        Just("!Option:AutoSwitch".to_string()),
        Just("^".to_string()),
        "D[0-9/.'\\- ]{0,10}",
        "[TU][-+0-9,. ]{0,10}",
        "[NPML]\\PC{0,8}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(line, 0..30).prop_map(|lines| lines.join("\r\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readers_never_panic_on_arbitrary_text(text in "\\PC{0,300}") {
        // Guards against slicing that splits a UTF-8 character or runs past the end.
        for reader in [&OfxReader as &dyn StatementReader, &QifReader] {
            reader.recognises(&text);
            let mut statement = Statement::default();
            let _ = reader.read(&text, &mut statement);
            prop_assert!(lines_exist(&text, &statement));
        }
    }

    #[test]
    fn ofx_reader_never_panics_on_tag_soup(text in ofx_soup()) {
        // Guards against unbalanced, truncated or nested tags breaking the reader's stack,
        // and line numbers pointing past the end of the file.
        prop_assert!(OfxReader.recognises(&text) || !text.to_ascii_uppercase().contains("<OFX>"));
        let mut statement = Statement::default();
        let _ = OfxReader.read(&text, &mut statement);
        prop_assert!(lines_exist(&text, &statement));
    }

    #[test]
    fn qif_reader_never_panics_on_record_soup(text in qif_soup()) {
        // Guards against records without fields, headers anywhere and half dates breaking
        // the reader, and line numbers pointing past the end of the file.
        QifReader.recognises(&text);
        let mut statement = Statement::default();
        let _ = QifReader.read(&text, &mut statement);
        prop_assert!(lines_exist(&text, &statement));
    }
}
