//! How the stored document is laid out in the browser's database: the snapshot of
//! [`crate::files::snapshot`] cut into records, so that a change writes only the records it
//! touched (recording a payment in a 20 000-invoice ledger rewrites one record of payments,
//! not ten million characters).
//!
//! Records, each a JSON text under its key:
//! - `meta`: `{"format":"encaisse","version":7,"revision":42}`, the envelope of the snapshot;
//! - `ids`: `{"next_id":1234}`, the ledger's id counter, which nearly every change moves;
//! - `rest`: the ledger's object without its large lists and its counter (settings,
//!   reminders, bank...);
//! - `clients/0000`, `invoices/0003`...: the large lists, [`BUCKET`] entities per record in the
//!   list's order (by id, so new entities land in the last record).
//!
//! Reading puts the records back into the one document [`snapshot::decode`] reads, so a
//! stored ledger and a backup go through the same migrations and the same checks. What is
//! written comes from [`records`] or [`changed_records`]; nothing else knows the layout.

use crate::files::snapshot::{self, Snapshot, SnapshotError, CURRENT_VERSION, FORMAT};
use crate::model::bank_book::BankBook;
use crate::model::imports::{ImportRecord, SavedInvoiceColumns};
use crate::model::invoice::Draft;
use crate::model::ledger::Ledger;
use crate::model::reminders::Reminders;
use crate::model::settings::Settings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Entities per record of a large list: small enough that a change rewrites little, large
/// enough that a 20 000-invoice ledger is about a hundred records.
pub const BUCKET: usize = 500;

pub const META_KEY: &str = "meta";
const REST_KEY: &str = "rest";
const IDS_KEY: &str = "ids";

/// One of the large lists: its name in the document and how to read its buckets.
struct List {
    name: &'static str,
    /// How many buckets the list fills.
    buckets: fn(&Ledger) -> usize,
    /// A bucket as JSON text.
    write: fn(&Ledger, usize) -> Option<String>,
    /// Whether two ledgers hold the same bucket (compared, not serialised).
    same: fn(&Ledger, &Ledger, usize) -> bool,
}

macro_rules! list {
    ($name:literal, $field:ident) => {
        List {
            name: $name,
            buckets: |ledger: &Ledger| ledger.$field.len().div_ceil(BUCKET),
            write: |ledger: &Ledger, index: usize| {
                bucket(&ledger.$field, index).map(|items| json(&items))
            },
            same: |a: &Ledger, b: &Ledger, index: usize| {
                bucket(&a.$field, index) == bucket(&b.$field, index)
            },
        }
    };
}

const LISTS: [List; 6] = [
    list!("clients", clients),
    list!("invoices", invoices),
    list!("payments", payments),
    list!("credit_notes", credit_notes),
    list!("disputes", disputes),
    list!("write_offs", write_offs),
];

fn bucket<T>(items: &[T], index: usize) -> Option<&[T]> {
    let start = index * BUCKET;
    (start < items.len()).then(|| &items[start..items.len().min(start + BUCKET)])
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| panic!("a ledger always serialises"))
}

fn bucket_key(list: &str, index: usize) -> String {
    format!("{list}/{index:04}")
}

/// The id counter, a record of its own: recording a payment moves it, and kept in `rest` it
/// rewrote the reminders' log (about a million characters in a large ledger) each time.
#[derive(Serialize)]
struct Ids {
    next_id: u64,
}

fn ids(ledger: &Ledger) -> String {
    json(&Ids {
        next_id: ledger.next_id,
    })
}

/// The ledger's fields outside the large lists and the counter; every field of [`Ledger`] is
/// in one of them (the round-trip test fails otherwise).
#[derive(Serialize)]
struct Rest<'a> {
    drafts: &'a [Draft],
    reminders: &'a Reminders,
    settings: &'a Settings,
    bank: &'a BankBook,
    imports: &'a [ImportRecord],
    invoice_csv_mappings: &'a [SavedInvoiceColumns],
}

fn rest(ledger: &Ledger) -> String {
    json(&Rest {
        drafts: &ledger.drafts,
        reminders: &ledger.reminders,
        settings: &ledger.settings,
        bank: &ledger.bank,
        imports: &ledger.imports,
        invoice_csv_mappings: &ledger.invoice_csv_mappings,
    })
}

/// Compares the fields [`rest`] writes without writing them (the reminders' log alone is
/// close to a million characters in a large ledger).
fn same_rest(a: &Ledger, b: &Ledger) -> bool {
    a.drafts == b.drafts
        && a.reminders == b.reminders
        && a.settings == b.settings
        && a.bank == b.bank
        && a.imports == b.imports
        && a.invoice_csv_mappings == b.invoice_csv_mappings
}

#[derive(Serialize, Deserialize)]
struct Meta {
    format: String,
    version: u32,
    revision: u64,
}

