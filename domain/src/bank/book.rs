//! How the bank side of the ledger changes (its facts are the model's
//! [`crate::model::bank_book`]): statement files imported into accounts, each line then
//! reconciled with a payment, linked to one typed by hand, set aside as not a client's
//! payment, or reopened. Like every other fact, they change only through the ledger's methods
//! below, each whole or nothing.
//!
//! Re-importing is safe because every line has an import key
//! (shared/reference/bank-statements-fr.md): the bank's own id where the format has one, else
//! the date, the amount, the label and the line's rank among identical lines of its file. A
//! line whose key is already known in its account is not added again.

use crate::bank::statement::AccountStatement;
use crate::model::bank_book::{
    BankAccount, BankBook, BankLine, LineKind, LineStatus, SavedMapping, StatementImport,
    StatementLine,
};
use crate::model::ledger::Ledger;
use crate::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use crate::values::ids::{BankAccountId, BankLineId, ClientId, PaymentId, StatementId};
use crate::values::problem::Problem;
use crate::values::text::{compact_upper, fold};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// The longest reason kept for a line set aside, as the form allows.
pub const SET_ASIDE_REASON_MAX: usize = 200;
/// The longest payment reference taken from a bank label.
const REFERENCE_MAX: usize = 140;

/// The import key of each line of one account's part of a file, in order.
pub fn import_keys(lines: &[StatementLine]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    lines
        .iter()
        .map(|line| {
            let cents = (line.amount * Decimal::ONE_HUNDRED).trunc();
            let date = crate::values::iso_date::format(line.booking_date);
            if line.bank_id.trim().is_empty() {
                let base = format!("tx|{date}|{cents}|{}", fold(&line.label));
                let rank = seen.entry(base.clone()).or_default();
                *rank += 1;
                format!("{base}|{rank}")
            } else {
                format!("id|{}|{cents}|{date}", line.bank_id.trim())
            }
        })
        .collect()
}

/// The account one part of a file goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountChoice {
    Existing(BankAccountId),
    New { name: String },
}

/// What importing one account's part of a file did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedPart {
    pub account: Option<BankAccountId>,
    pub statement: Option<StatementId>,
    pub added: usize,
    pub known: usize,
    /// Lines added though a known line of the account has the same date and amount (two
    /// identical transfers, or the same line with another wording): the user checks them.
    pub look_alike: Vec<usize>,
}

/// A credit line confirmed as a client's payment, with what it settles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reconciliation {
    pub line: BankLineId,
    pub client: ClientId,
    pub allocations: Vec<Allocation>,
}

fn method_of(kind: LineKind) -> PaymentMethod {
    match kind {
        LineKind::Cheque => PaymentMethod::Cheque,
        LineKind::DirectDebit => PaymentMethod::DirectDebit,
        LineKind::Card => PaymentMethod::Card,
        LineKind::Cash => PaymentMethod::Cash,
        _ => PaymentMethod::Transfer,
    }
}

/// The payment reference a bank line gives: its first reference, else its label.
fn reference_of(line: &StatementLine) -> String {
    let text = line
        .references
        .iter()
        .find(|r| !r.trim().is_empty())
        .unwrap_or(&line.label);
    text.trim().chars().take(REFERENCE_MAX).collect()
}

impl Ledger {
    pub fn bank(&self) -> &BankBook {
        &self.bank
    }

    /// Remembers the columns of a CSV layout, replacing what was remembered for it.
    pub fn save_csv_mapping(&mut self, mapping: SavedMapping) {
        self.bank
            .csv_mappings
            .retain(|m| m.signature != mapping.signature);
        self.bank.csv_mappings.push(mapping);
    }

    /// Imports a file's parts, each into its account: every part or none. Lines whose key
    /// the account already holds are counted as known and not added again.
    pub fn import_statement(
        &mut self,
        parts: &[(AccountChoice, &AccountStatement)],
        file_name: &str,
        format: &str,
        today: NaiveDate,
    ) -> Result<Vec<ImportedPart>, Problem> {
        let mut changed = self.clone();
        let mut outcome = Vec::with_capacity(parts.len());
        for (choice, part) in parts {
            outcome.push(changed.import_part(choice, part, file_name, format, today)?);
        }
        *self = changed;
        Ok(outcome)
    }

