//! QIF, Quicken's old interchange format: sections opened by `!Type:Bank` (or `Cash`,
//! `CCard`), records of one-letter fields (`D` date, `T` amount, `P` payee...) each ended by
//! `^`. No account number and no line id; dates in whatever order the program that wrote
//! them liked, so the order is decided once for the whole file.

use crate::bank::read::kind;
use crate::bank::statement::{
    AccountRef, FileProblem, Format, LineProblem, Skipped, StatementReader, StatementSink,
};
use crate::model::bank_book::{LineKind, StatementLine};
use crate::values::read::fields;
use crate::values::text::collapse_spaces;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Reads QIF bank and cash statements; card sections are skipped.
pub struct QifReader;

impl StatementReader for QifReader {
    fn recognises(&self, text: &str) -> bool {
        // Quicken may start with `!Option:AutoSwitch` before the `!Account` block.
        lines(text)
            .map(|(_, line)| line.trim())
            .find(|line| !line.is_empty() && header(line) != Some(None))
            .and_then(header)
            .flatten()
            .is_some_and(|section| section != Section::Other)
    }

    fn read(&self, text: &str, sink: &mut dyn StatementSink) -> Result<Format, FileProblem> {
        let (records, sections) = records(text);
        if !sections
            .iter()
            .any(|s| matches!(s, Section::Bank | Section::Card))
        {
            // Investments, categories or memorised transactions only: not a bank statement.
            return Err(FileProblem::NotAStatement);
        }
        let order = date_order(&records);
        let mut account_name = String::new();
        let mut announced = false;
        for record in &records {
            match record.section {
                Section::Account => {
                    // The `!Account` block names the account the next section is about.
                    if let Some(name) = record.field('N') {
                        account_name = collapse_spaces(name);
                        announced = false;
                    }
                }
                Section::Bank => {
                    if !announced && !account_name.is_empty() {
                        sink.account(AccountRef {
                            label: account_name.clone(),
                            ..AccountRef::default()
                        });
                        announced = true;
                    }
                    match statement_line(record, order) {
                        Ok(line) => sink.line(line),
                        Err(problem) => sink.unreadable(record.line, problem),
                    }
                }
                Section::Card => sink.skipped(record.line, Skipped::CardAccount),
                Section::Other => {}
            }
        }
        Ok(Format::Qif)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Bank,
    Card,
    Account,
    Other,
}

/// The section a `!` line opens, or None for a line that is no header. Options such as
/// `!Option:AutoSwitch` are headers of no section of their own: they change nothing.
fn header(line: &str) -> Option<Option<Section>> {
    let rest = line.strip_prefix('!')?;
    let folded = rest.trim().to_ascii_lowercase();
    Some(match folded.strip_prefix("type:").map(str::trim) {
        Some("bank" | "cash") => Some(Section::Bank),
        Some("ccard") => Some(Section::Card),
        Some(_) => Some(Section::Other),
        None if folded == "account" => Some(Section::Account),
        None => None,
    })
}

/// Lines with their numbers from 1, whatever the line ends (`\r\n`, `\n`, a lone `\r`).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let unix = text.contains('\n');
    text.split(move |c| c == '\n' || (!unix && c == '\r'))
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .map(|(at, line)| (at + 1, line))
}

/// One record as written: its section, its first line, its fields in order.
struct Record<'a> {
    section: Section,
    line: usize,
    fields: Vec<(char, &'a str)>,
}

impl Record<'_> {
    /// The first value of a field: Quicken writes each field once in a record, the split
    /// lines (`S`, `E`, `$`) aside.
    fn field(&self, code: char) -> Option<&str> {
        self.fields
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, value)| *value)
    }
}

