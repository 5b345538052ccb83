//! Figures read from the ledger as of a date: aging, KPIs, each client's usual delay and
//! the forecast built on it, scores, credit control, a client's history.

pub mod aging;
pub mod credit;
pub mod forecast;
pub mod history;
pub mod kpi;
pub mod prediction;
pub mod score;
