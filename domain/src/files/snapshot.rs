//! The stored format: the only module that knows how a ledger is written down.
//!
//! The same envelope is kept in the browser's storage and written to backup files:
//!
//! ```json
//! { "format": "encaisse", "version": 1, "revision": 42, "ledger": { ... } }
//! ```
//!
//! `version` is the schema version (see ARCHITECTURE.md for its history); `revision` counts
//! the writes to storage so that a tab can tell that another tab wrote since it last read.
//! Reading runs the migrations from the file's version up to [`CURRENT_VERSION`] (a document
//! of the current version has none to run and is read straight from its text), then checks
//! every invariant of the ledger, so nothing inconsistent is ever loaded.

use crate::collection::reminder::instalments::{MAX_GRACE_DAYS, MIN_INSTALMENTS};
use crate::files::json_path;
use crate::model::invoice::number_key;
use crate::model::issuer::IssuerForm;
use crate::model::ledger::Ledger;
use crate::model::reminders::ActionKind;
use crate::model::settings::is_plausible_rate;
use crate::values::ids::{ClientId, InvoiceId};
use rust_decimal::Decimal;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

pub const FORMAT: &str = "encaisse";
pub const CURRENT_VERSION: u32 = 7;

/// Each migration turns a document of version `n + 1` (its index + 1) into version `n + 2`.
/// Append one when the schema changes, with a fixture in tests/fixtures/storage/.
type Migration = fn(&mut Value) -> Result<(), SnapshotError>;
const MIGRATIONS: [Migration; (CURRENT_VERSION - 1) as usize] =
    [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// The document's ledger, as an object a migration can change.
fn ledger_object(
    document: &mut Value,
) -> Result<&mut serde_json::Map<String, Value>, SnapshotError> {
    document
        .get_mut("ledger")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| SnapshotError::Invalid {
            path: "ledger".into(),
            detail: "expected an object".into(),
        })
}

/// Version 2 adds the settings (rate corrections, penalty rules, aging buckets), a
/// contractual late-payment rate on clients and invoices, and invoices' formal-notice date.
/// Written as literal JSON, never from today's types, so that it keeps producing version 2.
fn v1_to_v2(document: &mut Value) -> Result<(), SnapshotError> {
    let ledger = ledger_object(document)?;
    ledger.insert(
        "settings".into(),
        serde_json::json!({
            "rate_overrides": [],
            "penalties": { "half_year_rule": "split", "waive_indemnity": false },
            "aging_bounds": [30, 60, 90]
        }),
    );
    for (list, add_notice) in [("clients", false), ("invoices", true)] {
        let Some(items) = ledger.get_mut(list).and_then(Value::as_array_mut) else {
            continue;
        };
        for (index, item) in items.iter_mut().enumerate() {
            let invalid = || SnapshotError::Invalid {
                path: format!("ledger.{list}[{index}]"),
                detail: "expected an object with details".into(),
            };
            let entity = item.as_object_mut().ok_or_else(invalid)?;
            if add_notice {
                entity.insert("formal_notice".into(), Value::Null);
            }
            let details = entity
                .get_mut("details")
                .and_then(Value::as_object_mut)
                .ok_or_else(invalid)?;
            details.insert("contractual_rate".into(), Value::Null);
        }
    }
    Ok(())
}

/// Version 3 adds the dashboard's settings: DSO period and disputed invoices, cash alert,
/// cost of late payment.
fn v2_to_v3(document: &mut Value) -> Result<(), SnapshotError> {
    let settings = document
        .get_mut("ledger")
        .and_then(|ledger| ledger.get_mut("settings"))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| SnapshotError::Invalid {
            path: "ledger.settings".into(),
            detail: "expected an object".into(),
        })?;
    settings.insert(
        "kpi".into(),
        serde_json::json!({
            "dso_period": 3,
            "dso_counts_disputed": true,
            "cash_alert": null,
            "cash_alert_weeks": 4,
            "financing_rate": "6",
            "chasing_hours": "3.5",
            "hourly_cost": null
        }),
    );
    Ok(())
}

