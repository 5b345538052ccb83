//! The client list, searchable, with each client's balance and payment grade.

use crate::clock::today;
use crate::components::score::grade_badge;
use crate::components::{eur, money, EmptyState};
use crate::i18n::use_t;
use crate::ledger::pager::{Paged, Pager};
use crate::ledger::texts::{ledger_tr, use_ledger_texts};
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::analysis::score::{score_all, ClientScore};
use encaisse_domain::model::client::ClientKind;
use encaisse_domain::values::ids::ClientId;
use encaisse_domain::values::sorting::sort_by_key;
use encaisse_domain::values::text::fold;
use encaisse_domain::Decimal;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Row {
    id: ClientId,
    name: String,
    kind: ClientKind,
    city: String,
    open: Decimal,
    overdue: Decimal,
    balance: Decimal,
    archived: bool,
    blocked: bool,
    score: ClientScore,
    /// Folded text the search looks into (see `text::fold`).
    haystack: String,
}

#[component]
pub fn ClientListPage() -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let query = RwSignal::new(String::new());
    let show_archived = RwSignal::new(false);
    let as_of = today();

    // Balances change only with the ledger, not with each keystroke in the search box.
    let rows = Memo::new(move |_| {
        ledger.with(|ledger| {
            let balances = store.position(ledger, as_of).client_balances(ledger);
            let mut rows: Vec<Row> = ledger
                .clients()
                .iter()
                .zip(score_all(ledger, as_of))
                .map(|(c, (_, score))| {
                    let b = balances.get(&c.id).copied().unwrap_or_default();
                    let d = &c.details;
                    Row {
                        id: c.id,
                        name: d.name.clone(),
                        kind: d.kind,
                        city: d.address.city.clone(),
                        open: b.open,
                        overdue: b.overdue,
                        balance: b.balance(),
                        archived: c.archived,
                        blocked: c.hold_on(as_of).is_some(),
                        score,
                        haystack: fold(&format!(
                            "{} {} {} {} {}",
                            d.name, d.registration, d.address.city, d.payer.email, d.payer.name
                        )),
                    }
                })
                .collect();
            sort_by_key(&mut rows, |r| fold(&r.name));
            rows
        })
    });
    let visible = Memo::new(move |_| {
        let needle = fold(query.get().trim());
        let needle_compact: String = needle.chars().filter(|c| !c.is_whitespace()).collect();
        let archived = show_archived.get();
        rows.with(|rows| {
            rows.iter()
                .filter(|r| archived || !r.archived)
                .filter(|r| {
                    needle.is_empty()
                        || r.haystack.contains(&needle)
                        || (!needle_compact.is_empty() && r.haystack.contains(&needle_compact))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let Paged {
        page,
        on_page,
        row_count,
    } = Paged::new(visible);
    let totals = move || {
        visible.with(|rows| {
            (
                rows.iter().map(|r| r.open).sum::<Decimal>(),
                rows.iter().map(|r| r.overdue).sum::<Decimal>(),
                rows.iter().map(|r| r.balance).sum::<Decimal>(),
            )
        })
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{ledger_tr(|t| t.clients_title)}</h1>
                <a class="button" href=Route::ClientNew.href()>{ledger_tr(|t| t.new_client)}</a>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <EmptyState title=move || own.get().no_clients_title.to_string() text=move || own.get().no_clients_text.to_string()>
                        <a class="button" href=Route::ClientNew.href()>{ledger_tr(|t| t.new_client)}</a>
                    </EmptyState>
                }
            >
                <div class="toolbar">
                    <div class="field grow">
                        <label for="client-search">{ledger_tr(|t| t.search)}</label>
                        <input id="client-search" type="search" placeholder=ledger_tr(|t| t.search_clients)
                            prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                    </div>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || show_archived.get() on:change=move |ev| show_archived.set(event_target_checked(&ev))/>
                        {ledger_tr(|t| t.show_archived)}
                    </label>
                </div>
                <p class="count" aria-live="polite">{move || (own.get().clients_count)(visible.with(Vec::len))}</p>
                <Show when=move || visible.with(|v| !v.is_empty()) fallback=move || view! { <p class="empty">{move || (own.get().no_client_match)(&query.get())}</p> }>
                    <div class="table-wrap">
                        <table class="clients">
                            <thead><tr>
                                <th scope="col">{ledger_tr(|t| t.col_name)}</th>
                                <th scope="col" class="hide-narrow">{ledger_tr(|t| t.col_kind)}</th>
                                <th scope="col" class="hide-narrow">{ledger_tr(|t| t.col_city)}</th>
                                <th scope="col">{ledger_tr(|t| t.col_score)}</th>
                                <th scope="col" class="num">{ledger_tr(|t| t.col_open)}</th>
                                <th scope="col" class="num">{ledger_tr(|t| t.col_overdue)}</th>
                                <th scope="col" class="num hide-narrow">{ledger_tr(|t| t.col_balance)}</th>
                            </tr></thead>
                            <tbody>
                                <For each=move || on_page.get() key=|r| (r.id, r.balance, r.overdue, r.name.clone(), r.archived, r.blocked, r.score.score()) let:r>
                                    <tr class:archived=r.archived>
                                        <td>
                                            <a href=Route::Client(r.id).href()>{r.name.clone()}</a>
                                            {r.archived.then(|| view! { " " <span class="badge">{ledger_tr(|t| t.archived)}</span> })}
                                            {r.blocked.then(|| view! { " " <span class="badge blocked">{ledger_tr(|t| t.blocked)}</span> })}
                                        </td>
                                        <td class="hide-narrow">{move || if r.kind == ClientKind::Business { own.get().kind_business } else { own.get().kind_individual }}</td>
                                        <td class="hide-narrow">{r.city.clone()}</td>
                                        <td data-testid="client-grade">{let score = r.score.clone(); move || grade_badge(t.get(), &score)}</td>
                                        <td class="num">{money(r.open)}</td>
                                        <td class="num" class:late=(r.overdue > Decimal::ZERO)>{money(r.overdue)}</td>
                                        <td class="num hide-narrow">{money(r.balance)}</td>
                                    </tr>
                                </For>
                            </tbody>
                            <tfoot><tr>
                                <th scope="row">{ledger_tr(|t| t.total)}</th>
                                <td class="hide-narrow"></td>
                                <td class="hide-narrow"></td>
                                <td></td>
                                <td class="num">{move || eur(t, totals().0)}</td>
                                <td class="num">{move || eur(t, totals().1)}</td>
                                <td class="num hide-narrow">{move || eur(t, totals().2)}</td>
                            </tr></tfoot>
                        </table>
                    </div>
                    <Pager page rows=row_count/>
                </Show>
            </Show>
        </section>
    }
}
