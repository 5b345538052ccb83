//! The facts the user records, as plain data, and the [`ledger::Ledger`] that keeps them
//! consistent; with what those facts say on any date (balances, each invoice's timeline).

pub mod balances;
pub mod bank_book;
pub mod client;
pub mod imports;
pub mod invoice;
pub mod issuer;
pub mod ledger;
pub mod payment;
pub mod reminders;
pub mod settings;
pub mod settlement;
pub mod terms;
pub mod timeline;
