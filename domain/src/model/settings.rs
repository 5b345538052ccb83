//! The user's settings stored with the ledger: rate corrections, penalty rules, aging buckets,
//! the dashboard's choices, the issuer.
//!
//! Plain data with the checks that keep it sensible, and the forms that validate into it. What
//! acts on a setting lives in its own layer and reads it here: the penalties and the rate
//! table the corrections amend are the law's ([`crate::law::penalty`]), the aging report, the
//! KPIs and the dashboard's form are analyses ([`crate::analysis`]), the letterhead is the
//! letters' ([`crate::collection::letter`]).

use crate::model::issuer::Issuer;
use crate::values::money::parse_percent;
use crate::values::problem::{FieldError, Problem};
use crate::values::sorting::sort_by_key;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-year's rates as the user entered or corrected them; they take precedence over the
/// built-in table, which new releases extend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateOverride {
    pub half_year: HalfYear,
    pub rates: HalfYearRates,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub rate_overrides: Vec<RateOverride>,
    pub penalties: PenaltySettings,
    pub aging_bounds: AgingBounds,
    pub kpi: KpiSettings,
    /// Who sends the reminders and letters: the letterhead, the IBAN to pay to.
    pub issuer: Issuer,
}

impl Settings {
    /// Records a half-year's rates, replacing an earlier correction of the same half-year.
    pub fn set_rates(&mut self, half_year: HalfYear, rates: HalfYearRates) {
        self.rate_overrides.retain(|o| o.half_year != half_year);
        self.rate_overrides.push(RateOverride { half_year, rates });
        sort_by_key(&mut self.rate_overrides, |o| o.half_year);
    }

    /// Drops the user's correction of a half-year: the built-in rates apply again.
    pub fn clear_rates(&mut self, half_year: HalfYear) {
        self.rate_overrides.retain(|o| o.half_year != half_year);
    }

    /// Whether the user entered or corrected this half-year's rates.
    pub fn has_correction(&self, half_year: HalfYear) -> bool {
        self.rate_overrides.iter().any(|o| o.half_year == half_year)
    }
}

// ----- rate corrections: the half-years and their published rates -----

/// A calendar half-year: S1 is January to June, S2 July to December.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "StoredHalfYear")]
pub struct HalfYear {
    pub year: i32,
    /// 1 or 2.
    pub half: u8,
}

/// A half-year as written in a file, checked before it becomes a [`HalfYear`].
#[derive(Deserialize)]
struct StoredHalfYear {
    year: i32,
    half: u8,
}

impl TryFrom<StoredHalfYear> for HalfYear {
    type Error = &'static str;
    fn try_from(stored: StoredHalfYear) -> Result<Self, Self::Error> {
        match (stored.year, stored.half) {
            (2000..=2200, 1 | 2) => Ok(HalfYear {
                year: stored.year,
                half: stored.half,
            }),
            (2000..=2200, _) => Err("half must be 1 or 2"),
            _ => Err("year out of range 2000-2200"),
        }
    }
}

impl HalfYear {
    pub fn of(date: NaiveDate) -> HalfYear {
        HalfYear {
            year: date.year(),
            half: if date.month() <= 6 { 1 } else { 2 },
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, if self.half == 1 { 1 } else { 7 }, 1)
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn last_day(self) -> NaiveDate {
        let (month, day) = if self.half == 1 { (6, 30) } else { (12, 31) };
        NaiveDate::from_ymd_opt(self.year, month, day).unwrap_or(NaiveDate::MAX)
    }

    pub fn next(self) -> HalfYear {
        if self.half == 1 {
            HalfYear {
                year: self.year,
                half: 2,
            }
        } else {
            HalfYear {
                year: self.year + 1,
                half: 1,
            }
        }
    }
}

impl fmt::Display for HalfYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} S{}", self.year, self.half)
    }
}

/// The two taux légal of a half-year, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalRate {
    /// When the creditor is a private individual acting outside a trade.
    pub individual_creditor: Decimal,
    /// Every other creditor ("autres cas"): the rate a business or freelancer uses.
    pub other_creditor: Decimal,
}

/// One half-year's published rates; either may be unknown yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HalfYearRates {
    /// ECB main refinancing operations rate in force on the half-year's first day, in percent.
    pub ecb: Option<Decimal>,
    pub legal: Option<LegalRate>,
}

// ----- penalty rules -----

