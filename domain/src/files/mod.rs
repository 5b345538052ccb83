//! Files in and out: the stored format and its migrations (`snapshot`), CSV exports,
//! imports of invoices, clients and payments, and the demo portfolio.

pub mod demo;
pub mod export;
pub mod import;
pub mod snapshot;
