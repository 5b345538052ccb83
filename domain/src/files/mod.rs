//! Files in and out: the stored format and its migrations (`snapshot`), its layout in records
//! for the browser's database (`stored_records`), CSV exports,
//! imports of invoices, clients and payments, and the demo portfolio.

pub mod demo;
pub mod export;
pub mod import;
pub mod snapshot;
pub mod stored_records;