/// The file's records and the sections it opens. A record ends at `^`, at a new section, or
/// at the end of the file: a last record without its `^` still counts. Records before any
/// section header belong to no section (`Other`).
fn records(text: &str) -> (Vec<Record<'_>>, Vec<Section>) {
    let mut records = Vec::new();
    let mut sections = Vec::new();
    let mut section = None;
    let mut current: Option<Record<'_>> = None;
    for (number, raw) in lines(text) {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(opened) = header(line) {
            records.extend(current.take());
            if let Some(opened) = opened {
                section = Some(opened);
                sections.push(opened);
            }
            continue;
        }
        if line.starts_with('^') {
            records.extend(current.take());
            continue;
        }
        let mut chars = line.chars();
        let Some(code) = chars.next() else {
            continue;
        };
        let record = current.get_or_insert_with(|| Record {
            section: section.unwrap_or(Section::Other),
            line: number,
            fields: Vec::new(),
        });
        record
            .fields
            .push((code.to_ascii_uppercase(), chars.as_str().trim()));
    }
    records.extend(current);
    (records, sections)
}

fn statement_line(record: &Record<'_>, order: DateOrder) -> Result<StatementLine, LineProblem> {
    let date_text = record
        .field('D')
        .ok_or_else(|| LineProblem::Malformed("D".into()))?;
    let booking_date = date(date_text, order).ok_or_else(|| LineProblem::Date(date_text.into()))?;
    // `U` is the same amount newer Quicken versions write beside `T`.
    let amount_text = record
        .field('T')
        .or_else(|| record.field('U'))
        .ok_or_else(|| LineProblem::Malformed("T".into()))?;
    let amount = amount(amount_text).ok_or_else(|| LineProblem::Amount(amount_text.into()))?;
    let payee = collapse_spaces(record.field('P').unwrap_or_default());
    let memo = collapse_spaces(record.field('M').unwrap_or_default());
    // The label is what the user recognises a line by: a record with a memo but no payee
    // shows the memo rather than nothing.
    let (label, details) = if payee.is_empty() {
        (memo, String::new())
    } else {
        (payee, memo)
    };
    let number = record.field('N').unwrap_or_default().trim();
    // `N` holds a cheque number or a bank reference, or one of Quicken's words (`DEP`,
    // `ATM`, `EFT`, `Print`), which refer to nothing: only digits make a cheque, and only a
    // text with a digit is kept as a reference.
    let cheque = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    let reference = number.bytes().any(|b| b.is_ascii_digit());
    Ok(StatementLine {
        source_line: record.line,
        booking_date,
        value_date: None,
        amount,
        kind: if cheque {
            LineKind::Cheque
        } else {
            kind::from_label(&label)
        },
        label,
        details,
        counterparty: String::new(),
        counterparty_iban: String::new(),
        references: if !reference {
            Vec::new()
        } else {
            vec![number.to_string()]
        },
        bank_id: String::new(),
        reversal: false,
    })
}

