//! French banks' CSV exports. There is no standard: the layout is recognised from the header
//! row (which may follow preamble lines) or, for BNP Paribas, from the rows' shape; a file no
//! layout explains is read with the user's saved column mapping, or refused with its header
//! so that the user can map it once.
//!
//! A known layout and a user's mapping end up as the same [`Columns`], read by one row reader.

mod layouts;
pub mod mapping;

use crate::bank::read::kind;
use crate::bank::statement::{
    AccountRef, CsvLayout, FileProblem, Format, LineProblem, Skipped, StatementReader,
    StatementSink,
};
use crate::model::bank_book::{AmountColumns, DateOrder, LineKind, SavedMapping, StatementLine};
use crate::values::read::delimited::{self, Record};
use crate::values::read::fields;
use crate::values::text::{collapse_spaces, compact_upper, fold};
use chrono::NaiveDate;
use layouts::Role;
use std::borrow::Cow;

/// The CSV reader: the last one the dispatcher tries, as almost any text splits into columns.
pub struct CsvReader<'a> {
    /// The user's mappings for layouts no rule recognises.
    pub mappings: &'a [SavedMapping],
}

/// How many leading records are searched for a header: preambles are a few lines long
/// (Crédit Agricole's about nine), and a bound keeps a headerless file cheap.
const HEADER_SEARCH: usize = 40;

impl StatementReader for CsvReader<'_> {
    fn recognises(&self, text: &str) -> bool {
        let start = head(text, 30);
        let Some(separator) = separator(start) else {
            return false;
        };
        delimited::records(start, separator)
            .iter()
            .filter(|r| !r.is_blank())
            .take(10)
            .any(|r| r.fields.len() >= 3)
    }

    fn read(&self, text: &str, sink: &mut dyn StatementSink) -> Result<Format, FileProblem> {
        let text = &*unescape_entities(text);
        let separator = separator(text).ok_or(FileProblem::NotAStatement)?;
        let rows = non_blank(text, separator);
        if let Some((header, layout)) = find_header(&rows) {
            let names = rows.get(header).map(header_names).unwrap_or_default();
            if let Some(columns) = Columns::for_layout(layout, &names) {
                read_rows(rows.get(header + 1..).unwrap_or_default(), &columns, sink)?;
                return Ok(Format::Csv(layout.bank));
            }
        }
        if let Some(columns) = Columns::bnp().filter(|_| bnp_shape(&rows)) {
            read_rows(&rows, &columns, sink)?;
            return Ok(Format::Csv(CsvLayout::BnpParibas));
        }
        let signature = mapping::layout_signature(text);
        if let Some(saved) = self
            .mappings
            .iter()
            .find(|m| signature.as_deref() == Some(m.signature.as_str()))
        {
            return mapping::read_with_mapping(text, &saved.mapping, sink);
        }
        Err(FileProblem::CsvColumnsUnknown {
            header: first_row(&rows),
        })
    }
}

/// The text up to its `lines`-th line end: enough to judge a file by its start. Cut at a
/// `\n`, which is always a character boundary.
fn head(text: &str, lines: usize) -> &str {
    let end = text
        .match_indices('\n')
        .nth(lines)
        .map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or(text)
}

/// The separator of a text: the guessed one, unless it splits the table into fewer than the
/// three columns every statement has (date, label, amount). A `;` file with one amount
/// column has one decimal comma a row, as many as it has rows, and a preamble line can tip
/// the guess to `,`; then the first separator that gives three columns is taken.
fn separator(text: &str) -> Option<char> {
    let start = head(text, 30);
    let width = |separator: char| {
        let rows = non_blank(start, separator);
        mapping::table_start(&rows)
            .and_then(|i| rows.get(i))
            .map_or(0, |r| r.fields.len())
    };
    let guessed = delimited::guess_separator(start)?;
    if width(guessed) >= 3 {
        return Some(guessed);
    }
    delimited::SEPARATORS
        .into_iter()
        .find(|&s| width(s) >= 3)
        .or(Some(guessed))
}

