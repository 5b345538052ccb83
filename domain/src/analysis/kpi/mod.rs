//! Receivables KPIs as of any date, and their monthly series (issue 4).
//!
//! Every figure counts only what was known at the end of the as-of day: invoices issued,
//! payments and credit notes dated on or before it. Unlike the aging report, which shows
//! invoices dated in the future as "not yet due", the KPIs leave them out: an invoice issued
//! next month is not a sale of this period nor a receivable of today.
//!
//! The DSO period is made of calendar months walked back from the as-of date: the as-of month
//! up to that day, then whole months. At a month's end that is exactly "the last N months".

pub mod collected;
pub mod cost;
pub mod formulas;

use crate::law::penalty::claims::{Claim, PenaltyInputs};
use crate::model::ledger::Ledger;
use crate::model::reminders::in_litigation;
use crate::model::settings::{KpiSettings, ALERT_WEEKS};
use crate::model::terms::end_of_month;
use crate::model::timeline::Timeline;
use crate::values::ids::ClientId;
use crate::values::money::parse_percent;
use crate::values::problem::{FieldError, Problem};
use crate::values::sorting::sort_by;
use chrono::{Datelike, Months, NaiveDate};
use formulas::{
    average_days, collection_effectiveness, days_delinquent, dso_accounting, dso_countback,
    percent, DaysAverage, MonthSales, PaidInvoice,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// How many months the dashboard's series go back.
pub const SERIES_MONTHS: u32 = 24;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KpiField {
    CashAlert,
    CashAlertWeeks,
    FinancingRate,
    ChasingHours,
    HourlyCost,
}

/// The dashboard's figures as typed in the settings; empty optional fields mean "none".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KpiForm {
    pub cash_alert: String,
    pub cash_alert_weeks: String,
    pub financing_rate: String,
    pub chasing_hours: String,
    pub hourly_cost: String,
}

impl KpiForm {
    pub fn from_settings(settings: &KpiSettings) -> Self {
        let text = |value: Decimal| value.normalize().to_string().replace('.', ",");
        KpiForm {
            cash_alert: settings.cash_alert.map(text).unwrap_or_default(),
            cash_alert_weeks: settings.cash_alert_weeks.to_string(),
            financing_rate: text(settings.financing_rate),
            chasing_hours: text(settings.chasing_hours),
            hourly_cost: settings.hourly_cost.map(text).unwrap_or_default(),
        }
    }

    /// The settings with these figures, the DSO choices kept from `current`.
    pub fn validate(
        &self,
        current: &KpiSettings,
    ) -> Result<KpiSettings, Vec<FieldError<KpiField>>> {
        let mut errors = Vec::new();
        let mut figure = |field: KpiField, text: &str, max: Option<Decimal>| -> Option<Decimal> {
            match parse_percent(text) {
                Ok(None) => None,
                Ok(Some(value)) if value < Decimal::ZERO => {
                    errors.push(FieldError::new(field, Problem::AmountNegative));
                    None
                }
                Ok(Some(value)) if max.is_some_and(|max| value > max) => {
                    errors.push(FieldError::new(field, Problem::RateOutOfRange));
                    None
                }
                Ok(value) => value,
                Err(problem) => {
                    errors.push(FieldError::new(field, problem));
                    None
                }
            }
        };
        let hundred = Some(Decimal::ONE_HUNDRED);
        let cash_alert = figure(KpiField::CashAlert, &self.cash_alert, None);
        let financing_rate = figure(KpiField::FinancingRate, &self.financing_rate, hundred);
        let chasing_hours = figure(KpiField::ChasingHours, &self.chasing_hours, hundred);
        let hourly_cost = figure(KpiField::HourlyCost, &self.hourly_cost, None);
        let weeks = self.cash_alert_weeks.trim().parse::<u32>().ok();
        if !weeks.is_some_and(|w| ALERT_WEEKS.contains(&w)) {
            errors.push(FieldError::new(
                KpiField::CashAlertWeeks,
                Problem::DaysOutOfRange { min: 1, max: 13 },
            ));
        }
        for (field, value, text) in [
            (
                KpiField::FinancingRate,
                financing_rate,
                &self.financing_rate,
            ),
            (KpiField::ChasingHours, chasing_hours, &self.chasing_hours),
        ] {
            if value.is_none() && text.trim().is_empty() {
                errors.push(FieldError::new(field, Problem::Required));
            }
        }
        match (weeks, financing_rate, chasing_hours) {
            (Some(cash_alert_weeks), Some(financing_rate), Some(chasing_hours))
                if errors.is_empty() =>
            {
                Ok(KpiSettings {
                    cash_alert,
                    cash_alert_weeks,
                    financing_rate,
                    chasing_hours,
                    hourly_cost,
                    ..current.clone()
                })
            }
            _ => Err(errors),
        }
    }
}

