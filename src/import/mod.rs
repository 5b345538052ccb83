//! The import screen (`banque.html#/import`): invoices, clients and payments taken from an
//! FEC or an invoicing tool's CSV. The file's kind is told from its header; a CSV's columns
//! are confirmed by the user; what the import will do is shown before it is recorded, whole
//! or not at all; and each import can be undone.
//!
//! Its texts live in [`texts`], apart from the shell's, so that only this group's chunk
//! carries them.

mod columns;
mod file;
mod history;
mod plan_view;
pub mod texts;

use crate::clock::today;
use crate::components::change_error_text;
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::files::import::fec;
use encaisse_domain::files::import::invoices_csv::{header_signature, preview, CsvPreview};
use encaisse_domain::files::import::plan::{plan_fec, ImportPlan};
use encaisse_domain::model::imports::ImportRecord;
use encaisse_domain::model::imports::InvoiceColumns;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::terms::PaymentTerms;
use leptos::prelude::*;
use plan_view::Source;
use std::sync::Arc;
use texts::{import_texts, itr};

/// The terms of an invoice whose file gives no due date and whose client is new.
fn default_terms(ledger: &Ledger) -> PaymentTerms {
    ledger.settings().issuer.default_terms
}

/// A heading that takes the focus once shown: the next step of the import appears below the
/// file picker, and keyboard and screen reader users are taken to it.
fn focus_on_mount() -> NodeRef<leptos::html::H2> {
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    heading
}

/// Where the file being imported is.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Idle,
    Refused {
        file_name: String,
        why: String,
    },
    /// A CSV of invoices whose columns the user confirms.
    Columns {
        file_name: String,
        text: Arc<str>,
        preview: CsvPreview,
        /// The header's signature, under which the columns chosen are remembered.
        signature: String,
    },
    /// Planned: shown with what it will do, waiting for the user's word.
    Planned {
        plan: ImportPlan,
        source: Source,
    },
}

/// What the last action did; after an import, the record to undo it.
#[derive(Clone, Debug, PartialEq)]
struct Flash {
    ok: bool,
    text: String,
    undo: Option<ImportRecord>,
}

impl Flash {
    fn done(text: String, undo: Option<ImportRecord>) -> Flash {
        Flash {
            ok: true,
            text,
            undo,
        }
    }
    fn failed(text: String) -> Flash {
        Flash {
            ok: false,
            text,
            undo: None,
        }
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i = import_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let step = RwSignal::new(Step::Idle);
    let flash = RwSignal::new(None::<Flash>);

    // Runs in the file task after its await: only captured signals and texts, no context.
    let on_file = Callback::new(move |(file_name, text): file::TakenFile| {
        let texts = i();
        flash.set(None);
        let text = match text {
            Ok(text) => text,
            Err(why) => {
                step.set(Step::Refused { file_name, why });
                return;
            }
        };
        step.set(if fec::is_fec(&text) {
            match ledger.with_untracked(|l| plan_fec(l, &text, default_terms(l), today())) {
                Ok(plan) => Step::Planned {
                    plan: ImportPlan {
                        file_name: Some(file_name),
                        ..plan
                    },
                    source: Source::Fec,
                },
                Err(problem) => Step::Refused {
                    file_name,
                    why: (texts.file_problem)(&problem),
                },
            }
        } else {
            match preview(&text) {
                Some(mut preview) => {
                    // The columns chosen last time for this layout, else the header's guess.
                    let signature = header_signature(&text);
                    if let Some(saved) =
                        ledger.with_untracked(|l| l.invoice_csv_columns(&signature).cloned())
                    {
                        preview.suggested = saved;
                    }
                    Step::Columns {
                        file_name,
                        text: text.into(),
                        preview,
                        signature,
                    }
                }
                None => Step::Refused {
                    file_name,
                    why: texts.not_a_table.to_string(),
                },
            }
        });
    });
    let on_plan = Callback::new(move |(plan, columns): (ImportPlan, InvoiceColumns)| {
        let Step::Columns { signature, .. } = step.get_untracked() else {
            return;
        };
        step.set(Step::Planned {
            plan,
            source: Source::InvoicesCsv { signature, columns },
        })
    });
    let cancel = Callback::new(move |_| step.set(Step::Idle));
    let import = Callback::new(move |_| {
        let Step::Planned { plan, source } = step.get_untracked() else {
            return;
        };
        let texts = i();
        let result = store.change(|l| {
            if let Source::InvoicesCsv { signature, columns } = source {
                l.save_invoice_csv_columns(signature, columns);
            }
            l.apply_import(&plan, today())?;
            Ok(l.imports().last().cloned())
        });
        match result {
            Ok(record) => {
                let text = record.as_ref().map_or_else(String::new, texts.imported);
                flash.set(Some(Flash::done(text, record)));
                step.set(Step::Idle);
            }
            Err(e) => flash.set(Some(Flash::failed(change_error_text(&e)))),
        }
    });
    let undo_last = move |record: ImportRecord| {
        let texts = i();
        flash.set(Some(match history::undo_record(&store, &record) {
            Ok(()) => Flash::done((texts.undone)(&record), None),
            Err(e) => Flash::failed(change_error_text(&e)),
        }));
    };

    view! {
        <section class="page import-page">
            <h1>{itr(|i| i.title)}</h1>
            <p class="lead">{itr(|i| i.intro)}</p>
            <p><a href=Route::Reconciliation { line: None }.href()>{itr(|i| i.back_to_bank)}</a></p>
            <div class="flash no-print" role="status" aria-live="polite">
                {move || flash.get().map(|f| {
                    let class = if f.ok { "success" } else { "error" };
                    view! {
                        <p class=class role=(!f.ok).then_some("alert")>
                            {f.text}
                            {f.undo.map(|record| view! {
                                " "
                                <button type="button" class="link" on:click=move |_| undo_last(record.clone())>
                                    {itr(|i| i.undo_import)}
                                </button>
                            })}
                        </p>
                    }
                })}
            </div>
            <file::FilePanel on_file/>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Refused { file_name, why } => view! {
                    <p class="error" role="alert">{move || (i().file_refused)(&file_name, &why)}</p>
                }.into_any(),
                Step::Columns { file_name, text, preview, .. } => view! {
                    <columns::ColumnsForm file_name text preview on_plan on_cancel=cancel/>
                }.into_any(),
                Step::Planned { plan, source } => view! {
                    <plan_view::PlanView plan source on_import=import on_cancel=cancel/>
                }.into_any(),
            }}
            <history::PastImports flash/>
        </section>
    }
}