/// The file's records with the blank ones left out (line numbers stay in each record).
fn non_blank(text: &str, separator: char) -> Vec<Record> {
    delimited::records(text, separator)
        .into_iter()
        .filter(|r| !r.is_blank())
        .collect()
}

fn header_names(record: &Record) -> Vec<String> {
    record
        .fields
        .iter()
        .map(|f| layouts::normalise(f))
        .collect()
}

/// The first row, among the leading ones, that a known layout's header matches.
fn find_header(rows: &[Record]) -> Option<(usize, &'static layouts::Layout)> {
    rows.iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .find_map(|(i, row)| layouts::recognise(&header_names(row)).map(|l| (i, l)))
}

/// BNP Paribas writes no header: its rows are recognised from their shape, a `DD/MM/YYYY`
/// date first and an amount fifth, in most rows after the preamble line.
fn bnp_shape(rows: &[Record]) -> bool {
    let sample: Vec<&Record> = rows.iter().skip(1).take(HEADER_SEARCH).collect();
    let fitting = sample
        .iter()
        .filter(|r| {
            (5..=6).contains(&r.fields.len())
                && fields::day_month_year(r.get(0)).is_some()
                && fields::amount(r.get(4)).is_some()
        })
        .count();
    fitting > 0 && fitting * 2 > sample.len()
}

