//! What an import would do, decided row by row against the ledger before anything changes:
//! which clients are new and which are matched, which invoices, credit notes and payments
//! are created, which are already there (a second import of the same file adds nothing),
//! and which rows are refused and why.
//!
//! Every record the plan creates passes the checks the forms make, and the plan tracks what
//! each invoice has open, so that [`super::apply::apply`] records it without a refusal.

use super::fec::{self, FecLine};
use super::invoices_csv::Table;
use super::{ImportFileProblem, Refusal, RefusedLine};
use crate::model::client::{ClientDetails, ClientForm, ClientKind};
use crate::model::imports::InvoiceColumns;
use crate::model::invoice::{number_key, same_number, InvoiceForm, NUMBER_MAX};
use crate::model::ledger::Ledger;
use crate::model::payment::PaymentMethod;
use crate::model::terms::read_terms;
use crate::model::terms::PaymentTerms;
use crate::values::ids::{ClientId, CreditNoteId, InvoiceId, PaymentId};
use crate::values::money::{parse_positive_amount, MAX_AMOUNT};
use crate::values::problem::Problem;
use crate::values::read::delimited::Record;
use crate::values::read::fields;
use crate::values::sorting::sort_by_key;
use crate::values::text::collapse_spaces;
use crate::values::text::{fold, same_folded};
use crate::values::validate::compact;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// A client the import creates, with the key the file knows it by (an FEC auxiliary
/// account, a SIREN, a name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewClient {
    pub key: String,
    pub line: usize,
    pub details: ClientDetails,
}

/// A client of the file found in the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchedClient {
    pub key: String,
    pub id: ClientId,
}

/// A client either already in the ledger or the plan's new client at that index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClientRef {
    Existing(ClientId),
    New(usize),
}

/// An invoice either already in the ledger or the plan's new invoice at that index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvoiceRef {
    Existing(InvoiceId),
    New(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvoice {
    pub line: usize,
    pub client: ClientRef,
    pub number: String,
    pub issue_date: NaiveDate,
    pub terms: PaymentTerms,
    pub net: Decimal,
    pub vat: Decimal,
    pub description: String,
}

impl NewInvoice {
    pub fn total(&self) -> Decimal {
        self.net + self.vat
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCreditNote {
    pub line: usize,
    pub invoice: InvoiceRef,
    pub number: String,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub reason: String,
}

/// A payment's part that settles one of the plan's new invoices (by index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAllocation {
    pub invoice: usize,
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPayment {
    pub line: usize,
    pub client: ClientRef,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub method: PaymentMethod,
    pub reference: String,
    /// What it settles; the rest is the client's credit.
    pub allocations: Vec<NewAllocation>,
}

/// A row whose record the ledger already has: skipped and counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Existing<T> {
    pub line: usize,
    pub id: T,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Kept in the import's record so the user can tell imports apart; the caller sets it.
    pub file_name: Option<String>,
    pub new_clients: Vec<NewClient>,
    pub existing_clients: Vec<MatchedClient>,
    pub new_invoices: Vec<NewInvoice>,
    pub existing_invoices: Vec<Existing<InvoiceId>>,
    pub credit_notes: Vec<NewCreditNote>,
    pub existing_credit_notes: Vec<Existing<CreditNoteId>>,
    pub payments: Vec<NewPayment>,
    pub existing_payments: Vec<Existing<PaymentId>>,
    pub refused: Vec<RefusedLine>,
}

/// The figures a preview screen shows before the user confirms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub new_clients: usize,
    pub existing_clients: usize,
    pub new_invoices: usize,
    pub invoices_total: Decimal,
    pub existing_invoices: usize,
    pub credit_notes: usize,
    pub credit_notes_total: Decimal,
    pub existing_credit_notes: usize,
    pub payments: usize,
    pub payments_total: Decimal,
    /// The part of the payments that settles the new invoices; the rest is clients' credit.
    pub allocated_total: Decimal,
    pub existing_payments: usize,
    pub refused: usize,
}

impl ImportPlan {
    /// Whether confirming would change nothing: the file was already imported, or nothing
    /// in it could be.
    pub fn creates_nothing(&self) -> bool {
        self.new_clients.is_empty()
            && self.new_invoices.is_empty()
            && self.credit_notes.is_empty()
            && self.payments.is_empty()
    }

    pub fn summary(&self) -> ImportSummary {
        ImportSummary {
            new_clients: self.new_clients.len(),
            existing_clients: self.existing_clients.len(),
            new_invoices: self.new_invoices.len(),
            invoices_total: self.new_invoices.iter().map(NewInvoice::total).sum(),
            existing_invoices: self.existing_invoices.len(),
            credit_notes: self.credit_notes.len(),
            credit_notes_total: self.credit_notes.iter().map(|c| c.amount).sum(),
            existing_credit_notes: self.existing_credit_notes.len(),
            payments: self.payments.len(),
            payments_total: self.payments.iter().map(|p| p.amount).sum(),
            allocated_total: self
                .payments
                .iter()
                .flat_map(|p| &p.allocations)
                .map(|a| a.amount)
                .sum(),
            existing_payments: self.existing_payments.len(),
            refused: self.refused.len(),
        }
    }
}

/// The ledger's client a file's client is: the one with the same SIREN (a SIRET's first nine
/// digits), else the one with the same name once case, accents and spaces are set aside.
pub fn match_client(ledger: &Ledger, name: &str, siren: &str, iban: &str) -> Option<ClientId> {
    let siren = siren_of(siren);
    if let Some(siren) = &siren {
        let found = ledger
            .clients()
            .iter()
            .find(|c| siren_of(&c.details.registration).as_ref() == Some(siren));
        if let Some(client) = found {
            return Some(client.id);
        }
    }
    let iban = compact(iban);
    if !iban.is_empty() {
        let found = ledger
            .clients()
            .iter()
            .find(|c| c.details.iban.eq_ignore_ascii_case(&iban));
        if let Some(client) = found {
            return Some(client.id);
        }
    }
    let name = collapse_spaces(name);
    if name.is_empty() {
        return None;
    }
    ledger
        .clients()
        .iter()
        .find(|c| same_folded(&collapse_spaces(&c.details.name), &name))
        .map(|c| c.id)
}

/// The SIREN a registration number starts with, when it has one.
fn siren_of(registration: &str) -> Option<String> {
    let digits = compact(registration);
    let valid =
        (digits.len() == 9 || digits.len() == 14) && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| digits.chars().take(9).collect())
}

