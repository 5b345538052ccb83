//! How a reminder speaks and how it travels: shared by the reminder plan and the messages.

use serde::{Deserialize, Serialize};

/// How a reminder reaches the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Letter,
    Phone,
}

/// How firm a reminder is, from a courteous note before the due date to the last notice
/// before litigation. Ordered: a later tone is firmer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Before the due date: a friendly note that an invoice falls due soon.
    Courteous,
    FirstReminder,
    SecondReminder,
    /// Mise en demeure: states the interest and, for a business, the 40 € indemnity.
    FormalNotice,
    /// Dernière relance avant contentieux.
    FinalNotice,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Email, Channel::Letter, Channel::Phone];
}

impl Tone {
    pub const ALL: [Tone; 5] = [
        Tone::Courteous,
        Tone::FirstReminder,
        Tone::SecondReminder,
        Tone::FormalNotice,
        Tone::FinalNotice,
    ];
}