/// What [`FileProblem::CsvColumnsUnknown`] shows: the guessed header row, else the first row.
fn first_row(rows: &[Record]) -> Vec<String> {
    let index = mapping::table_start(rows).unwrap_or(0);
    rows.get(index)
        .map(|r| r.fields.iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_default()
}

/// Which column holds what, for one file: resolved from a known layout and the file's header,
/// or taken from the user's mapping. The one thing the row reader reads by.
struct Columns {
    date: usize,
    date_order: DateOrder,
    value_date: Option<usize>,
    amount: AmountColumns,
    label: usize,
    details: Option<usize>,
    reference: Option<usize>,
    counterparty: Option<usize>,
    counterparty_iban: Option<usize>,
    kind: Option<usize>,
    status: Option<usize>,
    currency: Option<usize>,
    account_number: Option<usize>,
    account_label: Option<usize>,
    /// Without a header, the rows before the first one whose date reads are a preamble.
    headerless: bool,
}

impl Columns {
    fn empty(date: usize, amount: AmountColumns, label: usize) -> Self {
        Columns {
            date,
            date_order: DateOrder::DayMonthYear,
            value_date: None,
            amount,
            label,
            details: None,
            reference: None,
            counterparty: None,
            counterparty_iban: None,
            kind: None,
            status: None,
            currency: None,
            account_number: None,
            account_label: None,
            headerless: false,
        }
    }

    /// A known layout's columns in a header whose normalised names are `names`; None when a
    /// column the rows need is missing (a layout's required names always give them).
    fn for_layout(layout: &layouts::Layout, names: &[String]) -> Option<Self> {
        let position = |wanted: &str| names.iter().position(|n| n == wanted);
        let mut found: Vec<(Role, usize)> = Vec::new();
        for (name, role) in layout.required.iter().chain(layout.optional) {
            if let Some(index) = position(name) {
                found.push((*role, index));
            }
        }
        Self::from_roles(&found, false)
    }

    fn bnp() -> Option<Self> {
        Self::from_roles(&layouts::BNP_ROWS, true)
    }

    fn from_roles(found: &[(Role, usize)], headerless: bool) -> Option<Self> {
        let first = |role: Role| found.iter().find(|(r, _)| *r == role).map(|(_, i)| *i);
        let amount = match (first(Role::Amount), first(Role::Debit), first(Role::Credit)) {
            (Some(column), _, _) => AmountColumns::Signed(column),
            (None, Some(debit), Some(credit)) => AmountColumns::DebitCredit { debit, credit },
            _ => return None,
        };
        let mut columns = Columns::empty(first(Role::Date)?, amount, first(Role::Label)?);
        columns.value_date = first(Role::ValueDate);
        columns.details = first(Role::Details);
        columns.reference = first(Role::Reference);
        columns.counterparty = first(Role::Counterparty);
        columns.counterparty_iban = first(Role::CounterpartyIban);
        columns.kind = first(Role::Kind);
        columns.status = first(Role::Status);
        columns.currency = first(Role::Currency);
        columns.account_number = first(Role::AccountNumber);
        columns.account_label = first(Role::AccountLabel);
        columns.headerless = headerless;
        Some(columns)
    }

    /// The columns a row must have to be read: the date, the amount and the label.
    fn needed(&self) -> usize {
        let amount = match self.amount {
            AmountColumns::Signed(column) => column,
            AmountColumns::DebitCredit { debit, credit } => debit.max(credit),
        };
        self.date.max(self.label).max(amount) + 1
    }
}

/// A cell as lines keep text: whitespace collapsed; empty when there is no such column.
fn cell(record: &Record, column: Option<usize>) -> String {
    collapse_spaces(column.map_or("", |c| record.get(c)))
}

/// Reads data rows into the sink; an error when not one line was read.
fn read_rows(
    rows: &[Record],
    columns: &Columns,
    sink: &mut dyn StatementSink,
) -> Result<(), FileProblem> {
    let mut lines = 0usize;
    let mut account: Option<AccountRef> = None;
    let mut in_table = !columns.headerless;
    for row in rows {
        let date_text = row.get(columns.date);
        if !in_table {
            if read_date(date_text, columns.date_order).is_none() {
                continue;
            }
            in_table = true;
        }
        if read_date(date_text, columns.date_order).is_none() && is_summary(row, columns) {
            continue;
        }
        if let Some(number) = columns.account_number {
            let identifier = compact_upper(row.get(number));
            if !identifier.is_empty()
                && account.as_ref().map(|a| &a.identifier) != Some(&identifier)
            {
                let next = AccountRef {
                    identifier,
                    label: cell(row, columns.account_label),
                    currency: "EUR".into(),
                };
                sink.account(next.clone());
                account = Some(next);
            }
        }
        match read_row(row, columns) {
            Ok(Some(line)) => {
                lines += 1;
                sink.line(line);
            }
            Ok(None) => {}
            Err(Outcome::Skipped(why)) => sink.skipped(row.line, why),
            Err(Outcome::Unreadable(problem)) => sink.unreadable(row.line, problem),
        }
    }
    if lines == 0 {
        return Err(FileProblem::NoLines);
    }
    Ok(())
}

/// Rows without a date that are not operations, skipped without a word: a row whose date
/// cell and label are empty (the totals under the debit and credit columns), and a row whose
/// date cell or label starts with `Total` or `Solde` (`Solde au 31/01/2026`, `Total des
/// opérations`). Only asked of rows whose date does not read, so that a dated operation
/// labelled `SOLDE DE TOUT COMPTE` is kept.
fn is_summary(row: &Record, columns: &Columns) -> bool {
    let starts_summary = |text: &str| {
        let folded = fold(text);
        ["total", "solde", "sous-total", "sous total"]
            .iter()
            .any(|w| folded.starts_with(w))
    };
    let date = row.get(columns.date);
    let label = row.get(columns.label);
    (date.is_empty() && label.is_empty()) || starts_summary(date) || starts_summary(label)
}

enum Outcome {
    Skipped(Skipped),
    Unreadable(LineProblem),
}

/// One row as a line; None for a zero amount, which moves no money and is skipped.
fn read_row(row: &Record, columns: &Columns) -> Result<Option<StatementLine>, Outcome> {
    let unreadable = |p| Err(Outcome::Unreadable(p));
    let needed = columns.needed();
    if row.fields.len() < needed {
        return unreadable(LineProblem::MissingColumns {
            expected: needed,
            found: row.fields.len(),
        });
    }
    // Pending, declined or reversed operations (Qonto) may still change: never imported.
    // `settled` and `executed` are the English export's words for booked ones (per the
    // parsers cited in layouts.rs); the French `Réglé` and `Exécuté` are assumed.
    if let Some(status) = columns.status.map(|c| fold(row.get(c))) {
        let booked = ["", "settled", "executed", "completed", "regle", "execute"];
        if !booked.contains(&status.as_str()) {
            return Err(Outcome::Skipped(Skipped::NotBooked));
        }
    }
    if let Some(currency) = columns.currency.map(|c| row.get(c)) {
        if !currency.is_empty() && !currency.eq_ignore_ascii_case("EUR") {
            return Err(Outcome::Skipped(Skipped::OtherCurrency(
                currency.to_string(),
            )));
        }
    }
    let date_text = row.get(columns.date);
    let Some(booking_date) = read_date(date_text, columns.date_order) else {
        return unreadable(LineProblem::Date(date_text.to_string()));
    };
    let value_date = match columns.value_date.map(|c| row.get(c)) {
        None | Some("") => None,
        Some(text) => match read_date(text, columns.date_order) {
            Some(date) => Some(date),
            None => return unreadable(LineProblem::Date(text.to_string())),
        },
    };
    let amount = match columns.amount {
        AmountColumns::Signed(column) => {
            let text = row.get(column);
            if text.is_empty() {
                return unreadable(LineProblem::NoAmount);
            }
            match fields::amount(text) {
                Some(amount) => amount,
                None => return unreadable(LineProblem::Amount(text.to_string())),
            }
        }
        AmountColumns::DebitCredit { debit, credit } => {
            let read = |text: &str| -> Result<Option<rust_decimal::Decimal>, Outcome> {
                if text.is_empty() {
                    return Ok(None);
                }
                match fields::amount(text) {
                    Some(value) if value.is_zero() => Ok(None),
                    Some(value) => Ok(Some(value.abs())),
                    None => Err(Outcome::Unreadable(LineProblem::Amount(text.to_string()))),
                }
            };
            // Some banks sign their debits (`-45,50`), others do not: the column says the sign.
            match (read(row.get(debit))?, read(row.get(credit))?) {
                (Some(out), None) => -out,
                (None, Some(into)) => into,
                (Some(_), Some(_)) => return unreadable(LineProblem::NoAmount),
                (None, None) => {
                    let written = |c: usize| !row.get(c).is_empty();
                    if written(debit) || written(credit) {
                        return Ok(None);
                    }
                    return unreadable(LineProblem::NoAmount);
                }
            }
        }
    };
    if amount.is_zero() {
        return Ok(None);
    }
    let label = cell(row, Some(columns.label));
    let kind = match kind_from_type(&cell(row, columns.kind)) {
        LineKind::Unknown => kind::from_label(&label),
        known => known,
    };
    Ok(Some(StatementLine {
        source_line: row.line,
        booking_date,
        value_date,
        amount,
        details: cell(row, columns.details),
        counterparty: cell(row, columns.counterparty),
        counterparty_iban: compact_upper(&cell(row, columns.counterparty_iban)),
        references: Some(cell(row, columns.reference))
            .filter(|r| !r.is_empty())
            .into_iter()
            .collect(),
        bank_id: String::new(),
        kind,
        reversal: false,
        label,
    }))
}

/// A date cell in the given order; a time after the date (Qonto's `15-01-2026 10:42:00`) is
/// left out. ISO dates read in any order: their four-digit year first cannot be mistaken.
fn read_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let day = text.split_whitespace().next()?;
    match order {
        DateOrder::DayMonthYear => fields::day_month_year(day).or_else(|| fields::iso(day)),
        DateOrder::MonthDayYear => fields::month_day_year(day).or_else(|| fields::iso(day)),
        DateOrder::YearMonthDay => {
            fields::iso(day).or_else(|| (day.len() == 8).then(|| fields::compact(day)).flatten())
        }
    }
}

