//! Cash-in forecast: the open invoices summed per week by the day each is expected to be paid
//! (see [`crate::analysis::prediction`]), over the next 13 weeks.
//!
//! Each invoice is placed by [`PaymentModel::expectation`], the rule the client page also
//! shows: an overdue invoice still within its client's usual delay is expected in its week;
//! one late beyond that delay is shown apart, as is what is in dispute: neither has a date
//! one can plan on. The cash alert compares the first weeks' expected cash with the user's
//! threshold.

use crate::analysis::prediction::PaymentModel;
use crate::model::settings::KpiSettings;
use crate::values::ids::{ClientId, InvoiceId};
// The forecast's lines carry it; re-exported so the forecast's users need one import.
pub use crate::analysis::prediction::Expectation;
use crate::model::timeline::Timeline;
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;

/// How many weeks the forecast covers.
pub const WEEKS: usize = 13;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastWeek {
    /// The week's Monday (the first week may have begun before the as-of date).
    pub start: NaiveDate,
    pub expected: Decimal,
    pub invoices: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastLine {
    pub invoice: InvoiceId,
    pub client: ClientId,
    pub open: Decimal,
    pub expectation: Expectation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CashAlert {
    pub weeks: u32,
    pub expected: Decimal,
    pub threshold: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashInForecast {
    pub as_of: NaiveDate,
    pub weeks: Vec<ForecastWeek>,
    /// Expected after the last week.
    pub later: Decimal,
    /// Overdue beyond the client's usual delay ([`Expectation::Overdue`]), not forecast.
    pub overdue_unexpected: Decimal,
    pub disputed: Decimal,
    /// Every open invoice, in the ledger's order.
    pub lines: Vec<ForecastLine>,
    pub alert: Option<CashAlert>,
}

impl CashInForecast {
    /// Cash expected over the first `weeks` weeks.
    pub fn expected_within(&self, weeks: usize) -> Decimal {
        self.weeks.iter().take(weeks).map(|w| w.expected).sum()
    }

    /// The invoices behind a week's bar: those expected from its Monday to its Sunday.
    pub fn lines_in_week(&self, start: NaiveDate) -> impl Iterator<Item = &ForecastLine> {
        let end = start + Duration::days(7);
        self.lines.iter().filter(move |line| {
            matches!(line.expectation, Expectation::On(date, _) if start <= date && date < end)
        })
    }

    /// Everything open at the as-of date: the weeks, later, overdue beyond the usual delay and
    /// disputed together.
    pub fn total(&self) -> Decimal {
        self.expected_within(WEEKS) + self.later + self.overdue_unexpected + self.disputed
    }
}

pub fn cash_in_forecast(
    timeline: &Timeline,
    as_of: NaiveDate,
    settings: &KpiSettings,
) -> CashInForecast {
    let model = PaymentModel::learn(timeline, as_of);
    let monday = as_of - Duration::days(i64::from(as_of.weekday().num_days_from_monday()));
    let mut weeks: Vec<ForecastWeek> = (0..WEEKS)
        .map(|week| ForecastWeek {
            start: monday + Duration::weeks(week as i64),
            expected: Decimal::ZERO,
            invoices: 0,
        })
        .collect();
    let mut later = Decimal::ZERO;
    let mut overdue_unexpected = Decimal::ZERO;
    let mut disputed = Decimal::ZERO;
    let mut lines = Vec::new();
    for history in timeline.invoices.iter().filter(|h| h.issued_by(as_of)) {
        let open = history.open_at(as_of);
        if open <= Decimal::ZERO {
            continue;
        }
        let expectation = model.expectation(history, as_of);
        match expectation {
            Expectation::Disputed => disputed += open,
            Expectation::Overdue => overdue_unexpected += open,
            Expectation::On(date, _) => {
                // `date` is never before `as_of`, so never before week 0's Monday.
                let week = usize::try_from((date - monday).num_days() / 7).unwrap_or(0);
                match weeks.get_mut(week) {
                    Some(slot) => {
                        slot.expected += open;
                        slot.invoices += 1;
                    }
                    None => later += open,
                }
            }
        }
        lines.push(ForecastLine {
            invoice: history.invoice.id,
            client: history.client(),
            open,
            expectation,
        });
    }
    let mut forecast = CashInForecast {
        as_of,
        weeks,
        later,
        overdue_unexpected,
        disputed,
        lines,
        alert: None,
    };
    if let Some(threshold) = settings.cash_alert {
        let horizon = settings.cash_alert_weeks;
        let expected = forecast.expected_within(horizon as usize);
        if expected < threshold {
            forecast.alert = Some(CashAlert {
                weeks: horizon,
                expected,
                threshold,
            });
        }
    }
    forecast
}
