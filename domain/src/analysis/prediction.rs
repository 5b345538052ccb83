//! When each open invoice is likely to be paid, learnt from how its client paid before.
//!
//! One model, and one rule ([`PaymentModel::expectation`]), serves the cash-in forecast and
//! the client page's expected payment dates, so the two never disagree. A client's usual
//! delay is the amount-weighted mean of its days beyond terms (negative when it pays early)
//! over the invoices it paid during the lookback; with fewer than [`MIN_HISTORY`] of them the
//! portfolio's mean stands in, and without any paid invoice at all, the terms themselves.

use crate::model::timeline::{InvoiceHistory, Timeline};
use crate::values::ids::ClientId;
use chrono::{Duration, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;

/// Paid invoices a client needs before its own history is trusted.
pub const MIN_HISTORY: usize = 3;
/// How far back payment behaviour is read.
pub const LOOKBACK_MONTHS: u32 = 24;

/// Where a predicted delay comes from, so the screen can say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DelayBasis {
    /// The client's own paid invoices (how many).
    Client { paid: usize },
    /// Every client's paid invoices, for a client with too little history.
    Portfolio,
    /// Nobody has paid anything yet: the due date itself.
    Terms,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delay {
    /// Whole days beyond the due date (negative: before it).
    pub days: i64,
    pub basis: DelayBasis,
}

/// Running sums for an amount-weighted mean of days (the payment model's delays, the score's
/// days beyond terms).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WeightedDays {
    amount: Decimal,
    amount_days: Decimal,
    count: usize,
}

impl WeightedDays {
    pub(crate) fn of(items: impl IntoIterator<Item = (Decimal, i64)>) -> Self {
        let mut sums = WeightedDays::default();
        for (amount, days) in items {
            sums.add(amount, days);
        }
        sums
    }

    fn add(&mut self, amount: Decimal, days: i64) {
        self.amount += amount;
        self.amount_days += amount * Decimal::from(days);
        self.count += 1;
    }

    /// Rounded half away from zero; None without amount.
    pub(crate) fn mean_days(&self) -> Option<i64> {
        if self.count == 0 || self.amount.is_zero() {
            return None;
        }
        let mean = (self.amount_days / self.amount)
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        i64::try_from(mean).ok()
    }
}

/// Where one open invoice stands as of a date (see [`PaymentModel::expectation`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// Expected on this day (on or after the as-of date, within the forecast's horizon or
    /// after it), from this delay.
    On(NaiveDate, Delay),
    /// Past due and past the day the client's usual delay gave: late beyond its habit.
    Overdue,
    /// In dispute at the as-of date.
    Disputed,
}

/// Each client's usual delay as of a date.
#[derive(Clone, Debug)]
pub struct PaymentModel {
    clients: HashMap<ClientId, WeightedDays>,
    portfolio: WeightedDays,
}

impl PaymentModel {
    /// Learns from the invoices paid within the lookback before `as_of`, on or before it.
    pub fn learn(timeline: &Timeline, as_of: NaiveDate) -> Self {
        let since = as_of
            .checked_sub_months(Months::new(LOOKBACK_MONTHS))
            .unwrap_or(NaiveDate::MIN);
        let mut clients: HashMap<ClientId, WeightedDays> = HashMap::new();
        let mut portfolio = WeightedDays::default();
        for history in &timeline.invoices {
            let Some(paid) = history.paid_on.filter(|d| since < *d && *d <= as_of) else {
                continue;
            };
            let days = (paid - history.due).num_days();
            clients
                .entry(history.client())
                .or_default()
                .add(history.total, days);
            portfolio.add(history.total, days);
        }
        PaymentModel { clients, portfolio }
    }

    pub fn delay_of(&self, client: ClientId) -> Delay {
        let own = self.clients.get(&client).copied().unwrap_or_default();
        if own.count >= MIN_HISTORY {
            if let Some(days) = own.mean_days() {
                return Delay {
                    days,
                    basis: DelayBasis::Client { paid: own.count },
                };
            }
        }
        match self.portfolio.mean_days() {
            Some(days) => Delay {
                days,
                basis: DelayBasis::Portfolio,
            },
            None => Delay {
                days: 0,
                basis: DelayBasis::Terms,
            },
        }
    }

    /// Where an invoice open at `as_of` stands: the one rule the cash-in forecast and the
    /// client page both read, so they never give two answers for the same invoice.
    ///
    /// Disputed at `as_of`: [`Expectation::Disputed`]. Otherwise the expected day is the due
    /// date moved by the client's usual delay. An invoice already past due whose expected day
    /// has also passed is late beyond what its client usually takes: there is no date one can
    /// plan on, hence [`Expectation::Overdue`]. Anything else is expected on that day, never
    /// before `as_of` (what has not arrived yet arrives from today on) — including an overdue
    /// invoice still within its client's usual delay.
    pub fn expectation(&self, history: &InvoiceHistory, as_of: NaiveDate) -> Expectation {
        if history.disputed_at(as_of) {
            return Expectation::Disputed;
        }
        let delay = self.delay_of(history.client());
        let expected = history
            .due
            .checked_add_signed(Duration::days(delay.days))
            .unwrap_or(history.due);
        if history.due < as_of && expected < as_of {
            Expectation::Overdue
        } else {
            Expectation::On(expected.max(as_of), delay)
        }
    }
}
