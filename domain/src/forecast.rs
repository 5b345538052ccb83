//! Cash-in forecast: the open invoices summed per week by the day each is expected to be paid
//! (see [`crate::prediction`]), over the next 13 weeks.
//!
//! What is already overdue is shown apart, as is what is in dispute: neither has a date one
//! can plan on. The cash alert compares the first weeks' expected cash with the user's
//! threshold.

use crate::ids::{ClientId, InvoiceId};
use crate::kpi::KpiSettings;
use crate::prediction::{Delay, PaymentModel};
use crate::timeline::Timeline;
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

/// Where one open invoice lands in the forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// Expected on this day (within the horizon or after it).
    On(NaiveDate, Delay),
    Overdue,
    Disputed,
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
    pub overdue: Decimal,
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

    /// Everything open at the as-of date: the weeks, later, overdue and disputed together.
    pub fn total(&self) -> Decimal {
        self.expected_within(WEEKS) + self.later + self.overdue + self.disputed
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
    let mut overdue = Decimal::ZERO;
    let mut disputed = Decimal::ZERO;
    let mut lines = Vec::new();
    for history in timeline.invoices.iter().filter(|h| h.issued_by(as_of)) {
        let open = history.open_at(as_of);
        if open <= Decimal::ZERO {
            continue;
        }
        let expectation = if history.disputed_at(as_of) {
            disputed += open;
            Expectation::Disputed
        } else if history.due < as_of {
            overdue += open;
            Expectation::Overdue
        } else {
            let (date, delay) = model.expected_payment(history, as_of);
            let week = usize::try_from((date - monday).num_days() / 7).unwrap_or(0);
            match weeks.get_mut(week) {
                Some(slot) => {
                    slot.expected += open;
                    slot.invoices += 1;
                }
                None => later += open,
            }
            Expectation::On(date, delay)
        };
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
        overdue,
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