/// A refusal before it is given its line, with the column to blame.
type Refused = (Option<String>, Refusal);

fn at(line: usize, (column, refusal): Refused) -> RefusedLine {
    RefusedLine {
        line,
        column,
        refusal,
    }
}

fn in_column(column: &str, refusal: Refusal) -> Refused {
    (Some(column.to_string()), refusal)
}

/// What the plan knows while rows are added to it.
struct Planner<'a> {
    ledger: &'a Ledger,
    today: NaiveDate,
    default_terms: PaymentTerms,
    plan: ImportPlan,
    clients: HashMap<String, ClientRef>,
    /// Each invoice number of the file (folded): its first line, total and record.
    numbers: HashMap<String, (usize, Decimal, InvoiceRef)>,
    /// What each new invoice can still be credited (total less credit notes) and what it
    /// still has open (less payments too).
    credit_room: Vec<Decimal>,
    open: Vec<Decimal>,
    /// Credit notes the plan adds to invoices already in the ledger.
    credited_existing: HashMap<InvoiceId, Decimal>,
    /// Ledger records already matched by a row, so that two identical rows match two.
    used_payments: HashSet<PaymentId>,
    used_credit_notes: HashSet<CreditNoteId>,
    /// The client keys in the order they were resolved, for [`Planner::rollback`].
    key_log: Vec<String>,
}

/// An invoice row's place in the plan.
struct Planned {
    invoice: InvoiceRef,
    /// The line that first planned the same number with the same total, when one did
    /// (Dolibarr's row per invoice and payment).
    repeats: Option<usize>,
}

/// Where the plan stood before a row, to take back what a refused row added.
struct Checkpoint {
    new_clients: usize,
    existing_clients: usize,
    keys: usize,
}

struct InvoiceRow<'r> {
    line: usize,
    client: ClientRef,
    number: &'r str,
    issue_date: NaiveDate,
    terms: PaymentTerms,
    net: Decimal,
    vat: Decimal,
    description: &'r str,
}

struct PaymentRow<'r> {
    line: usize,
    client: ClientRef,
    date: NaiveDate,
    amount: Decimal,
    method: PaymentMethod,
    reference: &'r str,
}

