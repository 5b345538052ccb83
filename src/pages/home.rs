//! The home screen: a welcome with first steps on an empty ledger, the position otherwise.

use crate::clock::today;
use crate::components::penalty::ClaimCard;
use crate::components::{date, date_view, eur, money, EmptyState};
use crate::i18n::{tr, use_t};
use crate::route::Route;
use crate::storage::Store;
use encaisse_domain::balances::Position;
use encaisse_domain::demo::{generate, DemoConfig};
use encaisse_domain::ids::InvoiceId;
use encaisse_domain::penalty::claims::{Claims, PenaltyInputs};
use encaisse_domain::sorting::sort_by;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Summary {
    outstanding: Decimal,
    overdue: Decimal,
    overdue_count: usize,
    credit: Decimal,
    clients: usize,
    claims: Claims,
    most_overdue: Vec<OverdueRow>,
}

#[derive(Clone, PartialEq)]
struct OverdueRow {
    id: InvoiceId,
    number: String,
    client: String,
    due: NaiveDate,
    days: i64,
    open: Decimal,
}

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_t();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = today();
    let summary = Memo::new(move |_| {
        ledger.with(|ledger| {
            let position = Position::new(ledger, as_of);
            let total = position.total(ledger);
            let mut overdue: Vec<OverdueRow> = ledger
                .invoices()
                .iter()
                .filter(|i| {
                    position.invoice(i.id).open() > Decimal::ZERO && position.days_overdue(i) > 0
                })
                .map(|i| OverdueRow {
                    id: i.id,
                    number: i.details.number.clone(),
                    client: ledger
                        .client(i.details.client)
                        .map(|c| c.details.name.clone())
                        .unwrap_or_default(),
                    due: i.due_date(),
                    days: position.days_overdue(i),
                    open: position.invoice(i.id).open(),
                })
                .collect();
            sort_by(&mut overdue, |a, b| {
                b.days.cmp(&a.days).then(b.open.cmp(&a.open))
            });
            overdue.truncate(10);
            Summary {
                outstanding: total.open,
                overdue: total.overdue,
                overdue_count: total.overdue_count,
                credit: total.credit,
                clients: ledger.clients().iter().filter(|c| !c.archived).count(),
                claims: PenaltyInputs::new(ledger, as_of).claims(),
                most_overdue: overdue,
            }
        })
    });
    let load_demo = move |_| {
        let _ = store.replace(generate(today(), DemoConfig::default()));
    };
    view! {
        <section class="page home">
            <Show
                when=move || !ledger.with(|l| l.is_empty())
                fallback=move || view! {
                    <h1>{tr(|t| t.welcome_title)}</h1>
                    <EmptyState title=move || t.get().app_tagline.to_string() text=move || t.get().welcome_text.to_string()>
                        <a class="button" href=Route::ClientNew.href()>{tr(|t| t.welcome_add_client)}</a>
                        <button type="button" class="secondary" data-testid="load-demo" on:click=load_demo>{tr(|t| t.welcome_load_demo)}</button>
                        <a class="button secondary" href=Route::Settings.href()>{tr(|t| t.welcome_restore)}</a>
                    </EmptyState>
                }
            >
                <h1>{move || format!("{} {}", t.get().summary_title, date(t, as_of))}</h1>
                <div class="cards">
                    <div class="card">
                        <p class="card-label">{tr(|t| t.summary_outstanding)}</p>
                        <p class="card-value" data-testid="total-outstanding">{move || eur(t, summary.with(|s| s.outstanding))}</p>
                        <p class="card-note">{move || (t.get().summary_clients)(summary.with(|s| s.clients))}</p>
                    </div>
                    <a class="card warn" href=Route::Invoices { status: Some(encaisse_domain::invoice::InvoiceStatus::Overdue), client: None }.href()>
                        <p class="card-label">{tr(|t| t.summary_overdue)}</p>
                        <p class="card-value">{move || eur(t, summary.with(|s| s.overdue))}</p>
                        <p class="card-note">{move || (t.get().summary_overdue_invoices)(summary.with(|s| s.overdue_count))}</p>
                    </a>
                    <div class="card">
                        <p class="card-label">{tr(|t| t.summary_credit)}</p>
                        <p class="card-value">{move || eur(t, summary.with(|s| s.credit))}</p>
                    </div>
                    {move || view! { <ClaimCard claims=summary.with(|s| s.claims.clone())/> }}
                </div>
                <h2>{tr(|t| t.most_overdue)}</h2>
                <Show when=move || summary.with(|s| !s.most_overdue.is_empty()) fallback=move || view! { <p>{tr(|t| t.nothing_overdue)}</p> }>
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{tr(|t| t.col_number)}</th>
                                <th scope="col">{tr(|t| t.col_client)}</th>
                                <th scope="col">{tr(|t| t.col_due)}</th>
                                <th scope="col" class="num">{tr(|t| t.col_remaining)}</th>
                            </tr></thead>
                            <tbody>
                                <For each=move || summary.get().most_overdue key=|row| (row.id, row.open, row.days) let:row>
                                    <tr>
                                        <td><a href=Route::Invoice(row.id).href()>{row.number.clone()}</a></td>
                                        <td>{row.client.clone()}</td>
                                        <td>{date_view(row.due)}" · "<span class="late">{move || (t.get().days_late)(row.days)}</span></td>
                                        <td class="num">{money(row.open)}</td>
                                    </tr>
                                </For>
                            </tbody>
                        </table>
                    </div>
                </Show>
            </Show>
        </section>
    }
}
