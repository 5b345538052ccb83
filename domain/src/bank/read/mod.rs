//! One reader per statement format, behind [`crate::bank::statement::StatementReader`].

pub mod kind;
pub mod ofx;
pub mod qif;