impl<'a> Planner<'a> {
    fn new(ledger: &'a Ledger, default_terms: PaymentTerms, today: NaiveDate) -> Self {
        Planner {
            ledger,
            today,
            default_terms,
            plan: ImportPlan::default(),
            clients: HashMap::new(),
            numbers: HashMap::new(),
            credit_room: Vec::new(),
            open: Vec::new(),
            credited_existing: HashMap::new(),
            used_payments: HashSet::new(),
            used_credit_notes: HashSet::new(),
            key_log: Vec::new(),
        }
    }

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            new_clients: self.plan.new_clients.len(),
            existing_clients: self.plan.existing_clients.len(),
            keys: self.key_log.len(),
        }
    }

    /// Forgets the clients a refused row brought in: a refused row adds nothing.
    fn rollback(&mut self, to: Checkpoint) {
        self.plan.new_clients.truncate(to.new_clients);
        self.plan.existing_clients.truncate(to.existing_clients);
        for key in self.key_log.drain(to.keys..) {
            self.clients.remove(&key);
        }
    }

    /// The file's client under `key`: matched in the ledger (by SIREN, IBAN or name), else
    /// among the plan's new clients by name or SIREN, else new, validated as the client form
    /// validates it. Each identity comes with its column, to name it in a refusal.
    fn client(
        &mut self,
        key: &str,
        line: usize,
        name: (&str, &str),
        siren: (&str, &str),
        iban: (&str, &str),
    ) -> Result<ClientRef, Refused> {
        let (name_column, name) = name;
        let (siren_column, siren) = siren;
        let (iban_column, iban) = iban;
        let key = fold(key);
        if let Some(&found) = self.clients.get(&key) {
            return Ok(found);
        }
        let name = collapse_spaces(name);
        let found = if let Some(id) = match_client(self.ledger, &name, siren, iban) {
            if self.ledger.client(id).is_some_and(|c| c.archived) {
                return Err(in_column(
                    name_column,
                    Refusal::Invalid(Problem::ClientArchived),
                ));
            }
            self.plan.existing_clients.push(MatchedClient {
                key: key.clone(),
                id,
            });
            ClientRef::Existing(id)
        } else if let Some(index) = self.plan.new_clients.iter().position(|c| {
            same_folded(&c.details.name, &name)
                || siren_of(siren).is_some_and(|s| siren_of(&c.details.registration) == Some(s))
        }) {
            ClientRef::New(index)
        } else {
            let form = ClientForm {
                name: name.clone(),
                kind: ClientKind::Business,
                registration: siren.to_string(),
                iban: iban.to_string(),
                terms: self.default_terms,
                ..ClientForm::default()
            };
            let details = form.validate().map_err(|errors| {
                let first = &errors[0];
                let column = match first.field {
                    crate::model::client::ClientField::Registration => siren_column,
                    crate::model::client::ClientField::Iban => iban_column,
                    _ => name_column,
                };
                in_column(column, Refusal::Invalid(first.problem.clone()))
            })?;
            self.plan.new_clients.push(NewClient {
                key: key.clone(),
                line,
                details,
            });
            ClientRef::New(self.plan.new_clients.len() - 1)
        };
        self.clients.insert(key.clone(), found);
        self.key_log.push(key);
        Ok(found)
    }

    /// The terms a client's invoices take when the file gives no due date.
    fn terms_of(&self, client: ClientRef) -> PaymentTerms {
        match client {
            ClientRef::Existing(id) => self
                .ledger
                .client(id)
                .map_or(self.default_terms, |c| c.details.terms),
            ClientRef::New(index) => self.plan.new_clients[index].details.terms,
        }
    }

    fn invoice(&mut self, row: InvoiceRow<'_>, number_column: &str) -> Result<Planned, Refused> {
        let total = row.net + row.vat;
        check_invoice(&row)?;
        let key = number_key(row.number);
        if let Some(&(first_line, planned_total, invoice)) = self.numbers.get(&key) {
            return if planned_total == total {
                Ok(Planned {
                    invoice,
                    repeats: Some(first_line),
                })
            } else {
                Err(in_column(
                    number_column,
                    Refusal::NumberTwiceInFile {
                        number: row.number.to_string(),
                        first_line,
                    },
                ))
            };
        }
        let known = self
            .ledger
            .invoices()
            .iter()
            .find(|i| same_number(&i.details.number, row.number));
        let invoice = match known {
            Some(known) if known.total() == total => {
                self.plan.existing_invoices.push(Existing {
                    line: row.line,
                    id: known.id,
                });
                InvoiceRef::Existing(known.id)
            }
            Some(known) => {
                return Err(in_column(
                    number_column,
                    Refusal::NumberTakenWithOtherTotal {
                        number: row.number.to_string(),
                        existing: known.total(),
                        imported: total,
                    },
                ))
            }
            None => {
                self.plan.new_invoices.push(NewInvoice {
                    line: row.line,
                    client: row.client,
                    number: row.number.to_string(),
                    issue_date: row.issue_date,
                    terms: row.terms,
                    net: row.net,
                    vat: row.vat,
                    description: row.description.to_string(),
                });
                self.credit_room.push(total);
                self.open.push(total);
                InvoiceRef::New(self.plan.new_invoices.len() - 1)
            }
        };
        self.numbers.insert(key, (row.line, total, invoice));
        Ok(Planned {
            invoice,
            repeats: None,
        })
    }

    /// A payment recorded in the ledger the row is, if any: same client, date, amount and
    /// reference, not already matched by another row.
    fn known_payment(&self, row: &PaymentRow<'_>) -> Option<PaymentId> {
        let ClientRef::Existing(client) = row.client else {
            return None;
        };
        self.ledger
            .payments_of(client)
            .find(|p| {
                !self.used_payments.contains(&p.id)
                    && p.details.date == row.date
                    && p.details.amount == row.amount
                    && same_folded(&p.details.reference, row.reference)
            })
            .map(|p| p.id)
    }

    /// Plans a payment settling the given new invoices in order, as far as each is open.
    fn payment(&mut self, row: PaymentRow<'_>, targets: &[usize]) -> Result<(), Refusal> {
        parse_positive_amount(&row.amount.to_string()).map_err(Refusal::Invalid)?;
        if row.date > self.today {
            return Err(Refusal::Invalid(Problem::DateInFuture));
        }
        if let Some(id) = self.known_payment(&row) {
            self.used_payments.insert(id);
            self.plan
                .existing_payments
                .push(Existing { line: row.line, id });
            return Ok(());
        }
        let mut remaining = row.amount;
        let mut allocations = Vec::new();
        for &invoice in targets {
            let part = self.open[invoice].min(remaining);
            if part > Decimal::ZERO {
                allocations.push(NewAllocation {
                    invoice,
                    amount: part,
                });
                self.open[invoice] -= part;
                remaining -= part;
            }
        }
        self.plan.payments.push(NewPayment {
            line: row.line,
            client: row.client,
            date: row.date,
            amount: row.amount,
            method: row.method,
            reference: row.reference.to_string(),
            allocations,
        });
        Ok(())
    }

    /// How much more an invoice can be credited, and its date and state allow it at all.
    fn credit_room(&self, invoice: InvoiceRef, date: NaiveDate) -> Decimal {
        match invoice {
            InvoiceRef::New(index) => {
                if self.plan.new_invoices[index].issue_date > date {
                    return Decimal::ZERO;
                }
                self.credit_room[index]
            }
            InvoiceRef::Existing(id) => {
                let Some(found) = self.ledger.invoice(id) else {
                    return Decimal::ZERO;
                };
                if found.details.issue_date > date || self.ledger.write_off_of(id).is_some() {
                    return Decimal::ZERO;
                }
                let credited: Decimal = self
                    .ledger
                    .credit_notes()
                    .iter()
                    .filter(|c| c.invoice == id)
                    .map(|c| c.amount)
                    .sum();
                found.total()
                    - credited
                    - self.credited_existing.get(&id).copied().unwrap_or_default()
            }
        }
    }

    /// Plans a credit note on the first of the candidate invoices that can take it whole.
    fn credit_note(
        &mut self,
        line: &FecLine,
        date: NaiveDate,
        candidates: &[InvoiceRef],
    ) -> Result<(), Refused> {
        let amount = line.credit;
        parse_positive_amount(&amount.to_string())
            .map_err(|p| in_column("Credit", Refusal::Invalid(p)))?;
        if line.piece_ref.chars().count() > NUMBER_MAX {
            return Err(in_column(
                "PieceRef",
                Refusal::Invalid(Problem::TooLong { max: NUMBER_MAX }),
            ));
        }
        let known = self.ledger.credit_notes().iter().find(|c| {
            !self.used_credit_notes.contains(&c.id)
                && c.amount == amount
                && same_number(&c.number, &line.piece_ref)
        });
        if let Some(known) = known {
            self.used_credit_notes.insert(known.id);
            self.plan.existing_credit_notes.push(Existing {
                line: line.line,
                id: known.id,
            });
            return Ok(());
        }
        let target = candidates
            .iter()
            .copied()
            .find(|&c| self.credit_room(c, date) >= amount)
            .ok_or((None, Refusal::CreditNoteWithoutInvoice))?;
        match target {
            InvoiceRef::New(index) => {
                self.credit_room[index] -= amount;
                self.open[index] = (self.open[index] - amount).max(Decimal::ZERO);
            }
            InvoiceRef::Existing(id) => *self.credited_existing.entry(id).or_default() += amount,
        }
        self.plan.credit_notes.push(NewCreditNote {
            line: line.line,
            invoice: target,
            number: line.piece_ref.clone(),
            date,
            amount,
            reason: line.label.clone(),
        });
        Ok(())
    }
}

