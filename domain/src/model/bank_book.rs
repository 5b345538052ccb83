//! The bank's side of the ledger, as stored: the accounts, the statement files imported into
//! them and their lines, each line open, reconciled with a payment, or set aside as not a
//! client's payment; and the columns the user named for CSV layouts no rule recognises.
//!
//! Plain data and what it says on its own. Reading statements, importing them with their
//! keys, matching and reconciling are the bank layer's ([`crate::bank`]), which changes these
//! facts through its own ledger methods, each whole or nothing.

use crate::values::ids::{BankAccountId, BankLineId, PaymentId, StatementId};
use crate::values::problem::Problem;
use crate::values::text::compact_upper;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankBook {
    pub(crate) accounts: Vec<BankAccount>,
    pub(crate) statements: Vec<StatementImport>,
    pub(crate) lines: Vec<BankLine>,
    /// The columns the user named for CSV layouts no rule recognises, one per layout
    /// signature: the next statement of that layout is read without asking again.
    pub(crate) csv_mappings: Vec<SavedMapping>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    pub id: BankAccountId,
    /// The user's name for it ("Compte pro Qonto").
    pub name: String,
    /// IBAN or the bank's account number as files name it, compact upper case; empty when
    /// the files imported so far never named it (most CSV exports).
    pub identifier: String,
}

/// One file imported into one account: what it covered and what it added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementImport {
    pub id: StatementId,
    pub account: BankAccountId,
    pub file_name: String,
    /// The format as read ("OFX", "camt.053.001.08", "CSV Boursorama").
    pub format: String,
    #[serde(with = "crate::values::iso_date")]
    pub imported_on: NaiveDate,
    /// The first and last booking dates of its lines.
    #[serde(with = "crate::values::iso_date")]
    pub first_date: NaiveDate,
    #[serde(with = "crate::values::iso_date")]
    pub last_date: NaiveDate,
    pub opening: Option<Balance>,
    pub closing: Option<Balance>,
    /// Lines added, and lines already known from an earlier import.
    pub added: usize,
    pub known: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankLine {
    pub id: BankLineId,
    pub account: BankAccountId,
    pub statement: StatementId,
    pub key: String,
    pub line: StatementLine,
    pub status: LineStatus,
}

/// Stored externally tagged (`"open"`, `{"reconciled": {...}}`): an internally tagged
/// enum's reader costs several KB in every page's wasm (version 6 stored it with a `kind`
/// field; the migration to 7 rewrites it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    Open,
    /// Recorded as a payment: one the reconciliation created, or (`created` false) one the
    /// user had typed already and linked to this line.
    Reconciled {
        payment: PaymentId,
        created: bool,
        #[serde(with = "crate::values::iso_date")]
        on: NaiveDate,
    },
    /// Not a client's payment (a refund from a supplier, a transfer between accounts).
    SetAside {
        reason: String,
        #[serde(with = "crate::values::iso_date")]
        on: NaiveDate,
    },
}

impl BankLine {
    pub fn is_open(&self) -> bool {
        self.status == LineStatus::Open
    }
    pub fn payment(&self) -> Option<PaymentId> {
        match self.status {
            LineStatus::Reconciled { payment, .. } => Some(payment),
            _ => None,
        }
    }
}

impl BankBook {
    pub fn accounts(&self) -> &[BankAccount] {
        &self.accounts
    }
    pub fn statements(&self) -> &[StatementImport] {
        &self.statements
    }
    pub fn csv_mappings(&self) -> &[SavedMapping] {
        &self.csv_mappings
    }
    pub fn lines(&self) -> &[BankLine] {
        &self.lines
    }
    pub fn account(&self, id: BankAccountId) -> Option<&BankAccount> {
        self.accounts.iter().find(|a| a.id == id)
    }
    pub fn line(&self, id: BankLineId) -> Option<&BankLine> {
        self.line_index(id).ok().map(|i| &self.lines[i])
    }
    /// The line a payment was reconciled with, if any: a payment's way back to its bank line.
    pub fn line_of_payment(&self, payment: PaymentId) -> Option<&BankLine> {
        self.lines.iter().find(|l| l.payment() == Some(payment))
    }
    /// The account an imported file most likely belongs to: the one it names, else none.
    pub fn account_named(&self, identifier: &str) -> Option<&BankAccount> {
        let identifier = compact_upper(identifier);
        (!identifier.is_empty())
            .then(|| self.accounts.iter().find(|a| a.identifier == identifier))
            .flatten()
    }

