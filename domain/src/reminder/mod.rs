//! Reminders (relances).

pub mod tone;

pub use tone::{Channel, Tone};