/// The invoice form's checks on what a row gives, and the amounts' bounds.
fn check_invoice(row: &InvoiceRow<'_>) -> Result<(), Refused> {
    let form = InvoiceForm {
        number: row.number.to_string(),
        // The client is resolved by then; the form only needs one chosen.
        client: Some(ClientId(0)),
        issue_date: crate::values::iso_date::format(row.issue_date),
        terms: row.terms,
        net: row.net.to_string(),
        vat_rate_bp: 0,
        contractual_rate: String::new(),
        description: row.description.to_string(),
    };
    if let Err(errors) = form.validate() {
        return Err((None, Refusal::Invalid(errors[0].problem.clone())));
    }
    if row.vat < Decimal::ZERO {
        return Err((None, Refusal::Invalid(Problem::AmountNegative)));
    }
    if row.net + row.vat > MAX_AMOUNT {
        return Err((None, Refusal::Invalid(Problem::AmountTooLarge)));
    }
    Ok(())
}

// ----- FEC -----

#[derive(Clone, Copy, PartialEq, Eq)]
enum Journal {
    Sales,
    Bank(PaymentMethod),
    /// Report à nouveau: the opening balances of a year.
    Opening,
    Other,
}

/// What a journal is, from its code or its label: programs name them VT, VE, VEN, "Ventes";
/// BQ, BNK, "Banque"; CH, "Chèques"; CA, "Caisse"; AN, RAN, "À nouveaux".
fn journal_of(line: &FecLine) -> Journal {
    let code = fold(&line.journal_code);
    let label = fold(&line.journal_label);
    let code = code.as_str();
    let label_has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    if matches!(code, "an" | "ran" | "ano") || label_has(&["a nouveau", "a-nouveau", "report"]) {
        Journal::Opening
    } else if matches!(code, "vt" | "ve" | "ven" | "vte" | "vtes" | "v")
        || label_has(&["vente", "sales", "factur"])
    {
        Journal::Sales
    } else if matches!(code, "ch" | "chq" | "cheq") || label_has(&["cheque", "chq"]) {
        Journal::Bank(PaymentMethod::Cheque)
    } else if matches!(code, "ca" | "cai" | "cs") || label_has(&["caisse", "cash"]) {
        Journal::Bank(PaymentMethod::Cash)
    } else if code.starts_with("bq") || code.starts_with("bnk") || label_has(&["banque", "bank"]) {
        Journal::Bank(PaymentMethod::Transfer)
    } else {
        Journal::Other
    }
}