/// How a delay across 1 January or 1 July is rated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HalfYearRule {
    /// Each half-year's days at that half-year's rate (the literal reading of L441-10).
    #[default]
    Split,
    /// The whole delay at the rate of the half-year it began in (public contracts' practice).
    Frozen,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenaltySettings {
    pub half_year_rule: HalfYearRule,
    /// Some businesses choose not to claim the 40 € from their clients.
    pub waive_indemnity: bool,
}

// ----- aging buckets -----

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

// ----- the dashboard -----

/// The months the DSO family looks back over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub enum DsoPeriod {
    #[default]
    Three,
    Six,
    Twelve,
}

impl DsoPeriod {
    pub const ALL: [DsoPeriod; 3] = [DsoPeriod::Three, DsoPeriod::Six, DsoPeriod::Twelve];

    pub fn months(self) -> u32 {
        match self {
            DsoPeriod::Three => 3,
            DsoPeriod::Six => 6,
            DsoPeriod::Twelve => 12,
        }
    }
}

impl From<DsoPeriod> for u32 {
    fn from(period: DsoPeriod) -> u32 {
        period.months()
    }
}

impl TryFrom<u32> for DsoPeriod {
    type Error = &'static str;
    fn try_from(months: u32) -> Result<Self, Self::Error> {
        DsoPeriod::ALL
            .into_iter()
            .find(|p| p.months() == months)
            .ok_or("the DSO period is 3, 6 or 12 months")
    }
}

/// The user's choices for the dashboard, stored with the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiSettings {
    pub dso_period: DsoPeriod,
    /// Peers differ: some leave invoices in dispute out of DSO, as not collectable yet.
    pub dso_counts_disputed: bool,
    /// Warn when the cash expected over the next `cash_alert_weeks` falls below this.
    pub cash_alert: Option<Decimal>,
    pub cash_alert_weeks: u32,
    /// Annual rate in percent at which overdue receivables are financed (overdraft, factoring).
    pub financing_rate: Decimal,
    /// Time spent chasing one late invoice, in hours.
    pub chasing_hours: Decimal,
    /// What an hour of that time costs, to express it in euros too.
    pub hourly_cost: Option<Decimal>,
}

impl Default for KpiSettings {
    fn default() -> Self {
        KpiSettings {
            dso_period: DsoPeriod::Three,
            dso_counts_disputed: true,
            cash_alert: None,
            cash_alert_weeks: 4,
            financing_rate: Decimal::from(6),
            chasing_hours: Decimal::new(35, 1),
            hourly_cost: None,
        }
    }
}

/// The weeks a cash alert may look ahead: the forecast's horizon.
pub const ALERT_WEEKS: std::ops::RangeInclusive<u32> = 1..=13;

impl KpiSettings {
    /// Whether stored values are usable (a hand-edited backup may say anything).
    pub fn is_valid(&self) -> bool {
        let non_negative = |value: Option<Decimal>| value.is_none_or(|v| v >= Decimal::ZERO);
        ALERT_WEEKS.contains(&self.cash_alert_weeks)
            && (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&self.financing_rate)
            && (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&self.chasing_hours)
            && non_negative(self.cash_alert)
            && non_negative(self.hourly_cost)
    }
}

// ----- the settings' forms -----

/// Whether a published rate (ECB, taux légal) is plausible: anything outside is a typing error.
pub fn is_plausible_rate(rate: Decimal) -> bool {
    (Decimal::from(-10)..=Decimal::ONE_HUNDRED).contains(&rate)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RatesField {
    Ecb,
    LegalIndividual,
    LegalOther,
}

/// A half-year's rates as typed in the settings; an empty field is a rate not published yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RatesForm {
    pub ecb: String,
    pub legal_individual: String,
    pub legal_other: String,
}

impl RatesForm {
    pub fn from_rates(rates: HalfYearRates) -> RatesForm {
        let text = |rate: Option<Decimal>| {
            rate.map(|r| r.to_string().replace('.', ","))
                .unwrap_or_default()
        };
        RatesForm {
            ecb: text(rates.ecb),
            legal_individual: text(rates.legal.map(|l| l.individual_creditor)),
            legal_other: text(rates.legal.map(|l| l.other_creditor)),
        }
    }

