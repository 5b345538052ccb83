//! What else changes what an invoice is owed: credit notes, disputes and write-offs.

use crate::values::ids::{CreditNoteId, DisputeId, InvoiceId, WriteOffId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A credit note (avoir) reduces what one invoice is owed from its date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditNote {
    pub id: CreditNoteId,
    pub number: String,
    pub invoice: InvoiceId,
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    /// Including VAT.
    pub amount: Decimal,
    pub reason: String,
}

/// A dispute (litige) on an invoice; while open, the invoice is shown as disputed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    pub id: DisputeId,
    pub invoice: InvoiceId,
    #[serde(with = "crate::values::iso_date")]
    pub opened_on: NaiveDate,
    pub reason: String,
    #[serde(with = "crate::values::iso_date::option")]
    pub closed_on: Option<NaiveDate>,
    pub resolution: String,
}

impl Dispute {
    pub fn is_open_on(&self, date: NaiveDate) -> bool {
        self.opened_on <= date && self.closed_on.is_none_or(|closed| closed > date)
    }
}

/// A write-off (passage en perte): the open balance at that date is given up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteOff {
    pub id: WriteOffId,
    pub invoice: InvoiceId,
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    pub amount: Decimal,
    pub reason: String,
}