fn client_key(line: &FecLine) -> &str {
    if line.aux_account.is_empty() {
        &line.account
    } else {
        &line.aux_account
    }
}

/// The client's name: the auxiliary account's label, else the account's.
fn client_name(line: &FecLine) -> (&'static str, &str) {
    if line.aux_label.is_empty() {
        ("CompteLib", &line.account_label)
    } else {
        ("CompAuxLib", &line.aux_label)
    }
}

/// Sales entries' amounts excluding VAT (7xx) and VAT (4457x), and how many client debits
/// the entry has: they give an invoice's net and VAT only when it is the entry's one invoice.
#[derive(Default)]
struct EntrySums {
    net: Decimal,
    vat: Decimal,
    client_debits: usize,
}

/// Plans the import of an FEC.
///
/// Client accounts (411) make the clients; a 411 debit in a sales journal is an invoice, a
/// 411 credit there a credit note on an invoice of its lettering group; a 411 credit in a bank,
/// cheque or cash journal is a payment, settling the invoices of its lettering group oldest
/// first, or the client's credit when unlettered. Opening entries (AN, RAN, "à nouveau") are
/// the balances carried from the year before: a debit becomes an opening invoice (its piece
/// reference, else "RAN" with the entry and the client, as its number), a credit an opening
/// payment settling its group like any other. An FEC has no due dates: invoices take their
/// client's terms, `default_terms` for a new client.
pub fn plan_fec(
    ledger: &Ledger,
    text: &str,
    default_terms: PaymentTerms,
    today: NaiveDate,
) -> Result<ImportPlan, ImportFileProblem> {
    let entries = fec::read(text)?;
    let mut planner = Planner::new(ledger, default_terms, today);
    planner.plan.refused = entries.refused;
    let entry_key = |l: &FecLine| (l.journal_code.clone(), l.entry_number.clone());
    let is_client = |l: &FecLine| l.account.starts_with("411");
    let mut sums: HashMap<(String, String), EntrySums> = HashMap::new();
    for line in &entries.lines {
        let sum = sums.entry(entry_key(line)).or_default();
        if line.account.starts_with('7') {
            sum.net += line.credit - line.debit;
        } else if line.account.starts_with("4457") {
            sum.vat += line.credit - line.debit;
        }
    }
    let mut clients: Vec<&FecLine> = entries.lines.iter().filter(|l| is_client(l)).collect();
    sort_by_key(&mut clients, |l| {
        (l.piece_date.unwrap_or(l.entry_date), l.line)
    });
    // An invoice due in instalments has one client debit per instalment in its entry, all
    // with its piece reference: they are one invoice of their sum.
    let mut debits: Vec<(&FecLine, Journal, Decimal)> = Vec::new();
    let mut merged: HashMap<(String, String, String, String), usize> = HashMap::new();
    let mut credits = Vec::new();
    for line in clients {
        let journal = journal_of(line);
        if line.credit > Decimal::ZERO {
            credits.push((line, journal));
        } else if line.debit.is_zero() {
            continue;
        } else if matches!(journal, Journal::Sales | Journal::Opening) {
            let key = (
                line.journal_code.clone(),
                line.entry_number.clone(),
                fold(client_key(line)),
                number_key(&line.piece_ref),
            );
            match merged.get(&key) {
                Some(&index) => debits[index].2 += line.debit,
                None => {
                    merged.insert(key, debits.len());
                    debits.push((line, journal, line.debit));
                    sums.entry(entry_key(line)).or_default().client_debits += 1;
                }
            }
        } else if journal == Journal::Other {
            planner.plan.refused.push(other_journal(line));
        } else {
            planner.plan.refused.push(at(
                line.line,
                in_column(
                    "JournalCode",
                    Refusal::DebitOutsideSales {
                        journal: line.journal_code.clone(),
                    },
                ),
            ));
        }
    }
    // Lettering groups: per client account and letter, the invoices planned, oldest first.
    let mut groups: HashMap<(String, String), Vec<InvoiceRef>> = HashMap::new();
    for (line, journal, total) in debits {
        let checkpoint = planner.checkpoint();
        match plan_fec_invoice(&mut planner, line, journal, total, &sums[&entry_key(line)]) {
            Ok(invoice) if !line.letter.is_empty() => groups
                .entry((fold(client_key(line)), fold(&line.letter)))
                .or_default()
                .push(invoice),
            Ok(_) => {}
            Err(refused) => {
                planner.rollback(checkpoint);
                planner.plan.refused.push(at(line.line, refused));
            }
        }
    }
    // Credit notes first: they lower what the payments of their group can settle.
    sort_by_key(&mut credits, |(l, j)| {
        (*j != Journal::Sales, l.entry_date, l.line)
    });
    for (line, journal) in credits {
        let group = groups
            .get(&(fold(client_key(line)), fold(&line.letter)))
            .filter(|_| !line.letter.is_empty())
            .cloned()
            .unwrap_or_default();
        let checkpoint = planner.checkpoint();
        let result = match journal {
            Journal::Sales => {
                let date = line.piece_date.unwrap_or(line.entry_date);
                planner.credit_note(line, date, &group)
            }
            Journal::Bank(method) => plan_fec_payment(&mut planner, line, method, &group),
            Journal::Opening => plan_fec_payment(&mut planner, line, PaymentMethod::Other, &group),
            Journal::Other => {
                planner.plan.refused.push(other_journal(line));
                continue;
            }
        };
        if let Err(refused) = result {
            planner.rollback(checkpoint);
            planner.plan.refused.push(at(line.line, refused));
        }
    }
    sort_by_key(&mut planner.plan.refused, |r| r.line);
    Ok(planner.plan)
}

