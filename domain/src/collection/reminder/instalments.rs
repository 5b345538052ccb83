//! Payment plans (échéanciers): a client's balance split into dated instalments.
//!
//! A plan's status is derived from the payments, never stored (except its cancellation, a
//! decision of the user):
//! - what the plan has received by a date is what payments dated from its creation to that
//!   date allocated to the invoices it covers;
//! - instalment `i` is met once that reaches the sum of the instalments up to `i`, so paying
//!   ahead counts toward the next ones and a short payment is carried over;
//! - an instalment still unmet when its grace period has run out (its date plus `grace_days`)
//!   breaks the plan the day after: the client returns to the reminder plan;
//! - once the plan has received its whole amount it is completed.
//!
//! While a plan is active, the client's reminders are paused and the queue proposes instead a
//! courteous note a few days before each unmet instalment and a late note after its date.

use crate::model::balances::Position;
use crate::model::invoice::InvoiceStatus;
use crate::model::ledger::Ledger;
use crate::model::reminders::{in_litigation, Instalment, PaymentPlan, Reminders};
use crate::values::ids::{ClientId, InvoiceId};
use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;

/// A plan as proposed or filled in, before it gets its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPaymentPlan {
    pub client: ClientId,
    pub created_on: NaiveDate,
    pub invoices: Vec<InvoiceId>,
    pub instalments: Vec<Instalment>,
    pub grace_days: u16,
}

/// Where a plan stands on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    Active,
    Completed {
        on: NaiveDate,
    },
    /// Instalment `instalment` (from 0) was still unmet at the end of its grace period.
    Broken {
        on: NaiveDate,
        instalment: u16,
    },
    Cancelled {
        on: NaiveDate,
    },
}

/// How far apart a proposal's instalments are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cadence {
    EveryDays(u16),
    /// The same day each month (the month's last day when it is shorter).
    Monthly,
}

pub const MIN_INSTALMENTS: usize = 2;
pub const MAX_INSTALMENTS: usize = 60;
pub const DEFAULT_GRACE_DAYS: u16 = 7;
pub const MAX_GRACE_DAYS: u16 = 60;
/// How many days before an unmet instalment the courteous note is proposed.
pub const NOTICE_DAYS_BEFORE: u64 = 3;

impl PaymentPlan {
    pub fn total(&self) -> Decimal {
        self.instalments.iter().map(|i| i.amount).sum()
    }

    /// What settled the plan's invoices from its creation, with the dates, oldest first: the
    /// payments allocated to them, and the credit notes granted on them (a credit note lowers
    /// what the client owes, so it counts toward the instalments rather than leaving them
    /// forever short).
    pub(crate) fn receipts(&self, ledger: &Ledger) -> Vec<(NaiveDate, Decimal)> {
        let mut receipts: Vec<(NaiveDate, Decimal)> = ledger
            .payments_of(self.client)
            .filter(|p| p.details.date >= self.created_on)
            .flat_map(|p| {
                p.details
                    .allocations
                    .iter()
                    .filter(|a| self.invoices.contains(&a.invoice))
                    .map(|a| (p.details.date, a.amount))
            })
            .chain(
                ledger
                    .credit_notes()
                    .iter()
                    .filter(|c| c.date >= self.created_on && self.invoices.contains(&c.invoice))
                    .map(|c| (c.date, c.amount)),
            )
            .collect();
        crate::values::sorting::sort_by_key(&mut receipts, |(date, _)| *date);
        receipts
    }

    /// What the plan had received at the end of that day.
    pub fn received(&self, ledger: &Ledger, as_of: NaiveDate) -> Decimal {
        received_by(&self.receipts(ledger), as_of)
    }

    /// The sum of the instalments up to and including `index`: what must have been received
    /// for that instalment to be met.
    pub fn scheduled_through(&self, index: usize) -> Decimal {
        self.instalments
            .iter()
            .take(index + 1)
            .map(|i| i.amount)
            .sum()
    }

    /// The last day an instalment may be met before the plan breaks.
    pub fn grace_end(&self, instalment: &Instalment) -> NaiveDate {
        instalment.date + Days::new(u64::from(self.grace_days))
    }

