//! The aging report (balance âgée): what each client owes, by how long it is past due.
//!
//! Every open invoice is counted once, in the bucket of its days past due at the report's
//! date; invoices not yet due, future-dated ones included, are "not yet due". Credits the
//! client has not applied (unallocated payments, overpaid invoices) stand on their own line,
//! so that the total equals the client's balance.

use crate::model::balances::Position;
use crate::model::ledger::Ledger;
use crate::model::settings::AgingBounds;
use crate::values::ids::{ClientId, InvoiceId};
use crate::values::sorting::sort_by;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgedInvoice {
    pub invoice: InvoiceId,
    pub client: ClientId,
    pub due_date: NaiveDate,
    pub days_past_due: i64,
    pub bucket: usize,
    pub open: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientAging {
    pub client: ClientId,
    /// Open amounts per bucket.
    pub buckets: Vec<Decimal>,
    /// Credit not applied to any invoice, shown as its own line.
    pub unapplied_credit: Decimal,
}

impl ClientAging {
    fn new(client: ClientId, buckets: usize) -> Self {
        ClientAging {
            client,
            buckets: vec![Decimal::ZERO; buckets],
            unapplied_credit: Decimal::ZERO,
        }
    }

    pub fn open(&self) -> Decimal {
        self.buckets.iter().sum()
    }

    /// What the client owes net of its credit: its balance.
    pub fn total(&self) -> Decimal {
        self.open() - self.unapplied_credit
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgingReport {
    pub as_of: NaiveDate,
    pub bounds: AgingBounds,
    /// Every open invoice, most overdue first.
    pub invoices: Vec<AgedInvoice>,
    /// One line per client with something open or some credit, by client id.
    pub clients: Vec<ClientAging>,
    pub totals: ClientAging,
}

/// Ages the ledger as of a date: payments and credit notes after it are ignored.
pub fn aging(ledger: &Ledger, as_of: NaiveDate, bounds: &AgingBounds) -> AgingReport {
    let position = Position::new(ledger, as_of);
    let count = bounds.bucket_count();
    let mut invoices = Vec::new();
    let mut clients: BTreeMap<ClientId, ClientAging> = BTreeMap::new();
    for invoice in ledger.invoices() {
        let open = position.invoice(invoice.id).open();
        if open <= Decimal::ZERO {
            continue;
        }
        let days_past_due = (as_of - invoice.due_date()).num_days();
        let bucket = bounds.bucket_of(days_past_due);
        let client = invoice.details.client;
        clients
            .entry(client)
            .or_insert_with(|| ClientAging::new(client, count))
            .buckets[bucket] += open;
        invoices.push(AgedInvoice {
            invoice: invoice.id,
            client,
            due_date: invoice.due_date(),
            days_past_due,
            bucket,
            open,
        });
    }
    for (client, balance) in position.client_balances(ledger) {
        if balance.credit > Decimal::ZERO {
            clients
                .entry(client)
                .or_insert_with(|| ClientAging::new(client, count))
                .unapplied_credit += balance.credit;
        }
    }
    sort_by(&mut invoices, |a, b| {
        b.days_past_due
            .cmp(&a.days_past_due)
            .then(a.invoice.cmp(&b.invoice))
    });
    let mut totals = ClientAging::new(ClientId(0), count);
    for line in clients.values() {
        for (total, amount) in totals.buckets.iter_mut().zip(&line.buckets) {
            *total += *amount;
        }
        totals.unapplied_credit += line.unapplied_credit;
    }
    AgingReport {
        as_of,
        bounds: bounds.clone(),
        invoices,
        clients: clients.into_values().collect(),
        totals,
    }
}