fn other_journal(line: &FecLine) -> RefusedLine {
    at(
        line.line,
        in_column(
            "JournalCode",
            Refusal::OtherJournal {
                journal: line.journal_code.clone(),
            },
        ),
    )
}

fn plan_fec_invoice(
    planner: &mut Planner<'_>,
    line: &FecLine,
    journal: Journal,
    total: Decimal,
    sums: &EntrySums,
) -> Result<InvoiceRef, Refused> {
    let key = client_key(line);
    let client = planner.client(key, line.line, client_name(line), ("", ""), ("", ""))?;
    let number = if line.piece_ref.is_empty() && journal == Journal::Opening {
        format!("RAN {} {key}", line.entry_number)
    } else {
        line.piece_ref.clone()
    };
    let (net, vat) = if sums.client_debits == 1
        && sums.net > Decimal::ZERO
        && sums.vat >= Decimal::ZERO
        && sums.net + sums.vat == total
    {
        (sums.net, sums.vat)
    } else {
        (total, Decimal::ZERO)
    };
    let description = if line.label.is_empty() && journal == Journal::Opening {
        "Report à nouveau"
    } else {
        &line.label
    };
    let row = InvoiceRow {
        line: line.line,
        client,
        number: &number,
        issue_date: line.piece_date.unwrap_or(line.entry_date),
        terms: planner.terms_of(client),
        net,
        vat,
        description,
    };
    let planned = planner.invoice(row, "PieceRef")?;
    // Unlike a CSV's rows, two FEC entries are never the same invoice.
    match planned.repeats {
        Some(first_line) => Err(in_column(
            "PieceRef",
            Refusal::NumberTwiceInFile { number, first_line },
        )),
        None => Ok(planned.invoice),
    }
}

fn plan_fec_payment(
    planner: &mut Planner<'_>,
    line: &FecLine,
    method: PaymentMethod,
    group: &[InvoiceRef],
) -> Result<(), Refused> {
    let client = planner.client(
        client_key(line),
        line.line,
        client_name(line),
        ("", ""),
        ("", ""),
    )?;
    let targets: Vec<usize> = group
        .iter()
        .filter_map(|i| match i {
            InvoiceRef::New(index) => Some(*index),
            InvoiceRef::Existing(_) => None,
        })
        .collect();
    let row = PaymentRow {
        line: line.line,
        client,
        date: line.entry_date,
        amount: line.credit,
        method,
        reference: &line.label,
    };
    planner
        .payment(row, &targets)
        .map_err(|refusal| in_column("Credit", refusal))
}

