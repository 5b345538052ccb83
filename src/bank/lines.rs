//! The lines already decided: reconciled (each linked to its payment and its client) and set
//! aside (with the reason), each of which can be reopened.

use super::flash::{use_flash, Flash};
use super::suggestions::LineFacts;
use super::texts::{bank_texts, btr};
use crate::components::change_error_text;
use crate::i18n::use_t;
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::model::bank_book::{BankLine, LineStatus};
use encaisse_domain::values::ids::BankLineId;
use encaisse_domain::values::sorting::sort_by_key;
use leptos::prelude::*;

#[component]
pub fn DecidedLines(focus: Option<BankLineId>) -> impl IntoView {
    let t = use_t();
    let b = bank_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let flash = use_flash();
    // The lines reconciled and those set aside, newest first, computed once per change.
    let decided_lines = Memo::new(move |_| {
        ledger.with(|l| {
            let mut lines: Vec<BankLine> = l
                .bank()
                .lines()
                .iter()
                .filter(|line| !line.is_open())
                .cloned()
                .collect();
            sort_by_key(&mut lines, |line| std::cmp::Reverse(line.line.booking_date));
            lines
        })
    });
    let is_reconciled = |line: &BankLine| matches!(line.status, LineStatus::Reconciled { .. });
    let decided = move |reconciled: bool| {
        decided_lines.with(|lines| {
            lines
                .iter()
                .filter(|line| is_reconciled(line) == reconciled)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let count = move |reconciled: bool| {
        decided_lines.with(|lines| {
            lines
                .iter()
                .filter(|l| is_reconciled(l) == reconciled)
                .count()
        })
    };
    let focused_status = ledger.with_untracked(|l| {
        focus
            .and_then(|id| l.bank().line(id))
            .map(|line| line.status.clone())
    });
    let open_reconciled = matches!(focused_status, Some(LineStatus::Reconciled { .. }));
    let open_aside = matches!(focused_status, Some(LineStatus::SetAside { .. }));
    // A link to a line (from a payment) shows it: scrolled to once drawn.
    Effect::new(move |_| {
        if let Some(id) = focus {
            if let Some(element) = document().get_element_by_id(&format!("ligne-{id}")) {
                element.scroll_into_view();
            }
        }
    });
    let reopen = move |id: BankLineId| {
        let result = store.change(|l| l.reopen_line(id));
        flash.set(Some(match result {
            Ok(()) => Flash::done((b().undone)(1), Vec::new()),
            Err(e) => Flash::failed(change_error_text(&e)),
        }));
    };
    let row = move |line: BankLine| {
        let id = line.id;
        let focused = focus == Some(id);
        let status = line.status.clone();
        let decision = ledger.with_untracked(|l| match &status {
            LineStatus::Reconciled {
                payment, created, ..
            } => l.payment(*payment).map(|p| {
                let client = p.details.client;
                let name = l.client_name(client);
                let how = if *created {
                    b().payment_created
                } else {
                    b().payment_linked
                };
                view! {
                    <p>{how}" "<a href=Route::Client(client).href()>{name}</a></p>
                }
                .into_any()
            }),
            LineStatus::SetAside { reason, .. } => {
                let reason = reason.clone();
                Some(view! { <p>{move || (b().aside_because)(&reason)}</p> }.into_any())
            }
            LineStatus::Open => None,
        });
        view! {
            <li class="line-card" class:focused=focused id=format!("ligne-{id}")>
                <LineFacts t line/>
                {decision}
                <button type="button" class="secondary small" on:click=move |_| reopen(id)>{btr(|b| b.reopen)}</button>
            </li>
        }
    };

    view! {
        <section class="panel decided" aria-labelledby="decided-title">
            <h2 id="decided-title" class="visually-hidden">{btr(|b| b.decided_title)}</h2>
            <details open=open_reconciled>
                <summary>{move || (b().reconciled_title)(count(true))}</summary>
                <ul class="line-cards">{move || decided(true).into_iter().map(row).collect_view()}</ul>
            </details>
            <details open=open_aside>
                <summary>{move || (b().aside_title)(count(false))}</summary>
                <ul class="line-cards">{move || decided(false).into_iter().map(row).collect_view()}</ul>
            </details>
        </section>
    }
}
