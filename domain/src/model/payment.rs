//! Payments received and how they are allocated to invoices.

use crate::values::ids::{ClientId, InvoiceId, PaymentId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    #[default]
    Transfer,
    DirectDebit,
    Cheque,
    Card,
    Cash,
    Other,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 6] = [
        PaymentMethod::Transfer,
        PaymentMethod::DirectDebit,
        PaymentMethod::Cheque,
        PaymentMethod::Card,
        PaymentMethod::Cash,
        PaymentMethod::Other,
    ];
}

/// The part of a payment that settles one invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub invoice: InvoiceId,
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDetails {
    pub client: ClientId,
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    pub amount: Decimal,
    pub method: PaymentMethod,
    pub reference: String,
    /// What the payment settles; the rest of `amount` is the client's credit.
    pub allocations: Vec<Allocation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: PaymentId,
    pub details: PaymentDetails,
}

impl Payment {
    pub fn allocated(&self) -> Decimal {
        self.details.allocations.iter().map(|a| a.amount).sum()
    }

    /// What the payment has not settled yet: the client's credit.
    pub fn unallocated(&self) -> Decimal {
        self.details.amount - self.allocated()
    }
}