fn meta(revision: u64) -> String {
    json(&Meta {
        format: FORMAT.into(),
        version: CURRENT_VERSION,
        revision,
    })
}

/// The revision a stored `meta` record names; 0 when there is none (nothing stored yet).
pub fn stored_revision(meta: Option<&str>) -> Option<u64> {
    match meta {
        None => Some(0),
        Some(text) => serde_json::from_str::<Meta>(text).ok().map(|m| m.revision),
    }
}

/// Every record of a ledger, as a first write or a replacement writes them.
pub fn records(ledger: &Ledger, revision: u64) -> Vec<(String, String)> {
    let mut out = vec![
        (META_KEY.into(), meta(revision)),
        (IDS_KEY.into(), ids(ledger)),
        (REST_KEY.into(), rest(ledger)),
    ];
    for list in &LISTS {
        out.extend(
            (0..(list.buckets)(ledger)).filter_map(|i| {
                (list.write)(ledger, i).map(|text| (bucket_key(list.name, i), text))
            }),
        );
    }
    out
}

/// What to write to go from the stored `before` to `after`: the records that differ, and
/// the keys of those `after` no longer has.
#[derive(Debug, Default, PartialEq)]
pub struct RecordsChange {
    pub put: Vec<(String, String)>,
    pub delete: Vec<String>,
}

pub fn changed_records(before: &Ledger, after: &Ledger, revision: u64) -> RecordsChange {
    let mut change = RecordsChange {
        put: vec![(META_KEY.into(), meta(revision))],
        delete: Vec::new(),
    };
    if before.next_id != after.next_id {
        change.put.push((IDS_KEY.into(), ids(after)));
    }
    if !same_rest(before, after) {
        change.put.push((REST_KEY.into(), rest(after)));
    }
    // Only the buckets that differ are serialised: a payment in a 20 000-invoice ledger
    // writes one bucket, not ten million characters.
    for list in &LISTS {
        let (before_count, after_count) = ((list.buckets)(before), (list.buckets)(after));
        for index in 0..after_count {
            if !(list.same)(before, after, index) {
                if let Some(text) = (list.write)(after, index) {
                    change.put.push((bucket_key(list.name, index), text));
                }
            }
        }
        change
            .delete
            .extend((after_count..before_count).map(|index| bucket_key(list.name, index)));
    }
    change
}

/// Whether the records are of the layout before the `ids` record (the counter inside `rest`):
/// readable, but a change must rewrite every record, as the counter would otherwise be
/// stored twice.
pub fn needs_rewrite(records: &BTreeMap<String, String>) -> bool {
    records.contains_key(META_KEY) && !records.contains_key(IDS_KEY)
}

/// Puts stored records back into one snapshot document and reads it as a backup would be
/// read. `None` when nothing is stored (no `meta`).
pub fn decode_records(
    records: &BTreeMap<String, String>,
) -> Option<Result<Snapshot, SnapshotError>> {
    let text = document(records)?;
    Some(snapshot::decode(&text))
}

/// The one document the records make, as [`snapshot::decode`] reads it and as the user
/// downloads it when it cannot be read. `None` when nothing is stored.
pub fn document(records: &BTreeMap<String, String>) -> Option<String> {
    let meta = records.get(META_KEY)?;
    let mut text = String::with_capacity(records.values().map(String::len).sum::<usize>() + 64);
    // The envelope without its closing brace, then the ledger.
    text.push_str(meta.trim_end().strip_suffix('}').unwrap_or(meta));
    text.push_str(",\"ledger\":{");
    for List { name, .. } in &LISTS {
        text.push('"');
        text.push_str(name);
        text.push_str("\":[");
        let prefix = format!("{name}/");
        let mut first = true;
        for (_, items) in records
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
        {
            let inner = inner(items, '[', ']');
            if inner.trim().is_empty() {
                continue;
            }
            if !first {
                text.push(',');
            }
            first = false;
            text.push_str(inner);
        }
        text.push_str("],");
    }
    // The counter's record, then the rest (a layout before the `ids` record kept the
    // counter in `rest`); either may be absent from damaged data.
    let small: Vec<&str> = [IDS_KEY, REST_KEY]
        .iter()
        .filter_map(|key| records.get(*key))
        .map(|text| inner(text, '{', '}'))
        .filter(|fields| !fields.trim().is_empty())
        .collect();
    if small.is_empty() {
        text.pop(); // the comma after the last list
    }
    text.push_str(&small.join(","));
    text.push_str("}}");
    Some(text)
}

