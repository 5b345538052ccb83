//! CSV files the user exports, written so that a spreadsheet opens them as they are.
//!
//! In French, Excel and LibreOffice expect `;` between fields and a decimal comma, and read a
//! file as UTF-8 only when it starts with a byte-order mark; in English, `,` and a decimal
//! point. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` or their fullwidth
//! forms first, after any white space, line break or zero-width character a spreadsheet skips,
//! or a tab or line break first) is prefixed with `'`, so a client named `=HYPERLINK(...)`
//! stays text (OWASP's advice against CSV injection). Amounts and dates are typed cells, formatted here,
//! never escaped: a negative amount must stay a number.

use crate::values::format::Locale;
use crate::values::money::round_cents;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// One cell of an exported row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Anything the user typed: neutralised if it could run as a formula.
    Text(String),
    /// Euros, to the cent, without grouping or currency sign so that it stays a number.
    Amount(Decimal),
    Date(NaiveDate),
    Count(i64),
    Empty,
}

const BYTE_ORDER_MARK: &str = "\u{feff}";

/// Builds a CSV file row by row (RFC 4180: CRLF line ends; a field holding the delimiter, a
/// quote or a line break is quoted, its quotes doubled). Written here rather than with the
/// `csv` crate: writing is these few lines, and the crate cost 8 KB of wasm.
pub struct CsvFile {
    locale: Locale,
    text: String,
}

impl CsvFile {
    pub fn new(locale: Locale, header: &[&str]) -> CsvFile {
        let mut file = CsvFile {
            locale,
            text: String::from(BYTE_ORDER_MARK),
        };
        file.row(header.iter().map(|h| Cell::Text(h.to_string())).collect());
        file
    }