    pub(crate) fn line_index(&self, id: BankLineId) -> Result<usize, Problem> {
        self.lines
            .binary_search_by_key(&id, |l| l.id)
            .map_err(|_| Problem::UnknownBankLine(id))
    }

    pub(crate) fn mentions_payment(&self, payment: PaymentId) -> bool {
        self.line_of_payment(payment).is_some()
    }

    /// A payment deleted by hand leaves its bank line open again, to be matched anew.
    pub(crate) fn forget_payment(&mut self, payment: PaymentId) {
        for line in self.lines.iter_mut() {
            if line.payment() == Some(payment) {
                line.status = LineStatus::Open;
            }
        }
    }
}

/// A balance the file states, as of the end of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// What kind of operation a line is, as far as the file says (the OFX `TRNTYPE`, the camt
/// bank transaction code, a CSV category or label prefix such as `CB`, `PRLV`, `FRAIS`).
/// Only [`LineKind::Unknown`] and [`LineKind::Transfer`] credits are offered for matching;
/// card lines and fees are set aside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    #[default]
    Unknown,
    Transfer,
    DirectDebit,
    Cheque,
    Card,
    Fee,
    Cash,
    Interest,
}

/// One booked line of a statement. The amount is signed: a credit (money in) is positive.
/// Kept as read in the ledger's bank lines, so its serialised form is part of the stored format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    /// Where the line starts in the file, from 1 (a CSV row, an OFX `<STMTTRN>`, a camt
    /// `<Ntry>`), so that messages can name it.
    pub source_line: usize,
    #[serde(with = "crate::values::iso_date")]
    pub booking_date: NaiveDate,
    #[serde(with = "crate::values::iso_date::option")]
    pub value_date: Option<NaiveDate>,
    pub amount: Decimal,
    /// The bank's wording of the operation, whitespace collapsed (`VIR SEPA DE DUPONT SARL`).
    pub label: String,
    /// More wording when the file has it apart (OFX `MEMO`, camt `RmtInf/Ustrd`, Caisse
    /// d'Épargne's `Informations complementaires`): where invoice numbers often are.
    pub details: String,
    /// The payer of a credit or the payee of a debit, when the file names it apart.
    pub counterparty: String,
    /// Compact upper-case IBAN of the counterparty, when given.
    pub counterparty_iban: String,
    /// References the file gives: end-to-end id, structured creditor reference, cheque number.
    pub references: Vec<String>,
    /// The bank's own id for the line (OFX `FITID`, camt `AcctSvcrRef` or `NtryRef`): the
    /// import key uses it. Empty when the format has none (CSV, QIF).
    pub bank_id: String,
    pub kind: LineKind,
    /// A camt entry flagged `RvslInd`: the bank took back an earlier line. Never matched.
    pub reversal: bool,
}

/// Which column holds what, counted from 0. Stored in the ledger: its serialised form is part
/// of the stored format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct ColumnMapping {
    pub separator: char,
    /// The header row, as an index among the file's non-blank records (the order
    /// [`crate::bank::read::csv::mapping::CsvPreview::rows`] shows them in); None when the file
    /// has no header.
    pub header_row: Option<usize>,
    pub date: usize,
    pub date_order: DateOrder,
    pub value_date: Option<usize>,
    pub amount: AmountColumns,
    pub label: usize,
    pub details: Option<usize>,
    pub reference: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountColumns {
    /// One signed column, credit positive.
    Signed(usize),
    /// A debit and a credit column, signed or not: the column gives the sign.
    DebitCredit { debit: usize, credit: usize },
}

/// A mapping and the layout signature it was made for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct SavedMapping {
    pub signature: String,
    pub mapping: ColumnMapping,
}
