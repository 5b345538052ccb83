//! Plain values every layer speaks, with no knowledge of the ledger: typed ids, error
//! codes, money, dates, text, formats for people, link parameters, identifier checks, and
//! the reading of outside files (encodings, delimited records, fields).

pub mod format;
pub mod ids;
pub mod iso_date;
pub mod money;
pub mod params;
pub mod problem;
pub mod read;
pub mod sorting;
pub mod text;
pub mod validate;
