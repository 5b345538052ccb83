//! Reading an FEC (Fichier des Écritures Comptables, art. A47 A-1 LPF) into entry lines.
//!
//! The norm fixes 18 columns, tab or `|` separated, dates `YYYYMMDD` and a decimal comma;
//! real files add a BOM, CRLF, zero-padded amounts, space-padded fields, extra columns, and
//! sometimes one `Montant` column with a `Sens` (D/C) instead of `Debit` and `Credit`.
//! Columns are found by their header name, whatever their order or case.

use super::{ImportFileProblem, Refusal, RefusedLine};
use crate::values::read::delimited::{records, Record};
use crate::values::read::fields;
use crate::values::text::collapse_spaces;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One line of an accounting entry, as the import uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FecLine {
    pub line: usize,
    pub journal_code: String,
    pub journal_label: String,
    pub entry_number: String,
    pub entry_date: NaiveDate,
    pub account: String,
    pub account_label: String,
    pub aux_account: String,
    pub aux_label: String,
    /// Whitespace normalised: the invoice number.
    pub piece_ref: String,
    pub piece_date: Option<NaiveDate>,
    pub label: String,
    /// At most one of the two is above zero: a negative debit is read as a credit, as
    /// some programs write corrections.
    pub debit: Decimal,
    pub credit: Decimal,
    /// The lettering code, empty when the line is not lettered.
    pub letter: String,
}

/// The lines that read, and those that did not with the column to blame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FecEntries {
    pub lines: Vec<FecLine>,
    pub refused: Vec<RefusedLine>,
}

/// Where each column the import reads sits in the file.
struct Columns {
    journal_code: usize,
    journal_label: Option<usize>,
    entry_number: usize,
    entry_date: usize,
    account: usize,
    account_label: Option<usize>,
    aux_account: Option<usize>,
    aux_label: Option<usize>,
    piece_ref: usize,
    piece_date: Option<usize>,
    label: Option<usize>,
    amounts: Amounts,
    letter: Option<usize>,
}

enum Amounts {
    DebitCredit {
        debit: usize,
        credit: usize,
    },
    /// `Montant` and `Sens` (D or C).
    Signed {
        amount: usize,
        direction: usize,
    },
}

/// Whether the text's header is an FEC's: tab or `|` separated, naming `JournalCode` and
/// `EcritureNum` (in any case), the two columns no invoicing tool's CSV has. The import
/// screen sends such a file to [`super::plan::plan_fec`] and any other table to the column
/// mapping.
pub fn is_fec(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let names: Vec<String> = first
        .split(['\t', '|'])
        .map(|n| n.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    ["journalcode", "ecriturenum"]
        .iter()
        .all(|needed| names.iter().any(|n| n == needed))
}

pub fn read(text: &str) -> Result<FecEntries, ImportFileProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .ok_or(ImportFileProblem::NoHeader)?;
    // The header says which of the two separators the norm allows this file uses.
    let separator = if first.matches('|').count() > first.matches('\t').count() {
        '|'
    } else {
        '\t'
    };
    let rows = records(text, separator);
    let mut rows = rows.iter().filter(|r| !r.is_blank());
    let header = rows.next().ok_or(ImportFileProblem::NoHeader)?;
    let columns = columns(header)?;
    let mut entries = FecEntries::default();
    for row in rows {
        match read_line(row, &columns, header) {
            Ok(line) => entries.lines.push(line),
            Err(refused) => entries.refused.push(refused),
        }
    }
    Ok(entries)
}

fn columns(header: &Record) -> Result<Columns, ImportFileProblem> {
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    let find = |name: &str| names.iter().position(|n| n == &name.to_ascii_lowercase());
    let mut missing = Vec::new();
    let mut required = |name: &'static str| {
        find(name).unwrap_or_else(|| {
            missing.push(name.to_string());
            0
        })
    };
    let journal_code = required("JournalCode");
    let entry_number = required("EcritureNum");
    let entry_date = required("EcritureDate");
    let account = required("CompteNum");
    let piece_ref = required("PieceRef");
    let amounts = match (find("Debit"), find("Credit"), find("Montant"), find("Sens")) {
        (Some(debit), Some(credit), _, _) => Amounts::DebitCredit { debit, credit },
        (_, _, Some(amount), Some(direction)) => Amounts::Signed { amount, direction },
        _ => {
            missing.push("Debit".into());
            missing.push("Credit".into());
            Amounts::DebitCredit {
                debit: 0,
                credit: 0,
            }
        }
    };
    if !missing.is_empty() {
        return Err(ImportFileProblem::MissingColumns {
            line: header.line,
            missing,
        });
    }
    Ok(Columns {
        journal_code,
        journal_label: find("JournalLib"),
        entry_number,
        entry_date,
        account,
        account_label: find("CompteLib"),
        aux_account: find("CompAuxNum"),
        aux_label: find("CompAuxLib"),
        piece_ref,
        piece_date: find("PieceDate"),
        label: find("EcritureLib"),
        amounts,
        letter: find("EcritureLet"),
    })
}

