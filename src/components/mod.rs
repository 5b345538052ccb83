//! Small views shared by the screens.

pub mod chart;
pub mod dated_form;
pub mod demo;
pub mod fields;
pub mod file_drop;
pub mod penalty;
pub mod score;

use crate::i18n::{use_t, I18n, Texts};
use crate::storage::{ChangeError, Store};
use encaisse_domain::model::client::Client;
use encaisse_domain::model::invoice::InvoiceStatus;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::values::format::{format_date, format_eur};
use encaisse_domain::values::ids::ClientId;
use encaisse_domain::values::sorting::sort_by_key;
use encaisse_domain::values::text::fold;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

/// A read-only screen drawn whole from the ledger in the current language, and again when
/// either changes, never per keystroke elsewhere. Its figures are computed together; a memo
/// per figure would cost a comparison of each in the bundle, for values read once per render.
pub fn from_ledger<V: IntoView + 'static>(
    render: impl Fn(&'static Texts, &Ledger) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_t();
    let ledger = expect_context::<Store>().ledger();
    move || {
        let t = t.get();
        ledger.with(|ledger| render(t, ledger))
    }
}

/// An amount in the current language's format.
pub fn eur(t: I18n, amount: Decimal) -> String {
    format_eur(amount, t.get().locale)
}

/// A date in the current language's format.
pub fn date(t: I18n, day: NaiveDate) -> String {
    format_date(day, t.get().locale)
}

/// A fixed amount shown in the current language's format, following language switches; one
/// closure type for every call site (see [`crate::i18n::tr`]).
pub fn money(amount: Decimal) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let t = use_t();
    move || eur(t, amount)
}

/// A fixed date shown in the current language's format, following language switches.
pub fn date_view(day: NaiveDate) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let t = use_t();
    move || date(t, day)
}

#[component]
pub fn StatusBadge(status: InvoiceStatus) -> impl IntoView {
    let t = use_t();
    view! { <span class=format!("badge status-{}", status.slug())>{move || (t.get().status)(status)}</span> }
}

/// What an empty list shows instead of an empty table: what it is for and what to do.
#[component]
pub fn EmptyState(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] text: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="empty-state">
            <h2>{title}</h2>
            <p>{text}</p>
            <div class="actions">{children()}</div>
        </div>
    }
}

/// Clients to pick from in a list, sorted by name, among those `shown` accepts.
pub fn client_choices(ledger: &Ledger, shown: impl Fn(&Client) -> bool) -> Vec<(ClientId, String)> {
    let mut choices: Vec<(ClientId, String)> = ledger
        .clients()
        .iter()
        .filter(|c| shown(c))
        .map(|c| (c.id, c.details.name.clone()))
        .collect();
    sort_by_key(&mut choices, |(_, name)| fold(name));
    choices
}

/// The sentence to show when a change did not go through.
pub fn change_error_text(error: &ChangeError) -> String {
    let t = use_t().get_untracked();
    match error {
        ChangeError::Rejected(problem) => (t.problem)(problem, t.locale),
        ChangeError::NotSaved => t.saved_nowhere.to_string(),
    }
}

/// Asks the user to confirm an irreversible step with the browser's own dialog.
pub fn confirm(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(false)
}
