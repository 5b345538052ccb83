//! The imports kept with the ledger, newest first, each of which can be undone as long as
//! nothing was recorded since on what it created.

use super::texts::{import_texts, itr};
use super::Flash;
use crate::components::change_error_text;
use crate::components::{confirm, date};
use crate::i18n::use_t;
use crate::storage::{ChangeError, Store};
use encaisse_domain::model::imports::ImportRecord;
use encaisse_domain::values::problem::Problem;
use leptos::prelude::*;

/// Takes back an import, found by its record rather than its place in the list: another
/// undo or another tab may have moved it since it was shown.
pub fn undo_record(store: &Store, record: &ImportRecord) -> Result<(), ChangeError> {
    store.change(|l| {
        let index = l
            .imports()
            .iter()
            .position(|r| r == record)
            .ok_or(Problem::UnknownImport)?;
        l.undo_import(index)
    })
}

#[component]
pub fn PastImports(flash: RwSignal<Option<Flash>>) -> impl IntoView {
    let t = use_t();
    let i = import_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let records =
        Memo::new(move |_| ledger.with(|l| l.imports().iter().rev().cloned().collect::<Vec<_>>()));
    // Why the domain refused to undo an import, shown under that import.
    let refusal = RwSignal::new(None::<(ImportRecord, String)>);

    let undo = move |record: ImportRecord| {
        let texts = i();
        if !confirm(&(texts.undo_confirm)(&record, &date(t, record.on))) {
            return;
        }
        match undo_record(&store, &record) {
            Ok(()) => {
                refusal.set(None);
                flash.set(Some(Flash::done((texts.undone)(&record), None)));
            }
            Err(e) => refusal.set(Some((record, change_error_text(&e)))),
        }
    };

    view! {
        <section class="panel" aria-labelledby="import-history-title">
            <h2 id="import-history-title">{itr(|i| i.history_title)}</h2>
            {move || if records.with(Vec::is_empty) {
                view! { <p>{itr(|i| i.history_empty)}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{itr(|i| i.history_hint)}</p>
                    <ul class="import-history">
                        {records.get().into_iter().map(|record| {
                            let day = record.on;
                            let file_name = record.file_name.clone();
                            let label_file = file_name.clone();
                            let shown = record.clone();
                            let refused = record.clone();
                            view! {
                                <li>
                                    <p>
                                        <strong>{move || date(t, day)}" — "{file_name}</strong>
                                        <br/>
                                        <span>{move || (i().record_counts)(&shown)}</span>
                                    </p>
                                    <button type="button" class="secondary" on:click=move |_| undo(record.clone())>
                                        {itr(|i| i.undo_this)}
                                        <span class="visually-hidden">{move || (i().undo_this_which)(&label_file, &date(t, day))}</span>
                                    </button>
                                    {move || refusal.with(|r| r.as_ref().filter(|(r, _)| *r == refused).map(|(_, why)| why.clone()))
                                        .map(|why| view! { <p class="error" role="alert">{why}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
