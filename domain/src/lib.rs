//! The receivables domain of Encaisse, as pure data and functions.
//!
//! No web, UI or storage dependency lives here: the browser app, the tests and the benchmarks
//! all call the same code. Every computation that depends on "today" takes the date as a
//! parameter; only the UI reads the clock. Money is `rust_decimal::Decimal`, rounded to the
//! cent (half away from zero) only when an amount is final.

//! The domain is cut into layers, each a folder. A layer uses only itself and the layers
//! declared before it below, so a change to one cannot break those under it (the reminders
//! cannot break the penalty engine); `tests/layers.rs` fails on an import that goes up.

// Plain values with no knowledge of the ledger: ids, error codes, money, dates, text.
pub mod values;
// The facts the user records, the ledger that keeps them consistent, and what they add up to.
pub mod model;
// French law on late payment: rates, interest, the indemnity, what invoices may claim.
pub mod law;
// Figures read from the ledger: aging, KPIs, payment behaviour, forecast, scores, history.
pub mod analysis;
// Collecting what is owed: the reminder rules and queue, the messages and letters.
pub mod collection;
// Bank statements: reading them, keeping their lines, matching them with invoices.
pub mod bank;
// Files in and out: the stored format, exports, imports, the demo portfolio.
pub mod files;

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;
