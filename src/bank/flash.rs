//! The screen's one status line: what the last action did, and its undo.

use super::texts::{bank_texts, btr};
use crate::components::change_error_text;
use crate::storage::Store;
use encaisse_domain::values::ids::BankLineId;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    pub ok: bool,
    pub text: String,
    /// The lines the action decided: undoing reopens them (a payment the reconciliation
    /// created is deleted with them, a link to a typed payment only undone).
    pub undo: Vec<BankLineId>,
}

impl Flash {
    pub fn done(text: String, undo: Vec<BankLineId>) -> Flash {
        Flash {
            ok: true,
            text,
            undo,
        }
    }
    pub fn failed(text: String) -> Flash {
        Flash {
            ok: false,
            text,
            undo: Vec::new(),
        }
    }
}

pub fn use_flash() -> RwSignal<Option<Flash>> {
    expect_context::<RwSignal<Option<Flash>>>()
}

#[component]
pub fn FlashLine() -> impl IntoView {
    let flash = use_flash();
    let store = expect_context::<Store>();
    let b = bank_texts();
    let undo = move |_| {
        let Some(lines) = flash.get_untracked().map(|f| f.undo) else {
            return;
        };
        let result = store.change(|l| lines.iter().try_for_each(|&line| l.reopen_line(line)));
        flash.set(Some(match result {
            Ok(()) => Flash::done((b().undone)(lines.len()), Vec::new()),
            Err(e) => Flash::failed(change_error_text(&e)),
        }));
    };
    view! {
        <div class="flash no-print" role="status" aria-live="polite">
            {move || flash.get().map(|f| {
                let class = if f.ok { "success" } else { "error" };
                let can_undo = !f.undo.is_empty();
                view! {
                    <p class=class>
                        {f.text}
                        {can_undo.then(|| view! {
                            " "
                            <button type="button" class="link" on:click=undo>{btr(|b| b.undo)}</button>
                        })}
                    </p>
                }
            })}
        </div>
    }
}