/// The kind a bank's own type or category column announces (`Carte`, `Virement reçu`,
/// Qonto's `direct_debit`), or [`LineKind::Unknown`] for categories about what was bought.
fn kind_from_type(text: &str) -> LineKind {
    let folded = fold(text).replace('_', " ");
    const WORDS: [(&str, LineKind); 16] = [
        ("prelevement", LineKind::DirectDebit),
        ("direct debit", LineKind::DirectDebit),
        ("virement", LineKind::Transfer),
        ("transfer", LineKind::Transfer),
        ("cheque", LineKind::Cheque),
        ("carte", LineKind::Card),
        ("card", LineKind::Card),
        ("retrait", LineKind::Cash),
        ("especes", LineKind::Cash),
        ("frais", LineKind::Fee),
        ("commission", LineKind::Fee),
        ("fee", LineKind::Fee),
        ("cotisation", LineKind::Fee),
        ("interet", LineKind::Interest),
        ("cb", LineKind::Card),
        ("chq", LineKind::Cheque),
    ];
    let words: Vec<&str> = folded.split_whitespace().collect();
    WORDS
        .iter()
        .find(|(word, _)| {
            if word.contains(' ') {
                folded.contains(word)
            } else {
                words.iter().any(|w| w.starts_with(word))
            }
        })
        .map_or(LineKind::Unknown, |(_, kind)| *kind)
}