/// Version 4 adds credit control: invoices being prepared (`drafts`) and each client's
/// blocks (`credit_holds`).
fn v3_to_v4(document: &mut Value) -> Result<(), SnapshotError> {
    let ledger = ledger_object(document)?;
    ledger.insert("drafts".into(), Value::Array(Vec::new()));
    if let Some(clients) = ledger.get_mut("clients").and_then(Value::as_array_mut) {
        for (index, client) in clients.iter_mut().enumerate() {
            client
                .as_object_mut()
                .ok_or_else(|| SnapshotError::Invalid {
                    path: format!("ledger.clients[{index}]"),
                    detail: "expected an object".into(),
                })?
                .insert("credit_holds".into(), Value::Array(Vec::new()));
        }
    }
    Ok(())
}

/// What version 5 adds to a ledger: the default French reminder plan and nothing done yet.
/// Literal text rather than a `json!` value: the macro's code cost 4.7 KB in every wasm.
const V5_REMINDERS: &str = r#"{"plan":{"levels":[
{"offset_days":-5,"channel":"email","tone":"courteous","subject":"","body":""},
{"offset_days":1,"channel":"email","tone":"first_reminder","subject":"","body":""},
{"offset_days":15,"channel":"email","tone":"second_reminder","subject":"","body":""},
{"offset_days":30,"channel":"letter","tone":"formal_notice","subject":"","body":""},
{"offset_days":45,"channel":"letter","tone":"final_notice","subject":"","body":""}]},
"client_plans":[],"log":[],"promises":[],"payment_plans":[],"litigations":[]}"#;

/// What version 5 adds to the settings: an issuer not filled in yet.
const V5_ISSUER: &str = r#"{"name":"","registration":"",
"address":{"line1":"","line2":"","postal_code":"","city":"","country":""},
"email":"","phone":"","iban":"","bic":"","default_terms":{"kind":"net","days":30},
"late_clause":""}"#;

/// Version 5 adds collection: the reminder plan and what was done to collect
/// (`ledger.reminders`), and who sends the letters (`settings.issuer`).
fn v4_to_v5(document: &mut Value) -> Result<(), SnapshotError> {
    let literal = |text: &str| serde_json::from_str::<Value>(text).unwrap_or_default();
    let ledger = ledger_object(document)?;
    ledger.insert("reminders".into(), literal(V5_REMINDERS));
    let settings = ledger
        .get_mut("settings")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| SnapshotError::Invalid {
            path: "ledger.settings".into(),
            detail: "expected an object".into(),
        })?;
    settings.insert("issuer".into(), literal(V5_ISSUER));
    Ok(())
}

/// What version 6 adds: no bank account or statement line yet.
const V6_BANK: &str = r#"{"accounts":[],"statements":[],"lines":[]}"#;

/// Version 6 adds the bank side (`ledger.bank`): accounts, imported statements and their
/// lines, each open, reconciled with a payment or set aside.
fn v5_to_v6(document: &mut Value) -> Result<(), SnapshotError> {
    let literal = serde_json::from_str::<Value>(V6_BANK).unwrap_or_default();
    ledger_object(document)?.insert("bank".into(), literal);
    Ok(())
}

