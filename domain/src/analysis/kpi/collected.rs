//! What was collected over a period, invoice by invoice: the invoices behind a month's bar
//! of collections on the dashboard.
//!
//! A period's collections are the payments dated in it, whole (`Timeline::received`): the
//! part allocated to invoices, and the part left as the client's credit. Both are listed, so
//! the lines add up to the bar.

use crate::model::ledger::Ledger;
use crate::values::ids::{ClientId, InvoiceId};
use crate::values::sorting::sort_by;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What one invoice received in the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectedInvoice {
    pub invoice: InvoiceId,
    pub client: ClientId,
    pub amount: Decimal,
    /// The last payment of the period that went to it.
    pub last_payment: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collected {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Invoices that received money, the most recently paid first.
    pub invoices: Vec<CollectedInvoice>,
    /// Per client, what its payments of the period left unallocated (its credit).
    pub unallocated: Vec<(ClientId, Decimal)>,
}

impl Collected {
    /// Everything received in the period: the dashboard's bar for it.
    pub fn total(&self) -> Decimal {
        self.invoices
            .iter()
            .map(|line| line.amount)
            .sum::<Decimal>()
            + self
                .unallocated
                .iter()
                .map(|(_, amount)| *amount)
                .sum::<Decimal>()
    }
}

/// The payments dated within `[from, to]`, spread over the invoices they settled.
pub fn collected_between(ledger: &Ledger, from: NaiveDate, to: NaiveDate) -> Collected {
    let mut by_invoice: BTreeMap<InvoiceId, CollectedInvoice> = BTreeMap::new();
    let mut unallocated: BTreeMap<ClientId, Decimal> = BTreeMap::new();
    let payments = ledger.payments().iter();
    for payment in payments.filter(|p| from <= p.details.date && p.details.date <= to) {
        let date = payment.details.date;
        for allocation in &payment.details.allocations {
            let line = by_invoice
                .entry(allocation.invoice)
                .or_insert(CollectedInvoice {
                    invoice: allocation.invoice,
                    client: payment.details.client,
                    amount: Decimal::ZERO,
                    last_payment: date,
                });
            line.amount += allocation.amount;
            line.last_payment = line.last_payment.max(date);
        }
        let credit = payment.unallocated();
        if credit > Decimal::ZERO {
            *unallocated.entry(payment.details.client).or_default() += credit;
        }
    }
    let mut invoices: Vec<CollectedInvoice> = by_invoice.into_values().collect();
    sort_by(&mut invoices, |a, b| {
        b.last_payment
            .cmp(&a.last_payment)
            .then(a.invoice.cmp(&b.invoice))
    });
    Collected {
        from,
        to,
        invoices,
        unallocated: unallocated.into_iter().collect(),
    }
}
