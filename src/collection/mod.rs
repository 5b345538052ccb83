//! Collection: today's reminders (`reminders`), the message of a reminder or an instalment
//! note (`reminder_message`), a client's collection file (`client_file`) and the reminder
//! settings (`reminder_settings`).

pub mod client_file;
pub mod reminder_message;
pub mod reminder_settings;
pub mod reminders;
pub mod texts;

use crate::collection::texts::use_collection_texts;
use crate::components::{change_error_text, confirm};
use crate::storage::Store;
use encaisse_domain::values::ids::ClientId;
use encaisse_domain::NaiveDate;

/// Takes back the client's latest reminder action of the day once the user confirms it (the
/// message page and the collection file both offer it): None when they decline, else whether
/// it went and the sentence to show.
pub fn undo_reminder_action(
    store: &Store,
    client: ClientId,
    today: NaiveDate,
) -> Option<(bool, String)> {
    let own = use_collection_texts().get_untracked();
    if !confirm(own.confirm_undo_action) {
        return None;
    }
    Some(
        match store.change(|l| l.undo_reminder_action(client, today)) {
            Ok(()) => (true, own.action_undone.to_string()),
            Err(e) => (false, change_error_text(&e)),
        },
    )
}
