//! The frame around every screen: skip link, header and navigation, storage banners.

use crate::components::confirm;
use crate::files::download;
use crate::i18n::{tr, use_t};
use crate::shell::route::{use_route, Route};
use crate::storage::{format, Elsewhere, Health, Store};
use encaisse_domain::model::ledger::Ledger;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Header(on_switch_lang: Callback<()>) -> impl IntoView {
    let t = use_t();
    let route = use_route();
    let link = move |target: Route, label: fn(&'static crate::i18n::Texts) -> &'static str| {
        let href = target.href();
        let current = move || {
            let here = route.get();
            let same_section = std::mem::discriminant(&here) == std::mem::discriminant(&target)
                || matches!(
                    (&here, &target),
                    (
                        Route::Client(_) | Route::ClientEdit(_) | Route::ClientNew,
                        Route::Clients
                    )
                )
                || matches!(
                    (&here, &target),
                    (
                        Route::Invoice(_)
                            | Route::InvoiceEdit(_)
                            | Route::InvoiceNew { .. }
                            | Route::Draft(_),
                        Route::Invoices { .. }
                    )
                )
                || matches!(
                    (&here, &target),
                    (
                        Route::ReminderMessage(_) | Route::Collection(_) | Route::ReminderSettings,
                        Route::Reminders
                    )
                )
                || matches!(
                    (&here, &target),
                    (Route::Import, Route::Reconciliation { .. })
                );
            same_section.then_some("page")
        };
        view! { <li><a href=href aria-current=current>{move || label(t.get())}</a></li> }
    };
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            // The fragment is the router's: move focus without navigating.
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(main).focus();
            }
        }>{tr(|t| t.skip_to_content)}</a>
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="logo" aria-hidden="true">"€"</span>
                <span>"Encaisse"</span>
            </a>
            <nav aria-label=tr(|t| t.nav_label)>
                <ul>
                    {link(Route::Home, |t| t.nav_home)}
                    {link(Route::Clients, |t| t.nav_clients)}
                    {link(Route::Invoices { status: None, client: None }, |t| t.nav_invoices)}
                    {link(Route::PaymentNew { client: None, invoice: None }, |t| t.nav_payment)}
                    {link(Route::Reconciliation { line: None }, |t| t.nav_bank)}
                    {link(Route::Reminders, |t| t.nav_reminders)}
                    {link(Route::Aging { as_of: None }, |t| t.nav_aging)}
                    {link(Route::Payers, |t| t.nav_payers)}
                    {link(Route::Calculator(String::new()), |t| t.nav_calculator)}
                    {link(Route::Settings, |t| t.nav_settings)}
                </ul>
            </nav>
            <button
                type="button"
                class="lang-switch"
                lang=tr(|t| t.other_language)
                title=tr(|t| t.language)
                on:click=move |_| on_switch_lang.run(())
            >
                {tr(|t| t.other_language_name)}
            </button>
        </header>
    }
}

/// Tells the user when storage could not be read or written, and what to do.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let t = use_t();
    let store = expect_context::<Store>();
    let health = store.health();
    let download_unreadable = move |_| {
        if let Some(text) = store.unreadable_text() {
            let _ = download(
                "encaisse-donnees-illisibles.json",
                "application/json",
                &text,
            );
        }
    };
    let start_fresh = move |_| {
        if confirm(t.get_untracked().confirm_start_fresh) {
            let _ = store.replace(Ledger::default());
        }
    };
    let download_backup = move |_| {
        let ledger = store.ledger().get_untracked();
        spawn_local(async move {
            // The format's code is fetched by the write that failed, or on idle before.
            if let Ok(text) = format::backup(&ledger).await {
                let _ = download("encaisse-sauvegarde.json", "application/json", &text);
            }
        });
    };
    let retry = move |_| store.retry();
    view! {
        {move || match health.get() {
            Health::Ok => None,
            Health::Unreadable(error) => Some(view! {
                <div class="banner banner-error" role="alert" data-testid="storage-banner">
                    <p>{(t.get().banner_unreadable)(&(t.get().snapshot_error)(&error))}</p>
                    <div class="actions">
                        <button type="button" on:click=download_unreadable>{t.get().download_unreadable}</button>
                        <a class="button" href=Route::Settings.href()>{t.get().welcome_restore}</a>
                        <button type="button" class="secondary" on:click=start_fresh>{t.get().start_fresh}</button>
                    </div>
                </div>
            }.into_any()),
            Health::Full | Health::WriteFailed(_) => {
                let text = match health.get() {
                    Health::WriteFailed(detail) => (t.get().banner_write_failed)(&detail),
                    _ => t.get().banner_full.to_string(),
                };
                Some(view! {
                    <div class="banner banner-error" role="alert" data-testid="storage-banner">
                        <p>{text}</p>
                        <div class="actions">
                            <button type="button" on:click=download_backup>{t.get().download_backup}</button>
                            <button type="button" class="secondary" on:click=retry>{t.get().storage_retry}</button>
                        </div>
                    </div>
                }.into_any())
            }
            Health::CodeMissing => Some(view! {
                <div class="banner banner-error" role="alert" data-testid="storage-banner">
                    <p>{t.get().banner_code_missing}</p>
                    <div class="actions">
                        <button type="button" on:click=retry>{t.get().storage_retry}</button>
                    </div>
                </div>
            }.into_any()),
            Health::Unavailable => Some(view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-banner">
                    <p>{t.get().banner_unavailable}</p>
                    <div class="actions">
                        <button type="button" on:click=download_backup>{t.get().download_backup}</button>
                    </div>
                </div>
            }.into_any()),
        }}
        {move || store.elsewhere().get().map(|what| view! {
            <div class="banner banner-info" role="status">
                <p>{match what {
                    Elsewhere::Changed => t.get().banner_elsewhere,
                    Elsewhere::ChangeLost => t.get().banner_change_lost,
                }}</p>
                <button type="button" class="secondary" on:click=move |_| store.elsewhere().set(None)>{tr(|t| t.dismiss)}</button>
            </div>
        })}
    }
}