/// A QIF amount: `-1,234.56` (US), `-1 234,56` (French), and the US thousands without
/// decimals (`1,234`, `-12,345,678`), which [`fields::amount`] would take for three decimals
/// and refuse.
fn amount(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut groups = digits.split(',');
    let first = groups.next().unwrap_or_default();
    let us_thousands = digits.contains(',')
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if us_thousands {
        fields::amount(&text.replace(',', ""))
    } else {
        fields::amount(text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// A date as QIF writes it, before its order is known.
enum DateParts {
    Iso(NaiveDate),
    /// The first two numbers, in the order written, and the full year.
    Numbers(u32, u32, i32),
}

/// Decides the order once per file from every date written: a first number above 12 can only
/// be a day (day first), a second one above 12 too (month first). Evidence both ways, or
/// none, leaves the French order, day first.
fn date_order(records: &[Record<'_>]) -> DateOrder {
    let (mut day_first, mut month_first) = (false, false);
    for record in records {
        if !matches!(record.section, Section::Bank | Section::Card) {
            continue;
        }
        for (_, value) in record.fields.iter().filter(|(code, _)| *code == 'D') {
            if let Some(DateParts::Numbers(a, b, _)) = date_parts(value) {
                day_first |= a > 12;
                month_first |= b > 12;
            }
        }
    }
    if month_first && !day_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

fn date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    match date_parts(text)? {
        DateParts::Iso(date) => Some(date),
        DateParts::Numbers(a, b, year) => {
            let (day, month) = match order {
                DateOrder::DayFirst => (a, b),
                DateOrder::MonthFirst => (b, a),
            };
            NaiveDate::from_ymd_opt(year, month, day)
        }
    }
}

/// `DD/MM/YY`, `MM/DD/YYYY`, `DD.MM.YYYY`, `DD-MM-YY`, ISO `YYYY-MM-DD`, and Quicken's
/// `M/D'YY` whose apostrophe marks a year from 2000 (`1/ 5' 7` is 5 January 2007: Quicken
/// pads with spaces). Two-digit years otherwise read 00–69 as 20xx and 70–99 as 19xx, the
/// usual window for files that span the century change. This is why the shared day-month
/// reader (every two-digit year in 20xx) is not used here.
fn date_parts(text: &str) -> Option<DateParts> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(date) = compact
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|_| fields::iso(&compact))
    {
        return Some(DateParts::Iso(date));
    }
    let number = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (first, rest) = compact.split_once(['/', '-', '.'])?;
    let (second, year_text, apostrophe) = match rest.split_once('\'') {
        Some((second, year)) => (second, year, true),
        None => {
            let (second, year) = rest.split_once(['/', '-', '.'])?;
            (second, year, false)
        }
    };
    let a = number(first, 2)?;
    let b = number(second, 2)?;
    let short = number(year_text, 2);
    let year = match (short, year_text.len()) {
        (Some(y), _) if apostrophe => 2000 + y,
        (Some(y), 2) if y < 70 => 2000 + y,
        (Some(y), 2) => 1900 + y,
        (None, 4) => number(year_text, 4)?,
        _ => return None,
    };
    Some(DateParts::Numbers(a, b, i32::try_from(year).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_each_order_and_shape() {
        // Guards against 98 read as 2098, and against Quicken's apostrophe year refused.
        use DateOrder::*;
        assert_eq!(date("25/03/26", DayFirst), Some(d(2026, 3, 25)));
        assert_eq!(date("03/25/98", MonthFirst), Some(d(1998, 3, 25)));
        assert_eq!(date("3/25'05", MonthFirst), Some(d(2005, 3, 25)));
        assert_eq!(date(" 1/ 5' 7", MonthFirst), Some(d(2007, 1, 5)));
        assert_eq!(date("25.03.2026", DayFirst), Some(d(2026, 3, 25)));
        assert_eq!(date("2026-03-25", MonthFirst), Some(d(2026, 3, 25)));
        assert_eq!(date("69/01/01", DayFirst), None);
        assert_eq!(date("01/02/69", DayFirst), Some(d(2069, 2, 1)));
        assert_eq!(date("01/02/70", DayFirst), Some(d(1970, 2, 1)));
        assert_eq!(date("25/03/2026", MonthFirst), None);
        assert_eq!(date("1/2/3/4", DayFirst), None);
        assert_eq!(date("01/02/026", DayFirst), None);
    }

    #[test]
    fn amounts_us_and_french() {
        // Guards against a US "1,234" read as 1.234 or refused, and "12,50" read as 1250.
        assert_eq!(amount("-1,234.56"), Some(dec!(-1234.56)));
        assert_eq!(amount("1,234"), Some(dec!(1234)));
        assert_eq!(amount("-12,345,678"), Some(dec!(-12345678)));
        assert_eq!(amount("-1 234,56"), Some(dec!(-1234.56)));
        assert_eq!(amount("12,50"), Some(dec!(12.50)));
        assert_eq!(amount("1,23,456"), None);
        assert_eq!(amount(""), None);
    }
}
