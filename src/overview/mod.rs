//! The overview: the dashboard (home), the invoices behind its charts, the payers' rankings.

pub mod cash_drill;
pub mod dashboard;
pub mod home;
pub mod payers;
pub mod texts;
