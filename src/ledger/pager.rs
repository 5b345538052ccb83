//! Long lists shown a page at a time: the invoice and client lists of a firm with thousands of
//! rows render only the page on screen, while their counts and totals still cover every row
//! the filters keep.

use crate::ledger::texts::{ledger_tr, use_ledger_texts};
use leptos::prelude::*;

/// Rows on one page: a screenful or two on a desktop, light enough to draw at once.
pub const PAGE_ROWS: usize = 100;

/// A list's filtered rows seen a page at a time.
pub struct Paged<T: Send + Sync + 'static> {
    /// The page on screen, from 0; back to the first when the filters or the rows change.
    pub page: RwSignal<usize>,
    /// The rows of that page, the ones to draw.
    pub on_page: Memo<Vec<T>>,
    /// How many rows the filters keep, for the pager.
    pub row_count: Signal<usize>,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Paged<T> {
    pub fn new(rows: Memo<Vec<T>>) -> Self {
        let page = RwSignal::new(0usize);
        Effect::new(move |_| {
            rows.track();
            page.set(0);
        });
        Paged {
            page,
            on_page: Memo::new(move |_| rows.with(|rows| page_of(rows, page.get()))),
            row_count: Signal::derive(move || rows.with(Vec::len)),
        }
    }
}

/// The rows of page `page` (from 0) of `rows`, the last page when `page` is beyond it.
pub fn page_of<T: Clone>(rows: &[T], page: usize) -> Vec<T> {
    let start = page.min(last_page(rows.len())) * PAGE_ROWS;
    rows[start..rows.len().min(start + PAGE_ROWS)].to_vec()
}

fn last_page(rows: usize) -> usize {
    rows.saturating_sub(1) / PAGE_ROWS
}

/// "101 to 200 of 612", with the previous and next buttons; nothing when one page holds all.
#[component]
pub fn Pager(page: RwSignal<usize>, rows: Signal<usize>) -> impl IntoView {
    let own = use_ledger_texts();
    let current = move || page.get().min(last_page(rows.get()));
    view! {
        <Show when=move || { rows.get() > PAGE_ROWS }>
            <nav class="pager" aria-label=ledger_tr(|t| t.pager_label) data-testid="pager">
                <button type="button" class="secondary" disabled=move || current() == 0
                    on:click=move |_| page.set(current().saturating_sub(1))>{ledger_tr(|t| t.previous_page)}</button>
                <span aria-live="polite">{move || {
                    let first = current() * PAGE_ROWS;
                    (own.get().pager_range)(first + 1, rows.get().min(first + PAGE_ROWS), rows.get())
                }}</span>
                <button type="button" class="secondary" disabled=move || current() == last_page(rows.get())
                    on:click=move |_| page.set(current() + 1)>{ledger_tr(|t| t.next_page)}</button>
            </nav>
        </Show>
    }
}