/// Version 7 adds the CSV column mappings the user names once per bank layout
/// (`ledger.bank.csv_mappings`), the record of each import of invoices, clients and
/// payments (`ledger.imports`) and the columns named for invoicing tools' CSV layouts
/// (`ledger.invoice_csv_mappings`): none yet. Bank line statuses are stored externally tagged.
fn v6_to_v7(document: &mut Value) -> Result<(), SnapshotError> {
    let ledger = ledger_object(document)?;
    ledger.insert("imports".into(), Value::Array(Vec::new()));
    ledger.insert("invoice_csv_mappings".into(), Value::Array(Vec::new()));
    let bank = ledger
        .get_mut("bank")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| SnapshotError::Invalid {
            path: "ledger.bank".into(),
            detail: "expected an object".into(),
        })?;
    bank.insert("csv_mappings".into(), Value::Array(Vec::new()));
    // Line statuses lose their `kind` field for the variant's name as the key.
    let lines = bank
        .get_mut("lines")
        .and_then(Value::as_array_mut)
        .map_or(&mut [][..], Vec::as_mut_slice);
    for (index, line) in lines.iter_mut().enumerate() {
        let path = || format!("ledger.bank.lines[{index}].status");
        let status = line
            .get_mut("status")
            .and_then(Value::as_object_mut)
            .ok_or_else(|| SnapshotError::Invalid {
                path: path(),
                detail: "expected an object".into(),
            })?;
        let kind = match status.remove("kind") {
            Some(Value::String(kind)) => kind,
            _ => {
                return Err(SnapshotError::Invalid {
                    path: path(),
                    detail: "expected a kind".into(),
                })
            }
        };
        let rewritten = if status.is_empty() {
            Value::String(kind)
        } else {
            let mut tagged = serde_json::Map::new();
            tagged.insert(kind, Value::Object(std::mem::take(status)));
            Value::Object(tagged)
        };
        line["status"] = rewritten;
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub revision: u64,
    pub ledger: Ledger,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not JSON at all (a truncated write, another file).
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not an Encaisse document.
    NotEncaisse,
    /// Written by a newer Encaisse: refuse rather than lose what this one does not know.
    NewerVersion {
        found: u64,
    },
    BadVersion,
    /// A value of the wrong shape, at a JSON path such as `ledger.invoices[3].issue_date`.
    Invalid {
        path: String,
        detail: String,
    },
    /// Well-formed, but inconsistent, at a path such as `ledger.payments[2]`.
    Inconsistent {
        path: String,
        problem: Inconsistency,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inconsistency {
    DuplicateId(u64),
    IdAboveCounter(u64),
    NotSortedById,
    UnknownClient(ClientId),
    UnknownInvoice(InvoiceId),
    InvoiceOfAnotherClient(InvoiceId),
    DuplicateNumber(String),
    NotPositive,
    AllocationsExceedPayment,
    CreditNotesExceedInvoice,
    /// A reminder plan the editor would refuse (offsets not increasing, too many levels...).
    InvalidPlan,
    /// Issuer settings the settings form would refuse (a bad IBAN, SIREN...).
    InvalidIssuer,
    /// A payment plan whose instalments are too few, not dated in order or not positive, or
    /// whose grace period or cancellation makes no sense.
    InvalidPaymentPlan,
    /// Dates that contradict each other: a promise due before it was made, a snooze ending
    /// before it began, a litigation closed before it was opened.
    DatesOutOfOrder,
    /// An instalment reminder naming a payment plan or an instalment that does not exist.
    UnknownInstalment,
    /// A client's own plan listed twice or out of order.
    ClientPlansNotSorted,
    /// A client's blocks out of order: lifted before they began, or a new one while the
    /// previous one was still in force.
    HoldsOverlap,
    /// A rate correction outside -10 %..100 %: a typing error, not a published rate.
    RateOutOfRange,
    /// Two corrections of the same half-year.
    DuplicateHalfYear,
    /// A dashboard setting outside its range (alert weeks 1–13, rates 0–100 %, hours 0–100).
    KpiSettingOutOfRange,
    /// A bank line or statement naming an account or statement that does not exist.
    UnknownBankRecord,
    /// A bank line reconciled with a payment that does not exist, of another amount, or
    /// already the record of another line; or two lines of an account with one import key.
    BankLineMismatch,
    /// A CSV column mapping the form would refuse, or a second one for the same layout.
    CsvMappingInvalid,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    version: u32,
    revision: u64,
    ledger: &'a Ledger,
}

/// The compact form kept in storage.
pub fn to_storage(ledger: &Ledger, revision: u64) -> String {
    serde_json::to_string(&Envelope {
        format: FORMAT,
        version: CURRENT_VERSION,
        revision,
        ledger,
    })
    .unwrap_or_else(|_| panic!("a ledger always serialises"))
}

/// The indented form written to backup files, meant to be read by people and other tools.
pub fn to_backup(ledger: &Ledger) -> String {
    indent_json(
        &serde_json::to_string(&Envelope {
            format: FORMAT,
            version: CURRENT_VERSION,
            revision: 0,
            ledger,
        })
        .unwrap_or_else(|_| panic!("a ledger always serialises")),
    )
}

/// Indents compact JSON as `serde_json::to_string_pretty` does (two spaces, `"key": value`,
/// `[]` and `{}` when empty). Serialising the ledger a second, pretty way would compile every
/// entity's serialiser twice into the wasm bundle; re-indenting the compact text does not.
fn indent_json(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let closing = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&closing) {
                    out.push(closing);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// Reads a stored value or a backup file, of any version this build knows.
///
/// A document of the current version is read straight from its text into the types; an
/// older one is parsed into a `Value`, migrated, written back to text and read the same way,
/// so that every type has one deserialiser in the wasm bundle (a second one, from `Value`,
/// cost 56 KB gzipped). A value that does not read is named by its place in the text that was
/// read: for a migrated document the rewritten one, whose paths are the current version's.
pub fn decode(text: &str) -> Result<Snapshot, SnapshotError> {
    let header = read_header(text)?;
    if header.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(SnapshotError::NotEncaisse);
    }
    let version = header
        .version
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or(SnapshotError::BadVersion)?;
    if version > u64::from(CURRENT_VERSION) {
        return Err(SnapshotError::NewerVersion { found: version });
    }
    if version == 0 {
        return Err(SnapshotError::BadVersion);
    }
    if !header.has_ledger {
        return Err(SnapshotError::Invalid {
            path: "ledger".into(),
            detail: "missing field `ledger`".into(),
        });
    }
    let revision = header
        .revision
        .as_ref()
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let ledger = if version == u64::from(CURRENT_VERSION) {
        read_ledger(text)?
    } else {
        let mut document: Value = serde_json::from_str(text).map_err(not_json)?;
        for migration in &MIGRATIONS[(version - 1) as usize..] {
            migration(&mut document)?;
        }
        let migrated = serde_json::to_string(&document)
            .unwrap_or_else(|_| panic!("a JSON value always serialises"));
        read_ledger(&migrated)?
    };
    check_consistency(&ledger)?;
    Ok(Snapshot { revision, ledger })
}

fn not_json(error: serde_json::Error) -> SnapshotError {
    SnapshotError::NotJson {
        line: error.line(),
        column: error.column(),
    }
}

/// The envelope without its ledger: what tells how to read the rest.
#[derive(Default)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
    revision: Option<Value>,
    has_ledger: bool,
}

/// Reads the envelope in one pass that checks the whole text is JSON and skips the ledger
/// without building anything of it. The header's values are read as `Value`s, whose reader
/// the migrations need anyway and which take any JSON: the pass fails only on text that is
/// not JSON.
fn read_header(text: &str) -> Result<Header, SnapshotError> {
    // Anything but an object is not an Encaisse document, once it is known to be JSON.
    if !text.trim_start().starts_with('{') {
        serde_json::from_str::<IgnoredAny>(text).map_err(not_json)?;
        return Err(SnapshotError::NotEncaisse);
    }
    serde_json::from_str(text).map_err(not_json)
}

impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(HeaderVisitor)
    }
}

