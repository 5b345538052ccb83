//! The user's own column mappings, for CSV layouts no rule recognises: made once from a
//! preview of the file, stored with the ledger under the layout's signature, and used again
//! for the same bank's next export.

use super::{
    first_row, layouts, non_blank, read_date, read_rows, separator, unescape_entities, Columns,
    HEADER_SEARCH,
};
use crate::bank::statement::{CsvLayout, FileProblem, Format, StatementSink};
use crate::model::bank_book::{AmountColumns, ColumnMapping, DateOrder};
use crate::values::read::delimited::{self, Record};
use crate::values::read::fields;

/// A column of the mapping, as the form names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappedColumn {
    Date,
    ValueDate,
    Amount,
    Debit,
    Credit,
    Label,
    Details,
    Reference,
}

/// Why a mapping cannot read a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingProblem {
    /// The separator is not one of [`delimited::SEPARATORS`].
    Separator(char),
    /// A column past the file's last one.
    OutOfRange {
        column: MappedColumn,
        index: usize,
        columns: usize,
    },
    /// The debit and the credit are the same column.
    DebitIsCredit { index: usize },
    /// Two roles given the same column.
    SameColumn {
        index: usize,
        first: MappedColumn,
        second: MappedColumn,
    },
}

impl ColumnMapping {
    /// Whether the mapping fits a file of `columns` columns; the first problem found.
    pub fn check(&self, columns: usize) -> Result<(), MappingProblem> {
        if !delimited::SEPARATORS.contains(&self.separator) {
            return Err(MappingProblem::Separator(self.separator));
        }
        if let AmountColumns::DebitCredit { debit, credit } = self.amount {
            if debit == credit {
                return Err(MappingProblem::DebitIsCredit { index: debit });
            }
        }
        let used = self.used();
        for &(column, index) in &used {
            if index >= columns {
                return Err(MappingProblem::OutOfRange {
                    column,
                    index,
                    columns,
                });
            }
        }
        for (i, &(first, index)) in used.iter().enumerate() {
            if let Some(&(second, _)) = used.iter().skip(i + 1).find(|(_, j)| *j == index) {
                return Err(MappingProblem::SameColumn {
                    index,
                    first,
                    second,
                });
            }
        }
        Ok(())
    }

    fn used(&self) -> Vec<(MappedColumn, usize)> {
        let mut used = vec![(MappedColumn::Date, self.date)];
        used.extend(self.value_date.map(|i| (MappedColumn::ValueDate, i)));
        match self.amount {
            AmountColumns::Signed(i) => used.push((MappedColumn::Amount, i)),
            AmountColumns::DebitCredit { debit, credit } => {
                used.push((MappedColumn::Debit, debit));
                used.push((MappedColumn::Credit, credit));
            }
        }
        used.push((MappedColumn::Label, self.label));
        used.extend(self.details.map(|i| (MappedColumn::Details, i)));
        used.extend(self.reference.map(|i| (MappedColumn::Reference, i)));
        used
    }

    fn columns(&self) -> Columns {
        let mut columns = Columns::empty(self.date, self.amount, self.label);
        columns.date_order = self.date_order;
        columns.value_date = self.value_date;
        columns.details = self.details;
        columns.reference = self.reference;
        columns.headerless = self.header_row.is_none();
        columns
    }
}

/// What the mapping form shows: the file's first rows split with the guessed separator, the
/// row that looks like a header, and a mapping guessed from the header's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvPreview {
    pub separator: char,
    /// The first non-blank records, far enough to show the header and rows below it.
    pub rows: Vec<Record>,
    /// The header's index in `rows`, if one is found.
    pub header_guess: Option<usize>,
    /// A mapping from header words (date, montant, débit, crédit, libellé...), when they
    /// name at least a date, an amount and a label; without a header, from what the rows
    /// hold (a column of dates, one of amounts, the longest text as the label).
    pub suggested: Option<ColumnMapping>,
}

/// Rows shown below the header in the preview.
const PREVIEW_ROWS: usize = 8;

/// The preview of a text, or None when it does not split into columns.
pub fn preview(text: &str) -> Option<CsvPreview> {
    let text = &*unescape_entities(text);
    let separator = separator(text)?;
    let rows = non_blank(text, separator);
    let header_guess = header_guess(&rows);
    let shown = header_guess.map_or(PREVIEW_ROWS, |h| h + 1 + PREVIEW_ROWS);
    let suggested = match header_guess {
        Some(h) => suggest(&rows, h, separator),
        None => table_start(&rows).and_then(|start| suggest_headerless(&rows, start, separator)),
    };
    Some(CsvPreview {
        separator,
        rows: rows.into_iter().take(shown).collect(),
        header_guess,
        suggested,
    })
}