/// The text between a record's outer brackets. A record that is not bracketed is kept whole,
/// so that the document fails to read where that record's text sits.
fn inner(text: &str, open: char, close: char) -> &str {
    let trimmed = text.trim();
    trimmed
        .strip_prefix(open)
        .and_then(|t| t.strip_suffix(close))
        .unwrap_or(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::demo::{generate, DemoConfig};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    /// A ledger of three buckets of invoices and payments, the last one partly filled.
    fn sample() -> Ledger {
        generate(
            day(),
            DemoConfig {
                clients: 40,
                invoices: 1_300,
                ..DemoConfig::default()
            },
        )
    }

    fn stored(records: Vec<(String, String)>) -> BTreeMap<String, String> {
        records.into_iter().collect()
    }

    fn apply(store: &mut BTreeMap<String, String>, change: RecordsChange) {
        for key in change.delete {
            store.remove(&key);
        }
        store.extend(change.put);
    }

    // Guards against a field of the ledger left out of both the lists and `Rest`: it would be
    // lost at the first write.
    #[test]
    fn the_records_of_a_ledger_read_back_as_the_same_ledger() {
        let ledger = sample();
        let read = decode_records(&stored(records(&ledger, 9)))
            .unwrap()
            .unwrap();
        assert_eq!(read.revision, 9);
        assert_eq!(read.ledger, ledger);
    }

    #[test]
    fn an_empty_ledger_reads_back_empty_and_nothing_stored_is_none() {
        let read = decode_records(&stored(records(&Ledger::default(), 1)))
            .unwrap()
            .unwrap();
        assert_eq!(read.ledger, Ledger::default());
        assert!(decode_records(&BTreeMap::new()).is_none());
        assert_eq!(stored_revision(None), Some(0));
    }

    // Guards against a payment rewriting the whole ledger: only the last bucket of payments
    // and the envelope (its revision) are written.
    #[test]
    fn recording_a_payment_rewrites_only_its_records() {
        let before = sample();
        let mut after = before.clone();
        let position = crate::model::balances::Position::new(&after, day());
        let invoice = after
            .invoices()
            .iter()
            .find(|i| !position.invoice(i.id).open().is_zero())
            .unwrap()
            .id;
        let client = after.invoice(invoice).unwrap().details.client;
        after
            .record_payment(crate::model::payment::PaymentDetails {
                client,
                date: day(),
                amount: rust_decimal::Decimal::ONE,
                method: Default::default(),
                reference: String::new(),
                allocations: vec![crate::model::payment::Allocation {
                    invoice,
                    amount: rust_decimal::Decimal::ONE,
                }],
            })
            .unwrap();
        let change = changed_records(&before, &after, 2);
        let keys: Vec<&str> = change.put.iter().map(|(k, _)| k.as_str()).collect();
        let last = (after.payments().len() - 1) / BUCKET;
        assert!(keys.contains(&META_KEY));
        assert!(
            keys.contains(&bucket_key("payments", last).as_str()),
            "{keys:?}"
        );
        assert_eq!(
            keys.len(),
            3,
            "the envelope, the counter, one bucket: {keys:?}"
        );
        assert!(
            !keys.contains(&REST_KEY),
            "the reminders' log is not rewritten"
        );
        let mut store = stored(records(&before, 1));
        apply(&mut store, change);
        assert_eq!(decode_records(&store).unwrap().unwrap().ledger, after);
    }

    // Guards against a ledger stored before the counter had a record of its own becoming
    // unreadable: it reads as it was, and is marked for a full rewrite.
    #[test]
    fn records_with_the_counter_in_rest_still_read() {
        let ledger = sample();
        let mut store = stored(records(&ledger, 1));
        assert!(!needs_rewrite(&store));
        let counter = store.remove(IDS_KEY).unwrap();
        let rest = store.get_mut(REST_KEY).unwrap();
        *rest = format!("{},{}", inner(&counter, '{', '}'), inner(rest, '{', '}'));
        *rest = format!("{{{rest}}}");
        assert!(needs_rewrite(&store));
        assert_eq!(decode_records(&store).unwrap().unwrap().ledger, ledger);
    }

    // Guards against a shrunk list leaving its former last record behind, which would bring
    // deleted entities back on the next read.
    #[test]
    fn a_list_that_shrinks_deletes_its_emptied_records() {
        let before = sample();
        let mut store = stored(records(&before, 1));
        let change = changed_records(&before, &Ledger::default(), 2);
        assert!(change.delete.iter().any(|k| k.starts_with("invoices/")));
        apply(&mut store, change);
        assert_eq!(
            decode_records(&store).unwrap().unwrap().ledger,
            Ledger::default()
        );
    }

    // Guards against a damaged record being skipped silently: the whole document is refused.
    #[test]
    fn a_damaged_record_makes_the_document_unreadable() {
        let ledger = generate(
            day(),
            DemoConfig {
                clients: 5,
                invoices: 50,
                ..DemoConfig::default()
            },
        );
        let mut store = stored(records(&ledger, 1));
        store.insert(bucket_key("invoices", 0), "[{\"id\":".into());
        assert!(decode_records(&store).unwrap().is_err());
    }
}
