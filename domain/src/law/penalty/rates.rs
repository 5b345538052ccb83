//! Published rates by half-year: the ECB main refinancing rate in force on 1 January / 1 July,
//! and the French taux d'intérêt légal. Rates change twice a year, so the table is data the
//! user extends (the next half-year) or corrects, stored with the ledger.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