    pub fn status(&self, ledger: &Ledger, as_of: NaiveDate) -> PlanStatus {
        self.status_from(&self.receipts(ledger), as_of)
    }

    pub(crate) fn status_from(
        &self,
        receipts: &[(NaiveDate, Decimal)],
        as_of: NaiveDate,
    ) -> PlanStatus {
        if let Some(on) = self.cancelled_on.filter(|on| *on <= as_of) {
            return PlanStatus::Cancelled { on };
        }
        // Instalments in date order: the first one missed ends the plan, whatever was paid
        // after. (A plan paid off in time meets every later instalment.)
        for (index, instalment) in self.instalments.iter().enumerate() {
            let grace_end = self.grace_end(instalment);
            if grace_end >= as_of {
                break;
            }
            if received_by(receipts, grace_end) < self.scheduled_through(index) {
                return PlanStatus::Broken {
                    on: grace_end + Days::new(1),
                    instalment: u16::try_from(index).unwrap_or(u16::MAX),
                };
            }
        }
        let completed_on = crate::model::timeline::date_covered(receipts, self.total());
        match completed_on.filter(|on| *on <= as_of) {
            Some(on) => PlanStatus::Completed { on },
            None => PlanStatus::Active,
        }
    }

    pub fn is_active(&self, ledger: &Ledger, as_of: NaiveDate) -> bool {
        self.status(ledger, as_of) == PlanStatus::Active
    }
}

pub(crate) fn received_by(receipts: &[(NaiveDate, Decimal)], date: NaiveDate) -> Decimal {
    receipts
        .iter()
        .take_while(|(day, _)| *day <= date)
        .map(|(_, amount)| *amount)
        .sum()
}

/// Proposes a plan for the client's balance on `as_of`: every invoice issued by then with
/// something open, not written off, not in litigation nor already in an active plan, split
/// into `count` equal instalments from `first_date`. Each instalment is the share rounded
/// down to the cent and the last one takes the remainder, so the amounts add up exactly and
/// none is negative. `None` when the client owes nothing that can be planned, or too little
/// for a cent per instalment.
pub fn proposal(
    ledger: &Ledger,
    reminders: &Reminders,
    client: ClientId,
    as_of: NaiveDate,
    count: u16,
    first_date: NaiveDate,
    cadence: Cadence,
) -> Option<NewPaymentPlan> {
    let count_usize = usize::from(count);
    if !(MIN_INSTALMENTS..=MAX_INSTALMENTS).contains(&count_usize)
        || cadence == Cadence::EveryDays(0)
    {
        return None;
    }
    let litigated = in_litigation(reminders, as_of);
    let planned = reminders.invoices_in_active_plans(ledger, as_of);
    let candidates: Vec<_> = ledger
        .invoices_of(client)
        .filter(|i| i.details.issue_date <= as_of)
        .filter(|i| !litigated.contains(&i.id) && !planned.contains(&i.id))
        .cloned()
        .collect();
    let position = Position::of_invoices(ledger, as_of, &candidates);
    let covered: Vec<_> = candidates
        .iter()
        .filter(|i| position.status(i) != InvoiceStatus::WrittenOff)
        .filter(|i| position.invoice(i.id).open() > Decimal::ZERO)
        .collect();
    let balance: Decimal = covered.iter().map(|i| position.invoice(i.id).open()).sum();
    let share = (balance / Decimal::from(count)).trunc_with_scale(2);
    if share <= Decimal::ZERO {
        return None;
    }
    let mut instalments = Vec::with_capacity(count_usize);
    for index in 0..count {
        let date = match cadence {
            Cadence::EveryDays(days) => {
                first_date.checked_add_days(Days::new(u64::from(days) * u64::from(index)))?
            }
            Cadence::Monthly => first_date.checked_add_months(Months::new(u32::from(index)))?,
        };
        let amount = if index + 1 == count {
            balance - share * Decimal::from(count - 1)
        } else {
            share
        };
        instalments.push(Instalment { date, amount });
    }
    Some(NewPaymentPlan {
        client,
        created_on: as_of,
        invoices: covered.iter().map(|i| i.id).collect(),
        instalments,
        grace_days: DEFAULT_GRACE_DAYS,
    })
}
