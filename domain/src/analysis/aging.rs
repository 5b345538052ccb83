//! The aging report (balance âgée): what each client owes, by how long it is past due.
//!
//! Every open invoice is counted once, in the bucket of its days past due at the report's
//! date; invoices not yet due, future-dated ones included, are "not yet due". Credits the
//! client has not applied (unallocated payments, overpaid invoices) stand on their own line,
//! so that the total equals the client's balance.

use crate::model::balances::Position;
use crate::model::ledger::Ledger;
use crate::values::ids::{ClientId, InvoiceId};
use crate::values::sorting::sort_by;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The upper bounds, in days past due, of the overdue buckets; one more bucket holds what
/// is older. The default, 30/60/90, gives: not yet due, 1–30, 31–60, 61–90, over 90.
///
/// Stored as a plain list (`[30, 60, 90]`); reading one checks it like [`AgingBounds::new`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<u32>", into = "Vec<u32>")]
pub struct AgingBounds(Vec<u32>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsProblem {
    Empty,
    NotIncreasing,
}

impl std::fmt::Display for BoundsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BoundsProblem::Empty => "at least one bound is needed",
            BoundsProblem::NotIncreasing => "bounds must be positive and increasing",
        })
    }
}

impl TryFrom<Vec<u32>> for AgingBounds {
    type Error = BoundsProblem;
    fn try_from(bounds: Vec<u32>) -> Result<Self, BoundsProblem> {
        AgingBounds::new(bounds)
    }
}

impl From<AgingBounds> for Vec<u32> {
    fn from(bounds: AgingBounds) -> Vec<u32> {
        bounds.0
    }
}

impl Default for AgingBounds {
    fn default() -> Self {
        AgingBounds(vec![30, 60, 90])
    }
}

impl AgingBounds {
    /// Bounds must be positive and strictly increasing.
    pub fn new(bounds: Vec<u32>) -> Result<Self, BoundsProblem> {
        if bounds.is_empty() {
            return Err(BoundsProblem::Empty);
        }
        if bounds[0] == 0 || bounds.windows(2).any(|w| w[0] >= w[1]) {
            return Err(BoundsProblem::NotIncreasing);
        }
        Ok(AgingBounds(bounds))
    }

    pub fn bounds(&self) -> &[u32] {
        &self.0
    }

    /// How many buckets: not yet due, one per bound, and the oldest.
    pub fn bucket_count(&self) -> usize {
        self.0.len() + 2
    }

    /// The bucket of an invoice `days` past due (0 or less: not yet due).
    pub fn bucket_of(&self, days: i64) -> usize {
        if days <= 0 {
            return 0;
        }
        1 + self
            .0
            .iter()
            .take_while(|&&bound| days > i64::from(bound))
            .count()
    }

    /// The day range of a bucket: `(first, last)`, `last` None for the oldest; bucket 0 is
    /// "not yet due" and has no range.
    pub fn range_of(&self, bucket: usize) -> Option<(u32, Option<u32>)> {
        match bucket {
            0 => None,
            b => {
                let first = if b == 1 { 1 } else { self.0[b - 2] + 1 };
                Some((first, self.0.get(b - 1).copied()))
            }
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_buckets_match_the_usual_report() {
        // Guards against an invoice 30 days late landing in "31–60".
        let b = AgingBounds::default();
        assert_eq!(b.bucket_count(), 5);
        assert_eq!(
            [-5, 0, 1, 30, 31, 60, 61, 90, 91, 900].map(|d| b.bucket_of(d)),
            [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
        );
        assert_eq!(b.range_of(0), None);
        assert_eq!(b.range_of(1), Some((1, Some(30))));
        assert_eq!(b.range_of(2), Some((31, Some(60))));
        assert_eq!(b.range_of(4), Some((91, None)));
    }

    #[test]
    fn custom_bounds_are_checked() {
        assert_eq!(AgingBounds::new(vec![]), Err(BoundsProblem::Empty));
        assert_eq!(
            AgingBounds::new(vec![30, 30]),
            Err(BoundsProblem::NotIncreasing)
        );
        assert_eq!(
            AgingBounds::new(vec![0, 30]),
            Err(BoundsProblem::NotIncreasing)
        );
        let erp = AgingBounds::new(vec![30, 60, 90, 120]).unwrap();
        assert_eq!(erp.bucket_of(100), 4);
        assert_eq!(erp.bucket_of(121), 5);
    }
}
