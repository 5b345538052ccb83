//! The receivables domain of Encaisse, as pure data and functions.
//!
//! No web, UI or storage dependency lives here: the browser app, the tests and the benchmarks
//! all call the same code. Every computation that depends on "today" takes the date as a
//! parameter; only the UI reads the clock. Money is `rust_decimal::Decimal`, rounded to the
//! cent (half away from zero) only when an amount is final.

pub mod aging;
pub mod balances;
pub mod bank;
pub mod client;
pub mod credit;
pub mod demo;
pub mod export;
pub mod forecast;
pub mod format;
pub mod history;
pub mod ids;
pub mod import;
pub mod invoice;
pub mod iso_date;
pub mod kpi;
pub mod ledger;
pub mod letter;
pub mod money;
pub mod params;
pub mod payment;
pub mod penalty;
pub mod prediction;
pub mod problem;
pub mod read;
pub mod reminder;
pub mod score;
pub mod settings;
pub mod settlement;
pub mod snapshot;
pub mod sorting;
pub mod terms;
pub mod text;
pub mod timeline;
pub mod validate;

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;