/// HTML entities as BNP Paribas writes them, escaped once or twice (`Cr&amp;eacute;dit`).
/// Undone on the whole text before it is split: an entity's `;` would otherwise split a
/// field in two. No bank means `&eacute;` literally, and entities hold no line break, so
/// line numbers stay right.
fn unescape_entities(text: &str) -> Cow<'_, str> {
    const NAMED: [(&str, &str); 14] = [
        ("&eacute;", "é"),
        ("&egrave;", "è"),
        ("&ecirc;", "ê"),
        ("&agrave;", "à"),
        ("&acirc;", "â"),
        ("&ccedil;", "ç"),
        ("&ocirc;", "ô"),
        ("&ucirc;", "û"),
        ("&ugrave;", "ù"),
        ("&icirc;", "î"),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&#39;", "'"),
        ("&nbsp;", " "),
    ];
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    // Twice-escaped text needs two rounds; a third would unescape what the bank meant.
    for _ in 0..2 {
        out = out.replace("&amp;", "&");
    }
    for (entity, character) in NAMED {
        out = out.replace(entity, character);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_entities_escaped_twice_read_as_accents() {
        // Guards against BNP Paribas' `Cr&amp;eacute;dit` shown as it is written.
        assert_eq!(unescape_entities("Cr&amp;eacute;dit"), "Crédit");
        assert_eq!(unescape_entities("D&eacute;bit &amp; co"), "Débit & co");
        assert_eq!(unescape_entities("plain"), "plain");
    }

    #[test]
    fn type_columns_give_the_kind() {
        // Guards against a card line or a fee, named so in the bank's type column, being
        // offered for matching as an unknown credit.
        assert_eq!(kind_from_type("Carte"), LineKind::Card);
        assert_eq!(kind_from_type("Virement reçu"), LineKind::Transfer);
        assert_eq!(kind_from_type("direct_debit"), LineKind::DirectDebit);
        assert_eq!(kind_from_type("Frais bancaires"), LineKind::Fee);
        assert_eq!(kind_from_type("Alimentation"), LineKind::Unknown);
        assert_eq!(kind_from_type("Abonnements"), LineKind::Unknown);
    }

    #[test]
    fn dates_with_a_time_and_in_every_order() {
        // Guards against Qonto's `15-01-2026 10:42:00` refused for its time.
        let d = NaiveDate::from_ymd_opt(2026, 1, 15);
        assert_eq!(read_date("15-01-2026 10:42:00", DateOrder::DayMonthYear), d);
        assert_eq!(
            read_date("2026-01-15T10:42:00Z", DateOrder::DayMonthYear),
            d
        );
        assert_eq!(read_date("01/15/2026", DateOrder::MonthDayYear), d);
        assert_eq!(read_date("20260115", DateOrder::YearMonthDay), d);
        assert_eq!(read_date("01/15/2026", DateOrder::DayMonthYear), None);
        assert_eq!(read_date("", DateOrder::DayMonthYear), None);
    }
}
