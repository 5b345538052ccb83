//! What every reader of an outside file shares: bytes turned into text whatever the encoding,
//! delimited records split into fields, and the dates and amounts such files write.
//!
//! Readers never panic and never trust a length or a count they read: every function here
//! takes arbitrary input and answers with a value or `None`.

pub mod delimited;
pub mod encoding;
pub mod fields;
