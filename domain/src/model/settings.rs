//! The user's settings stored with the ledger: rate corrections, penalty rules, aging buckets,
//! the dashboard's choices.

use crate::analysis::aging::AgingBounds;
use crate::analysis::kpi::KpiSettings;
use crate::collection::letter::Issuer;
use crate::law::penalty::rates::{HalfYear, HalfYearRates, LegalRate, RateTable};
use crate::law::penalty::PenaltySettings;
use crate::values::money::parse_percent;
use crate::values::problem::{FieldError, Problem};
use crate::values::sorting::sort_by_key;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    /// The built-in rates with the user's corrections and additions applied.
    pub fn rate_table(&self) -> RateTable {
        let mut table = RateTable::default();
        for o in &self.rate_overrides {
            table.set(o.half_year, o.rates);
        }
        table
    }

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
    fn corrections_replace_the_built_in_rates() {
        let mut settings = Settings::default();
        let half = HalfYear {
            year: 2024,
            half: 1,
        };
        settings.set_rates(
            half,
            HalfYearRates {
                ecb: Some(dec!(5)),
                legal: None,
            },
        );
        settings.set_rates(
            half,
            HalfYearRates {
                ecb: Some(dec!(4.5)),
                legal: None,
            },
        );
        assert_eq!(
            settings.rate_overrides.len(),
            1,
            "one correction per half-year"
        );
        assert_eq!(settings.rate_table().ecb(half), Ok(dec!(4.5)));
    }
}
