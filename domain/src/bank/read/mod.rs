//! One reader per statement format, behind [`crate::bank::statement::StatementReader`].

pub mod camt;
pub mod kind;