    fn delimiter(&self) -> char {
        match self.locale {
            Locale::Fr => ';',
            Locale::En => ',',
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        let delimiter = self.delimiter();
        for (index, cell) in cells.into_iter().enumerate() {
            if index > 0 {
                self.text.push(delimiter);
            }
            let field = self.field(cell);
            if field.contains([delimiter, '"', '\r', '\n']) {
                self.text.push('"');
                self.text.push_str(&field.replace('"', "\"\""));
                self.text.push('"');
            } else {
                self.text.push_str(&field);
            }
        }
        self.text.push_str("\r\n");
    }

    fn field(&self, cell: Cell) -> String {
        match cell {
            Cell::Text(text) => neutralise(&text),
            Cell::Amount(amount) => {
                let text = format!("{:.2}", round_cents(amount));
                match self.locale {
                    Locale::Fr => text.replace('.', ","),
                    Locale::En => text,
                }
            }
            Cell::Date(date) => match self.locale {
                Locale::Fr => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
                Locale::En => date.to_string(),
            },
            Cell::Count(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// The file's text, starting with the byte-order mark spreadsheets need to read UTF-8.
    pub fn finish(self) -> String {
        self.text
    }
}

/// Prefixes text a spreadsheet would evaluate as a formula.
fn neutralise(text: &str) -> String {
    let first_raw = text.chars().next();
    let first_significant = text.chars().find(|c| !skipped_before_formula(*c));
    let starts_formula = matches!(first_raw, Some('\t' | '\r' | '\n'))
        || first_significant.is_some_and(starts_a_formula);
    if starts_formula {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// What a spreadsheet may pass over before reading a formula: any white space (the no-break
/// spaces of French text included), line breaks, zero-width characters and controls.
fn skipped_before_formula(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// The signs a formula starts with, in their ASCII, fullwidth and small forms (spreadsheets
/// in East Asian locales read `＝` as `=`).
fn starts_a_formula(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\u{ff1d}'
            | '\u{ff0b}'
            | '\u{ff0d}'
            | '\u{ff20}'
            | '\u{fe66}'
            | '\u{fe62}'
            | '\u{fe63}'
            | '\u{fe6b}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_formula_behind_spaces_is_neutralised_too() {
        // Guards against "  =HYPERLINK(...)" in a client name running in a spreadsheet.
        assert_eq!(neutralise("  =1+1"), "'  =1+1");
        assert_eq!(neutralise("Durand  SARL"), "Durand  SARL");
    }

    #[test]
    fn a_formula_behind_what_a_spreadsheet_skips_is_neutralised() {
        // Guards against a formula hidden behind a no-break space, a line feed, a zero-width
        // space or written with a fullwidth sign, which the ASCII checks let through.
        for text in [
            "\u{a0}=1+1",
            "\u{202f}=1+1",
            "\n=1+1",
            "\u{200b}=1+1",
            "\u{feff}@SUM(A1)",
            "\u{ff1d}1+1",
            "\u{a0}\u{ff0b}33",
        ] {
            assert!(neutralise(text).starts_with('\''), "{text:?}");
        }
        // Plain text keeps its leading space and stays as it was.
        assert_eq!(neutralise("\u{a0}Durand"), "\u{a0}Durand");
        assert_eq!(neutralise("Société ＝ SARL"), "Société ＝ SARL");
    }

    proptest::proptest! {
        // Guards against any mix of skipped characters before a formula sign getting through.
        #[test]
        fn any_skipped_prefix_before_a_formula_sign_is_neutralised(
            prefix in proptest::collection::vec(proptest::sample::select(vec![
                ' ', '\t', '\n', '\r', '\u{a0}', '\u{2007}', '\u{202f}', '\u{200b}', '\u{feff}', '\u{3000}',
            ]), 0..6),
            sign in proptest::sample::select(vec!['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}']),
            rest in ".{0,20}",
        ) {
            let text: String = prefix.into_iter().chain(std::iter::once(sign)).chain(rest.chars()).collect();
            let written = neutralise(&text);
            proptest::prop_assert!(written.starts_with('\''));
            proptest::prop_assert_eq!(&written[1..], text.as_str());
        }
    }

    fn lines(file: CsvFile) -> Vec<String> {
        file.finish()
            .trim_start_matches(BYTE_ORDER_MARK)
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn french_files_use_semicolons_and_decimal_commas() {
        // Guards against a file that a French Excel opens as one column of text.
        let mut file = CsvFile::new(Locale::Fr, &["Client", "Montant", "Échéance"]);
        file.row(vec![
            Cell::Text("Durand; fils".into()),
            Cell::Amount(dec!(1234.565)),
            Cell::Date(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
        ]);
        let text = file.finish();
        assert!(text.starts_with(BYTE_ORDER_MARK), "UTF-8 with BOM");
        assert!(text.ends_with("\r\n"), "every row ends with CRLF");
        assert_eq!(
            lines(CsvFile::new(Locale::Fr, &["a"]))[0],
            "a",
            "the header is the first row"
        );
        let rows: Vec<&str> = text
            .trim_start_matches(BYTE_ORDER_MARK)
            .split("\r\n")
            .collect();
        assert_eq!(rows[0], "Client;Montant;Échéance");
        assert_eq!(rows[1], "\"Durand; fils\";1234,57;31/12/2026");
    }

    #[test]
    fn english_files_use_commas_and_decimal_points() {
        let mut file = CsvFile::new(Locale::En, &["Client", "Amount"]);
        file.row(vec![
            Cell::Text("Smith, Ltd".into()),
            Cell::Amount(dec!(-40)),
        ]);
        assert_eq!(lines(file)[1], "\"Smith, Ltd\",-40.00");
    }

    #[test]
    fn formulas_are_neutralised_but_negative_amounts_stay_numbers() {
        // Guards against CSV injection: a client named "=HYPERLINK(...)" running in Excel.
        let mut file = CsvFile::new(Locale::Fr, &["x", "y", "z", "w"]);
        file.row(vec![
            Cell::Text("=HYPERLINK(\"http://x\")".into()),
            Cell::Text("+33 1 23".into()),
            Cell::Text("@SUM(A1)".into()),
            Cell::Amount(dec!(-12.5)),
        ]);
        file.row(vec![
            Cell::Text("dit \"non\"\npuis oui".into()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]);
        file.row(vec![
            Cell::Text("-2+3".into()),
            Cell::Text("\tcmd".into()),
            Cell::Count(-3),
            Cell::Empty,
        ]);
        let rows = lines(file);
        assert_eq!(
            rows[1],
            "\"'=HYPERLINK(\"\"http://x\"\")\";'+33 1 23;'@SUM(A1);-12,50"
        );
        assert_eq!(
            rows[2], "\"dit \"\"non\"\"\npuis oui\";;;",
            "quotes doubled, line break quoted"
        );
        assert_eq!(rows[3], "'-2+3;'\tcmd;-3;");
    }
}