// ----- invoicing tools' CSV -----

/// One row of an invoicing tool's CSV, read.
struct CsvRow {
    number: String,
    client: String,
    siren: String,
    iban: String,
    /// The terms the row states in words, used when it gives no due date.
    terms: Option<PaymentTerms>,
    issue_date: NaiveDate,
    due_date: Option<NaiveDate>,
    net: Decimal,
    vat: Decimal,
    paid: Option<Decimal>,
    payment_date: Option<NaiveDate>,
    method: PaymentMethod,
}

/// Plans the import of an invoicing tool's CSV read with the given mapping.
///
/// Each row is an invoice; a row repeating an invoice's number with the same total is
/// another payment of it (Dolibarr writes a row per invoice and payment). A due date gives
/// the invoice its terms (net the days between, on receipt when the same day); without one
/// the invoice takes its client's terms. A paid amount becomes a payment of the invoice on
/// the payment date; without that date the payment is refused and the invoice kept.
pub fn plan_invoices_csv(
    ledger: &Ledger,
    text: &str,
    cols: &InvoiceColumns,
    default_terms: PaymentTerms,
    today: NaiveDate,
) -> Result<ImportPlan, ImportFileProblem> {
    let table = Table::read(text).ok_or(ImportFileProblem::NoHeader)?;
    table.check(cols)?;
    let name = |index: usize| table.header.get(index).to_string();
    let mut planner = Planner::new(ledger, default_terms, today);
    for row in &table.rows {
        let read = read_csv_row(row, cols, &table.header);
        let result = read.and_then(|r| plan_csv_row(&mut planner, row.line, &r, cols, &name));
        if let Err(refused) = result {
            planner.plan.refused.push(at(row.line, refused));
        }
    }
    Ok(planner.plan)
}

fn plan_csv_row(
    planner: &mut Planner<'_>,
    line: usize,
    row: &CsvRow,
    cols: &InvoiceColumns,
    name: &dyn Fn(usize) -> String,
) -> Result<(), Refused> {
    let checkpoint = planner.checkpoint();
    let planned = plan_csv_invoice(planner, line, row, cols, name).inspect_err(|_| {
        planner.rollback(checkpoint);
    })?;
    let Some(paid) = row.paid.filter(|p| *p > Decimal::ZERO) else {
        return Ok(());
    };
    let paid_column = cols.paid.map(name).unwrap_or_default();
    let Some(date) = row.payment_date else {
        let column = cols.payment_date.map(name).unwrap_or(paid_column);
        return Err(in_column(&column, Refusal::PaymentWithoutDate));
    };
    let payment = PaymentRow {
        line,
        client: planned.1,
        date,
        amount: paid,
        method: row.method,
        reference: &row.number,
    };
    match planned.0.invoice {
        InvoiceRef::New(index) => planner
            .payment(payment, &[index])
            .map_err(|r| in_column(&paid_column, r)),
        InvoiceRef::Existing(_) => match planner.known_payment(&payment) {
            Some(id) => {
                planner.used_payments.insert(id);
                planner.plan.existing_payments.push(Existing { line, id });
                Ok(())
            }
            None => Err(in_column(
                &paid_column,
                Refusal::PaymentOnExistingInvoice {
                    number: row.number.clone(),
                },
            )),
        },
    }
}

/// The client and the invoice of a CSV row; a repeated row finds the invoice planned
/// before, for its payment.
fn plan_csv_invoice(
    planner: &mut Planner<'_>,
    line: usize,
    row: &CsvRow,
    cols: &InvoiceColumns,
    name: &dyn Fn(usize) -> String,
) -> Result<(Planned, ClientRef), Refused> {
    let name_column = name(cols.client);
    let siren_column = cols.siren.map(name).unwrap_or_default();
    let iban_column = cols.iban.map(name).unwrap_or_default();
    let key = match siren_of(&row.siren) {
        Some(siren) => siren,
        None => fold(&row.client),
    };
    let client = planner.client(
        &key,
        line,
        (&name_column, &row.client),
        (&siren_column, &row.siren),
        (&iban_column, &row.iban),
    )?;
    let terms = match row.due_date {
        Some(due) => {
            let due_column = cols.due_date.map(name).unwrap_or_default();
            terms_until(row.issue_date, due)
                .map_err(|p| in_column(&due_column, Refusal::Invalid(p)))?
        }
        None => row.terms.unwrap_or_else(|| planner.terms_of(client)),
    };
    let invoice_row = InvoiceRow {
        line,
        client,
        number: &row.number,
        issue_date: row.issue_date,
        terms,
        net: row.net,
        vat: row.vat,
        description: "",
    };
    let planned = planner.invoice(invoice_row, &name(cols.number))?;
    Ok((planned, client))
}

