//! Litigation (contentieux): invoices handed over to a collection agency or to court. Such
//! invoices leave the automatic reminders for as long as the litigation is open (the model's
//! [`crate::model::reminders::Litigation`]), and the KPIs show their amount apart.

use crate::model::balances::Position;
use crate::model::ledger::Ledger;
use crate::model::reminders::{in_litigation, LitigationKind, Reminders};
use crate::values::ids::{ClientId, InvoiceId};
use chrono::NaiveDate;
use rust_decimal::Decimal;

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
