//! Files in and out: the stored format and its migrations (`snapshot`), the JSON paths its
//! errors name (`json_path`), its layout in records for the browser's database
//! (`stored_records`), CSV exports,
//! imports of invoices, clients and payments, and the demo portfolio.

pub mod demo;
pub mod export;
pub mod import;
mod json_path;
pub mod snapshot;
pub mod stored_records;
