//! An invoicing tool's CSV of invoices: one row per invoice, or (Dolibarr) one row per
//! invoice and payment. There is no shared layout, so the columns are guessed from the
//! header's words in French and English, shown in a preview for the user to correct, and
//! the mapping kept against the layout's [`header_signature`] for the next file.

use super::ImportFileProblem;
use crate::model::imports::{DateOrder, InvoiceColumns};
use crate::values::read::delimited::{guess_separator, records, Record};
use crate::values::read::fields;
use crate::values::text::fold;
use chrono::NaiveDate;

impl DateOrder {
    pub fn read(self, text: &str) -> Option<NaiveDate> {
        match self {
            DateOrder::DayFirst => fields::any_date(text),
            DateOrder::MonthFirst => fields::month_day_year(text)
                .or_else(|| fields::iso(text))
                .or_else(|| {
                    (text.trim().len() == 8)
                        .then(|| fields::compact(text))
                        .flatten()
                }),
        }
    }
}

impl InvoiceColumns {
    fn indices(&self) -> impl Iterator<Item = usize> {
        [self.number, self.client, self.issue_date]
            .into_iter()
            .chain(
                [
                    self.due_date,
                    self.net,
                    self.vat,
                    self.total,
                    self.paid,
                    self.payment_date,
                    self.method,
                    self.siren,
                    self.iban,
                    self.terms,
                ]
                .into_iter()
                .flatten(),
            )
    }
}

/// What the column-mapping screen shows: the file's first rows and the guessed mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvPreview {
    pub separator: char,
    pub header: Vec<String>,
    /// The first rows after the header, trimmed.
    pub rows: Vec<Vec<String>>,
    pub suggested: InvoiceColumns,
}

/// How many rows a preview shows.
pub const PREVIEW_ROWS: usize = 10;

/// The table in the text and a guessed mapping; None when the text has no separated columns.
pub fn preview(text: &str) -> Option<CsvPreview> {
    let table = Table::read(text)?;
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| r.fields.iter().map(|f| f.trim().to_string()).collect())
        .collect();
    let header: Vec<String> = table
        .header
        .fields
        .iter()
        .map(|f| f.trim().to_string())
        .collect();
    let suggested = guess_columns(&header, &table.rows);
    Some(CsvPreview {
        separator: table.separator,
        header,
        rows,
        suggested,
    })
}

/// Identifies a layout: the separator and the header's folded names. Two exports of the
/// same tool share it, so the mapping the user confirmed once applies again.
pub fn header_signature(text: &str) -> String {
    let Some(table) = Table::read(text) else {
        return String::new();
    };
    let names: Vec<String> = table
        .header
        .fields
        .iter()
        .map(|f| fold(&crate::values::text::collapse_spaces(f)))
        .collect();
    format!("{}{}", table.separator, names.join("|"))
}

/// The header and the rows after it, blank rows left out.
pub(crate) struct Table {
    pub separator: char,
    pub header: Record,
    pub rows: Vec<Record>,
}

