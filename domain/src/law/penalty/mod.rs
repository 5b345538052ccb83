//! Late-payment penalties under French law (Code de commerce L441-10 and D441-5, Code
//! monétaire et financier L313-2): interest per half-year, and the 40 € indemnity.
//!
//! Interest is simple, on the amount due including VAT, per day on a 365-day year:
//! `base × rate × days / 365`, from the day after the due date until the day the money
//! arrives. Each partial payment or credit note lowers the base from its date. The result is
//! a breakdown by period, kept at full precision, with only the totals rounded to the cent.

pub mod calculator;
pub mod claims;
pub mod rates;

use crate::model::client::ClientKind;
use crate::model::settings::{HalfYear, HalfYearRule, PenaltySettings};
use crate::values::money::round_cents;
use crate::values::sorting::sort_by;
use chrono::NaiveDate;
use rates::{MissingRate, RateTable};
use rust_decimal::Decimal;

/// D441-5: a fixed 40 € per late invoice, owed by business debtors only.
pub const RECOVERY_INDEMNITY: Decimal = Decimal::from_parts(40, 0, 0, false, 0);

/// What one late invoice's penalties depend on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LateInvoice {
    /// Amount due including VAT.
    pub amount: Decimal,
    pub due_date: NaiveDate,
    /// The day the money arrived, or the date up to which penalties are computed.
    pub until: NaiveDate,
    /// Partial payments and credit notes: from its date, each stops interest on what it settled.
    pub settlements: Vec<(NaiveDate, Decimal)>,
    pub client_kind: ClientKind,
    /// An annual rate in percent agreed in the contract, if any.
    pub contractual_rate: Option<Decimal>,
    /// For a private individual, interest runs only from a formal notice (mise en demeure).
    pub formal_notice: Option<NaiveDate>,
}

/// Where a period's rate comes from, so the breakdown can say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateSource {
    /// ECB rate + 10 points, the default between businesses.
    EcbPlusTen { ecb: Decimal },
    /// The rate agreed in the contract.
    Contractual,
    /// The contract's rate was below 3 × the taux légal and was raised to it.
    RaisedToFloor { agreed: Decimal, legal: Decimal },
    /// The taux légal, for a private individual after a formal notice.
    Legal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PenaltyPeriod {
    /// First and last day of delay counted in this period.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    pub base: Decimal,
    /// Annual rate in percent.
    pub rate: Decimal,
    pub source: RateSource,
    /// This period's interest, for display; totals come from the exact products.
    pub interest: Decimal,
}

/// The denominator of `base × rate% × days / 365`: a 365-day year and a rate in percent.
const YEAR_PERCENT: Decimal = Decimal::from_parts(36_500, 0, 0, false, 0);

