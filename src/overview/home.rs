//! The home screen: a welcome with first steps on an empty ledger, the dashboard otherwise
//! (`shell::screens` picks which, each in its own chunk).

use crate::clock::today;
use crate::components::demo::demo_ledger;
use crate::components::EmptyState;
use crate::i18n::{tr, use_t};
use crate::overview::dashboard::Dashboard;
use crate::overview::texts::{overview_tr, use_overview_texts};
use crate::shell::route::Route;
use crate::storage::Store;
use leptos::prelude::*;

/// What a first visit shows: the first steps on an empty ledger. A group of its own
/// (`shell::screens`), so that a new user's first download carries neither the dashboard nor
/// the rest of the overview.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let own = use_overview_texts();
    let t = use_t();
    let store = expect_context::<Store>();
    let code_missing = RwSignal::new(false);
    let load_demo = move |_| {
        leptos::task::spawn_local(async move {
            match demo_ledger(today()).await {
                Ok(demo) => {
                    code_missing.set(false);
                    let _ = store.replace(demo);
                }
                Err(_) => code_missing.set(true),
            }
        });
    };
    view! {
        <section class="page home">
            <h1>{overview_tr(|t| t.welcome_title)}</h1>
            <EmptyState title=move || own.get().app_tagline.to_string() text=move || own.get().welcome_text.to_string()>
                <a class="button" href=Route::ClientNew.href()>{overview_tr(|t| t.welcome_add_client)}</a>
                <button type="button" class="secondary" data-testid="load-demo" on:click=load_demo>{overview_tr(|t| t.welcome_load_demo)}</button>
                <a class="button secondary" href=Route::Settings.href()>{tr(|t| t.welcome_restore)}</a>
            </EmptyState>
            {move || code_missing.get().then(|| view! { <p class="error" role="alert">{t.get().code_missing}</p> })}
        </section>
    }
}

/// The home screen once the ledger holds something: the dashboard.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="page home">
            <Dashboard as_of=today()/>
        </section>
    }
}