    fn import_part(
        &mut self,
        choice: &AccountChoice,
        part: &AccountStatement,
        file_name: &str,
        format: &str,
        today: NaiveDate,
    ) -> Result<ImportedPart, Problem> {
        let account = match choice {
            AccountChoice::Existing(id) => {
                self.bank
                    .account(*id)
                    .ok_or(Problem::UnknownBankAccount(*id))?;
                *id
            }
            AccountChoice::New { name } => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(Problem::Required);
                }
                let id = BankAccountId(self.take_id());
                self.bank.accounts.push(BankAccount {
                    id,
                    name: name.to_string(),
                    identifier: compact_upper(&part.account.identifier),
                });
                id
            }
        };
        // A file naming the account teaches it its identifier.
        let identifier = compact_upper(&part.account.identifier);
        if let Some(known) = self.bank.accounts.iter_mut().find(|a| a.id == account) {
            if known.identifier.is_empty() && !identifier.is_empty() {
                known.identifier = identifier;
            }
        }
        let (Some(first), Some(last)) = (
            part.lines.iter().map(|l| l.booking_date).min(),
            part.lines.iter().map(|l| l.booking_date).max(),
        ) else {
            return Ok(ImportedPart {
                account: Some(account),
                ..ImportedPart::default()
            });
        };
        let known_keys: HashSet<&str> = self
            .bank
            .lines
            .iter()
            .filter(|l| l.account == account)
            .map(|l| l.key.as_str())
            .collect();
        let known_days: HashSet<(NaiveDate, Decimal)> = self
            .bank
            .lines
            .iter()
            .filter(|l| l.account == account)
            .map(|l| (l.line.booking_date, l.line.amount))
            .collect();
        let keys = import_keys(&part.lines);
        let fresh: Vec<(String, &StatementLine)> = keys
            .into_iter()
            .zip(&part.lines)
            .filter(|(key, _)| !known_keys.contains(key.as_str()))
            .collect();
        let mut outcome = ImportedPart {
            account: Some(account),
            statement: None,
            added: fresh.len(),
            known: part.lines.len() - fresh.len(),
            look_alike: Vec::new(),
        };
        let statement = StatementId(self.take_id());
        outcome.statement = Some(statement);
        for (key, line) in fresh {
            if known_days.contains(&(line.booking_date, line.amount)) {
                outcome.look_alike.push(line.source_line);
            }
            let id = BankLineId(self.take_id());
            self.bank.lines.push(BankLine {
                id,
                account,
                statement,
                key,
                line: line.clone(),
                status: LineStatus::Open,
            });
        }
        self.bank.statements.push(StatementImport {
            id: statement,
            account,
            file_name: file_name.chars().take(200).collect(),
            format: format.to_string(),
            imported_on: today,
            first_date: first,
            last_date: last,
            opening: part.opening,
            closing: part.closing,
            added: outcome.added,
            known: outcome.known,
        });
        Ok(outcome)
    }

    /// Records each confirmed line as a payment from its client, dated the day the bank
    /// booked it, with its allocations: all of them or none.
    pub fn reconcile(
        &mut self,
        confirmed: &[Reconciliation],
        today: NaiveDate,
    ) -> Result<Vec<PaymentId>, Problem> {
        let mut changed = self.clone();
        let mut payments = Vec::with_capacity(confirmed.len());
        for item in confirmed {
            let index = changed.bank.line_index(item.line)?;
            let line = &changed.bank.lines[index];
            if !line.is_open() {
                return Err(Problem::BankLineNotOpen);
            }
            if line.line.amount <= Decimal::ZERO || line.line.reversal {
                return Err(Problem::BankLineNotCredit);
            }
            let details = PaymentDetails {
                client: item.client,
                date: line.line.booking_date,
                amount: line.line.amount,
                method: method_of(line.line.kind),
                reference: reference_of(&line.line),
                allocations: item.allocations.clone(),
            };
            let payment = changed.record_payment(details)?;
            changed.bank.lines[index].status = LineStatus::Reconciled {
                payment,
                created: true,
                on: today,
            };
            payments.push(payment);
        }
        *self = changed;
        Ok(payments)
    }

    /// Links an open credit line to a payment the user had already recorded for it.
    pub fn link_payment(
        &mut self,
        line: BankLineId,
        payment: PaymentId,
        today: NaiveDate,
    ) -> Result<(), Problem> {
        let index = self.bank.line_index(line)?;
        let recorded = self
            .payment(payment)
            .ok_or(Problem::UnknownPayment(payment))?;
        let bank_line = &self.bank.lines[index];
        if !bank_line.is_open() {
            return Err(Problem::BankLineNotOpen);
        }
        if self.bank.mentions_payment(payment) {
            return Err(Problem::PaymentAlreadyLinked);
        }
        if recorded.details.amount != bank_line.line.amount {
            return Err(Problem::AmountDiffersFromLine {
                line: bank_line.line.amount,
            });
        }
        self.bank.lines[index].status = LineStatus::Reconciled {
            payment,
            created: false,
            on: today,
        };
        Ok(())
    }

    /// Marks an open line as not a client's payment, with the reason.
    pub fn set_line_aside(
        &mut self,
        line: BankLineId,
        reason: &str,
        today: NaiveDate,
    ) -> Result<(), Problem> {
        let index = self.bank.line_index(line)?;
        if !self.bank.lines[index].is_open() {
            return Err(Problem::BankLineNotOpen);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Problem::Required);
        }
        if reason.chars().count() > SET_ASIDE_REASON_MAX {
            return Err(Problem::TooLong {
                max: SET_ASIDE_REASON_MAX,
            });
        }
        self.bank.lines[index].status = LineStatus::SetAside {
            reason: reason.to_string(),
            on: today,
        };
        Ok(())
    }

    /// Takes back what was decided for a line: a payment the reconciliation created is
    /// deleted with its allocations, a link to a payment typed by hand is undone (the payment
    /// stays), a line set aside is open again.
    pub fn reopen_line(&mut self, line: BankLineId) -> Result<(), Problem> {
        let index = self.bank.line_index(line)?;
        if let LineStatus::Reconciled {
            payment,
            created: true,
            ..
        } = self.bank.lines[index].status
        {
            self.payments.retain(|p| p.id != payment);
        }
        self.bank.lines[index].status = LineStatus::Open;
        Ok(())
    }
}
