//! Bank statements: the readers of each file format, the lines kept with the ledger, and
//! their matching with open invoices.

pub mod book;
pub mod demo;
pub mod matching;
pub mod pointage;
pub mod read;
pub mod statement;
