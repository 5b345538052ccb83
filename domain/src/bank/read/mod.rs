//! One reader per statement format, behind [`crate::bank::statement::StatementReader`].

pub mod csv;
pub mod kind;