impl Table {
    pub(crate) fn read(text: &str) -> Option<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let separator = guess_separator(text)?;
        let mut rows = records(text, separator)
            .into_iter()
            .filter(|r| !r.is_blank());
        let header = rows.next().filter(|h| h.fields.len() >= 2)?;
        Some(Table {
            separator,
            header,
            rows: rows.collect(),
        })
    }

    /// Refuses a mapping that names a column the file does not have: it was made for
    /// another layout.
    pub(crate) fn check(&self, columns: &InvoiceColumns) -> Result<(), ImportFileProblem> {
        let count = self.header.fields.len();
        match columns.indices().find(|&i| i >= count) {
            Some(column) => Err(ImportFileProblem::ColumnOutOfRange {
                column,
                columns: count,
            }),
            None if columns.net.is_none() && columns.total.is_none() => {
                Err(ImportFileProblem::NoAmountColumn)
            }
            None => Ok(()),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    PaymentDate,
    DueDate,
    IssueDate,
    Siren,
    Iban,
    Terms,
    Method,
    Paid,
    Net,
    Vat,
    Total,
    Client,
    Number,
}

/// The field a header name most likely means, trying the most specific first: "Date de
/// paiement" is a payment date before it is a date, "Total HT" a net before a total.
fn field_of(name: &str) -> Option<Field> {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |options: &[&str]| words.iter().any(|w| options.contains(w));
    let is_date = has(&["date", "le"]);
    let paid = has(&[
        "paye", "payee", "paid", "regle", "reglee", "encaisse", "received",
    ]);
    // "Date limite de règlement" is a due date before it is a payment date.
    if has(&["echeance", "due", "limite"]) && !has(&["montant", "amount", "reste"]) {
        return Some(Field::DueDate);
    }
    if is_date && (paid || has(&["paiement", "payment", "reglement", "encaissement"])) {
        return Some(Field::PaymentDate);
    }
    if is_date {
        return Some(Field::IssueDate);
    }
    let rules: [(Field, &[&str]); 10] = [
        (Field::Siren, &["siren", "siret"]),
        (Field::Iban, &["iban"]),
        (Field::Terms, &["conditions", "terms", "delai"]),
        (Field::Method, &["mode", "method", "moyen"]),
        (
            Field::Paid,
            &[
                "paye", "payee", "paid", "regle", "reglee", "encaisse", "received",
            ],
        ),
        (
            Field::Net,
            &[
                "ht",
                "net",
                "excl",
                "excluding",
                "hors",
                "subtotal",
                "untaxed",
            ],
        ),
        (Field::Vat, &["tva", "vat", "tax", "taxes"]),
        (
            Field::Total,
            &["ttc", "total", "amount", "montant", "incl", "including"],
        ),
        (
            Field::Client,
            &[
                "client", "customer", "societe", "company", "tiers", "raison", "nom", "name",
            ],
        ),
        (
            Field::Number,
            &[
                "numero",
                "number",
                "num",
                "no",
                "n",
                "ref",
                "reference",
                "invoice",
                "facture",
            ],
        ),
    ];
    rules
        .into_iter()
        .find(|(_, options)| has(options))
        .map(|(field, _)| field)
}

fn guess_columns(header: &[String], rows: &[Record]) -> InvoiceColumns {
    let mut found: Vec<(Field, usize)> = Vec::new();
    for (index, name) in header.iter().enumerate() {
        if let Some(field) = field_of(name) {
            if !found.iter().any(|(f, _)| *f == field) {
                found.push((field, index));
            }
        }
    }
    let get = |field: Field| found.iter().find(|(f, _)| *f == field).map(|&(_, i)| i);
    // A required field no header names takes the first column nothing else took: the
    // preview shows it for the user to correct.
    let mut taken: Vec<usize> = found.iter().map(|&(_, i)| i).collect();
    let mut required = |field: Field| {
        get(field).unwrap_or_else(|| {
            let free = (0..header.len()).find(|i| !taken.contains(i)).unwrap_or(0);
            taken.push(free);
            free
        })
    };
    let number = required(Field::Number);
    let client = required(Field::Client);
    let issue_date = required(Field::IssueDate);
    let date_columns = [
        Some(issue_date),
        get(Field::DueDate),
        get(Field::PaymentDate),
    ];
    InvoiceColumns {
        number,
        client,
        issue_date,
        due_date: get(Field::DueDate),
        net: get(Field::Net),
        vat: get(Field::Vat),
        total: get(Field::Total),
        paid: get(Field::Paid),
        payment_date: get(Field::PaymentDate),
        method: get(Field::Method),
        siren: get(Field::Siren),
        iban: get(Field::Iban),
        terms: get(Field::Terms),
        date_order: guess_date_order(rows, &date_columns),
    }
}

/// Month first only when some date can be nothing else (`02/25/2026`) and none is day
/// first (`25/02/2026`); French tools, the common case, write day first.
fn guess_date_order(rows: &[Record], columns: &[Option<usize>]) -> DateOrder {
    let (mut day_first, mut month_first) = (false, false);
    for row in rows {
        for &column in columns.iter().flatten() {
            let parts: Vec<u32> = row
                .get(column)
                .split(['/', '-', '.'])
                .map(|p| p.parse().unwrap_or(0))
                .collect();
            if let [a, b, _] = parts[..] {
                day_first |= a > 12 && a <= 31;
                month_first |= b > 12 && b <= 31;
            }
        }
    }
    if month_first && !day_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_headers_are_recognised() {
        // Guards against "Total HT" taken for the total, or "Date de paiement" for the
        // invoice's date.
        let fr = preview("N° facture;Client;Date;Échéance;Total HT;TVA;Total TTC;Payé;Date de paiement;SIREN\nF1;A;05/02/2026;07/03/2026;100;20;120;0;;\n").unwrap();
        let c = fr.suggested;
        assert_eq!((c.number, c.client, c.issue_date), (0, 1, 2));
        assert_eq!(c.due_date, Some(3));
        assert_eq!((c.net, c.vat, c.total), (Some(4), Some(5), Some(6)));
        assert_eq!(
            (c.paid, c.payment_date, c.siren),
            (Some(7), Some(8), Some(9))
        );
        let en = preview("Invoice number,Customer,Invoice date,Due date,Amount,Amount paid,Payment date,Payment method\nI1,A,02/25/2026,03/27/2026,10.00,0,,\n").unwrap();
        let c = en.suggested;
        assert_eq!(
            (c.number, c.client, c.issue_date, c.due_date),
            (0, 1, 2, Some(3))
        );
        assert_eq!(
            (c.total, c.paid, c.payment_date),
            (Some(4), Some(5), Some(6))
        );
        assert_eq!(c.method, Some(7));
        assert_eq!(c.date_order, DateOrder::MonthFirst);
    }

    #[test]
    fn signature_ignores_case_accents_and_rows() {
        // Guards against a remembered mapping lost because the next export has other rows.
        assert_eq!(
            header_signature("Numéro;Client\nF1;A\n"),
            header_signature("numero ; CLIENT\nF2;B\nF3;C\n")
        );
        assert_ne!(header_signature("a;b\n"), header_signature("a,b\n"));
    }
}
