//! Collecting what is owed: the reminder plans, the queue as of a date, payment plans and
//! litigation (`reminder`), and what the messages and letters say (`letter`).

pub mod letter;
pub mod reminder;
