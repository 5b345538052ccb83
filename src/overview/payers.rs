//! Who pays well and who does not: the best and worst payers by score, the clients whose
//! score fell over three months, and the method, so that every grade can be checked by hand.

use crate::clock::today;
use crate::components::from_ledger;
use crate::components::score::grade_mark;
use crate::i18n::Texts;
use crate::overview::texts::{use_overview_texts, OverviewTexts};
use crate::shell::route::Route;
use encaisse_domain::analysis::score::{rankings, Grade, Ranked};
use encaisse_domain::model::ledger::Ledger;
use leptos::prelude::*;

fn ranking_table(
    t: &'static Texts,
    own: &'static OverviewTexts,
    ledger: &Ledger,
    testid: &'static str,
    rows: &[Ranked],
    with_before: bool,
) -> impl IntoView {
    let rows = rows
        .iter()
        .map(|r| {
            let name = ledger.client_name(r.client);
            view! {
                <tr>
                    <td><a href=Route::Client(r.client).href()>{name}</a></td>
                    <td>{grade_mark(t, r.grade, r.score)}</td>
                    {with_before.then(|| view! { <td>{r.before.map(|b| grade_mark(t, Grade::of(b), b))}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table data-testid=testid>
                <thead><tr>
                    <th scope="col">{own.col_client}</th>
                    <th scope="col">{own.col_score}</th>
                    {with_before.then(|| view! { <th scope="col">{own.col_score_before}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn PayersPage() -> impl IntoView {
    let as_of = today();
    let own = use_overview_texts();
    from_ledger(move |t, ledger| {
        let own = own.get();
        let r = rankings(ledger, as_of);
        view! {
            <section class="page">
                <h1>{own.payers_title}</h1>
                <p class="hint">{(own.payers_intro)(r.unscored)}</p>
                <div class="columns">
                    <section class="panel">
                        <h2>{own.best_payers}</h2>
                        {ranking_table(t, own, ledger, "best-payers", &r.best, false)}
                    </section>
                    <section class="panel">
                        <h2>{own.worst_payers}</h2>
                        {ranking_table(t, own, ledger, "worst-payers", &r.worst, false)}
                    </section>
                </div>
                <section class="panel">
                    <h2>{own.fallen_payers}</h2>
                    <p class="hint">{own.fallen_intro}</p>
                    {if r.fallen.is_empty() {
                        view! { <p class="empty">{own.nobody_fell}</p> }.into_any()
                    } else {
                        ranking_table(t, own, ledger, "fallen-payers", &r.fallen, true).into_any()
                    }}
                </section>
                <section class="panel" id="methode" data-testid="score-method">
                    <h2>{own.method_title}</h2>
                    {own.method_text.iter().map(|paragraph| view! { <p>{*paragraph}</p> }).collect_view()}
                </section>
            </section>
        }
    })
}
