//! What late payment costs the business: the financing of overdue receivables and the time
//! spent chasing them, in figures a manager weighs against a reminder routine or factoring.

use crate::model::settings::KpiSettings;
use crate::model::timeline::Timeline;
use crate::values::money::round_cents;
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

/// The cost of late payment as of a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LateCost {
    /// Receivables past due at the date.
    pub overdue: Decimal,
    pub financing_rate: Decimal,
    /// What financing each overdue amount since its due date has cost so far.
    pub financing_to_date: Decimal,
    /// What carrying today's overdue amount costs per month at the rate.
    pub financing_per_month: Decimal,
    /// Invoices paid late over the last twelve months or still overdue: each needed chasing.
    pub late_invoices: usize,
    pub chasing_hours: Decimal,
    /// `chasing_hours` valued at the hourly cost, when the user gave one.
    pub chasing_cost: Option<Decimal>,
}

pub fn late_cost(timeline: &Timeline, as_of: NaiveDate, settings: &KpiSettings) -> LateCost {
    let year_before = as_of
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let annual = settings.financing_rate / Decimal::ONE_HUNDRED;
    let mut overdue = Decimal::ZERO;
    let mut interest = Decimal::ZERO;
    let mut late_invoices = 0;
    for history in timeline.invoices.iter().filter(|h| h.issued_by(as_of)) {
        let open = history.open_at(as_of);
        if history.due < as_of && open > Decimal::ZERO {
            overdue += open;
            interest += open * annual * Decimal::from((as_of - history.due).num_days())
                / Decimal::from(365);
            late_invoices += 1;
        } else if history
            .paid_on
            .is_some_and(|paid| paid > history.due && year_before < paid && paid <= as_of)
        {
            late_invoices += 1;
        }
    }
    let chasing_hours = settings.chasing_hours * Decimal::from(late_invoices);
    LateCost {
        overdue,
        financing_rate: settings.financing_rate,
        financing_to_date: round_cents(interest),
        financing_per_month: round_cents(overdue * annual / Decimal::from(12)),
        late_invoices,
        chasing_hours,
        chasing_cost: settings
            .hourly_cost
            .map(|cost| round_cents(cost * chasing_hours)),
    }
}
