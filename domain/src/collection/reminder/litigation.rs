//! Litigation (contentieux): invoices handed over to a collection agency or to court. Such
//! invoices leave the automatic reminders for as long as the litigation is open, and the
//! KPIs show their amount apart.

use super::Reminders;
use crate::model::balances::Position;
use crate::model::ledger::Ledger;
use crate::values::ids::{ClientId, InvoiceId, LitigationId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LitigationKind {
    CollectionAgency,
    /// Injonction de payer.
    Court,
}

impl LitigationKind {
    pub const ALL: [LitigationKind; 2] = [LitigationKind::CollectionAgency, LitigationKind::Court];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Litigation {
    pub id: LitigationId,
    pub client: ClientId,
    pub invoices: Vec<InvoiceId>,
    pub kind: LitigationKind,
    /// The day of the hand-over.
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    pub notes: String,
    /// What was handed over with the file (invoices, the formal notice, the contract...).
    pub documents: Vec<String>,
    #[serde(with = "crate::values::iso_date::option")]
    pub closed_on: Option<NaiveDate>,
    pub outcome: String,
}

impl Litigation {
    /// Open from the hand-over until the day it is closed (that day excluded).
    pub fn is_open_on(&self, date: NaiveDate) -> bool {
        self.date <= date && self.closed_on.is_none_or(|closed| closed > date)
    }
}

/// A hand-over as the user fills it in, before it gets its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLitigation {
    pub client: ClientId,
    pub invoices: Vec<InvoiceId>,
    pub kind: LitigationKind,
    pub date: NaiveDate,
    pub notes: String,
    pub documents: Vec<String>,
}

pub const NOTES_MAX: usize = 4000;
pub const DOCUMENT_MAX: usize = 200;
pub const DOCUMENTS_MAX: usize = 50;

/// The invoices in an open litigation on that date.
pub fn in_litigation(reminders: &Reminders, as_of: NaiveDate) -> HashSet<InvoiceId> {
    reminders
        .litigations
        .iter()
        .filter(|l| l.is_open_on(as_of))
        .flat_map(|l| l.invoices.iter().copied())
        .collect()
}

/// What the invoices in an open litigation still have open on that date: the KPIs show it
/// apart from the receivables being chased.
pub fn open_in_litigation(ledger: &Ledger, reminders: &Reminders, as_of: NaiveDate) -> Decimal {
    let litigated = in_litigation(reminders, as_of);
    let invoices: Vec<_> = ledger
        .invoices()
        .iter()
        .filter(|i| litigated.contains(&i.id))
        .cloned()
        .collect();
    let position = Position::of_invoices(ledger, as_of, &invoices);
    invoices.iter().map(|i| position.invoice(i.id).open()).sum()
}