/// Every KPI as of one date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kpis {
    pub as_of: NaiveDate,
    /// First day of the DSO period; the period ends on the as-of date.
    pub period_start: NaiveDate,
    pub period_days: u32,
    pub period_months: u32,
    /// Open at the as-of date, over every invoice issued by then.
    pub outstanding: Decimal,
    pub overdue: Decimal,
    pub open_count: usize,
    pub overdue_count: usize,
    /// Open and in dispute at the as-of date.
    pub disputed: Decimal,
    /// Open and handed over to a collection agency or to court at the as-of date: no longer
    /// chased by reminders, shown apart (it stays in the outstanding and the DSO).
    pub in_litigation: Decimal,
    pub litigation_count: usize,
    /// Whether the DSO family counts the disputed invoices (a setting).
    pub counts_disputed: bool,
    /// The receivables the DSO family divides: all outstanding, or without the disputed.
    pub dso_receivables: Decimal,
    /// Of those, not yet due.
    pub dso_current: Decimal,
    /// Invoices issued less credit notes granted over the period.
    pub sales: Decimal,
    pub dso: Option<Decimal>,
    pub countback_dso: Decimal,
    pub best_possible_dso: Option<Decimal>,
    pub days_delinquent: Option<Decimal>,
    /// Receivables at the end of the day before the period: CEI's opening balance.
    pub opening: Decimal,
    pub cei: Option<Decimal>,
    pub overdue_share_amount: Decimal,
    pub overdue_share_count: Decimal,
    /// Invoices paid within the period, which the delay averages are made of.
    pub paid_count: usize,
    pub days_to_pay: Option<DaysAverage>,
    /// Days beyond the due date, an early payment counting as 0.
    pub days_late: Option<DaysAverage>,
    /// Days beyond the due date, an early payment counting as negative.
    pub days_late_signed: Option<DaysAverage>,
    /// Cash received from the first of the as-of month, and of its quarter, to the as-of date.
    pub collected_month: Decimal,
    pub collected_quarter: Decimal,
    /// Interest and indemnities that may be claimed at the as-of date.
    pub claimable: Claim,
    /// Late invoices whose penalties need a rate missing from the table.
    pub claimable_missing_rates: usize,
}

/// A client among those with the most overdue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverdueClient {
    pub client: ClientId,
    pub overdue: Decimal,
    pub invoices: usize,
    /// Days past due of its oldest overdue invoice.
    pub oldest_days: i64,
}

/// What the dashboard shows: today's KPIs, those of a month before, and the monthly series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KpiReport {
    pub now: Kpis,
    /// The same KPIs on the same day a month earlier, for the change shown on each card.
    pub month_before: Kpis,
    /// One point per month, oldest first: each past month's last day, then the as-of date.
    pub series: Vec<Kpis>,
    pub most_overdue: Vec<OverdueClient>,
}

/// The first day of the month `back` months before the date's month.
fn first_of_month_back(date: NaiveDate, back: u32) -> NaiveDate {
    date.with_day(1)
        .and_then(|first| first.checked_sub_months(Months::new(back)))
        .unwrap_or(NaiveDate::MIN)
}

/// The period's calendar months, newest first, as (first day, last day counted).
fn months_walked(as_of: NaiveDate, months: u32) -> Vec<(NaiveDate, NaiveDate)> {
    (0..months)
        .map(|back| {
            let first = first_of_month_back(as_of, back);
            let last = if back == 0 {
                as_of
            } else {
                end_of_month(first)
            };
            (first, last)
        })
        .collect()
}