/// The terms a due date gives: net the days from the issue date, on receipt the same day.
fn terms_until(issue: NaiveDate, due: NaiveDate) -> Result<PaymentTerms, Problem> {
    let days = (due - issue).num_days();
    if days < 0 {
        return Err(Problem::DateBeforeIssue);
    }
    if days == 0 {
        return Ok(PaymentTerms::OnReceipt);
    }
    let terms = PaymentTerms::Net {
        days: u16::try_from(days).unwrap_or(u16::MAX),
    };
    terms.check()?;
    Ok(terms)
}

fn read_csv_row(row: &Record, cols: &InvoiceColumns, header: &Record) -> Result<CsvRow, Refused> {
    let column = |index: usize| header.get(index).to_string();
    let text = |index: usize| collapse_spaces(row.get(index));
    let required = |index: usize| {
        let value = text(index);
        if value.is_empty() {
            Err(in_column(
                &column(index),
                Refusal::Invalid(Problem::Required),
            ))
        } else {
            Ok(value)
        }
    };
    let date = |index: Option<usize>| -> Result<Option<NaiveDate>, Refused> {
        let Some(index) = index else { return Ok(None) };
        let value = row.get(index);
        if value.is_empty() {
            return Ok(None);
        }
        match cols.date_order.read(value) {
            Some(date) => Ok(Some(date)),
            None => Err(in_column(
                &column(index),
                Refusal::UnreadableDate {
                    text: value.to_string(),
                },
            )),
        }
    };
    let amount = |index: Option<usize>| -> Result<Option<Decimal>, Refused> {
        let Some(index) = index else { return Ok(None) };
        let value = row.get(index);
        if value.is_empty() {
            return Ok(None);
        }
        fields::amount(value).map(Some).ok_or_else(|| {
            in_column(
                &column(index),
                Refusal::UnreadableAmount {
                    text: value.to_string(),
                },
            )
        })
    };
    let number = required(cols.number)?;
    let client = required(cols.client)?;
    let issue_date = date(Some(cols.issue_date))?.ok_or_else(|| {
        in_column(
            &column(cols.issue_date),
            Refusal::Invalid(Problem::Required),
        )
    })?;
    let due_date = date(cols.due_date)?;
    let terms = match cols.terms.map(|index| (index, row.get(index))) {
        Some((index, written)) if !written.is_empty() => {
            Some(read_terms(written).ok_or_else(|| {
                in_column(
                    &column(index),
                    Refusal::UnreadableTerms {
                        text: written.to_string(),
                    },
                )
            })?)
        }
        _ => None,
    };
    let (net, vat) = match (amount(cols.net)?, amount(cols.vat)?, amount(cols.total)?) {
        (Some(net), Some(vat), Some(total)) if net + vat != total => {
            return Err((None, Refusal::AmountsDisagree { net, vat, total }))
        }
        (Some(net), vat, _) => (net, vat.unwrap_or_default()),
        (None, vat, Some(total)) => {
            let vat = vat.unwrap_or_default();
            (total - vat, vat)
        }
        (None, _, None) => {
            let index = cols.net.or(cols.total).unwrap_or(cols.number);
            return Err(in_column(
                &column(index),
                Refusal::Invalid(Problem::Required),
            ));
        }
    };
    let paid = match cols.paid {
        Some(index) => match fold(row.get(index)).as_str() {
            "oui" | "yes" | "true" | "x" | "paye" | "payee" | "paid" => Some(net + vat),
            "non" | "no" | "false" | "impaye" | "impayee" | "unpaid" => None,
            _ => amount(Some(index))?,
        },
        None => None,
    };
    Ok(CsvRow {
        number,
        client,
        siren: cols.siren.map(text).unwrap_or_default(),
        iban: cols
            .iban
            .map(|i| compact(row.get(i)).to_ascii_uppercase())
            .unwrap_or_default(),
        terms,
        issue_date,
        due_date,
        net,
        vat,
        paid,
        payment_date: date(cols.payment_date)?,
        method: cols
            .method
            .map_or(PaymentMethod::Transfer, |i| method_of(row.get(i))),
    })
}

/// A payment method from the words tools write: "Virement", "Chèque", "CB", "Prélèvement"...
fn method_of(text: &str) -> PaymentMethod {
    let text = fold(text);
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if text.is_empty() || has(&["vir", "transfer", "sepa", "wire"]) {
        PaymentMethod::Transfer
    } else if has(&["prel", "direct debit", "sdd"]) {
        PaymentMethod::DirectDebit
    } else if has(&["cheque", "chq", "check"]) {
        PaymentMethod::Cheque
    } else if has(&["carte", "card", "cb", "stripe"]) {
        PaymentMethod::Card
    } else if has(&["esp", "cash", "liquide"]) {
        PaymentMethod::Cash
    } else {
        PaymentMethod::Other
    }
}