/// What identifies a bank's layout, the same for each of its exports: the normalised header
/// names, or, without a header, the column count and the separator.
pub fn layout_signature(text: &str) -> Option<String> {
    let text = &*unescape_entities(text);
    let separator = separator(text)?;
    let rows = non_blank(text, separator);
    if let Some(header) = header_guess(&rows).and_then(|h| rows.get(h)) {
        let names: Vec<String> = header
            .fields
            .iter()
            .map(|f| layouts::normalise(f))
            .collect();
        return Some(format!("header:{}", names.join("|")));
    }
    let start = rows.get(table_start(&rows)?)?;
    Some(format!("columns:{}:{separator}", start.fields.len()))
}

/// Reads a text with the user's mapping.
pub fn read_with_mapping(
    text: &str,
    mapping: &ColumnMapping,
    sink: &mut dyn StatementSink,
) -> Result<Format, FileProblem> {
    let rows = non_blank(&unescape_entities(text), mapping.separator);
    if rows.is_empty() {
        return Err(FileProblem::Empty);
    }
    let unknown = || FileProblem::CsvColumnsUnknown {
        header: first_row(&rows),
    };
    let (width, data) = match mapping.header_row {
        Some(h) => {
            let header = rows.get(h).ok_or_else(unknown)?;
            (header.fields.len(), rows.get(h + 1..).unwrap_or_default())
        }
        None => {
            let start = table_start(&rows).and_then(|i| rows.get(i));
            (start.map_or(0, |r| r.fields.len()), &rows[..])
        }
    };
    mapping.check(width).map_err(|_| unknown())?;
    read_rows(data, &mapping.columns(), sink)?;
    Ok(Format::Csv(CsvLayout::Mapped))
}

/// Where the table starts among the leading rows: the first row with the column count most
/// of them have (the larger count on a tie), so that a preamble line is passed over.
pub(super) fn table_start(rows: &[Record]) -> Option<usize> {
    let sample = rows.iter().take(HEADER_SEARCH * 2);
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for row in sample {
        let width = row.fields.len();
        match counts.iter_mut().find(|(w, _)| *w == width) {
            Some((_, n)) => *n += 1,
            None => counts.push((width, 1)),
        }
    }
    let (width, _) = counts.iter().max_by_key(|(w, n)| (*n, *w))?;
    rows.iter().position(|r| r.fields.len() == *width)
}

/// The table's first row when it reads as a header: no date and no amount in it.
fn header_guess(rows: &[Record]) -> Option<usize> {
    let start = table_start(rows)?;
    let row = rows.get(start)?;
    let names_only = row.fields.iter().all(|f| {
        let f = f.trim();
        fields::any_date(f).is_none() && fields::amount(f).is_none()
    });
    names_only.then_some(start)
}

/// A mapping from the header's words, with the date order the rows below it show.
fn suggest(rows: &[Record], header: usize, separator: char) -> Option<ColumnMapping> {
    let names: Vec<String> = rows
        .get(header)?
        .fields
        .iter()
        .map(|f| layouts::normalise(f))
        .collect();
    let mut taken: Vec<usize> = Vec::new();
    let mut pick = |wanted: &dyn Fn(&str) -> bool| -> Option<usize> {
        let index = names
            .iter()
            .enumerate()
            .position(|(i, n)| !taken.contains(&i) && wanted(n))?;
        taken.push(index);
        Some(index)
    };
    let has = |name: &str, words: &[&str]| name.split(' ').any(|w| words.contains(&w));
    let value = ["valeur", "value"];
    let date = pick(&|n| has(n, &["date", "jour"]) && !has(n, &value))?;
    let value_date = pick(&|n| has(n, &["date"]) && has(n, &value));
    let debit = pick(&|n| has(n, &["debit", "debits", "sortie"]));
    let credit = pick(&|n| has(n, &["credit", "credits", "entree"]));
    let amount = match (debit, credit) {
        (Some(debit), Some(credit)) => AmountColumns::DebitCredit { debit, credit },
        _ => AmountColumns::Signed(pick(&|n| has(n, &["montant", "amount", "somme"]))?),
    };
    let label = pick(&|n| {
        has(
            n,
            &[
                "libelle",
                "label",
                "description",
                "intitule",
                "beneficiaire",
                "contrepartie",
                "operation",
            ],
        )
    })?;
    let details = pick(&|n| {
        has(
            n,
            &[
                "detail",
                "details",
                "informations",
                "commentaire",
                "memo",
                "note",
                "motif",
            ],
        )
    });
    let reference = pick(&|n| has(n, &["reference", "ref"]));
    let dates: Vec<&str> = rows
        .iter()
        .skip(header + 1)
        .take(PREVIEW_ROWS)
        .map(|r| r.get(date))
        .collect();
    Some(ColumnMapping {
        separator,
        header_row: Some(header),
        date,
        date_order: date_order(&dates),
        value_date,
        amount,
        label,
        details,
        reference,
    })
}

