//! Settings: language, backup and restore, demo data, erasing, storage facts; the penalty,
//! rate-table, aging and dashboard panels are in `penalty_settings`.

pub mod penalty_settings;
pub mod texts;

use crate::browser_error::error_name;
use crate::clock::today;
use crate::components::change_error_text;
use crate::components::confirm;
use crate::components::demo::demo_ledger;
use crate::files::{download, read_chosen_file};
use crate::i18n::{tr, use_t, Lang};
use crate::settings::texts::{settings_tr, use_settings_texts};
use crate::shell::route::Route;
use crate::storage::{self, format, Store};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::values::iso_date;
use leptos::prelude::*;
use leptos::task::spawn_local;
use penalty_settings::{
    status_line, AgingSettingsPanel, KpiSettingsPanel, PenaltyRulesPanel, RateTablePanel, Status,
};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let t = use_t();
    let own = use_settings_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let outcome: Status = RwSignal::new(None);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let set_lang = move |lang: Lang| storage::choose_lang(t, lang);
    let backup = move |_| {
        let ledger = ledger.get_untracked();
        spawn_local(async move {
            let Ok(text) = format::backup(&ledger).await else {
                return outcome.set(Some(Err(t.get_untracked().code_missing.into())));
            };
            let name = format!("encaisse-sauvegarde-{}.json", iso_date::format(today()));
            if let Err(e) = download(&name, "application/json", &text) {
                outcome.set(Some(Err(error_name(&e))));
            }
        });
    };
    let restore = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let Some((name, content)) = read_chosen_file(&input).await else {
                return;
            };
            input.set_value("");
            let tx = t.get_untracked();
            let own = own.get_untracked();
            let decoded = match content {
                Ok(text) => match format::decode_document(&text).await {
                    Ok(read) => read.map_err(|e| (tx.snapshot_error)(&e)),
                    Err(_) => return outcome.set(Some(Err(tx.code_missing.into()))),
                },
                Err(why) => Err(why),
            };
            match decoded {
                Err(why) => outcome.set(Some(Err((own.restore_failed)(&name, &why)))),
                Ok(restored) => {
                    let (clients, invoices) = (
                        restored.ledger.clients().len(),
                        restored.ledger.invoices().len(),
                    );
                    if !confirm(&(own.restore_confirm)(clients, invoices)) {
                        return;
                    }
                    outcome.set(Some(match store.replace(restored.ledger) {
                        Ok(()) => Ok((own.restore_done)(clients, invoices)),
                        Err(e) => Err(change_error_text(&e)),
                    }));
                }
            }
        });
    };
    let load_demo = move |_| {
        let own = own.get_untracked();
        if !ledger.with_untracked(|l| l.is_empty()) && !confirm(own.demo_confirm) {
            return;
        }
        spawn_local(async move {
            let Ok(demo) = demo_ledger(today()).await else {
                return outcome.set(Some(Err(t.get_untracked().code_missing.into())));
            };
            outcome.set(Some(match store.replace(demo) {
                Ok(()) => Ok(own.demo_loaded.into()),
                Err(e) => Err(change_error_text(&e)),
            }));
        });
    };
    let clear = move |_| {
        let own = own.get_untracked();
        if confirm(own.clear_confirm) {
            outcome.set(Some(match store.replace(Ledger::default()) {
                Ok(()) => Ok(own.cleared.into()),
                Err(e) => Err(change_error_text(&e)),
            }));
        }
    };

    view! {
        <section class="page narrow">
            <h1>{settings_tr(|t| t.settings_title)}</h1>
            <div data-testid="settings-status">{status_line(outcome)}</div>
            <section class="panel">
                <h2 id="language-title">{tr(|t| t.language)}</h2>
                <div class="segmented" role="radiogroup" aria-labelledby="language-title">
                    <label lang="fr"><input type="radio" name="lang" prop:checked=move || t.0.get() == Lang::Fr on:change=move |_| set_lang(Lang::Fr)/>"Français"</label>
                    <label lang="en"><input type="radio" name="lang" prop:checked=move || t.0.get() == Lang::En on:change=move |_| set_lang(Lang::En)/>"English"</label>
                </div>
            </section>
            <section class="panel">
                <h2>{settings_tr(|t| t.backup_section)}</h2>
                <p>{settings_tr(|t| t.backup_text)}</p>
                <button type="button" on:click=backup data-testid="backup">{settings_tr(|t| t.backup_download)}</button>
                <div class="field">
                    <label for="restore-file">{settings_tr(|t| t.restore_label)}</label>
                    <input id="restore-file" type="file" accept=".json,application/json" node_ref=file_input on:change=restore aria-describedby="restore-hint"/>
                    <p class="hint" id="restore-hint">{settings_tr(|t| t.restore_text)}</p>
                </div>
            </section>
            <section class="panel">
                <h2>{settings_tr(|t| t.reminder_settings_title)}</h2>
                <p><a href=Route::ReminderSettings.href()>{settings_tr(|t| t.collection_link)}</a></p>
            </section>
            <section class="panel">
                <h2>{settings_tr(|t| t.import_section)}</h2>
                <p><a href=Route::Import.href()>{settings_tr(|t| t.import_link)}</a></p>
            </section>
            <PenaltyRulesPanel/>
            <RateTablePanel/>
            <AgingSettingsPanel/>
            <KpiSettingsPanel/>
            <section class="panel">
                <h2>{settings_tr(|t| t.demo_section)}</h2>
                <p>{settings_tr(|t| t.demo_text)}</p>
                <div class="actions">
                    <button type="button" on:click=load_demo data-testid="settings-load-demo">{settings_tr(|t| t.demo_load)}</button>
                    <button type="button" class="danger" on:click=clear>{settings_tr(|t| t.clear_all)}</button>
                </div>
            </section>
            <section class="panel">
                <h2>{settings_tr(|t| t.storage_section)}</h2>
                <p>{move || { ledger.track(); (own.get().storage_info)(&store.database_name(), store.stored_size()) }}</p>
                <p>{settings_tr(|t| t.privacy_note)}</p>
            </section>
        </section>
    }
}