struct HeaderVisitor;

impl<'de> Visitor<'de> for HeaderVisitor {
    type Value = Header;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Header, A::Error> {
        let mut header = Header::default();
        // A repeated key of the header counts once, the last, as when the whole document was
        // read as a `Value`.
        while let Some(key) = fields.next_key::<String>()? {
            match key.as_str() {
                "format" => header.format = Some(fields.next_value()?),
                "version" => header.version = Some(fields.next_value()?),
                "revision" => header.revision = Some(fields.next_value()?),
                other => {
                    header.has_ledger |= other == "ledger";
                    fields.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(header)
    }
}

/// The envelope as the typed read sees it: its other fields were read with the header.
#[derive(Deserialize)]
struct StoredLedger {
    ledger: Ledger,
}

/// Reads the ledger of a document of the current version; a value that does not read is
/// named by its JSON path (`ledger.invoices[3].details.issue_date`), found from the position
/// serde_json stopped at, with serde_json's message without that position.
fn read_ledger(text: &str) -> Result<Ledger, SnapshotError> {
    serde_json::from_str::<StoredLedger>(text)
        .map(|stored| stored.ledger)
        .map_err(|error| {
            let message = error.to_string();
            let position = format!(" at line {} column {}", error.line(), error.column());
            SnapshotError::Invalid {
                path: json_path::path_at(text, error.line(), error.column()),
                detail: message.strip_suffix(&position).unwrap_or(&message).into(),
            }
        })
}

fn inconsistent(path: String, problem: Inconsistency) -> SnapshotError {
    SnapshotError::Inconsistent { path, problem }
}

/// Checks the invariants listed in `ledger.rs` on a ledger read from outside.
fn check_consistency(ledger: &Ledger) -> Result<(), SnapshotError> {
    let mut ids = HashSet::new();
    let mut check_ids = |list: &str, items: Vec<u64>| -> Result<(), SnapshotError> {
        for (index, id) in items.iter().enumerate() {
            let path = format!("ledger.{list}[{index}]");
            if !ids.insert(*id) {
                return Err(inconsistent(path, Inconsistency::DuplicateId(*id)));
            }
            if *id > ledger.next_id {
                return Err(inconsistent(path, Inconsistency::IdAboveCounter(*id)));
            }
            if index > 0 && items[index - 1] > *id {
                return Err(inconsistent(path, Inconsistency::NotSortedById));
            }
        }
        Ok(())
    };
    check_ids("clients", ledger.clients.iter().map(|c| c.id.0).collect())?;
    check_ids("invoices", ledger.invoices.iter().map(|i| i.id.0).collect())?;
    check_ids("payments", ledger.payments.iter().map(|p| p.id.0).collect())?;
    check_ids(
        "credit_notes",
        ledger.credit_notes.iter().map(|c| c.id.0).collect(),
    )?;
    check_ids("disputes", ledger.disputes.iter().map(|d| d.id.0).collect())?;
    check_ids(
        "write_offs",
        ledger.write_offs.iter().map(|w| w.id.0).collect(),
    )?;
    check_ids("drafts", ledger.drafts.iter().map(|d| d.id.0).collect())?;
    let reminders = &ledger.reminders;
    check_ids(
        "reminders.log",
        reminders.log.iter().map(|a| a.id.0).collect(),
    )?;
    check_ids(
        "reminders.promises",
        reminders.promises.iter().map(|p| p.id.0).collect(),
    )?;
    check_ids(
        "reminders.payment_plans",
        reminders.payment_plans.iter().map(|p| p.id.0).collect(),
    )?;
    check_ids(
        "reminders.litigations",
        reminders.litigations.iter().map(|l| l.id.0).collect(),
    )?;
    check_reminders(ledger)?;
    check_bank(ledger, &mut check_ids)?;
    for (index, client) in ledger.clients.iter().enumerate() {
        let path = |hold: usize| format!("ledger.clients[{index}].credit_holds[{hold}]");
        for (at, hold) in client.credit_holds.iter().enumerate() {
            let lifted_before_next = client
                .credit_holds
                .get(at + 1)
                .is_none_or(|next| hold.lifted_on.is_some_and(|l| l <= next.blocked_on));
            if hold.lifted_on.is_some_and(|l| l < hold.blocked_on) || !lifted_before_next {
                return Err(inconsistent(path(at), Inconsistency::HoldsOverlap));
            }
        }
    }
    for (index, draft) in ledger.drafts.iter().enumerate() {
        let path = format!("ledger.drafts[{index}]");
        if ledger.client(draft.details.client).is_none() {
            return Err(inconsistent(
                path,
                Inconsistency::UnknownClient(draft.details.client),
            ));
        }
        if draft.details.net <= Decimal::ZERO || draft.details.vat < Decimal::ZERO {
            return Err(inconsistent(path, Inconsistency::NotPositive));
        }
    }

    let mut numbers = HashSet::new();
    for (index, invoice) in ledger.invoices.iter().enumerate() {
        let path = format!("ledger.invoices[{index}]");
        if ledger.client(invoice.details.client).is_none() {
            return Err(inconsistent(
                path,
                Inconsistency::UnknownClient(invoice.details.client),
            ));
        }
        if !numbers.insert(number_key(&invoice.details.number)) {
            return Err(inconsistent(
                path,
                Inconsistency::DuplicateNumber(invoice.details.number.clone()),
            ));
        }
        if invoice.details.net <= Decimal::ZERO || invoice.details.vat < Decimal::ZERO {
            return Err(inconsistent(path, Inconsistency::NotPositive));
        }
    }
    for (index, payment) in ledger.payments.iter().enumerate() {
        let path = format!("ledger.payments[{index}]");
        if ledger.client(payment.details.client).is_none() {
            return Err(inconsistent(
                path,
                Inconsistency::UnknownClient(payment.details.client),
            ));
        }
        if payment.details.amount <= Decimal::ZERO
            || payment
                .details
                .allocations
                .iter()
                .any(|a| a.amount <= Decimal::ZERO)
        {
            return Err(inconsistent(path, Inconsistency::NotPositive));
        }
        if payment.unallocated() < Decimal::ZERO {
            return Err(inconsistent(path, Inconsistency::AllocationsExceedPayment));
        }
        for allocation in &payment.details.allocations {
            match ledger.invoice(allocation.invoice) {
                None => {
                    return Err(inconsistent(
                        path,
                        Inconsistency::UnknownInvoice(allocation.invoice),
                    ))
                }
                Some(i) if i.details.client != payment.details.client => {
                    return Err(inconsistent(
                        path,
                        Inconsistency::InvoiceOfAnotherClient(allocation.invoice),
                    ))
                }
                Some(_) => {}
            }
        }
    }
    let mut credited: HashMap<InvoiceId, Decimal> = HashMap::new();
    for (index, note) in ledger.credit_notes.iter().enumerate() {
        let path = format!("ledger.credit_notes[{index}]");
        let invoice = ledger.invoice(note.invoice).ok_or_else(|| {
            inconsistent(path.clone(), Inconsistency::UnknownInvoice(note.invoice))
        })?;
        if note.amount <= Decimal::ZERO {
            return Err(inconsistent(path, Inconsistency::NotPositive));
        }
        let sum = credited.entry(note.invoice).or_default();
        *sum += note.amount;
        if *sum > invoice.total() {
            return Err(inconsistent(path, Inconsistency::CreditNotesExceedInvoice));
        }
    }
    for (index, dispute) in ledger.disputes.iter().enumerate() {
        if ledger.invoice(dispute.invoice).is_none() {
            return Err(inconsistent(
                format!("ledger.disputes[{index}]"),
                Inconsistency::UnknownInvoice(dispute.invoice),
            ));
        }
    }
    let mut half_years = HashSet::new();
    for (index, correction) in ledger.settings.rate_overrides.iter().enumerate() {
        let path = format!("ledger.settings.rate_overrides[{index}]");
        if !half_years.insert(correction.half_year) {
            return Err(inconsistent(path, Inconsistency::DuplicateHalfYear));
        }
        let rates = correction.rates;
        let legal = rates
            .legal
            .map_or(vec![], |l| vec![l.individual_creditor, l.other_creditor]);
        if !rates.ecb.into_iter().chain(legal).all(is_plausible_rate) {
            return Err(inconsistent(path, Inconsistency::RateOutOfRange));
        }
    }
    if !ledger.settings.kpi.is_valid() {
        return Err(inconsistent(
            "ledger.settings.kpi".into(),
            Inconsistency::KpiSettingOutOfRange,
        ));
    }
    for (index, write_off) in ledger.write_offs.iter().enumerate() {
        let path = format!("ledger.write_offs[{index}]");
        if ledger.invoice(write_off.invoice).is_none() {
            return Err(inconsistent(
                path,
                Inconsistency::UnknownInvoice(write_off.invoice),
            ));
        }
        if write_off.amount <= Decimal::ZERO {
            return Err(inconsistent(path, Inconsistency::NotPositive));
        }
    }
    Ok(())
}

/// Checks the bank side: accounts, statements and lines exist where they are named, each
/// line's key is unique in its account, and a reconciled line's payment exists, is of the
/// line's amount and records no other line.
/// Checks that a list's ids are unique and below the ledger's counter (see `check`).
type CheckIds<'a> = dyn FnMut(&str, Vec<u64>) -> Result<(), SnapshotError> + 'a;

fn check_bank(ledger: &Ledger, check_ids: &mut CheckIds<'_>) -> Result<(), SnapshotError> {
    let bank = ledger.bank();
    check_ids(
        "bank.accounts",
        bank.accounts().iter().map(|a| a.id.0).collect(),
    )?;
    check_ids(
        "bank.statements",
        bank.statements().iter().map(|s| s.id.0).collect(),
    )?;
    check_ids("bank.lines", bank.lines().iter().map(|l| l.id.0).collect())?;
    for (index, statement) in bank.statements().iter().enumerate() {
        if bank.account(statement.account).is_none() || statement.first_date > statement.last_date {
            return Err(inconsistent(
                format!("ledger.bank.statements[{index}]"),
                Inconsistency::UnknownBankRecord,
            ));
        }
    }
    let statements: HashSet<_> = bank
        .statements()
        .iter()
        .map(|s| (s.id, s.account))
        .collect();
    let mut keys = HashSet::new();
    let mut linked = HashSet::new();
    for (index, line) in bank.lines().iter().enumerate() {
        let path = format!("ledger.bank.lines[{index}]");
        if !statements.contains(&(line.statement, line.account)) {
            return Err(inconsistent(path, Inconsistency::UnknownBankRecord));
        }
        if line.line.amount.abs() > crate::values::money::MAX_AMOUNT || line.line.amount.scale() > 2
        {
            return Err(inconsistent(path, Inconsistency::NotPositive));
        }
        let unique_key = keys.insert((line.account, line.key.as_str()));
        let payment_fits = line.payment().is_none_or(|payment| {
            linked.insert(payment)
                && ledger
                    .payment(payment)
                    .is_some_and(|p| p.details.amount == line.line.amount)
        });
        if !unique_key || !payment_fits {
            return Err(inconsistent(path, Inconsistency::BankLineMismatch));
        }
    }
    let mut invoice_layouts = HashSet::new();
    for (index, saved) in ledger.invoice_csv_mappings.iter().enumerate() {
        if !invoice_layouts.insert(saved.signature.as_str()) {
            return Err(inconsistent(
                format!("ledger.invoice_csv_mappings[{index}]"),
                Inconsistency::CsvMappingInvalid,
            ));
        }
    }
    // A mapping the form would refuse (one column for two roles, an unknown separator), or a
    // second one for the same layout, would read statements wrongly without asking.
    let mut signatures = HashSet::new();
    for (index, saved) in bank.csv_mappings().iter().enumerate() {
        if !signatures.insert(saved.signature.as_str()) || saved.mapping.check(usize::MAX).is_err()
        {
            return Err(inconsistent(
                format!("ledger.bank.csv_mappings[{index}]"),
                Inconsistency::CsvMappingInvalid,
            ));
        }
    }
    Ok(())
}

/// Checks what was done to collect: every client and invoice named exists and belongs
/// together, the plans and the issuer are what their forms would accept, payment plans are
/// dated in order with positive amounts.
fn check_reminders(ledger: &Ledger) -> Result<(), SnapshotError> {
    let reminders = &ledger.reminders;
    let invoices_of = |path: String,
                       client: ClientId,
                       invoices: &mut dyn Iterator<Item = InvoiceId>|
     -> Result<(), SnapshotError> {
        if ledger.client(client).is_none() {
            return Err(inconsistent(path, Inconsistency::UnknownClient(client)));
        }
        for id in invoices {
            match ledger.invoice(id) {
                None => return Err(inconsistent(path, Inconsistency::UnknownInvoice(id))),
                Some(i) if i.details.client != client => {
                    return Err(inconsistent(
                        path,
                        Inconsistency::InvoiceOfAnotherClient(id),
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    };
    if reminders.plan.validate().is_err() {
        return Err(inconsistent(
            "ledger.reminders.plan".into(),
            Inconsistency::InvalidPlan,
        ));
    }
    for (index, own) in reminders.client_plans.iter().enumerate() {
        let path = format!("ledger.reminders.client_plans[{index}]");
        if index > 0 && reminders.client_plans[index - 1].client >= own.client {
            return Err(inconsistent(path, Inconsistency::ClientPlansNotSorted));
        }
        invoices_of(path.clone(), own.client, &mut std::iter::empty())?;
        if own.plan.validate().is_err() {
            return Err(inconsistent(path, Inconsistency::InvalidPlan));
        }
    }
    for (index, action) in reminders.log.iter().enumerate() {
        let path = format!("ledger.reminders.log[{index}]");
        let mut invoices = action.kind.invoice_levels().iter().map(|l| l.invoice);
        invoices_of(path.clone(), action.client, &mut invoices)?;
        match &action.kind {
            ActionKind::Snoozed { until } if *until <= action.date => {
                return Err(inconsistent(path, Inconsistency::DatesOutOfOrder));
            }
            ActionKind::InstalmentReminded {
                plan, instalment, ..
            } => {
                let exists = reminders.payment_plans.iter().any(|p| {
                    p.id == *plan
                        && p.client == action.client
                        && usize::from(*instalment) < p.instalments.len()
                });
                if !exists {
                    return Err(inconsistent(path, Inconsistency::UnknownInstalment));
                }
            }
            _ => {}
        }
    }
    for (index, promise) in reminders.promises.iter().enumerate() {
        let path = format!("ledger.reminders.promises[{index}]");
        invoices_of(path.clone(), promise.client, &mut std::iter::empty())?;
        if promise.amount.is_some_and(|a| a <= Decimal::ZERO) {
            return Err(inconsistent(path, Inconsistency::NotPositive));
        }
        if promise.promised_for < promise.made_on {
            return Err(inconsistent(path, Inconsistency::DatesOutOfOrder));
        }
    }
    for (index, plan) in reminders.payment_plans.iter().enumerate() {
        let path = format!("ledger.reminders.payment_plans[{index}]");
        invoices_of(
            path.clone(),
            plan.client,
            &mut plan.invoices.iter().copied(),
        )?;
        let in_order = plan.instalments.windows(2).all(|w| w[0].date < w[1].date);
        let positive = plan.instalments.iter().all(|i| i.amount > Decimal::ZERO);
        let sensible = plan.instalments.len() >= MIN_INSTALMENTS
            && plan.grace_days <= MAX_GRACE_DAYS
            && plan.cancelled_on.is_none_or(|on| on >= plan.created_on);
        if !in_order || !positive || !sensible {
            return Err(inconsistent(path, Inconsistency::InvalidPaymentPlan));
        }
    }
    for (index, litigation) in reminders.litigations.iter().enumerate() {
        let path = format!("ledger.reminders.litigations[{index}]");
        invoices_of(
            path.clone(),
            litigation.client,
            &mut litigation.invoices.iter().copied(),
        )?;
        if litigation.closed_on.is_some_and(|on| on < litigation.date) {
            return Err(inconsistent(path, Inconsistency::DatesOutOfOrder));
        }
    }
    if IssuerForm::from_issuer(&ledger.settings.issuer)
        .validate()
        .is_err()
    {
        return Err(inconsistent(
            "ledger.settings.issuer".into(),
            Inconsistency::InvalidIssuer,
        ));
    }
    Ok(())
}
