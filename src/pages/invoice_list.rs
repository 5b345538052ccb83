//! The invoice list: filters by status and client, sorting, and totals of what is shown.

use crate::clock::today;
use crate::components::{client_choices, date, eur, EmptyState, StatusBadge};
use crate::i18n::use_t;
use crate::route::Route;
use crate::storage::Store;
use encaisse_domain::balances::Position;
use encaisse_domain::ids::{ClientId, InvoiceId};
use encaisse_domain::invoice::InvoiceStatus;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
pub struct InvoiceRow {
    pub id: InvoiceId,
    pub number: String,
    pub client: ClientId,
    pub client_name: String,
    pub issued: NaiveDate,
    pub due: NaiveDate,
    pub total: Decimal,
    pub open: Decimal,
    pub status: InvoiceStatus,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Due,
    Amount,
    Issued,
}

/// Filters and sorts the rows; the totals are those of what the user sees.
pub fn select_rows(
    rows: &[InvoiceRow],
    status: Option<InvoiceStatus>,
    client: Option<ClientId>,
    sort: SortKey,
    descending: bool,
) -> Vec<InvoiceRow> {
    let mut selected: Vec<InvoiceRow> = rows
        .iter()
        .filter(|r| status.is_none_or(|s| r.status == s))
        .filter(|r| client.is_none_or(|c| r.client == c))
        .cloned()
        .collect();
    selected.sort_by(|a, b| {
        let order = match sort {
            SortKey::Due => a.due.cmp(&b.due),
            SortKey::Amount => a.total.cmp(&b.total),
            SortKey::Issued => a.issued.cmp(&b.issued),
        };
        let order = order.then_with(|| a.number.cmp(&b.number));
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    selected
}

#[component]
pub fn InvoiceListPage(status: Option<InvoiceStatus>, client: Option<ClientId>) -> impl IntoView {
    let t = use_t();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = today();
    let status_filter = RwSignal::new(status);
    let client_filter = RwSignal::new(client);
    let sort = RwSignal::new(SortKey::Due);
    let descending = RwSignal::new(false);

    let rows = Memo::new(move |_| {
        ledger.with(|ledger| {
            let position = Position::new(ledger, as_of);
            ledger
                .invoices()
                .iter()
                .map(|i| InvoiceRow {
                    id: i.id,
                    number: i.details.number.clone(),
                    client: i.details.client,
                    client_name: ledger
                        .client(i.details.client)
                        .map(|c| c.details.name.clone())
                        .unwrap_or_default(),
                    issued: i.details.issue_date,
                    due: i.due_date(),
                    total: i.total(),
                    open: position.invoice(i.id).open(),
                    status: position.status(i),
                })
                .collect::<Vec<_>>()
        })
    });
    let clients = Memo::new(move |_| ledger.with(|l| client_choices(l, |_| true)));
    let visible = Memo::new(move |_| {
        rows.with(|rows| {
            select_rows(
                rows,
                status_filter.get(),
                client_filter.get(),
                sort.get(),
                descending.get(),
            )
        })
    });
    let total = move || visible.with(|v| v.iter().map(|r| r.total).sum::<Decimal>());
    let open = move || visible.with(|v| v.iter().map(|r| r.open).sum::<Decimal>());

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || t.get().invoices_title}</h1>
                <a class="button" href=move || Route::InvoiceNew { client: client_filter.get() }.href()>{move || t.get().new_invoice}</a>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <EmptyState title=move || t.get().no_invoices_title.to_string() text=move || t.get().no_invoices_text.to_string()>
                        <a class="button" href=Route::InvoiceNew { client: None }.href()>{move || t.get().new_invoice}</a>
                    </EmptyState>
                }
            >
                <div class="toolbar">
                    <div class="field">
                        <label for="filter-status">{move || t.get().filter_status}</label>
                        <select id="filter-status" on:change=move |ev| status_filter.set(InvoiceStatus::from_slug(&event_target_value(&ev)))>
                            <option value="" selected=move || status_filter.get().is_none()>{move || t.get().all_statuses}</option>
                            {InvoiceStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.slug() selected=move || status_filter.get() == Some(s)>{move || (t.get().status)(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-client">{move || t.get().filter_client}</label>
                        <select id="filter-client" on:change=move |ev| client_filter.set(event_target_value(&ev).parse().ok().map(ClientId))>
                            <option value="" selected=move || client_filter.get().is_none()>{move || t.get().all_clients}</option>
                            <For each=move || clients.get() key=|(id, name)| (*id, name.clone()) let:((id, name))>
                                <option value=id.to_string() selected=move || client_filter.get() == Some(id)>{name}</option>
                            </For>
                        </select>
                    </div>
                    <div class="field">
                        <label for="sort-key">{move || t.get().sort_by}</label>
                        <select id="sort-key" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                            "amount" => SortKey::Amount,
                            "issued" => SortKey::Issued,
                            _ => SortKey::Due,
                        })>
                            <option value="due" selected=move || sort.get() == SortKey::Due>{move || t.get().sort_due}</option>
                            <option value="amount" selected=move || sort.get() == SortKey::Amount>{move || t.get().sort_amount}</option>
                            <option value="issued" selected=move || sort.get() == SortKey::Issued>{move || t.get().sort_issue}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="sort-order">{move || t.get().sort_order}</label>
                        <select id="sort-order" on:change=move |ev| descending.set(event_target_value(&ev) == "desc")>
                            <option value="asc" selected=move || !descending.get()>{move || t.get().order_asc}</option>
                            <option value="desc" selected=move || descending.get()>{move || t.get().order_desc}</option>
                        </select>
                    </div>
                </div>
                <p class="count" aria-live="polite" data-testid="invoice-count">{move || (t.get().invoices_count)(visible.with(Vec::len))}</p>
                <Show when=move || visible.with(|v| !v.is_empty()) fallback=move || view! { <p class="empty">{move || t.get().no_invoice_match}</p> }>
                    <div class="table-wrap">
                        <table class="invoices">
                            <thead><tr>
                                <th scope="col">{move || t.get().col_number}</th>
                                <th scope="col">{move || t.get().col_client}</th>
                                <th scope="col" class="hide-narrow">{move || t.get().col_issued}</th>
                                <th scope="col">{move || t.get().col_due}</th>
                                <th scope="col" class="num hide-narrow">{move || t.get().col_total}</th>
                                <th scope="col" class="num">{move || t.get().col_remaining}</th>
                                <th scope="col">{move || t.get().col_status}</th>
                            </tr></thead>
                            <tbody>
                                <For each=move || visible.get() key=|r| (r.id, r.open, r.status, r.total, r.due, r.number.clone(), r.client_name.clone()) let:r>
                                    <tr>
                                        <td><a href=Route::Invoice(r.id).href()>{r.number.clone()}</a></td>
                                        <td><a href=Route::Client(r.client).href()>{r.client_name.clone()}</a></td>
                                        <td class="hide-narrow">{move || date(t, r.issued)}</td>
                                        <td>{move || date(t, r.due)}</td>
                                        <td class="num hide-narrow">{move || eur(t, r.total)}</td>
                                        <td class="num">{move || eur(t, r.open)}</td>
                                        <td><StatusBadge status=r.status/></td>
                                    </tr>
                                </For>
                            </tbody>
                            <tfoot><tr>
                                <th scope="row" colspan="2">{move || t.get().total}</th>
                                <td class="hide-narrow"></td>
                                <td></td>
                                <td class="num hide-narrow" data-testid="invoices-total">{move || eur(t, total())}</td>
                                <td class="num" data-testid="invoices-open">{move || eur(t, open())}</td>
                                <td></td>
                            </tr></tfoot>
                        </table>
                    </div>
                </Show>
            </Show>
        </section>
    }
}