fn days_between(first: NaiveDate, last: NaiveDate) -> u32 {
    u32::try_from((last - first).num_days() + 1).unwrap_or(0)
}

/// The KPIs as of a date, with the ledger's settings.
pub fn kpis(ledger: &Ledger, as_of: NaiveDate) -> Kpis {
    kpis_on(ledger, &Timeline::new(ledger), as_of)
}

fn kpis_on(ledger: &Ledger, timeline: &Timeline, as_of: NaiveDate) -> Kpis {
    let settings = &ledger.settings().kpi;
    let months = months_walked(as_of, settings.dso_period.months());
    let period_start = months.last().map_or(as_of, |(first, _)| *first);
    let opening_day = period_start.pred_opt().unwrap_or(period_start);

    let mut figures = OpenFigures::default();
    let mut opening = Decimal::ZERO;
    let mut paid = Vec::new();
    let mut late = Vec::new();
    let mut late_signed = Vec::new();
    let litigated = in_litigation(ledger.reminders(), as_of);
    let (mut litigation_amount, mut litigation_count) = (Decimal::ZERO, 0);
    for history in timeline.invoices.iter().filter(|h| h.issued_by(as_of)) {
        if history.issued_by(opening_day) {
            opening += history.open_at(opening_day);
        }
        let open = history.open_at(as_of);
        if open > Decimal::ZERO && litigated.contains(&history.invoice.id) {
            litigation_amount += open;
            litigation_count += 1;
        }
        if open > Decimal::ZERO {
            let disputed = history.disputed_at(as_of);
            figures.add(
                open,
                history.due < as_of,
                disputed,
                settings.dso_counts_disputed,
            );
        }
        if let Some(paid_on) = history
            .paid_on
            .filter(|d| period_start <= *d && *d <= as_of)
        {
            let amount = history.total;
            let days_late = (paid_on - history.due).num_days();
            let days = (paid_on - history.invoice.details.issue_date).num_days();
            paid.push(PaidInvoice { amount, days });
            late.push(PaidInvoice {
                amount,
                days: days_late.max(0),
            });
            late_signed.push(PaidInvoice {
                amount,
                days: days_late,
            });
        }
    }

    let sales = timeline.net_sales(period_start, as_of);
    let period_days = days_between(period_start, as_of);
    let walked: Vec<MonthSales> = months
        .iter()
        .map(|(first, last)| MonthSales {
            days: days_between(*first, *last),
            sales: timeline.net_sales(*first, *last),
        })
        .collect();
    let dso = dso_accounting(figures.dso_receivables, sales, period_days);
    let best_possible_dso = dso_accounting(figures.dso_current, sales, period_days);
    let period_months = settings.dso_period.months();
    let cei = collection_effectiveness(
        opening,
        sales / Decimal::from(period_months),
        figures.outstanding,
        figures.outstanding - figures.overdue,
    );
    let quarter_start = first_of_month_back(as_of, (as_of.month() - 1) % 3);
    let claims = PenaltyInputs::on(ledger, timeline, as_of).claims();
    Kpis {
        as_of,
        period_start,
        period_days,
        period_months,
        outstanding: figures.outstanding,
        overdue: figures.overdue,
        open_count: figures.open_count,
        overdue_count: figures.overdue_count,
        disputed: figures.disputed,
        in_litigation: litigation_amount,
        litigation_count,
        counts_disputed: settings.dso_counts_disputed,
        dso_receivables: figures.dso_receivables,
        dso_current: figures.dso_current,
        sales,
        dso,
        countback_dso: dso_countback(figures.dso_receivables, &walked),
        best_possible_dso,
        days_delinquent: days_delinquent(dso, best_possible_dso),
        opening,
        cei,
        overdue_share_amount: percent(figures.overdue, figures.outstanding),
        overdue_share_count: percent(
            Decimal::from(figures.overdue_count),
            Decimal::from(figures.open_count),
        ),
        paid_count: paid.len(),
        days_to_pay: average_days(&paid),
        days_late: average_days(&late),
        days_late_signed: average_days(&late_signed),
        collected_month: timeline.received(first_of_month_back(as_of, 0), as_of),
        collected_quarter: timeline.received(quarter_start, as_of),
        claimable: claims.total,
        claimable_missing_rates: claims.missing_rates.len(),
    }
}

