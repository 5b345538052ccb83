//! What the imports of invoices, clients and payments (an FEC, an invoicing tool's CSV) leave
//! in the ledger: the record of what each created, so that it can be undone, and the columns
//! named once per CSV layout. Reading, planning and applying an import are the files layer's
//! ([`crate::files::import`]).

use crate::values::ids::{ClientId, CreditNoteId, InvoiceId, PaymentId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a date of three numbers is read; ISO (`2026-02-05`) and `20260205` read either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `05/02/2026`, as French tools write it.
    #[default]
    DayFirst,
    /// `02/05/2026`, as US tools write it.
    MonthFirst,
}

/// Which column (counted from 0) holds what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceColumns {
    pub number: usize,
    pub client: usize,
    pub issue_date: usize,
    pub due_date: Option<usize>,
    /// Excluding VAT (HT).
    pub net: Option<usize>,
    pub vat: Option<usize>,
    /// Including VAT (TTC).
    pub total: Option<usize>,
    /// The amount paid (on this row's payment, for one row per payment).
    pub paid: Option<usize>,
    pub payment_date: Option<usize>,
    /// How it was paid (virement, chèque, card...).
    pub method: Option<usize>,
    pub siren: Option<usize>,
    /// The client's IBAN: recognises a client known under another name, and is kept for a
    /// new one.
    pub iban: Option<usize>,
    /// The terms in words (`30 jours fin de mois`, `à réception`), when no due date is given.
    pub terms: Option<usize>,
    pub date_order: DateOrder,
}

/// The columns chosen once for an invoicing tool's CSV layout, kept with the ledger so that
/// its next export is read the same way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedInvoiceColumns {
    pub signature: String,
    pub columns: InvoiceColumns,
}

/// What one import created, kept so that it can be undone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    #[serde(with = "crate::values::iso_date")]
    pub on: NaiveDate,
    pub file_name: String,
    pub clients: Vec<ClientId>,
    pub invoices: Vec<InvoiceId>,
    pub credit_notes: Vec<CreditNoteId>,
    pub payments: Vec<PaymentId>,
}
