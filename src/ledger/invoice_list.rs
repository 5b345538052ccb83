//! The invoice list: the drafts being prepared, then the issued invoices with filters by
//! status and client, sorting, and totals of what is shown.

use crate::clock::today;
use crate::components::{client_choices, date_view, money, EmptyState, StatusBadge};
use crate::i18n::use_t;
use crate::ledger::pager::{Paged, Pager};
use crate::ledger::texts::{ledger_tr, use_ledger_texts};
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::model::invoice::InvoiceStatus;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::values::ids::{ClientId, DraftId, InvoiceId};
use encaisse_domain::values::sorting::sort_by;
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
    sort_by(&mut selected, |a, b| {
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

/// A draft as the lists show it.
#[derive(Clone, PartialEq)]
pub struct DraftRow {
    pub id: DraftId,
    pub number: String,
    pub client: ClientId,
    pub client_name: String,
    pub planned: NaiveDate,
    pub total: Decimal,
}

/// The ledger's drafts, or one client's, oldest planned issue first.
pub fn draft_rows(ledger: &Ledger, client: Option<ClientId>) -> Vec<DraftRow> {
    let mut rows: Vec<DraftRow> = ledger
        .drafts()
        .iter()
        .filter(|d| client.is_none_or(|c| d.details.client == c))
        .map(|d| DraftRow {
            id: d.id,
            number: d.details.number.clone(),
            client: d.details.client,
            client_name: ledger.client_name(d.details.client),
            planned: d.details.issue_date,
            total: d.total(),
        })
        .collect();
    sort_by(&mut rows, |a, b| {
        a.planned.cmp(&b.planned).then(a.id.cmp(&b.id))
    });
    rows
}

/// The drafts being prepared, each opening the form that finishes or issues it.
#[component]
pub fn DraftTable(rows: Vec<DraftRow>, show_client: bool) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let total: Decimal = rows.iter().map(|r| r.total).sum();
    let count = rows.len();
    view! {
        <section aria-labelledby="drafts-title" class="drafts" data-testid="drafts">
            <h2 id="drafts-title">{ledger_tr(|t| t.drafts_section)}</h2>
            <p class="count">{move || (own.get().drafts_count)(count, &crate::components::eur(t, total))}</p>
            <div class="table-wrap"><table>
                <thead><tr>
                    <th scope="col">{ledger_tr(|t| t.col_number)}</th>
                    {show_client.then(|| view! { <th scope="col">{ledger_tr(|t| t.col_client)}</th> })}
                    <th scope="col">{ledger_tr(|t| t.col_draft_date)}</th>
                    <th scope="col" class="num">{ledger_tr(|t| t.col_total)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td><a href=Route::Draft(r.id).href()>{r.number.clone()}</a></td>
                            {show_client.then(|| view! { <td><a href=Route::Client(r.client).href()>{r.client_name.clone()}</a></td> })}
                            <td>{date_view(r.planned)}</td>
                            <td class="num">{money(r.total)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </section>
    }
}

#[component]
pub fn InvoiceListPage(status: Option<InvoiceStatus>, client: Option<ClientId>) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = today();
    let status_filter = RwSignal::new(status);
    let client_filter = RwSignal::new(client);
    let sort = RwSignal::new(SortKey::Due);
    let descending = RwSignal::new(false);

    let rows = Memo::new(move |_| {
        ledger.with(|ledger| {
            let position = store.position(ledger, as_of);
            ledger
                .invoices()
                .iter()
                .map(|i| InvoiceRow {
                    id: i.id,
                    number: i.details.number.clone(),
                    client: i.details.client,
                    client_name: ledger.client_name(i.details.client),
                    issued: i.details.issue_date,
                    due: i.due_date(),
                    total: i.total(),
                    open: position.invoice(i.id).open(),
                    status: position.status(i),
                })
                .collect::<Vec<_>>()
        })
    });
    let drafts = Memo::new(move |_| ledger.with(|l| draft_rows(l, None)));
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
    let Paged {
        page,
        on_page,
        row_count,
    } = Paged::new(visible);
    let total = move || visible.with(|v| v.iter().map(|r| r.total).sum::<Decimal>());
    let open = move || visible.with(|v| v.iter().map(|r| r.open).sum::<Decimal>());

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{ledger_tr(|t| t.invoices_title)}</h1>
                <a class="button" href=move || Route::InvoiceNew { client: client_filter.get() }.href()>{ledger_tr(|t| t.new_invoice)}</a>
            </div>
            {move || {
                let rows = drafts.get();
                (!rows.is_empty()).then(|| view! { <DraftTable rows show_client=true/> })
            }}
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <EmptyState title=move || own.get().no_invoices_title.to_string() text=move || own.get().no_invoices_text.to_string()>
                        <a class="button" href=Route::InvoiceNew { client: None }.href()>{ledger_tr(|t| t.new_invoice)}</a>
                    </EmptyState>
                }
            >
                <div class="toolbar">
                    <div class="field">
                        <label for="filter-status">{ledger_tr(|t| t.filter_status)}</label>
                        <select id="filter-status" on:change=move |ev| status_filter.set(InvoiceStatus::from_slug(&event_target_value(&ev)))>
                            <option value="" selected=move || status_filter.get().is_none()>{ledger_tr(|t| t.all_statuses)}</option>
                            {InvoiceStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.slug() selected=move || status_filter.get() == Some(s)>{move || (t.get().status)(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-client">{ledger_tr(|t| t.filter_client)}</label>
                        <select id="filter-client" on:change=move |ev| client_filter.set(event_target_value(&ev).parse().ok().map(ClientId))>
                            <option value="" selected=move || client_filter.get().is_none()>{ledger_tr(|t| t.all_clients)}</option>
                            <For each=move || clients.get() key=|(id, name)| (*id, name.clone()) let:((id, name))>
                                <option value=id.to_string() selected=move || client_filter.get() == Some(id)>{name}</option>
                            </For>
                        </select>
                    </div>
                    <div class="field">
                        <label for="sort-key">{ledger_tr(|t| t.sort_by)}</label>
                        <select id="sort-key" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                            "amount" => SortKey::Amount,
                            "issued" => SortKey::Issued,
                            _ => SortKey::Due,
                        })>
                            <option value="due" selected=move || sort.get() == SortKey::Due>{ledger_tr(|t| t.sort_due)}</option>
                            <option value="amount" selected=move || sort.get() == SortKey::Amount>{ledger_tr(|t| t.sort_amount)}</option>
                            <option value="issued" selected=move || sort.get() == SortKey::Issued>{ledger_tr(|t| t.sort_issue)}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="sort-order">{ledger_tr(|t| t.sort_order)}</label>
                        <select id="sort-order" on:change=move |ev| descending.set(event_target_value(&ev) == "desc")>
                            <option value="asc" selected=move || !descending.get()>{ledger_tr(|t| t.order_asc)}</option>
                            <option value="desc" selected=move || descending.get()>{ledger_tr(|t| t.order_desc)}</option>
                        </select>
                    </div>
                </div>
                <p class="count" aria-live="polite" data-testid="invoice-count">{move || (own.get().invoices_count)(visible.with(Vec::len))}</p>
                <Show when=move || visible.with(|v| !v.is_empty()) fallback=move || view! { <p class="empty">{ledger_tr(|t| t.no_invoice_match)}</p> }>
                    <div class="table-wrap">
                        <table class="invoices">
                            <thead><tr>
                                <th scope="col">{ledger_tr(|t| t.col_number)}</th>
                                <th scope="col">{ledger_tr(|t| t.col_client)}</th>
                                <th scope="col" class="hide-narrow">{ledger_tr(|t| t.col_issued)}</th>
                                <th scope="col">{ledger_tr(|t| t.col_due)}</th>
                                <th scope="col" class="num hide-narrow">{ledger_tr(|t| t.col_total)}</th>
                                <th scope="col" class="num">{ledger_tr(|t| t.col_remaining)}</th>
                                <th scope="col">{ledger_tr(|t| t.col_status)}</th>
                            </tr></thead>
                            <tbody>
                                <For each=move || on_page.get() key=|r| (r.id, r.open, r.status, r.total, r.due, r.number.clone(), r.client_name.clone()) let:r>
                                    <tr>
                                        <td><a href=Route::Invoice(r.id).href()>{r.number.clone()}</a></td>
                                        <td><a href=Route::Client(r.client).href()>{r.client_name.clone()}</a></td>
                                        <td class="hide-narrow">{date_view(r.issued)}</td>
                                        <td>{date_view(r.due)}</td>
                                        <td class="num hide-narrow">{money(r.total)}</td>
                                        <td class="num">{money(r.open)}</td>
                                        <td><StatusBadge status=r.status/></td>
                                    </tr>
                                </For>
                            </tbody>
                            <tfoot><tr>
                                <th scope="row" colspan="2">{ledger_tr(|t| t.total)}</th>
                                <td class="hide-narrow"></td>
                                <td></td>
                                <td class="num hide-narrow" data-testid="invoices-total">{money(total())}</td>
                                <td class="num" data-testid="invoices-open">{money(open())}</td>
                                <td></td>
                            </tr></tfoot>
                        </table>
                    </div>
                    <Pager page rows=row_count/>
                </Show>
            </Show>
        </section>
    }
}
