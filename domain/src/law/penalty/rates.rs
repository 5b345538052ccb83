//! Published rates by half-year: the ECB main refinancing rate in force on 1 January / 1 July,
//! and the French taux d'intérêt légal. Rates change twice a year, so the table is data the
//! user extends (the next half-year) or corrects: the corrections are stored with the
//! settings ([`Settings::rate_overrides`]) and [`Settings::rate_table`] lays them over the
//! built-in table kept here.

use crate::model::settings::{HalfYear, HalfYearRates, LegalRate, Settings};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTable(BTreeMap<HalfYear, HalfYearRates>);

/// A rate the computation needs but the table does not have: never silently 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingRate {
    Ecb(HalfYear),
    Legal(HalfYear),
}

impl MissingRate {
    /// The half-year whose rates need entering.
    pub fn half_year(self) -> HalfYear {
        match self {
            MissingRate::Ecb(h) | MissingRate::Legal(h) => h,
        }
    }
}

fn pct(hundredths: i64) -> Decimal {
    Decimal::new(hundredths, 2)
}

impl Default for RateTable {
    /// The rates published from 2015 S1 to 2026 S1 (ECB for 2026 S2 once known is added by
    /// the user). Sources: ECB key rates; arrêtés fixing the taux de l'intérêt légal.
    fn default() -> Self {
        // (year, half, ECB MRO in hundredths of a percent)
        const ECB: [(i32, u8, i64); 23] = [
            (2015, 1, 5),
            (2015, 2, 5),
            (2016, 1, 5),
            (2016, 2, 0),
            (2017, 1, 0),
            (2017, 2, 0),
            (2018, 1, 0),
            (2018, 2, 0),
            (2019, 1, 0),
            (2019, 2, 0),
            (2020, 1, 0),
            (2020, 2, 0),
            (2021, 1, 0),
            (2021, 2, 0),
            (2022, 1, 0),
            (2022, 2, 0),
            (2023, 1, 250),
            (2023, 2, 400),
            (2024, 1, 450),
            (2024, 2, 425),
            (2025, 1, 315),
            (2025, 2, 215),
            (2026, 1, 215),
        ];
        // (year, half, individual creditor, other creditor), hundredths of a percent
        const LEGAL: [(i32, u8, i64, i64); 23] = [
            (2015, 1, 406, 93),
            (2015, 2, 429, 99),
            (2016, 1, 454, 101),
            (2016, 2, 435, 93),
            (2017, 1, 416, 90),
            (2017, 2, 394, 90),
            (2018, 1, 373, 89),
            (2018, 2, 360, 88),
            (2019, 1, 340, 86),
            (2019, 2, 326, 87),
            (2020, 1, 315, 87),
            (2020, 2, 311, 84),
            (2021, 1, 314, 79),
            (2021, 2, 312, 76),
            (2022, 1, 313, 76),
            (2022, 2, 315, 77),
            (2023, 1, 447, 206),
            (2023, 2, 682, 422),
            (2024, 1, 801, 507),
            (2024, 2, 816, 492),
            (2025, 1, 721, 371),
            (2025, 2, 665, 276),
            (2026, 1, 667, 262),
        ];
        let mut table = BTreeMap::new();
        for (year, half, ecb) in ECB {
            table
                .entry(HalfYear { year, half })
                .or_insert_with(HalfYearRates::default)
                .ecb = Some(pct(ecb));
        }
        for (year, half, individual, other) in LEGAL {
            table
                .entry(HalfYear { year, half })
                .or_insert_with(HalfYearRates::default)
                .legal = Some(LegalRate {
                individual_creditor: pct(individual),
                other_creditor: pct(other),
            });
        }
        RateTable(table)
    }
}

impl RateTable {
    pub fn half_years(&self) -> impl Iterator<Item = (&HalfYear, &HalfYearRates)> {
        self.0.iter()
    }

    pub fn get(&self, half_year: HalfYear) -> HalfYearRates {
        self.0.get(&half_year).copied().unwrap_or_default()
    }

    /// Adds or corrects a half-year's rates.
    pub fn set(&mut self, half_year: HalfYear, rates: HalfYearRates) {
        self.0.insert(half_year, rates);
    }

    pub fn ecb(&self, half_year: HalfYear) -> Result<Decimal, MissingRate> {
        self.get(half_year).ecb.ok_or(MissingRate::Ecb(half_year))
    }

    pub fn legal(&self, half_year: HalfYear) -> Result<LegalRate, MissingRate> {
        self.get(half_year)
            .legal
            .ok_or(MissingRate::Legal(half_year))
    }
}

// Defined with the table rather than with the settings: the model stores the corrections but
// does not know the published rates.
impl Settings {
    /// The built-in rates with the user's corrections and additions applied.
    pub fn rate_table(&self) -> RateTable {
        let mut table = RateTable::default();
        for o in &self.rate_overrides {
            table.set(o.half_year, o.rates);
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn built_in_table_covers_every_half_year_since_2015() {
        // Guards against a gap in the table turning into a silent 0 % rate.
        let table = RateTable::default();
        let mut h = HalfYear {
            year: 2015,
            half: 1,
        };
        while h
            <= (HalfYear {
                year: 2026,
                half: 1,
            })
        {
            assert!(table.ecb(h).is_ok(), "ECB {h}");
            assert!(table.legal(h).is_ok(), "taux légal {h}");
            h = h.next();
        }
        assert_eq!(
            table.ecb(HalfYear {
                year: 2026,
                half: 2
            }),
            Err(MissingRate::Ecb(HalfYear {
                year: 2026,
                half: 2
            }))
        );
        assert_eq!(
            table.ecb(HalfYear {
                year: 2024,
                half: 1
            }),
            Ok(Decimal::new(450, 2))
        );
        assert_eq!(
            table
                .legal(HalfYear {
                    year: 2024,
                    half: 1
                })
                .unwrap()
                .other_creditor,
            Decimal::new(507, 2)
        );
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
