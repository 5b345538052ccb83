//! The user's settings stored with the ledger: rate corrections, penalty rules, aging buckets.

use crate::aging::AgingBounds;
use crate::penalty::rates::{HalfYear, HalfYearRates, RateTable};
use crate::penalty::PenaltySettings;
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
        self.rate_overrides.sort_by_key(|o| o.half_year);
    }
}
