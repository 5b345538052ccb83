//! One module a screen. Each reads the ledger from the store and changes it only through
//! `Store::change`, so every change is validated by the domain and saved at once.

pub mod aging;
pub mod bank;
pub mod calculator;
pub mod cash_drill;
pub mod client_form;
pub mod client_list;
pub mod client_page;
pub mod collection;
pub mod dashboard;
pub mod home;
pub mod import;
pub mod invoice_form;
pub mod invoice_list;
pub mod invoice_page;
pub mod payers;
pub mod payment_form;
pub mod penalty_settings;
pub mod reminder_message;
pub mod reminder_settings;
pub mod reminders;
pub mod settings;

use crate::components::confirm;
use crate::i18n::{tr, use_t};
use crate::route::Route;
use crate::storage::{ChangeError, Store};
use encaisse_domain::values::ids::ClientId;
use encaisse_domain::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let _t = use_t();
    view! {
        <section class="page">
            <h1>{tr(|t| t.not_found_title)}</h1>
            <p>{tr(|t| t.not_found_text)}</p>
            <p><a href=Route::Home.href()>{tr(|t| t.nav_home)}</a></p>
        </section>
    }
}

/// The sentence to show when a change did not go through.
pub fn change_error_text(error: &ChangeError) -> String {
    let t = use_t().get_untracked();
    match error {
        ChangeError::Rejected(problem) => (t.problem)(problem, t.locale),
        ChangeError::NotSaved => t.saved_nowhere.to_string(),
    }
}

/// Takes back the client's latest reminder action of the day once the user confirms it (the
/// message page and the collection file both offer it): None when they decline, else whether
/// it went and the sentence to show.
pub fn undo_reminder_action(
    store: &Store,
    client: ClientId,
    today: NaiveDate,
) -> Option<(bool, String)> {
    let t = use_t().get_untracked();
    if !confirm(t.confirm_undo_action) {
        return None;
    }
    Some(
        match store.change(|l| l.undo_reminder_action(client, today)) {
            Ok(()) => (true, t.action_undone.to_string()),
            Err(e) => (false, change_error_text(&e)),
        },
    )
}