    pub fn validate(&self) -> Result<HalfYearRates, Vec<FieldError<RatesField>>> {
        let mut errors = Vec::new();
        let mut rate = |field: RatesField, text: &str| -> Option<Decimal> {
            match parse_percent(text) {
                Ok(None) => None,
                Ok(Some(rate)) if is_plausible_rate(rate) => Some(rate),
                Ok(_) => {
                    errors.push(FieldError::new(field, Problem::PublishedRateOutOfRange));
                    None
                }
                Err(problem) => {
                    errors.push(FieldError::new(field, problem));
                    None
                }
            }
        };
        let ecb = rate(RatesField::Ecb, &self.ecb);
        let individual = rate(RatesField::LegalIndividual, &self.legal_individual);
        let other = rate(RatesField::LegalOther, &self.legal_other);
        let legal = match (individual, other) {
            (Some(individual_creditor), Some(other_creditor)) => Some(LegalRate {
                individual_creditor,
                other_creditor,
            }),
            (None, None) => None,
            (None, Some(_)) if self.legal_individual.trim().is_empty() => {
                errors.push(FieldError::new(
                    RatesField::LegalIndividual,
                    Problem::LegalRatesTogether,
                ));
                None
            }
            (Some(_), None) if self.legal_other.trim().is_empty() => {
                errors.push(FieldError::new(
                    RatesField::LegalOther,
                    Problem::LegalRatesTogether,
                ));
                None
            }
            _ => None,
        };
        if errors.is_empty() {
            Ok(HalfYearRates { ecb, legal })
        } else {
            Err(errors)
        }
    }
}

/// Reads aging bounds as typed: whole days separated by commas, spaces or semicolons.
pub fn parse_aging_bounds(text: &str) -> Result<AgingBounds, Problem> {
    let days: Result<Vec<u32>, _> = text
        .split([',', ';', ' '])
        .filter(|part| !part.trim().is_empty())
        .map(|part| part.trim().parse::<u32>())
        .collect();
    days.ok()
        .and_then(|days| AgingBounds::new(days).ok())
        .ok_or(Problem::BucketBounds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn half_years_split_on_1_january_and_1_july() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            HalfYear::of(d(2024, 6, 30)),
            HalfYear {
                year: 2024,
                half: 1
            }
        );
        assert_eq!(
            HalfYear::of(d(2024, 7, 1)),
            HalfYear {
                year: 2024,
                half: 2
            }
        );
        assert_eq!(
            HalfYear {
                year: 2024,
                half: 2
            }
            .next(),
            HalfYear {
                year: 2025,
                half: 1
            }
        );
        assert_eq!(
            HalfYear {
                year: 2024,
                half: 2
            }
            .last_day(),
            d(2024, 12, 31)
        );
    }

    #[test]
    fn a_half_year_can_be_entered_before_every_rate_is_published() {
        // Guards against refusing the ECB rate of 1 July until the taux légal is out too.
        let form = RatesForm {
            ecb: "2,15".into(),
            ..RatesForm::default()
        };
        assert_eq!(
            form.validate(),
            Ok(HalfYearRates {
                ecb: Some(dec!(2.15)),
                legal: None
            })
        );
        let both = RatesForm {
            ecb: String::new(),
            legal_individual: "6,67".into(),
            legal_other: "2.62 %".into(),
        };
        assert_eq!(
            both.validate().unwrap().legal,
            Some(LegalRate {
                individual_creditor: dec!(6.67),
                other_creditor: dec!(2.62)
            })
        );
        assert_eq!(
            RatesForm::from_rates(both.validate().unwrap()).legal_other,
            "2,62"
        );
    }

    #[test]
    fn typing_errors_in_rates_are_named() {
        let form = RatesForm {
            ecb: "215".into(),
            legal_individual: String::new(),
            legal_other: "2,62".into(),
        };
        let fields: Vec<_> = form
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            fields,
            vec![
                (RatesField::Ecb, Problem::PublishedRateOutOfRange),
                (RatesField::LegalIndividual, Problem::LegalRatesTogether),
            ]
        );
    }

    #[test]
    fn aging_bounds_as_typed() {
        assert_eq!(
            parse_aging_bounds("30, 60; 90 120").unwrap().bounds(),
            &[30, 60, 90, 120]
        );
        assert_eq!(parse_aging_bounds("60, 30"), Err(Problem::BucketBounds));
        assert_eq!(parse_aging_bounds("trente"), Err(Problem::BucketBounds));
        assert_eq!(parse_aging_bounds(""), Err(Problem::BucketBounds));
    }

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