fn read_line(row: &Record, c: &Columns, header: &Record) -> Result<FecLine, RefusedLine> {
    let refuse = |index: usize, refusal: Refusal| RefusedLine {
        line: row.line,
        column: Some(header.get(index).to_string()),
        refusal,
    };
    let optional = |index: Option<usize>| index.map_or("", |i| row.get(i));
    let date = |index: usize| {
        let text = row.get(index);
        fields::any_date(text).ok_or_else(|| {
            refuse(
                index,
                Refusal::UnreadableDate {
                    text: text.to_string(),
                },
            )
        })
    };
    // An empty amount cell is zero: the norm writes 0 but many programs leave it blank.
    let amount = |index: usize| {
        let text = row.get(index);
        if text.is_empty() {
            return Ok(Decimal::ZERO);
        }
        fields::amount(text).ok_or_else(|| {
            refuse(
                index,
                Refusal::UnreadableAmount {
                    text: text.to_string(),
                },
            )
        })
    };
    let entry_date = date(c.entry_date)?;
    let piece_date = match c.piece_date {
        Some(i) if !row.get(i).is_empty() => Some(date(i)?),
        _ => None,
    };
    let signed = match c.amounts {
        Amounts::DebitCredit { debit, credit } => amount(debit)? - amount(credit)?,
        Amounts::Signed {
            amount: a,
            direction,
        } => {
            let value = amount(a)?;
            let text = row.get(direction);
            match crate::values::text::fold(text).as_str() {
                "d" | "debit" | "+1" | "1" => value,
                "c" | "credit" | "-1" => -value,
                _ => {
                    return Err(refuse(
                        direction,
                        Refusal::UnreadableDirection {
                            text: text.to_string(),
                        },
                    ))
                }
            }
        }
    };
    Ok(FecLine {
        line: row.line,
        journal_code: row.get(c.journal_code).to_string(),
        journal_label: optional(c.journal_label).to_string(),
        entry_number: row.get(c.entry_number).to_string(),
        entry_date,
        account: row.get(c.account).to_string(),
        account_label: optional(c.account_label).to_string(),
        aux_account: optional(c.aux_account).to_string(),
        aux_label: optional(c.aux_label).to_string(),
        piece_ref: collapse_spaces(row.get(c.piece_ref)),
        piece_date,
        label: collapse_spaces(optional(c.label)),
        debit: signed.max(Decimal::ZERO),
        credit: (-signed).max(Decimal::ZERO),
        letter: optional(c.letter).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const HEADER: &str = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

    #[test]
    fn padded_fields_and_zero_padded_amounts_read() {
        // Guards against "000001200,00" or " VT " failing to read as 1200 and VT.
        let text = format!(
            "\u{feff}{HEADER}\r\n VT \tVentes\t1\t20260115\t411000\tClients\tC1\tDupont\t F  001 \t20260115\tFacture\t000001200,00\t0,00\t\t\t20260115\t\t\r\n"
        );
        let entries = read(&text).unwrap();
        assert!(entries.refused.is_empty());
        let line = &entries.lines[0];
        assert_eq!(line.journal_code, "VT");
        assert_eq!(line.piece_ref, "F 001");
        assert_eq!(line.debit, dec!(1200.00));
        assert_eq!(line.credit, dec!(0));
        assert_eq!(line.line, 2);
    }

    #[test]
    fn amount_with_direction_and_negative_debits() {
        // Guards against a `Sens` C line counted as a debit, and a negative debit kept negative.
        let text = "JournalCode|EcritureNum|EcritureDate|CompteNum|PieceRef|Montant|Sens\nBQ|2|20260201|411|F1|50,00|C\nBQ|3|20260201|411|F1|-20,00|D\nBQ|4|20260201|411|F1|20,00|X\n";
        let entries = read(text).unwrap();
        assert_eq!(entries.lines[0].credit, dec!(50.00));
        assert_eq!(entries.lines[1].credit, dec!(20.00));
        assert_eq!(entries.lines[1].debit, dec!(0));
        assert_eq!(entries.refused.len(), 1);
        assert_eq!(entries.refused[0].line, 4);
        assert_eq!(entries.refused[0].column.as_deref(), Some("Sens"));
    }

    #[test]
    fn a_header_without_the_needed_columns_names_them() {
        // Guards against reading a bank CSV as an FEC of empty lines.
        let problem = read("Date\tLibellé\tMontant\n01/02/2026\tX\t1\n").unwrap_err();
        let ImportFileProblem::MissingColumns { line, missing } = problem else {
            panic!("expected missing columns, got {problem:?}");
        };
        assert_eq!(line, 1);
        assert!(missing.contains(&"JournalCode".to_string()));
    }
}
