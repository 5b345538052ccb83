//! The one entry point of statement files: every format recognised by itself from the bytes,
//! refusals that name the file's problem, and no panic on any input.

use encaisse_domain::bank::read::csv::mapping::layout_signature;
use encaisse_domain::bank::read::{read_statement, read_with_columns};
use encaisse_domain::bank::statement::{CamtMessage, CsvLayout, FileProblem, Format};
use encaisse_domain::model::bank_book::{AmountColumns, ColumnMapping, DateOrder, SavedMapping};
use encaisse_domain::values::read::encoding::{decode, Encoding};
use proptest::prelude::*;

fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/tests/fixtures/bank/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|_| panic!("fixture {full} is missing"))
}

#[test]
fn every_format_is_recognised_from_the_bytes_alone() {
    // Guards against a dispatcher that tries CSV first: an OFX or QIF file splits into
    // "fields" too, and would be refused as a CSV of unknown columns.
    let cases: [(&str, Format); 16] = [
        ("csv/boursorama.csv", Format::Csv(CsvLayout::Boursorama)),
        ("csv/bnp_paribas.csv", Format::Csv(CsvLayout::BnpParibas)),
        (
            "csv/societe_generale.csv",
            Format::Csv(CsvLayout::SocieteGenerale),
        ),
        (
            "csv/caisse_epargne.csv",
            Format::Csv(CsvLayout::CaisseEpargne),
        ),
        (
            "csv/credit_mutuel.csv",
            Format::Csv(CsvLayout::CreditMutuel),
        ),
        ("csv/cic.csv", Format::Csv(CsvLayout::Cic)),
        ("csv/lcl.csv", Format::Csv(CsvLayout::Lcl)),
        (
            "csv/credit_agricole.csv",
            Format::Csv(CsvLayout::CreditAgricole),
        ),
        (
            "csv/banque_postale.csv",
            Format::Csv(CsvLayout::BanquePostale),
        ),
        ("csv/qonto.csv", Format::Csv(CsvLayout::Qonto)),
        ("csv/shine.csv", Format::Csv(CsvLayout::Shine)),
        ("ofx/sgml_1252.ofx", Format::Ofx),
        ("ofx/xml_v2.ofx", Format::Ofx),
        // La Banque Postale's "QIF" download is OFX: recognised by content, not by name.
        ("ofx/banque_postale_download.qif", Format::Ofx),
        ("qif/french_dates.qif", Format::Qif),
        (
            "camt/camt.054.001.04.xml",
            Format::Camt {
                message: CamtMessage::Notification054,
                version: 4,
            },
        ),
    ];
    for (path, format) in cases {
        let read = read_statement(&fixture(path), &[]).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert_eq!(read.format, format, "{path}");
        assert!(read.statement.line_count() > 0, "{path} has lines");
    }
    for version in 2..=8 {
        let path = format!("camt/camt.053.001.0{version}.xml");
        let read = read_statement(&fixture(&path), &[]).unwrap();
        assert_eq!(
            read.format,
            Format::Camt {
                message: CamtMessage::Statement053,
                version
            }
        );
    }
}

#[test]
fn windows_1252_statements_keep_their_accents() {
    // Guards against reading a French bank's Windows-1252 export as UTF-8 ("CrÃ©dit").
    let read = read_statement(&fixture("ofx/sgml_1252.ofx"), &[]).unwrap();
    assert_eq!(read.encoding, Encoding::Windows1252);
    assert!(
        read.statement
            .lines()
            .any(|l| l.label == "VIR SEPA REÇU DE DUPONT SARL"),
        "{:?}",
        read.statement.lines().map(|l| &l.label).collect::<Vec<_>>()
    );
}

#[test]
fn a_refusal_names_the_files_problem_not_a_generic_one() {
    // Guards against an unknown camt version falling through to "not a statement", and
    // against a PDF or an empty file being read as a statement of no lines.
    assert_eq!(
        read_statement(&fixture("camt/camt.053.001.13.xml"), &[]).map(|r| r.format),
        Err(FileProblem::UnknownNamespace(
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.13".into()
        ))
    );
    assert!(matches!(
        read_statement(&fixture("camt/malformed.xml"), &[]),
        Err(FileProblem::Malformed { .. })
    ));
    assert_eq!(
        read_statement(b"", &[]).map(|r| r.format),
        Err(FileProblem::Empty)
    );
    assert_eq!(
        read_statement(b"%PDF-1.7\n\x00\x01\x02binary", &[]).map(|r| r.format),
        Err(FileProblem::Binary)
    );
    assert_eq!(
        read_statement(b"Cher client,\nvoici votre courrier.\n", &[]).map(|r| r.format),
        Err(FileProblem::NotAStatement)
    );
}

#[test]
fn a_mapping_named_once_reads_the_next_file_of_that_layout() {
    // Guards against a user who mapped their bank's columns having to map them again on
    // every statement.
    let bytes = fixture("csv/mapped.csv");
    let header = match read_statement(&bytes, &[]) {
        Err(FileProblem::CsvColumnsUnknown { header }) => header,
        other => panic!("expected the columns to be asked, got {other:?}"),
    };
    assert!(!header.is_empty());
    let (text, _) = decode(&bytes).unwrap();
    let preview = encaisse_domain::bank::read::csv::mapping::preview(&text).unwrap();
    // What the user sets in the form: the preview's guess, checked here to be the file's.
    let mapping = ColumnMapping {
        separator: ';',
        header_row: Some(1),
        date: 0,
        date_order: DateOrder::DayMonthYear,
        value_date: Some(2),
        amount: AmountColumns::Signed(3),
        label: 1,
        details: None,
        reference: Some(4),
    };
    assert_eq!(
        preview
            .suggested
            .as_ref()
            .map(|m| (m.date, m.label, m.amount)),
        Some((0, 1, AmountColumns::Signed(3)))
    );
    let first = read_with_columns(&bytes, &mapping).unwrap();
    let saved = SavedMapping {
        signature: layout_signature(&text).unwrap(),
        mapping,
    };
    let again = read_statement(&bytes, &[saved]).unwrap();
    assert_eq!(again.format, Format::Csv(CsvLayout::Mapped));
    assert_eq!(again.statement, first.statement);
}

proptest! {
    #[test]
    fn no_bytes_make_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        // Guards against a crafted or damaged file crashing the page instead of being refused.
        let _ = read_statement(&bytes, &[]);
    }

    #[test]
    fn no_text_made_of_statement_pieces_makes_the_reader_panic(
        pieces in proptest::collection::vec(prop_oneof![
            Just("<OFX>"), Just("<STMTTRN>"), Just("<TRNAMT>-1,5"), Just("!Type:Bank\n"),
            Just("D25/03/26\n"), Just("^\n"), Just("<?xml version=\"1.0\"?>"),
            Just("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"),
            Just("<Ntry>"), Just("</Ntry>"), Just("Date;Libellé;Montant\n"), Just("01/02/2026;VIR;12,50\n"),
            Just(";;;\n"), Just("\"quoted;\n"), Just("é"), Just("\r\n"),
        ], 0..60)
    ) {
        // Guards against a reader that indexes past the end of a half-written structure.
        let _ = read_statement(pieces.concat().as_bytes(), &[]);
    }
}