/// The open amounts at the as-of date, gathered invoice by invoice.
#[derive(Default)]
struct OpenFigures {
    outstanding: Decimal,
    overdue: Decimal,
    open_count: usize,
    overdue_count: usize,
    disputed: Decimal,
    dso_receivables: Decimal,
    dso_current: Decimal,
}

impl OpenFigures {
    fn add(&mut self, open: Decimal, overdue: bool, disputed: bool, counts_disputed: bool) {
        self.outstanding += open;
        self.open_count += 1;
        if overdue {
            self.overdue += open;
            self.overdue_count += 1;
        }
        if disputed {
            self.disputed += open;
        }
        if counts_disputed || !disputed {
            self.dso_receivables += open;
            if !overdue {
                self.dso_current += open;
            }
        }
    }
}

/// The clients with the most overdue at the date, most first (ties by client id).
pub fn most_overdue(timeline: &Timeline, as_of: NaiveDate, count: usize) -> Vec<OverdueClient> {
    let mut per_client: BTreeMap<ClientId, OverdueClient> = BTreeMap::new();
    for history in timeline.invoices.iter().filter(|h| h.issued_by(as_of)) {
        let open = history.open_at(as_of);
        if history.due >= as_of || open <= Decimal::ZERO {
            continue;
        }
        let line = per_client
            .entry(history.client())
            .or_insert_with(|| OverdueClient {
                client: history.client(),
                overdue: Decimal::ZERO,
                invoices: 0,
                oldest_days: 0,
            });
        line.overdue += open;
        line.invoices += 1;
        line.oldest_days = line.oldest_days.max((as_of - history.due).num_days());
    }
    let mut lines: Vec<OverdueClient> = per_client.into_values().collect();
    sort_by(&mut lines, |a, b| b.overdue.cmp(&a.overdue));
    lines.truncate(count);
    lines
}

/// The dates of the monthly series ending at `as_of`, oldest first.
pub fn series_dates(as_of: NaiveDate) -> Vec<NaiveDate> {
    (0..SERIES_MONTHS)
        .rev()
        .map(|back| {
            if back == 0 {
                as_of
            } else {
                end_of_month(first_of_month_back(as_of, back))
            }
        })
        .collect()
}

/// Everything the dashboard shows, from one pass over the ledger.
/// `timeline` is the ledger's (`Timeline::new(ledger)`): the dashboard builds it once for the
/// report, the forecast and the cost of late payment.
pub fn report(ledger: &Ledger, timeline: &Timeline, as_of: NaiveDate) -> KpiReport {
    let month_before = as_of
        .checked_sub_months(Months::new(1))
        .unwrap_or(NaiveDate::MIN);
    let series: Vec<Kpis> = series_dates(as_of)
        .into_iter()
        .map(|date| kpis_on(ledger, timeline, date))
        .collect();
    KpiReport {
        now: series
            .last()
            .cloned()
            .expect("the series ends at the as-of date"),
        month_before: kpis_on(ledger, timeline, month_before),
        most_overdue: most_overdue(timeline, as_of, 10),
        series,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_dashboard_form_reads_french_figures_and_names_bad_fields() {
        // Guards against a typo saving a 650 % financing rate or a 0-week alert.
        let current = KpiSettings::default();
        let form = KpiForm {
            cash_alert: "12 000".into(),
            cash_alert_weeks: "6".into(),
            financing_rate: "4,5 %".into(),
            chasing_hours: "2,5".into(),
            hourly_cost: String::new(),
        };
        let settings = form.validate(&current).unwrap();
        assert_eq!(settings.cash_alert, Some(dec!(12000)));
        assert_eq!(settings.financing_rate, dec!(4.5));
        assert_eq!(settings.hourly_cost, None);
        assert_eq!(KpiForm::from_settings(&settings).financing_rate, "4,5");
        let bad = KpiForm {
            cash_alert_weeks: "0".into(),
            financing_rate: "650".into(),
            chasing_hours: String::new(),
            ..form
        };
        let fields: Vec<KpiField> = bad
            .validate(&current)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                KpiField::FinancingRate,
                KpiField::CashAlertWeeks,
                KpiField::ChasingHours
            ]
        );
    }
}
