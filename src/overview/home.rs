//! The home screen: a welcome with first steps on an empty ledger, the dashboard otherwise.

use crate::clock::today;
use crate::components::EmptyState;
use crate::i18n::tr;
use crate::overview::dashboard::Dashboard;
use crate::overview::texts::{overview_tr, use_overview_texts};
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::files::demo::{generate, DemoConfig};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let own = use_overview_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let load_demo = move |_| {
        let _ = store.replace(generate(today(), DemoConfig::default()));
    };
    view! {
        <section class="page home">
            <Show
                when=move || !ledger.with(|l| l.is_empty())
                fallback=move || view! {
                    <h1>{overview_tr(|t| t.welcome_title)}</h1>
                    <EmptyState title=move || own.get().app_tagline.to_string() text=move || own.get().welcome_text.to_string()>
                        <a class="button" href=Route::ClientNew.href()>{overview_tr(|t| t.welcome_add_client)}</a>
                        <button type="button" class="secondary" data-testid="load-demo" on:click=load_demo>{overview_tr(|t| t.welcome_load_demo)}</button>
                        <a class="button secondary" href=Route::Settings.href()>{tr(|t| t.welcome_restore)}</a>
                    </EmptyState>
                }
            >
                <Dashboard as_of=today()/>
            </Show>
        </section>
    }
}