/// A mapping from the rows' shape when there is no header: the first column whose cells all
/// read as dates, a second one as the value date, the first other column whose cells all
/// read as amounts, and the column with the most text as the label.
fn suggest_headerless(rows: &[Record], start: usize, separator: char) -> Option<ColumnMapping> {
    let sample: Vec<&Record> = rows.iter().skip(start).take(PREVIEW_ROWS).collect();
    let width = sample.first()?.fields.len();
    let is_date = |text: &str| {
        [DateOrder::DayMonthYear, DateOrder::MonthDayYear]
            .into_iter()
            .any(|order| read_date(text, order).is_some())
    };
    let all =
        |column: usize, test: &dyn Fn(&str) -> bool| sample.iter().all(|r| test(r.get(column)));
    let date = (0..width).find(|&c| all(c, &is_date))?;
    let value_date = (date + 1..width).find(|&c| all(c, &is_date));
    let amount = (0..width).find(|&c| {
        c != date && Some(c) != value_date && all(c, &|t| fields::amount(t).is_some())
    })?;
    let label = (0..width)
        .filter(|&c| c != date && c != amount && Some(c) != value_date)
        .max_by_key(|&c| {
            sample
                .iter()
                .map(|r| r.get(c).chars().count())
                .sum::<usize>()
        })?;
    let dates: Vec<&str> = sample.iter().map(|r| r.get(date)).collect();
    Some(ColumnMapping {
        separator,
        header_row: None,
        date,
        date_order: date_order(&dates),
        value_date,
        amount: AmountColumns::Signed(amount),
        label,
        details: None,
        reference: None,
    })
}

/// The order a column's dates are written in: ISO when they read so, the US order only when
/// some date reads in no other (`01/15/2026`), else the French day first.
fn date_order(dates: &[&str]) -> DateOrder {
    let reads = |order| dates.iter().all(|d| read_date(d, order).is_some());
    if !dates.is_empty() && dates.iter().all(|d| fields::iso(d).is_some()) {
        DateOrder::YearMonthDay
    } else if !reads(DateOrder::DayMonthYear) && reads(DateOrder::MonthDayYear) {
        DateOrder::MonthDayYear
    } else {
        DateOrder::DayMonthYear
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words_suggest_a_mapping() {
        // Guards against a bank with plain French headers needing every column picked by hand.
        let text = "Jour;Intitulé de l'opération;Débit;Crédit;Remarque\n\
                    15/01/2026;VIR DUPONT;;1 200,00;FACT 12\n\
                    16/01/2026;CB MONOP;12,30;;\n";
        let preview = preview(text).expect("a CSV");
        assert_eq!(preview.header_guess, Some(0));
        let mapping = preview.suggested.expect("a mapping");
        assert_eq!(mapping.date, 0);
        assert_eq!(mapping.label, 1);
        assert_eq!(
            mapping.amount,
            AmountColumns::DebitCredit {
                debit: 2,
                credit: 3
            }
        );
        assert_eq!(mapping.date_order, DateOrder::DayMonthYear);
    }

    #[test]
    fn rows_without_a_header_suggest_a_mapping_from_their_cells() {
        // Guards against a headerless export (BNP Paribas' kind) offering no mapping at all.
        let text = "02/01/2026;Virement;VIR SEPA DUPONT SARL FACTURE 12;1 200,00\n\
                    03/01/2026;Carte;CB CAFE;-18,50\n";
        let preview = preview(text).expect("a CSV");
        assert_eq!(preview.header_guess, None);
        let mapping = preview.suggested.expect("a mapping");
        assert_eq!(mapping.header_row, None);
        assert_eq!((mapping.date, mapping.label), (0, 2));
        assert_eq!(mapping.amount, AmountColumns::Signed(3));
        assert_eq!(mapping.value_date, None);
    }

    #[test]
    fn us_dates_are_recognised_only_when_no_other_order_fits() {
        // Guards against 01/02/2026 read as the 2nd of January in a French file.
        assert_eq!(
            date_order(&["01/02/2026", "05/03/2026"]),
            DateOrder::DayMonthYear
        );
        assert_eq!(
            date_order(&["01/15/2026", "02/03/2026"]),
            DateOrder::MonthDayYear
        );
        assert_eq!(date_order(&["2026-01-15"]), DateOrder::YearMonthDay);
    }
}