impl PenaltyPeriod {
    /// `base × rate × days`, exact: summing these and dividing once keeps full precision.
    pub fn product(&self) -> Decimal {
        self.base * self.rate * Decimal::from(self.days)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PenaltyBreakdown {
    pub days_late: i64,
    pub periods: Vec<PenaltyPeriod>,
    /// Why no interest runs, when none does although the invoice is late.
    pub no_interest_because: Option<NoInterest>,
    pub interest: Decimal,
    pub indemnity: Decimal,
    pub total: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoInterest {
    /// A private individual owes interest only after a formal notice.
    NoFormalNotice,
    /// Everything was settled before interest started.
    NothingLeftToBear,
    /// Interest runs from the day after this date (a private individual's formal notice,
    /// sent on or after the date computed for): none has run yet.
    NotYetRunning { from: NaiveDate },
}

/// The annual rate of a half-year for this case.
fn rate_for(
    case: &LateInvoice,
    half_year: HalfYear,
    table: &RateTable,
) -> Result<(Decimal, RateSource), MissingRate> {
    match (case.client_kind, case.contractual_rate) {
        // A private individual owes the taux légal from the formal notice (art. 1231-6 Code
        // civil), whatever rate a contract states.
        (ClientKind::Individual, _) => {
            Ok((table.legal(half_year)?.other_creditor, RateSource::Legal))
        }
        (ClientKind::Business, None) => {
            let ecb = table.ecb(half_year)?;
            Ok((ecb + Decimal::TEN, RateSource::EcbPlusTen { ecb }))
        }
        (ClientKind::Business, Some(agreed)) => {
            let floor = table.legal(half_year)?.other_creditor * Decimal::from(3);
            if agreed < floor {
                Ok((
                    floor,
                    RateSource::RaisedToFloor {
                        agreed,
                        legal: floor / Decimal::from(3),
                    },
                ))
            } else {
                Ok((agreed, RateSource::Contractual))
            }
        }
    }
}

/// Days from the due date to the payment (or the date computed to), when something was still
/// owed after the due date: an invoice paid on time and credited later is not late, whatever
/// the date of the credit note.
fn days_late(case: &LateInvoice) -> i64 {
    let owed_after_due = case.amount
        - case
            .settlements
            .iter()
            .filter(|(date, _)| *date <= case.due_date)
            .map(|(_, amount)| *amount)
            .sum::<Decimal>();
    if owed_after_due > Decimal::ZERO {
        (case.until - case.due_date).num_days().max(0)
    } else {
        0
    }
}

/// The 40 € a late invoice owes (D441-5): from a business only, unless the user waives it.
/// It needs no rate, so it stands even when a half-year's rate is missing.
pub fn indemnity(case: &LateInvoice, settings: &PenaltySettings) -> Decimal {
    if days_late(case) > 0 && case.client_kind == ClientKind::Business && !settings.waive_indemnity
    {
        RECOVERY_INDEMNITY
    } else {
        Decimal::ZERO
    }
}

/// Computes the interest and indemnity one late invoice owes.
pub fn penalties(
    case: &LateInvoice,
    table: &RateTable,
    settings: &PenaltySettings,
) -> Result<PenaltyBreakdown, MissingRate> {
    let days_late = days_late(case);
    let late = days_late > 0;
    let indemnity = indemnity(case, settings);

    // Interest accrues on the days after `start` up to `until`, inclusive.
    let start = match (case.client_kind, case.formal_notice) {
        (ClientKind::Business, _) => Some(case.due_date),
        (ClientKind::Individual, Some(notice)) => Some(notice.max(case.due_date)),
        (ClientKind::Individual, None) => None,
    };
    let mut periods = Vec::new();
    let mut no_interest_because = None;
    if let (Some(start), true) = (start, late) {
        // What was settled on or before the first day of interest never bears any.
        let mut base = case.amount
            - case
                .settlements
                .iter()
                .filter(|(date, _)| *date <= start)
                .map(|(_, amount)| *amount)
                .sum::<Decimal>();
        let mut changes: Vec<(NaiveDate, Decimal)> = case
            .settlements
            .iter()
            .filter(|(date, _)| *date > start && *date < case.until)
            .copied()
            .collect();
        sort_by(&mut changes, Ord::cmp);
        let frozen_half = HalfYear::of(start.succ_opt().unwrap_or(start));
        let mut day = start; // the last day already counted
        let mut next_change = changes.into_iter().peekable();
        while day < case.until && base > Decimal::ZERO {
            let first = day.succ_opt().unwrap_or(day);
            let half = HalfYear::of(first);
            let mut last = case.until.min(half.last_day());
            if settings.half_year_rule == HalfYearRule::Frozen {
                last = case.until;
            }
            // A settlement dated D bears interest up to D and lowers the base after it.
            if let Some((date, _)) = next_change.peek() {
                last = last.min(*date);
            }
            let rated_half = if settings.half_year_rule == HalfYearRule::Frozen {
                frozen_half
            } else {
                half
            };
            let (rate, source) = rate_for(case, rated_half, table)?;
            let days = (last - day).num_days();
            let interest = base * rate * Decimal::from(days) / YEAR_PERCENT;
            periods.push(PenaltyPeriod {
                from: first,
                to: last,
                days,
                base,
                rate,
                source,
                interest,
            });
            while let Some((date, amount)) = next_change.peek().copied() {
                if date != last {
                    break;
                }
                base -= amount;
                next_change.next();
            }
            day = last;
        }
        if periods.is_empty() {
            // The loop ran no day: either nothing was left to bear interest, or its first
            // day has not come (a formal notice sent today).
            no_interest_because = Some(if base > Decimal::ZERO {
                NoInterest::NotYetRunning { from: start }
            } else {
                NoInterest::NothingLeftToBear
            });
        }
    } else if late {
        no_interest_because = Some(NoInterest::NoFormalNotice);
    }
    let interest =
        round_cents(periods.iter().map(PenaltyPeriod::product).sum::<Decimal>() / YEAR_PERCENT);
    Ok(PenaltyBreakdown {
        days_late,
        periods,
        no_interest_because,
        interest,
        indemnity,
        total: interest + indemnity,
    })
}
