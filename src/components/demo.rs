//! The demo portfolio, a chunk of its own in the release build: generating it runs much of
//! the domain (reminders, payment plans, positions), which a first visit's welcome would
//! otherwise download before anyone asks for the demo.

use crate::chunks::{split_point, ChunkError};
use encaisse_domain::files::demo::{generate, DemoConfig};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::NaiveDate;

split_point!(demo_portfolio, preload preload,
    /// The demo portfolio ending at `today`.
    pub fn demo_ledger(today: NaiveDate) -> Result<Ledger, ChunkError> {
        Ok(generate(today, DemoConfig::default()))
    }
);
